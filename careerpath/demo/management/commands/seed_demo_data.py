"""Create (or re-create) a demo account with realistic content in every area."""

from __future__ import annotations

import secrets
from typing import Any

from allauth.account.models import EmailAddress
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from careerpath.accounts.models import User
from careerpath.demo.seeders import seed_all

DEMO_EMAIL = "demo@careerpath.local"


class Command(BaseCommand):
    help = "Create a demo account (credentials printed) with two years of realistic content."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scale",
            type=int,
            default=1,
            help="Multiply the volume (for benchmarks); 1–100.",
        )
        parser.add_argument(
            "--email", default=DEMO_EMAIL, help="The demo account's e-mail address."
        )
        parser.add_argument(
            "--password", default="", help="Its password (default: a new random one)."
        )

    def handle(
        self, *args: Any, scale: int, email: str, password: str, **options: Any
    ) -> None:
        if not 1 <= scale <= 100:
            raise CommandError(f"--scale must be between 1 and 100, not {scale}.")
        password = password or secrets.token_urlsafe(12)
        with transaction.atomic():
            # Re-running replaces the demo account's content rather than piling it up.
            User.objects.filter(email__iexact=email).delete()
            user = User.objects.create_user(
                email, password, display_name="Dana Demo", time_zone="Europe/London"
            )
            EmailAddress.objects.create(
                user=user, email=email, verified=True, primary=True
            )
            counts = seed_all(user, scale=scale, today=user.today())
        self.stdout.write(self.style.SUCCESS("Demo account ready."))
        for label, count in counts.items():
            self.stdout.write(f"  {label}: {count}")
        self.stdout.write(
            f"Sign in at http://127.0.0.1:8000/accounts/login/ with\n  e-mail:   {email}\n  password: {password}"
        )
