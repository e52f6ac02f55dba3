"""List a person's learning items with ids: careerpath list_learning --user me@x.org [--all] [--format json]"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from careerpath.core.commands import owner_by_email
from careerpath.learning.models import LearningItem


class Command(BaseCommand):
    help = "List a person's planned and in-progress learning (or all with --all), with ids."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", required=True, help="The owner's e-mail address.")
        parser.add_argument(
            "--all", action="store_true", help="Include completed and dropped items."
        )
        parser.add_argument("--format", choices=("text", "json"), default="text")

    def handle(self, *args: Any, **options: Any) -> None:
        user = owner_by_email(options["user"])
        today = user.today()
        items = LearningItem.objects.owned_by(user).with_logged_hours().order_by("pk")
        if not options["all"]:
            items = items.open()
        rows: list[dict[str, Any]] = [
            {
                "id": item.pk,
                "title": item.title,
                "kind": item.kind,
                "status": item.status,
                "logged_hours": str(item.logged_hours or Decimal(0)),
                "expires_on": item.expires_on.isoformat() if item.expires_on else None,
                "renewal": item.renewal_state(today).state.value,
            }
            for item in items
        ]
        if options["format"] == "json":
            self.stdout.write(json.dumps(rows, indent=2))
            return
        if not rows:
            self.stdout.write("No learning items.")
        for row in rows:
            renewal = (
                f", certificate {row['renewal']} (expires {row['expires_on']})"
                if row["expires_on"]
                else ""
            )
            self.stdout.write(
                f"{row['id']:>5}  {row['title']} [{row['status']}, "
                f"{Decimal(row['logged_hours']).normalize():f} h logged{renewal}]"
            )
