"""Log an achievement:

    careerpath add_achievement --user me@x.org --title "Automated the KPI report" \
        --what "Rewrote the extract in SQL" --impact 16 --unit "hours saved a month" --skill SQL
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from careerpath.achievements.models import Achievement
from careerpath.achievements.services import save_achievement
from careerpath.core.commands import owner_by_email, parse_date, refused
from careerpath.goals.models import Goal


class Command(BaseCommand):
    help = "Add a win to your brag document."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", required=True, help="Your e-mail address.")
        parser.add_argument("--title", required=True)
        parser.add_argument("--what", required=True, help="What you did.")
        parser.add_argument("--date", default="", help="YYYY-MM-DD (default: today).")
        parser.add_argument("--impact", default="", help="The impact as a number.")
        parser.add_argument("--unit", default="", help="The impact's unit.")
        parser.add_argument(
            "--skill", action="append", default=[], help="A skill shown."
        )
        parser.add_argument(
            "--goal", type=int, default=None, help="The goal served (id)."
        )
        parser.add_argument(
            "--visibility",
            choices=Achievement.Visibility.values,
            default=Achievement.Visibility.PRIVATE,
        )

    def handle(self, *args: Any, **options: Any) -> None:
        user = owner_by_email(options["user"])
        impact = None
        if options["impact"]:
            try:
                impact = Decimal(options["impact"])
                if not impact.is_finite():
                    raise InvalidOperation
            except InvalidOperation:
                raise CommandError(
                    f"--impact must be a number, not {options['impact']!r}."
                ) from None
        goal = None
        if options["goal"] is not None:
            goal = Goal.objects.owned_by(user).filter(pk=options["goal"]).first()
            if goal is None:
                raise CommandError(
                    f"{options['user']} has no goal with id {options['goal']}."
                )
        data = {
            "title": options["title"],
            "what_i_did": options["what"],
            "achieved_on": parse_date(options["date"], "--date")
            if options["date"]
            else user.today(),
            "impact_value": impact,
            "impact_unit": options["unit"],
            "skills": options["skill"],
            "goal": goal,
            "visibility": options["visibility"],
        }
        try:
            achievement = save_achievement(owner=user, data=data)
        except ValidationError as error:
            raise refused(error) from None
        self.stdout.write(f"Achievement {achievement.pk} added: {achievement.title}")
