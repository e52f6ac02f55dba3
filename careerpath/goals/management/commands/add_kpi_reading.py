"""Record a KPI reading for a goal, e.g. from cron: careerpath add_kpi_reading --user me@x.org --goal 12 --value 14"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from careerpath.core.commands import optional_date, owner_by_email
from careerpath.goals.models import Goal
from careerpath.goals.services import add_reading
from careerpath.goals.tracking import goal_pace


class Command(BaseCommand):
    help = "Record a KPI reading for one of a person's goals and print the pace."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--user", required=True, help="The goal owner's e-mail address."
        )
        parser.add_argument(
            "--goal", required=True, type=int, help="The goal's id (see list_goals)."
        )
        parser.add_argument(
            "--value", required=True, help="The measured value, e.g. 14 or 3.5."
        )
        parser.add_argument(
            "--date",
            default="",
            help="YYYY-MM-DD (default: today in the person's time zone).",
        )
        parser.add_argument("--note", default="", help="A short note.")

    def handle(self, *args: Any, **options: Any) -> None:
        user = owner_by_email(options["user"])
        goal = Goal.objects.owned_by(user).filter(pk=options["goal"]).first()
        if goal is None:
            raise CommandError(
                f"{options['user']} has no goal with id {options['goal']}."
            )
        try:
            value = Decimal(options["value"])
            if not value.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            raise CommandError(
                f"--value must be a number, not {options['value']!r}."
            ) from None
        read_on = optional_date(options["date"], "--date", default=user.today())
        try:
            add_reading(goal, read_on=read_on, value=value, note=options["note"])
        except ValidationError as error:
            messages = "; ".join(m for ms in error.message_dict.values() for m in ms)
            raise CommandError(f"Nothing recorded: {messages}") from None
        goal = Goal.objects.with_progress().get(pk=goal.pk)
        pace = goal_pace(goal, today=user.today())
        self.stdout.write(
            f"Recorded {value.normalize():f} {goal.metric_unit} on {read_on:%Y-%m-%d}. {pace.reason}"
        )
