"""Backups that can be taken while people use the app, and restores that check themselves.

A backup is a folder: the database (``careerpath.sqlite3``, a consistent snapshot taken
with SQLite's online backup API in one step, or ``careerpath.dump`` from ``pg_dump`` on
PostgreSQL) and, beside it, the secret key when it lives in the data folder.

Copying the SQLite pages in one step holds one read transaction for the whole copy; in
WAL mode readers never block writers, so the app keeps writing, and every write
committed before the copy began is in it. (The step-by-step copy ``sqlite3 .backup``
does starts again whenever a page changes under it, so under steady writes it can take
minutes or never finish.)

A restore goes only into an empty data folder (or an empty PostgreSQL database), checks
the result and counts the rows of every table, so the operator sees what came back.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATABASE_FILE = "careerpath.sqlite3"
DUMP_FILE = "careerpath.dump"
# What the data folder holds besides the database: the generated local secret key and
# the keys that encrypt two-factor secrets (without them no TOTP sign-in works).
SECRET_FILES = ("secret_key", "mfa_keys")
_SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why and what to do."""


@dataclass
class Outcome:
    """What a backup or restore did, for the command to print."""

    files: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    integrity: str = ""
    row_counts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


# --- Backup -----------------------------------------------------------------------


def prepare_target(target: Path) -> None:
    """Create the backup folder (private to its owner); an existing non-empty one is refused."""
    if target.exists() and not target.is_dir():
        raise BackupError(f"{target} is a file; give a folder for the backup.")
    if target.is_dir() and any(target.iterdir()):
        raise BackupError(
            f"{target} is not empty; give a new folder so no earlier backup is overwritten."
        )
    if not target.parent.is_dir():
        raise BackupError(f"No such folder: {target.parent}")
    target.mkdir(mode=0o700, exist_ok=True)


def backup_sqlite(database: Path, target: Path) -> Outcome:
    """Copy the live database into ``target`` in one step, then check the copy."""
    if not database.is_file():
        raise BackupError(f"There is no database at {database} to back up.")
    outcome = Outcome()
    final = target / DATABASE_FILE
    partial = target / f"{DATABASE_FILE}.partial"
    started = time.perf_counter()
    source = sqlite3.connect(database, timeout=20)
    try:
        copy = sqlite3.connect(partial)
        try:
            # pages=-1: every page in one step, under one read transaction, so the
            # copy is one consistent moment even while other processes write.
            source.backup(copy, pages=-1)
        finally:
            copy.close()
    except sqlite3.Error as error:
        partial.unlink(missing_ok=True)
        raise BackupError(f"SQLite could not copy {database}: {error}") from None
    finally:
        source.close()
    outcome.seconds = time.perf_counter() - started
    _make_standalone(partial)
    outcome.integrity = integrity_check(partial)
    if outcome.integrity != "ok":
        partial.unlink()
        raise BackupError(f"The copy failed its integrity check: {outcome.integrity}")
    partial.chmod(0o600)
    _fsync(partial)
    partial.rename(final)
    _fsync(target)
    outcome.files.append(final)
    outcome.row_counts = sqlite_row_counts(final)
    return outcome


def backup_postgres(settings_dict: dict[str, Any], target: Path) -> Outcome:
    """``pg_dump`` in its custom format (what ``pg_restore`` reads) into ``target``."""
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise BackupError(
            "pg_dump is not installed here, so a PostgreSQL backup cannot be taken. "
            "Install the PostgreSQL client tools (Debian/Ubuntu: apt install "
            "postgresql-client, the same major version as the server) or run "
            "`pg_dump -Fc` where they are installed."
        )
    outcome = Outcome()
    final = target / DUMP_FILE
    partial = target / f"{DUMP_FILE}.partial"
    started = time.perf_counter()
    try:
        _run(
            [
                pg_dump,
                "--format=custom",
                "--no-owner",
                f"--file={partial}",
                *_pg_connection_args(settings_dict),
            ],
            settings_dict,
            "pg_dump",
        )
    except BackupError:
        partial.unlink(missing_ok=True)
        raise
    outcome.seconds = time.perf_counter() - started
    partial.chmod(0o600)
    _fsync(partial)
    partial.rename(final)
    _fsync(target)
    outcome.files.append(final)
    return outcome


def copy_secrets(data_dir: Path, target: Path, outcome: Outcome) -> None:
    """Put the data folder's secret files beside the backup, readable by the owner only."""
    for name in SECRET_FILES:
        source = data_dir / name
        if source.is_file():
            copied = target / name
            shutil.copyfile(source, copied)
            copied.chmod(0o600)
            _fsync(copied)
            outcome.files.append(copied)


# --- Restore ----------------------------------------------------------------------


def check_empty_data_folder(data_dir: Path, database: Path | None) -> None:
    """Refuse a data folder that holds anything but (at most) generated keys.

    Starting any careerpath command writes a new ``secret_key`` and ``mfa_keys`` into
    an empty local data folder, so those do not count: without a database they protect
    nothing that still exists, and the backup's keys replace them.
    """
    if database is not None:
        present = [
            p
            for p in (database, *(Path(f"{database}{s}") for s in _SQLITE_SIDE_FILES))
            if p.exists()
        ]
        if present:
            raise BackupError(
                f"{database} already exists: restore only into an empty data folder. "
                "Move the current files aside (or point CAREERPATH_DATA_DIR at a new "
                "folder) and run the restore again."
            )
    if data_dir.is_dir():
        others = sorted(
            p.name for p in data_dir.iterdir() if p.name not in SECRET_FILES
        )
        if others:
            raise BackupError(
                f"The data folder {data_dir} is not empty ({', '.join(others[:5])}"
                f"{', …' if len(others) > 5 else ''}): restore only into an empty data "
                "folder. Move its contents aside or point CAREERPATH_DATA_DIR at a new "
                "folder."
            )


def restore_sqlite(source: Path, database: Path) -> Outcome:
    """Copy the backup's database into place, after it passes an integrity check."""
    backup = source / DATABASE_FILE
    if not backup.is_file():
        raise BackupError(
            f"{source} holds no {DATABASE_FILE}: give a folder made by `careerpath backup`."
        )
    outcome = Outcome()
    started = time.perf_counter()
    database.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    partial = database.with_name(f"{database.name}.partial")
    shutil.copyfile(backup, partial)
    outcome.integrity = integrity_check(partial)
    if outcome.integrity != "ok":
        partial.unlink()
        raise BackupError(
            f"The backup {backup} failed its integrity check, nothing was restored: "
            f"{outcome.integrity}"
        )
    partial.chmod(0o600)
    _fsync(partial)
    partial.rename(database)
    _fsync(database.parent)
    outcome.seconds = time.perf_counter() - started
    outcome.files.append(database)
    outcome.row_counts = sqlite_row_counts(database)
    return outcome


def restore_postgres(source: Path, settings_dict: dict[str, Any]) -> Outcome:
    """``pg_restore`` the dump into the configured (empty) database in one transaction."""
    dump = source / DUMP_FILE
    if not dump.is_file():
        raise BackupError(
            f"{source} holds no {DUMP_FILE}: give a folder made by `careerpath backup` "
            "on PostgreSQL."
        )
    pg_restore = shutil.which("pg_restore")
    if pg_restore is None:
        raise BackupError(
            "pg_restore is not installed here. Install the PostgreSQL client tools "
            "(Debian/Ubuntu: apt install postgresql-client)."
        )
    outcome = Outcome()
    started = time.perf_counter()
    _run(
        [
            pg_restore,
            "--no-owner",
            "--exit-on-error",
            "--single-transaction",
            *_pg_connection_args(settings_dict, flag="--dbname"),
            str(dump),
        ],
        settings_dict,
        "pg_restore",
    )
    outcome.seconds = time.perf_counter() - started
    # pg_restore checked every statement (--exit-on-error in one transaction).
    outcome.integrity = "ok"
    return outcome


def restore_secrets(source: Path, data_dir: Path, outcome: Outcome) -> None:
    """Put the backup's secret files into the data folder, readable by the owner only."""
    for name in SECRET_FILES:
        backup = source / name
        if backup.is_file():
            data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            restored = data_dir / name
            shutil.copyfile(backup, restored)
            restored.chmod(0o600)
            _fsync(restored)
            outcome.files.append(restored)


# --- Checks -----------------------------------------------------------------------


def integrity_check(database: Path) -> str:
    """``ok``, or SQLite's first complaints about the file."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as error:
        return str(error)
    finally:
        connection.close()
    return "; ".join(str(row[0]) for row in rows[:5])


def sqlite_row_counts(database: Path) -> dict[str, int]:
    """Rows in every table of a SQLite file, by table name."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return dict(_counts(connection.cursor(), _sqlite_tables(connection)))
    finally:
        connection.close()


def _sqlite_tables(connection: sqlite3.Connection) -> list[str]:
    return [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]


def row_counts(connection: Any) -> dict[str, int]:
    """Rows in every table of a Django connection's database, by table name."""
    with connection.cursor() as cursor:
        tables = sorted(connection.introspection.table_names(cursor))
        return dict(_counts(cursor, tables, quote=connection.ops.quote_name))


def _counts(
    cursor: Any, tables: list[str], quote: Any = None
) -> Iterator[tuple[str, int]]:
    for table in tables:
        name = quote(table) if quote else '"' + table.replace('"', '""') + '"'
        cursor.execute(f"SELECT COUNT(*) FROM {name}")  # noqa: S608 (table names from the catalogue)
        yield table, int(cursor.fetchone()[0])


# --- Helpers ----------------------------------------------------------------------


def _make_standalone(database: Path) -> None:
    """One self-contained file: rollback journal instead of WAL, nothing beside it."""
    connection = sqlite3.connect(database)
    try:
        connection.execute("PRAGMA journal_mode=DELETE")
    finally:
        connection.close()


def _fsync(path: Path) -> None:
    """Make a finished file (or a folder's new entry) durable before saying it is done."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _pg_connection_args(
    settings_dict: dict[str, Any], *, flag: str = "--dbname"
) -> list[str]:
    args = []
    if settings_dict.get("HOST"):
        args.append(f"--host={settings_dict['HOST']}")
    if settings_dict.get("PORT"):
        args.append(f"--port={settings_dict['PORT']}")
    if settings_dict.get("USER"):
        args.append(f"--username={settings_dict['USER']}")
    args.append(f"{flag}={settings_dict['NAME']}")
    return args


def _run(command: list[str], settings_dict: dict[str, Any], name: str) -> None:
    env = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        # The password goes by environment, never on a command line others can read.
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    env.setdefault("PGCONNECT_TIMEOUT", "10")
    result = subprocess.run(  # noqa: S603 (a fixed tool with our own arguments)
        command, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        message = (result.stderr or result.stdout).strip().splitlines()
        raise BackupError(
            f"{name} failed (exit {result.returncode}): "
            + " ".join(message[-3:] or ["no output"])
        )
