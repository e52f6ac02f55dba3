"""Ask someone for feedback and print the ready-to-send text (or e-mail it with --send).

careerpath request_feedback --user me@x.org --to "Priya" --about "the pricing launch" --due 2026-12-04
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from careerpath.core.commands import owner_by_email, parse_date, refused
from careerpath.feedback.models import FeedbackRequest
from careerpath.feedback.services import request_text, save_request, send_request


class Command(BaseCommand):
    help = "Record a feedback request and print the message to send (or e-mail it)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", required=True, help="Your e-mail address.")
        parser.add_argument("--to", required=True, help="Whom you ask (a name).")
        parser.add_argument("--email", default="", help="Their e-mail address.")
        parser.add_argument("--about", required=True, help="About what.")
        parser.add_argument(
            "--about-kind",
            choices=FeedbackRequest.About.values,
            default=FeedbackRequest.About.PROJECT,
        )
        parser.add_argument("--question", default="", help="What you want to know.")
        parser.add_argument("--due", required=True, help="Reply by, YYYY-MM-DD.")
        parser.add_argument(
            "--send",
            action="store_true",
            help="E-mail it (needs CAREERPATH_EMAIL_URL and --email).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        user = owner_by_email(options["user"])
        data = {
            "recipient_name": options["to"].strip(),
            "recipient_email": options["email"].strip(),
            "about_kind": options["about_kind"],
            "about": options["about"].strip(),
            "question": options["question"],
            "asked_on": user.today(),
            "due_on": parse_date(options["due"], "--due"),
        }
        try:
            with transaction.atomic():
                created = save_request(owner=user, data=data)
                if options["send"]:
                    send_request(created)
        except ValidationError as error:
            raise refused(error) from None
        text = request_text(created)
        self.stdout.write(f"Request {created.pk} saved.")
        if options["send"]:
            self.stdout.write(f"E-mailed to {created.recipient_email}.")
        self.stdout.write(f"\nSubject: {text.subject}\n\n{text.body}")
