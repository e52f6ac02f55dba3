"""List contacts: careerpath list_contacts --user me@x.org [--search words] [--due]"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from careerpath.core.commands import owner_by_email
from careerpath.network.models import Contact


class Command(BaseCommand):
    help = (
        "List a person's contacts with their keep-in-touch state, optionally searched."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", required=True, help="The owner's e-mail address.")
        parser.add_argument(
            "--search", default="", help="Words in name, company, tags or notes."
        )
        parser.add_argument(
            "--due", action="store_true", help="Only people due a catch-up."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        user = owner_by_email(options["user"])
        today = user.today()
        contacts = Contact.objects.owned_by(user).defer("notes", "search_text")
        if options["search"]:
            contacts = contacts.search(options["search"])
        if options["due"]:
            contacts = contacts.needing_attention(today).order_by("due_on", "name")
        count = 0
        for contact in contacts.iterator(chunk_size=500):
            count += 1
            cadence = contact.cadence(today)
            due = f" (catch up by {cadence.due_on})" if cadence.due_on else ""
            self.stdout.write(f"{contact.pk:>6}  {contact}  — {cadence.label}{due}")
        self.stdout.write(f"{count} contact{'s' if count != 1 else ''}.")
