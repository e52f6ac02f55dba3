"""Analyse a job posting file and print what it asks for: careerpath analyse_posting posting.html"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from careerpath.skills.extraction import analyse_text
from careerpath.skills.models import POSTING_LIMIT_BYTES


class Command(BaseCommand):
    help = "Analyse a job posting (text or HTML file, or - for stdin) and print its requirements."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="A text or HTML file, or - to read stdin.")
        parser.add_argument(
            "--json", action="store_true", help="Print the analysis as JSON."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        name = options["file"]
        if name == "-":
            import sys

            raw = sys.stdin.buffer.read(POSTING_LIMIT_BYTES * 2)
        else:
            path = Path(name)
            if not path.is_file():
                raise CommandError(f"No such file: {name}")
            with path.open("rb") as handle:
                raw = handle.read(POSTING_LIMIT_BYTES * 2)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise CommandError(
                f"{name} is not UTF-8 text: save the posting as plain text or HTML."
            ) from None
        try:
            analysis = analyse_text(text)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        if options["json"]:
            self.stdout.write(
                json.dumps(
                    {
                        "skills": [vars(m) for m in analysis.skills],
                        "years_experience": analysis.years_experience,
                        "education": analysis.education,
                        "certifications": list(analysis.certifications),
                        "languages": list(analysis.languages),
                    },
                    indent=2,
                    ensure_ascii=False,
                )
            )
            return
        for requirement, heading in (("must", "Must have"), ("nice", "Nice to have")):
            skills = [m for m in analysis.skills if m.requirement == requirement]
            self.stdout.write(f"{heading} ({len(skills)}):")
            for mention in skills:
                matched = "" if mention.skill_id else " (not in the taxonomy)"
                self.stdout.write(f"  {mention.label} — “{mention.text}”{matched}")
        if analysis.years_experience is not None:
            self.stdout.write(f"Experience: {analysis.years_experience}+ years")
        if analysis.education:
            self.stdout.write(f"Education: {analysis.education}")
        if analysis.certifications:
            self.stdout.write("Certifications: " + ", ".join(analysis.certifications))
        if analysis.languages:
            self.stdout.write("Languages: " + ", ".join(analysis.languages))
