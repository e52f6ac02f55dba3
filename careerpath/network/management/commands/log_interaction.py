"""Log an interaction from a script: careerpath log_interaction --user me@x.org --contact 12 --channel call --summary "Catch-up" """

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from careerpath.core.commands import optional_date, owner_by_email, parse_date
from careerpath.network.models import Contact, Interaction
from careerpath.network.services import log_interaction


class Command(BaseCommand):
    help = "Log an interaction with one or more contacts; their keep-in-touch clock resets."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", required=True, help="The owner's e-mail address.")
        parser.add_argument(
            "--contact",
            required=True,
            action="append",
            type=int,
            help="A contact id (see list_contacts); repeat for several people.",
        )
        parser.add_argument(
            "--channel", choices=Interaction.Channel.values, default="call"
        )
        parser.add_argument("--summary", required=True)
        parser.add_argument("--date", default="", help="YYYY-MM-DD (default: today).")
        parser.add_argument(
            "--help-direction", choices=Interaction.Help.values, default="none"
        )
        parser.add_argument("--follow-up", default="", help="Follow up by YYYY-MM-DD.")

    def handle(self, *args: Any, **options: Any) -> None:
        user = owner_by_email(options["user"])
        ids = set(options["contact"])
        contacts = list(Contact.objects.owned_by(user).filter(pk__in=ids))
        missing = ids - {c.pk for c in contacts}
        if missing:
            raise CommandError(
                f"{options['user']} has no contact with id {', '.join(map(str, sorted(missing)))}."
            )
        today = user.today()
        data = {
            "occurred_on": optional_date(options["date"], "--date", default=today),
            "channel": options["channel"],
            "summary": options["summary"],
            "help_direction": options["help_direction"],
            "follow_up_on": (
                parse_date(options["follow_up"], "--follow-up")
                if options["follow_up"]
                else None
            ),
        }
        try:
            interaction = log_interaction(
                owner=user, contacts=contacts, data=data, today=today
            )
        except ValidationError as error:
            messages = "; ".join(
                f"{field}: {m}" for field, ms in error.message_dict.items() for m in ms
            )
            raise CommandError(f"Nothing was logged: {messages}") from None
        names = ", ".join(c.name for c in contacts)
        self.stdout.write(f"Logged interaction {interaction.pk} with {names}.")
