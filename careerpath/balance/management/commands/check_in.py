"""Check in from the command line: careerpath check_in --user me@x.org --hours 45 --stress 4 …

Values left out are taken from the week before (or the first-check-in defaults), as in
the form; a second check-in for a week updates it. Prints the burnout signal.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from careerpath.balance.burnout import week_start
from careerpath.balance.services import record_check_in, signal_for, suggested_values
from careerpath.core.commands import optional_date, owner_by_email

SCORES = ("energy", "stress", "satisfaction", "personal_time")


def _number(name: str, raw: str) -> Decimal:
    try:
        value = Decimal(raw)
        if not value.is_finite():
            raise InvalidOperation
    except InvalidOperation:
        raise CommandError(f"--{name} must be a number, not {raw!r}.") from None
    return value


def _score(name: str, raw: str) -> int:
    if not raw.strip().isdigit() or not 1 <= int(raw) <= 5:
        raise CommandError(
            f"--{name.replace('_', '-')} must be a whole number from 1 to 5, not {raw!r}."
        )
    return int(raw)


class Command(BaseCommand):
    help = "Record (or update) a person's weekly balance check-in and print the burnout signal."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--user", required=True, help="The person's e-mail address."
        )
        parser.add_argument(
            "--week",
            default="",
            help="Any day of the week, YYYY-MM-DD (default: this week).",
        )
        parser.add_argument("--hours", default="", help="Hours worked, e.g. 42.5.")
        parser.add_argument(
            "--sleep", default="", help="Hours of sleep a night, e.g. 7."
        )
        for name in SCORES:
            parser.add_argument(
                f"--{name.replace('_', '-')}", dest=name, default="", help="1 to 5."
            )
        parser.add_argument("--note", default=None, help="A short note.")

    def handle(self, *args: Any, **options: Any) -> None:
        user = owner_by_email(options["user"])
        week = week_start(
            optional_date(options["week"], "--week", default=user.today())
        )
        data = suggested_values(user, week_of=week)
        if options["hours"]:
            data["hours_worked"] = _number("hours", options["hours"])
        if options["sleep"]:
            data["sleep_hours"] = _number("sleep", options["sleep"])
        for name in SCORES:
            if options[name]:
                data[name] = _score(name, options[name])
        if options["note"] is not None:
            data["note"] = options["note"]
        try:
            check_in, created = record_check_in(owner=user, week_of=week, data=data)
        except ValidationError as error:
            messages = "; ".join(
                f"{field}: {message}" if field != "__all__" else message
                for field, ms in error.message_dict.items()
                for message in ms
            )
            raise CommandError(f"Nothing saved: {messages}") from None
        verb = "Saved" if created else "Updated"
        self.stdout.write(
            f"{verb} the check-in for the week of {check_in.week_of:%Y-%m-%d}: "
            f"{check_in.hours_worked.normalize():f} h worked, "
            f"{check_in.sleep_hours.normalize():f} h sleep, energy {check_in.energy}, "
            f"stress {check_in.stress}, satisfaction {check_in.satisfaction}, "
            f"personal time {check_in.personal_time}."
        )
        signal = signal_for(user, today=user.today())
        self.stdout.write(f"Burnout signal: {signal.label}. {signal.summary}")
        for reason in signal.reasons:
            self.stdout.write(f"  - {reason.text}")
