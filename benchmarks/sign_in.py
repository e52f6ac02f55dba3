"""Sign-in time for a right password, a wrong one and an unknown account, with Argon2.

    .venv/bin/python benchmarks/sign_in.py [--runs 15]

Builds a throwaway SQLite database with the real settings (the production password
hasher) in a temporary folder, creates one account and posts each kind of attempt to
allauth's sign-in page and to the admin's (mounted for the run), printing the median
milliseconds and how many password hashes each attempt computed. The three kinds
must cost the same; otherwise the answer's timing tells whether a password is right.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSWORD = "benchmark password 42"

from _django import setup_throwaway_instance  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    setup_throwaway_instance(CAREERPATH_ADMIN_ENABLED="true")
    from allauth.account.models import EmailAddress
    from django.conf import settings
    from django.contrib.auth import hashers
    from django.core.cache import cache
    from django.test import Client

    from careerpath.accounts.models import User

    user = User.objects.create_user("bench@example.org", PASSWORD, is_staff=True)
    EmailAddress.objects.create(
        user=user, email=user.email, verified=True, primary=True
    )

    computed = 0
    for hasher in hashers.get_hashers():
        for name in ("encode", "verify"):
            original = getattr(type(hasher), name)

            def counted(self, *a, _original=original, **kw):
                nonlocal computed
                computed += 1
                return _original(self, *a, **kw)

            setattr(type(hasher), name, counted)

    paths = {
        "allauth": ("/accounts/login/", "login"),
        "admin": ("/admin/login/?next=/admin/", "username"),
    }
    kinds = {
        "right": (user.email, PASSWORD),
        "wrong": (user.email, "not the password!"),
        "unknown": ("nobody@example.org", PASSWORD),
    }
    print(f"{settings.PASSWORD_HASHERS[0].rsplit('.', 1)[1]}, {args.runs} runs each")
    for path_name, (url, field) in paths.items():
        for kind, (email, password) in kinds.items():
            times, hashes = [], set()
            for _ in range(args.runs):
                cache.clear()  # stay under the rate limit
                client = Client()
                before = computed
                started = time.perf_counter()
                client.post(url, {field: email, "password": password})
                times.append(time.perf_counter() - started)
                hashes.add(computed - before)
            print(
                f"{path_name:8} {kind:8} median {statistics.median(times) * 1000:6.0f} ms"
                f"  hashes {'/'.join(map(str, sorted(hashes)))}"
            )


if __name__ == "__main__":
    main()
