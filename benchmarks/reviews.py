"""Yearly review summary time for the demo user at scale (target: under 100 ms).

    .venv/bin/python benchmarks/reviews.py [--scale 10] [--runs 30]

Builds a throwaway SQLite database (WAL, the real settings) in a temporary folder,
seeds the demo account with ``seed_demo_data --scale N``, then times the live summary
of the last full year (every area's ``period_summary``) and the review pages that
show it, printing median and p95 milliseconds and the number of queries.
Nothing is written outside the temporary folder.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _report(label: str, samples: list[float], queries: int) -> None:
    ordered = sorted(samples)
    p95 = ordered[max(0, round(len(ordered) * 0.95) - 1)]
    print(
        f"{label:<44} median {statistics.median(samples):7.1f} ms"
        f"   p95 {p95:7.1f} ms   {queries:3d} queries"
    )


from _django import seed_demo, setup_throwaway_instance  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    setup_throwaway_instance()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    print(f"seeded scale {args.scale} in {seed_demo(args.scale):.1f} s")

    from careerpath.accounts.models import User
    from careerpath.reviews.models import Review
    from careerpath.reviews.services import period_summary

    user = User.objects.get(email="demo@careerpath.local")
    year = user.today().year - 1
    start, end = date(year, 1, 1), date(year, 12, 31)

    samples = []
    for _ in range(args.runs):
        t = time.perf_counter()
        with CaptureQueriesContext(connection) as ctx:
            period_summary(user, start, end)
        samples.append((time.perf_counter() - t) * 1000)
    _report(f"yearly summary {year} (live)", samples, len(ctx.captured_queries))

    client = Client()
    client.force_login(user)
    yearly = Review.objects.owned_by(user).filter(cadence="yearly").first()
    pages = [
        (
            f"review page, open {year + 1} so far (live summary)",
            f"/reviews/open/?cadence=yearly&day={year + 1}-01-01",
        ),
        ("review list", "/reviews/"),
    ]
    if yearly is not None:
        pages.append(
            (f"completed review {yearly.label} (frozen)", yearly.get_absolute_url())
        )
    for label, url in pages:
        client.get(url)
        samples = []
        for _ in range(args.runs):
            t = time.perf_counter()
            with CaptureQueriesContext(connection) as ctx:
                response = client.get(url)
            samples.append((time.perf_counter() - t) * 1000)
            assert response.status_code in {200, 302}, (url, response.status_code)
        _report(label, samples, len(ctx.captured_queries))


if __name__ == "__main__":
    main()
