"""Import contacts from a file: careerpath import_contacts --user me@x.org Connections.csv [--dry-run]"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from careerpath.core.commands import owner_by_email
from careerpath.network import portability
from careerpath.network.records import FormatError


class Command(BaseCommand):
    help = (
        "Import LinkedIn's Connections.csv, a vCard (.vcf) or a careerpath contacts CSV. "
        "Re-importing updates existing contacts; the whole file is imported or nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Path to the file.")
        parser.add_argument("--user", required=True, help="The owner's e-mail address.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Only print what would happen."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        user = owner_by_email(options["user"])
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            text = portability.decode_upload(path.read_bytes(), filename=path.name)
            kind = portability.detect_kind(text, filename=path.name)
            records = portability.parse_file(kind, text, filename=path.name)
        except FormatError as error:
            raise CommandError(str(error)) from None
        plan = portability.plan_import(user, records)
        for row in plan.of("skip"):
            where = f"line {row.record.line}: " if row.record.line else ""
            self.stdout.write(
                f"skip {where}{row.record.name or '(no name)'} — {row.reason}"
            )
        counts = plan.counts
        if not options["dry_run"]:
            counts = portability.commit_import(
                user, records, source=kind, today=user.today()
            )
        verb = "Would import" if options["dry_run"] else "Imported"
        self.stdout.write(
            f"{verb} {path.name}: {counts['new']} new, {counts['update']} updated, "
            f"{counts['skip']} skipped."
        )
