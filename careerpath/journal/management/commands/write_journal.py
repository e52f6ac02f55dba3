"""Write a journal entry from the command line:

    careerpath write_journal --user me@x.org --mood 4 --tags "1:1s, leadership" "Good talk with Sam."

Pass "-" as the text to read it from standard input.
"""

from __future__ import annotations

import sys
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from careerpath.core.commands import optional_date, owner_by_email
from careerpath.journal.services import write_entry


class Command(BaseCommand):
    help = "Write a journal entry (Markdown) with a mood from 1 to 5 and optional tags."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("text", help='The entry; "-" reads standard input.')
        parser.add_argument(
            "--user", required=True, help="The person's e-mail address."
        )
        parser.add_argument("--mood", required=True, help="1 awful … 5 great.")
        parser.add_argument("--tags", default="", help="Comma-separated tags.")
        parser.add_argument("--title", default="", help="An optional title.")
        parser.add_argument(
            "--date",
            default="",
            help="YYYY-MM-DD (default: today where the person is).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        user = owner_by_email(options["user"])
        mood = options["mood"].strip()
        if not mood.isdigit() or not 1 <= int(mood) <= 5:
            raise CommandError(
                f"--mood must be a whole number from 1 to 5, not {mood!r}."
            )
        written_on = optional_date(options["date"], "--date", default=user.today())
        text = sys.stdin.read() if options["text"] == "-" else options["text"]
        if not text.strip():
            raise CommandError("The entry is empty: nothing saved.")
        tags = [t.strip() for t in options["tags"].split(",") if t.strip()]
        try:
            entry = write_entry(
                owner=user,
                data={
                    "written_on": written_on,
                    "title": options["title"],
                    "body": text.strip(),
                    "mood": int(mood),
                    "tags": tags,
                },
            )
        except ValidationError as error:
            messages = "; ".join(m for ms in error.message_dict.values() for m in ms)
            raise CommandError(f"Nothing saved: {messages}") from None
        self.stdout.write(
            f"Saved entry {entry.pk} for {entry.written_on:%Y-%m-%d} (mood {entry.mood}"
            f"{', tags: ' + ', '.join(entry.tags) if entry.tags else ''})."
        )
