"""Back up while the app runs: careerpath backup /backups/careerpath-2026-12-04

SQLite: a consistent copy of the live database in one step (about a second for a
personal install, even under steady writes); PostgreSQL: ``pg_dump -Fc``. The secret
key kept in the data folder is copied beside it. The folder must be new or empty.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections

from careerpath.core import backups


class Command(BaseCommand):
    help = (
        "Back up the database, and the secret key kept in the data folder, into a "
        "new folder while the app keeps running."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="A new (or empty) folder for the backup.")

    def handle(self, *args: Any, **options: Any) -> None:
        target = Path(options["path"]).expanduser().absolute()
        connection = connections["default"]
        created = not target.exists()
        try:
            backups.prepare_target(target)
            if connection.vendor == "sqlite":
                outcome = backups.backup_sqlite(
                    Path(connection.settings_dict["NAME"]), target
                )
            elif connection.vendor == "postgresql":
                outcome = backups.backup_postgres(connection.settings_dict, target)
            else:
                raise backups.BackupError(
                    f"Backups support SQLite and PostgreSQL, not {connection.vendor}."
                )
            backups.copy_secrets(Path(settings.DATA_DIR), target, outcome)
        except backups.BackupError as error:
            if created and target.is_dir() and not any(target.iterdir()):
                target.rmdir()
            raise CommandError(str(error)) from None

        database = outcome.files[0]
        size = database.stat().st_size / 1_000_000
        summary = (
            f"Backed up {database.name} ({size:.1f} MB) in {outcome.seconds:.2f} s"
        )
        if outcome.integrity:
            rows = sum(outcome.row_counts.values())
            summary += (
                f": integrity {outcome.integrity}, {len(outcome.row_counts)} tables, "
                f"{rows:,} rows"
            )
        self.stdout.write(summary + ".")
        for path in outcome.files:
            self.stdout.write(f"  {path}")
        if any(
            os.environ.get(n)
            for n in ("CAREERPATH_SECRET_KEY", "CAREERPATH_SECRET_KEY_FILE")
        ):
            self.stdout.write(
                "The secret key comes from CAREERPATH_SECRET_KEY(_FILE), not the data "
                "folder: keep a copy of it with your backups yourself."
            )
        else:
            self.stdout.write(
                "Keep the folder private: it holds everyone's data and the secret key."
            )
