"""vCard parse time against file size: it must grow linearly.

    .venv/bin/python benchmarks/vcard.py [--sizes 1 2 4 8] [--runs 3]

Two shapes per size (in MB): an address book of ordinary cards, and one card whose NOTE
is folded over one line per 75 octets — the shape that used to take quadratic time (a
7.8 MB file ran past the 30 s worker timeout). Prints the best of ``--runs`` for the
whole upload path (decode, detect, parse) and the time per MB; linear parsing keeps the
last column flat. Nothing is written anywhere.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerpath.settings")

MB = 1024 * 1024
CARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Okafor;Kemi;;;\r\nFN:Kemi Okafor {n}\r\n"
    "ORG:Northwind Health;\r\nTITLE:Head of Data\r\n"
    "EMAIL;type=INTERNET:kemi{n}@northwind.example\r\n"
    "TEL;type=CELL:+44 7700 900{n:03d}\r\n"
    "item1.URL:https://kemi{n}.example/blog\r\nitem1.X-ABLabel:blog\r\n"
    "NOTE:Met at PyData London\\, talked about forecasting and the data platform\\n"
    "She offered to review my talk abstract before the deadline\\; follow up in \r\n"
    " spring about the analytics team and the mentoring scheme.\r\n"
    "CATEGORIES:pydata,mentoring\r\nEND:VCARD\r\n"
)


def address_book(size: int) -> bytes:
    cards, total, n = [], 0, 0
    while total < size:
        card = CARD.format(n=n % 1000)
        cards.append(card)
        total += len(card)
        n += 1
    return "".join(cards).encode()


def folded(size: int) -> bytes:
    """One card whose NOTE is folded every 74 characters, as exporters fold."""
    head = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Jane Doe\r\nNOTE:"
    lines = (size - len(head)) // 77
    return (head + "\r\n ".join(["x" * 74] * lines) + "\r\nEND:VCARD\r\n").encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 4, 8])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    import django

    django.setup()
    from careerpath.network import portability

    def parse(data: bytes) -> int:
        text = portability.decode_upload(data, filename="contacts.vcf")
        kind = portability.detect_kind(text, filename="contacts.vcf")
        return len(portability.parse_file(kind, text, filename="contacts.vcf"))

    print(f"{'shape':<14}{'MB':>6}{'cards':>8}{'seconds':>10}{'s per MB':>10}")
    for name, make in (("address book", address_book), ("folded NOTE", folded)):
        for mb in args.sizes:
            # Just under the 8 MB upload limit for the largest size.
            data = make(int(mb * MB) - 4096)
            best = float("inf")
            for _ in range(args.runs):
                started = time.perf_counter()
                cards = parse(data)
                best = min(best, time.perf_counter() - started)
            size = len(data) / MB
            print(f"{name:<14}{size:>6.1f}{cards:>8}{best:>10.3f}{best / size:>10.3f}")


if __name__ == "__main__":
    main()
