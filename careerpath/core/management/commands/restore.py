"""Restore a backup into an empty data folder: careerpath restore /backups/careerpath-2026-12-04

Refuses a data folder (or PostgreSQL database) that already holds data, checks the
restored database (``PRAGMA integrity_check`` on SQLite; ``pg_restore`` stops at the
first error, in one transaction, on PostgreSQL) and prints the rows of every table.
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
        "Restore a folder made by `careerpath backup` into an empty data folder "
        "(or empty PostgreSQL database), check it and print its row counts."
    )
    # Nothing may open the database before the restored file is in place: a
    # connection would create an empty one.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="A folder made by `careerpath backup`.")

    def handle(self, *args: Any, **options: Any) -> None:
        source = Path(options["path"]).expanduser().absolute()
        data_dir = Path(settings.DATA_DIR)
        connection = connections["default"]
        try:
            if not source.is_dir():
                raise backups.BackupError(
                    f"No such backup folder: {source} (give a folder made by "
                    "`careerpath backup`)."
                )
            if connection.vendor == "sqlite":
                database = Path(connection.settings_dict["NAME"])
                backups.check_empty_data_folder(data_dir, database)
                outcome = backups.restore_sqlite(source, database)
            elif connection.vendor == "postgresql":
                backups.check_empty_data_folder(data_dir, None)
                with connection.cursor() as cursor:
                    tables = connection.introspection.table_names(cursor)
                if tables:
                    raise backups.BackupError(
                        f"The database {connection.settings_dict['NAME']} already has "
                        f"{len(tables)} tables: restore only into an empty database "
                        "(createdb a new one and point DATABASE_URL at it)."
                    )
                outcome = backups.restore_postgres(source, connection.settings_dict)
                outcome.row_counts = backups.row_counts(connection)
            else:
                raise backups.BackupError(
                    f"Restores support SQLite and PostgreSQL, not {connection.vendor}."
                )
            backups.restore_secrets(source, data_dir, outcome)
        except backups.BackupError as error:
            raise CommandError(str(error)) from None

        self.stdout.write(f"Restored {source} in {outcome.seconds:.2f} s.")
        for path in outcome.files:
            self.stdout.write(f"  {path}")
        self.stdout.write(f"Integrity check: {outcome.integrity}")
        filled = {t: n for t, n in outcome.row_counts.items() if n}
        self.stdout.write("Rows per table:")
        width = max((len(t) for t in filled), default=0)
        for table, count in filled.items():
            self.stdout.write(f"  {table:<{width}}  {count:>9,}")
        total = sum(filled.values())
        self.stdout.write(
            f"Total: {total:,} rows in {len(filled)} tables "
            f"({len(outcome.row_counts) - len(filled)} more tables are empty)."
        )
        if not (source / backups.SECRET_FILES[0]).is_file():
            self.stdout.write(
                "The backup holds no secret key: sign-in sessions made before it end."
            )
        elif any(
            os.environ.get(n)
            for n in ("CAREERPATH_SECRET_KEY", "CAREERPATH_SECRET_KEY_FILE")
        ):
            self.stdout.write(
                "CAREERPATH_SECRET_KEY(_FILE) is set, so the restored secret_key file "
                "is not used; set it to the backup's key to keep sessions."
            )
        self.stdout.write(
            "Next: careerpath migrate (applies migrations newer than the backup)."
        )
