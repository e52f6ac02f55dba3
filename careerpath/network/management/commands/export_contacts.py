"""Export contacts: careerpath export_contacts --user me@x.org --format vcard > contacts.vcf"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from careerpath.core.commands import owner_by_email
from careerpath.network import portability


class Command(BaseCommand):
    help = "Write every contact as vCard 4.0 or CSV, to a file or standard output."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", required=True, help="The owner's e-mail address.")
        parser.add_argument("--format", choices=("vcard", "csv"), default="vcard")
        parser.add_argument(
            "--output", default="", help="A file path (default: stdout)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        user = owner_by_email(options["user"])
        if options["format"] == "vcard":
            text = portability.export_vcard(user)
        else:
            text = portability.export_csv(user)
        if options["output"]:
            path = Path(options["output"])
            if not path.parent.is_dir():
                raise CommandError(f"No such folder: {path.parent}")
            path.write_text(text, encoding="utf-8")
            self.stdout.write(f"Wrote {path}.")
        else:
            self.stdout.write(text, ending="")
