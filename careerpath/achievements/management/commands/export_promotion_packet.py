"""Write the promotion packet to a file (or standard output for Markdown):

careerpath export_promotion_packet --user me@x.org --format pdf --output packet.pdf --from 2026-01-01
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from careerpath.achievements.packet import (
    counted,
    evidence_count,
    render_markdown,
    render_pdf,
)
from careerpath.achievements.services import promotion_packet
from careerpath.core.commands import owner_by_email, parse_date


class Command(BaseCommand):
    help = "Export the promotion packet (evidence per skill) as Markdown or PDF."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", required=True, help="Your e-mail address.")
        parser.add_argument("--format", choices=("md", "pdf"), default="md")
        parser.add_argument(
            "--output", default="", help="File to write (required for PDF)."
        )
        parser.add_argument("--from", dest="start", default="", help="YYYY-MM-DD")
        parser.add_argument("--to", dest="end", default="", help="YYYY-MM-DD")

    def handle(self, *args: Any, **options: Any) -> None:
        user = owner_by_email(options["user"])
        start = parse_date(options["start"], "--from") if options["start"] else None
        end = parse_date(options["end"], "--to") if options["end"] else None
        if start and end and start > end:
            raise CommandError("--from must be on or before --to.")
        if options["format"] == "pdf" and not options["output"]:
            raise CommandError("A PDF needs --output FILE.")
        packet = promotion_packet(user, start=start, end=end)
        if options["format"] == "md":
            text = render_markdown(packet)
            if not options["output"]:
                self.stdout.write(text)
                return
            body: bytes = text.encode()
        else:
            body = render_pdf(packet)
        path = Path(options["output"])
        if not path.parent.is_dir():
            raise CommandError(f"The folder {path.parent} does not exist.")
        path.write_bytes(body)
        self.stdout.write(
            f"Wrote {path} ({evidence_count(packet)}, "
            f"{counted(len(packet.sections), 'skill', 'skills')})."
        )
