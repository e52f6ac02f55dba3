"""Record feedback you received:

    careerpath record_feedback --user me@x.org --source "Priya" --kind constructive \
        --text "Share drafts earlier" --theme communication --theme delivery
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from careerpath.core.commands import owner_by_email, parse_date, refused
from careerpath.feedback.models import Feedback, FeedbackRequest
from careerpath.feedback.services import record_feedback


class Command(BaseCommand):
    help = "Record feedback you received, with its kind, themes and skills."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", required=True, help="Your e-mail address.")
        parser.add_argument("--source", required=True, help="Who gave it.")
        parser.add_argument(
            "--kind", required=True, choices=Feedback.Kind.values, help="Its kind."
        )
        parser.add_argument("--text", required=True, help="What they said.")
        parser.add_argument("--context", default="", help="Where it came from.")
        parser.add_argument("--date", default="", help="YYYY-MM-DD (default: today).")
        parser.add_argument("--theme", action="append", default=[], help="A theme.")
        parser.add_argument("--skill", action="append", default=[], help="A skill.")
        parser.add_argument(
            "--request", type=int, default=None, help="The request it answers (id)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        user = owner_by_email(options["user"])
        answered = None
        if options["request"] is not None:
            answered = (
                FeedbackRequest.objects.owned_by(user)
                .filter(pk=options["request"])
                .first()
            )
            if answered is None:
                raise CommandError(
                    f"{options['user']} has no feedback request with id {options['request']}."
                )
        data = {
            "request": answered,
            "source": options["source"].strip(),
            "kind": options["kind"],
            "text": options["text"],
            "context": options["context"].strip(),
            "received_on": parse_date(options["date"], "--date")
            if options["date"]
            else user.today(),
            "themes": options["theme"],
            "skills": options["skill"],
        }
        try:
            feedback = record_feedback(owner=user, data=data)
        except ValidationError as error:
            raise refused(error) from None
        themes = ", ".join(feedback.themes) or "no themes"
        self.stdout.write(f"Feedback {feedback.pk} recorded ({themes}).")
