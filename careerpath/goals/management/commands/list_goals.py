"""List a person's goals with their pace: careerpath list_goals --user me@x.org [--format json]"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from careerpath.core.commands import owner_by_email
from careerpath.goals.models import Goal
from careerpath.goals.tracking import goal_pace


class Command(BaseCommand):
    help = (
        "List a person's open goals (or all with --all) with ids, deadlines and pace."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", required=True, help="The owner's e-mail address.")
        parser.add_argument(
            "--all", action="store_true", help="Include achieved and abandoned goals."
        )
        parser.add_argument("--format", choices=("text", "json"), default="text")

    def handle(self, *args: Any, **options: Any) -> None:
        user = owner_by_email(options["user"])
        today = user.today()
        goals = Goal.objects.owned_by(user).with_progress().order_by("deadline", "pk")
        if not options["all"]:
            goals = goals.open()
        rows = []
        for goal in goals:
            pace = goal_pace(goal, today=today)
            rows.append(
                {
                    "id": goal.pk,
                    "statement": goal.statement,
                    "status": goal.status,
                    "deadline": goal.deadline.isoformat() if goal.deadline else None,
                    "pace": pace.status,
                    "reason": pace.reason,
                }
            )
        if options["format"] == "json":
            self.stdout.write(json.dumps(rows, indent=2))
            return
        if not rows:
            self.stdout.write("No goals.")
        for row in rows:
            self.stdout.write(
                f"{row['id']:>5}  {row['status']:<9} {row['deadline'] or '—':<10}  {row['statement']}\n       {row['reason']}"
            )
