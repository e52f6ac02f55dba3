"""Import time for 5,000 LinkedIn connections and contact search latency at 10,000 contacts.

    .venv/bin/python benchmarks/network.py [--connections 5000] [--contacts 10000] [--runs 30]

Builds a throwaway SQLite database (WAL, the real settings) in a temporary folder,
generates a LinkedIn ``Connections.csv`` (with its "Notes:" preamble, quoted commas and
both date formats), then times parse + preview + commit, and a re-import of a newer
export (every row an update or unchanged). Then it fills the account up to N contacts
and times searches by name, company, tag and notes, in-process and through the page.
Nothing is written outside the temporary folder. Budget: 5,000 connections in < 10 s.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Commas inside company names and titles, as real exports have them.
COMPANIES = [
    "Northwind Health",
    "Globex Analytics",
    "Acme, Inc.",
    "Initech",
    "Helix Bio",
    "Blue Harbor Bank",
]
TITLES = [
    "Data Scientist",
    "Head of Data",
    "VP, Sales & Partnerships",
    "Product Manager",
    "Recruiter",
]


def connections_csv(count: int, rng: random.Random, *, newer: bool = False) -> str:
    from careerpath.network.demo import FIRST, LAST  # after django.setup()

    lines = [
        "Notes:",
        '"When exporting your connection data, you may notice that some of the email addresses are missing."',
        "",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
    ]
    for n in range(count):
        first, last = FIRST[n % len(FIRST)], f"{LAST[n % len(LAST)]}{n}"
        company = COMPANIES[(n + (1 if newer and n % 3 == 0 else 0)) % len(COMPANIES)]
        title = TITLES[n % len(TITLES)]
        email = f"{first.lower()}.{last.lower()}@example.org" if n % 4 == 0 else ""
        when = (
            f"{rng.randint(1, 28):02d} Mar 20{rng.randint(10, 25)}"
            if n % 2
            else f"{rng.randint(1, 28)}-Feb-2{rng.randint(0, 4)}"
        )
        lines.append(
            f'{first},{last},https://www.linkedin.com/in/{first.lower()}-{last.lower()},{email},"{company}","{title}",{when}'
        )
    return "\r\n".join(lines) + "\r\n"


from _django import setup_throwaway_instance  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--connections", type=int, default=5000)
    parser.add_argument("--contacts", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    setup_throwaway_instance()
    from django.test import Client

    from careerpath.accounts.models import User
    from careerpath.network import portability
    from careerpath.network.demo import FIRST, LAST
    from careerpath.network.models import Contact

    rng = random.Random(5)
    user = User.objects.create_user(
        email="bench@example.org", password="benchmark password"
    )
    today = user.today()
    print(
        f"careerpath network benchmark — SQLite, {args.connections:,} connections, {args.contacts:,} contacts"
    )

    text = connections_csv(args.connections, rng)
    t0 = time.perf_counter()
    records = portability.parse_file("linkedin", text, filename="Connections.csv")
    t1 = time.perf_counter()
    plan = portability.plan_import(user, records)
    t2 = time.perf_counter()
    counts = portability.commit_import(user, records, source="linkedin", today=today)
    t3 = time.perf_counter()
    print(
        f"first import: parse {t1 - t0:.2f} s, preview {t2 - t1:.2f} s, commit {t3 - t2:.2f} s, "
        f"total {t3 - t0:.2f} s (budget 10 s) — {counts['new']:,} new, {plan.counts['skip']} skipped"
    )
    newer = portability.parse_file(
        "linkedin",
        connections_csv(args.connections, random.Random(5), newer=True),
        filename="Connections.csv",
    )
    t4 = time.perf_counter()
    portability.plan_import(user, newer)
    t_preview = time.perf_counter() - t4
    t4 = time.perf_counter()
    counts = portability.commit_import(user, newer, source="linkedin", today=today)
    t5 = time.perf_counter()
    print(
        f"re-import of a newer export: preview {t_preview:.2f} s, commit {t5 - t4:.2f} s — {counts['new']} new, "
        f"{counts['update']:,} updated, {counts['skip']:,} unchanged"
    )

    # Fill up to the search size with varied contacts (tags and notes included).
    missing = args.contacts - Contact.objects.owned_by(user).count()
    extra = []
    for n in range(max(0, missing)):
        contact = Contact(
            owner=user,
            name=f"{rng.choice(FIRST)} {rng.choice(LAST)} {n}",
            company=rng.choice(COMPANIES),
            title=rng.choice(TITLES),
            tags=rng.sample(["pydata", "healthcare", "hiring", "ml", "sql"], k=2),
            notes=rng.choice(
                [
                    "",
                    "Talked about causal inference at the meetup.",
                    "Knows the hiring managers.",
                ]
            ),
            relationship_types=[
                rng.choice(["peer", "alumni", "industry", "recruiter"])
            ],
            keep_in_touch=rng.random() < 0.3,
            added_on=today,
        )
        contact.refresh_derived()
        extra.append(contact)
    Contact.objects.bulk_create(extra, batch_size=1000)
    total = Contact.objects.owned_by(user).count()

    client = Client()
    client.force_login(user)
    queries = {
        "name": "maya",
        "company": "globex",
        "two words": "priya northwind",
        "tag (as word)": "pydata",
        "notes": "causal",
        "no match": "zzzzzz",
    }
    print(f"search at {total:,} contacts ({args.runs} runs each)")
    print(
        f"{'query':<16}{'matches':>9}{'ORM first page ms':>19}{'page median ms':>16}{'p95 ms':>8}"
    )
    for label, q in queries.items():
        orm = []
        for _ in range(args.runs):
            s = time.perf_counter()
            matches = Contact.objects.owned_by(user).search(q)
            list(matches.defer("notes", "search_text")[:50])
            orm.append((time.perf_counter() - s) * 1000)
        count = Contact.objects.owned_by(user).search(q).count()
        page = []
        assert client.get("/network/contacts/", {"q": q}).status_code == 200
        for _ in range(args.runs):
            s = time.perf_counter()
            client.get("/network/contacts/", {"q": q})
            page.append((time.perf_counter() - s) * 1000)
        page.sort()
        p95 = page[min(len(page) - 1, int(len(page) * 0.95))]
        print(
            f"{label:<16}{count:>9,}{statistics.median(orm):>19.1f}{statistics.median(page):>16.1f}{p95:>8.1f}"
        )
    tagged = []
    for _ in range(args.runs):
        s = time.perf_counter()
        client.get("/network/contacts/", {"tag": "healthcare"})
        tagged.append((time.perf_counter() - s) * 1000)
    print(
        f"{'tag filter':<16}{Contact.objects.owned_by(user).tagged('healthcare').count():>9,}{'':>19}{statistics.median(tagged):>16.1f}"
    )
    overview = []
    for _ in range(max(5, args.runs // 3)):
        s = time.perf_counter()
        client.get("/network/")
        overview.append((time.perf_counter() - s) * 1000)
    print(
        f"overview page at {total:,} contacts: median {statistics.median(overview):.1f} ms"
    )


if __name__ == "__main__":
    main()
