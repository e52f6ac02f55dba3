"""Log hours of learning, e.g. from cron or a script: careerpath log_learning --user me@x.org 12 1.5

ITEM is a learning item's id (see list_learning) or ``-`` for standalone practice.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from careerpath.core.commands import optional_date, owner_by_email
from careerpath.learning.models import LearningItem
from careerpath.learning.services import log_session


class Command(BaseCommand):
    help = "Log hours of learning on one of a person's learning items (or standalone)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "item", help="The learning item's id (see list_learning), or - for none."
        )
        parser.add_argument(
            "hours", help="Hours spent, e.g. 1.5 (more than 0, at most 24)."
        )
        parser.add_argument("--user", required=True, help="The owner's e-mail address.")
        parser.add_argument(
            "--date",
            default="",
            help="YYYY-MM-DD (default: today in the person's time zone).",
        )
        parser.add_argument("--skill", default="", help="The skill practised.")
        parser.add_argument("--note", default="", help="A short note.")

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        user = owner_by_email(options["user"])
        item = None
        if options["item"] != "-":
            if not options["item"].isdigit():
                raise CommandError(
                    f"ITEM must be a learning item's id or -, not {options['item']!r}."
                )
            item = (
                LearningItem.objects.owned_by(user)
                .filter(pk=int(options["item"]))
                .first()
            )
            if item is None:
                raise CommandError(
                    f"{options['user']} has no learning item with id {options['item']}."
                )
        try:
            hours = Decimal(options["hours"])
            if not hours.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            raise CommandError(
                f"HOURS must be a number, not {options['hours']!r}."
            ) from None
        logged_on = optional_date(options["date"], "--date", default=user.today())
        if len(options["note"]) > 500 or len(options["skill"]) > 80:
            raise CommandError(
                "Nothing logged: keep --skill to 80 and --note to 500 characters."
            )
        try:
            session = log_session(
                owner=user,
                item=item,
                logged_on=logged_on,
                hours=hours,
                skill=options["skill"],
                note=options["note"],
            )
        except ValidationError as error:
            messages = "; ".join(m for ms in error.message_dict.values() for m in ms)
            raise CommandError(f"Nothing logged: {messages}") from None
        target = f" on “{item.title}”" if item else ""
        self.stdout.write(
            f"Logged {session.hours.normalize():f} h{target} for {logged_on:%Y-%m-%d}."
        )
