"""Import an ESCO or O*NET release: careerpath import_taxonomy esco|onet PATH [PATH …]

    careerpath import_taxonomy esco "ESCO dataset - v1.1.1 - classification - en - csv.zip" \\
        "ESCO dataset - v1.1.1 - classification -  - csv.zip"
    careerpath import_taxonomy esco /srv/esco/v1.1.1          # a directory of CSVs or zips
    careerpath import_taxonomy onet /srv/onet/db_29_0_text    # Occupation Data.txt, Skills.txt, …

Everything is checked before anything is written, and written in one transaction.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, TextIO, cast

from django.core.management.base import BaseCommand, CommandError, CommandParser

from careerpath.taxonomy.importers.esco import import_esco
from careerpath.taxonomy.importers.files import TaxonomyFileError
from careerpath.taxonomy.importers.onet import import_onet
from careerpath.taxonomy.importers.progress import Progress


class Command(BaseCommand):
    help = (
        "Import the ESCO CSV download (directory or zip) or the O*NET database "
        "(text files or CSV export) into the skill taxonomy. Re-running updates in place."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", choices=["esco", "onet"], help="Which taxonomy.")
        parser.add_argument(
            "paths",
            nargs="+",
            type=Path,
            help="Directories, zips or files of the release (ESCO: the classification "
            "zip and the relations zip, or a directory holding them).",
        )
        parser.add_argument(
            "--language",
            default="en",
            help="ESCO language of the labels (default en: skills_en.csv).",
        )
        parser.add_argument(
            "--quiet", action="store_true", help="No progress bar, only the summary."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        stdout = cast(
            TextIO, self.stdout._out
        )  # the real stream: the bar redraws with \r
        progress = Progress(
            stdout,
            enabled=not options["quiet"]
            and options["verbosity"] > 0
            and hasattr(stdout, "isatty")
            and stdout.isatty(),
        )
        paths: list[Path] = options["paths"]
        try:
            if options["source"] == "esco":
                result = import_esco(paths, progress, language=options["language"])
            else:
                result = import_onet(paths, progress)
        except (TaxonomyFileError, FileNotFoundError) as error:
            progress.finish()
            raise CommandError(f"{error} Nothing was imported.") from None
        except KeyboardInterrupt:  # pragma: no cover - interactive only
            progress.finish()
            sys.stderr.write("Interrupted; nothing was imported.\n")
            raise SystemExit(130) from None
        if options["verbosity"] > 0:
            name = "ESCO" if options["source"] == "esco" else "O*NET"
            self.stdout.write(f"{name} import done.")
            for line in result.lines():
                self.stdout.write(line)
