"""Print recurring feedback themes ranked as areas for improvement, with the reasons:

careerpath improvement_areas --user me@x.org [--format json]
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from careerpath.core.commands import owner_by_email
from careerpath.feedback.improvement import theme_report


class Command(BaseCommand):
    help = (
        "List areas for improvement drawn from feedback themes, and why each is there."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", required=True, help="Your e-mail address.")
        parser.add_argument("--format", choices=("text", "json"), default="text")

    def handle(self, *args: Any, **options: Any) -> None:
        report = theme_report(owner_by_email(options["user"]))
        rows = [
            {"theme": s.label, "weight": s.weight, "reason": s.reason}
            for s in report.areas
        ]
        if options["format"] == "json":
            self.stdout.write(json.dumps(rows, indent=2))
            return
        if not rows:
            self.stdout.write("No recurring themes yet.")
        for rank, row in enumerate(rows, start=1):
            self.stdout.write(f"{rank}. {row['theme']}\n   {row['reason']}")
