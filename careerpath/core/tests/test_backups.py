"""careerpath backup / restore against real data folders, with the app writing meanwhile."""

import hashlib
import shutil
import sqlite3
import subprocess
import threading
import time

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from careerpath.core.tests.filedb import (
    CAREERPATH,
    careerpath,
    environment,
    migrated_data_dir,
)


@pytest.fixture
def data_dir(tmp_path_factory, request):
    return migrated_data_dir(tmp_path_factory.getbasetemp(), request.node.name)


@pytest.fixture(scope="module")
def made_backup(tmp_path_factory):
    """One data folder and a backup of it, for the tests that only read them."""
    base = tmp_path_factory.getbasetemp()
    source = migrated_data_dir(base, "backed-up")
    careerpath(source, "backup", str(base / "made-backup"))
    return source, base / "made-backup"


class Writer(threading.Thread):
    """Commits one cache row after another, as a busy server would, and remembers
    which writes SQLite acknowledged."""

    def __init__(self, database, per_second=100):
        super().__init__(daemon=True)
        self.database = database
        self.pause = 1 / per_second
        self.acknowledged = 0
        self.stop = threading.Event()
        self.error = None

    def run(self):
        db = sqlite3.connect(self.database, timeout=20, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        try:
            n = 0
            while not self.stop.is_set():
                n += 1
                db.execute("BEGIN IMMEDIATE")
                db.execute(
                    "INSERT INTO careerpath_cache (cache_key, value, expires) "
                    "VALUES (?, ?, '2099-01-01 00:00:00')",
                    (f"write-{n:06d}", "x" * 200),
                )
                db.execute("COMMIT")
                self.acknowledged = n
                time.sleep(self.pause)
        except Exception as error:  # reported by the test
            self.error = error
        finally:
            db.close()


def written(database):
    db = sqlite3.connect(database)
    try:
        keys = db.execute(
            "SELECT cache_key FROM careerpath_cache WHERE cache_key LIKE 'write-%'"
        ).fetchall()
    finally:
        db.close()
    return {int(key.removeprefix("write-")) for (key,) in keys}


def digest(folder):
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
    }


def test_backup_under_writes_restores_every_write_acknowledged_before_it(
    data_dir, tmp_path
):
    database = data_dir / "careerpath.sqlite3"
    writer = Writer(database, per_second=100)
    writer.start()
    try:
        while writer.acknowledged < 50:
            time.sleep(0.01)
        target = tmp_path / "backup"
        command = subprocess.Popen(
            [str(CAREERPATH), "backup", str(target)],
            env=environment(data_dir),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        # The command makes the backup folder just before it opens the database. A
        # count read before a look that still found no folder is of writes committed
        # before the backup began: those it must hold. (A count read after the folder
        # appeared may include writes made after the copy started.)
        acknowledged_before = writer.acknowledged
        while True:
            count = writer.acknowledged
            if target.exists() or command.poll() is not None:
                break
            acknowledged_before = count
            time.sleep(0.001)
        stdout, stderr = command.communicate(timeout=120)
        during = writer.acknowledged
    finally:
        writer.stop.set()
        writer.join()
    assert writer.error is None
    # The app kept writing while the backup was taken.
    assert during > acknowledged_before
    assert command.returncode == 0, stderr
    assert "integrity ok" in stdout
    assert sorted(p.name for p in (tmp_path / "backup").iterdir()) == [
        "careerpath.sqlite3",
        "mfa_keys",
        "secret_key",
    ]
    for name in ("careerpath.sqlite3", "mfa_keys", "secret_key"):
        assert (tmp_path / "backup" / name).stat().st_mode & 0o077 == 0
    assert (tmp_path / "backup").stat().st_mode & 0o077 == 0

    restored = tmp_path / "restored"
    result = careerpath(restored, "restore", str(tmp_path / "backup"))
    assert "Integrity check: ok" in result.stdout
    assert "careerpath_cache" in result.stdout
    assert "django_migrations" in result.stdout
    rows = written(restored / "careerpath.sqlite3")
    assert set(range(1, acknowledged_before + 1)) <= rows
    # A snapshot: what is there is a prefix of the writes, no holes.
    assert rows == set(range(1, max(rows) + 1))
    for key_file in ("secret_key", "mfa_keys"):
        assert (restored / key_file).read_text() == (data_dir / key_file).read_text()
    # The restored folder is a working install.
    check = careerpath(restored, "migrate", "--check")
    assert check.returncode == 0


def test_restore_refuses_a_data_folder_that_holds_a_database(made_backup):
    data_dir, backup = made_backup
    before = digest(data_dir)
    result = careerpath(data_dir, "restore", str(backup), check=False)
    assert result.returncode == 1
    assert "restore only into an empty data folder" in result.stderr
    assert digest(data_dir) == before


def test_restore_refuses_a_data_folder_with_other_files(made_backup, tmp_path):
    target = tmp_path / "target"
    target.mkdir()
    (target / "notes.txt").write_text("mine")
    result = careerpath(target, "restore", str(made_backup[1]), check=False)
    assert result.returncode == 1
    assert "is not empty (notes.txt)" in result.stderr
    assert not (target / "careerpath.sqlite3").exists()


def test_restore_refuses_a_folder_that_is_not_a_backup(tmp_path):
    (tmp_path / "not-a-backup").mkdir()
    result = careerpath(
        tmp_path / "target", "restore", str(tmp_path / "not-a-backup"), check=False
    )
    assert result.returncode == 1
    assert "holds no careerpath.sqlite3" in result.stderr
    assert not (tmp_path / "target" / "careerpath.sqlite3").exists()


def test_restore_refuses_a_damaged_backup_and_restores_nothing(made_backup, tmp_path):
    backup = tmp_path / "backup"
    shutil.copytree(made_backup[1], backup)
    damaged = bytearray((backup / "careerpath.sqlite3").read_bytes())
    damaged[4096 * 3 : 4096 * 6] = b"\xff" * (4096 * 3)
    (backup / "careerpath.sqlite3").write_bytes(bytes(damaged))
    result = careerpath(tmp_path / "target", "restore", str(backup), check=False)
    assert result.returncode == 1
    assert "failed its integrity check, nothing was restored" in result.stderr
    assert not (tmp_path / "target" / "careerpath.sqlite3").exists()


def test_backup_refuses_a_folder_that_is_not_empty(made_backup, tmp_path):
    data_dir = made_backup[0]
    target = tmp_path / "backup"
    target.mkdir()
    (target / "older.sqlite3").write_bytes(b"earlier backup")
    result = careerpath(data_dir, "backup", str(target), check=False)
    assert result.returncode == 1
    assert "is not empty; give a new folder" in result.stderr
    assert (target / "older.sqlite3").read_bytes() == b"earlier backup"


postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="runs when DATABASE_URL is PostgreSQL"
)


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_postgres_backup_is_a_pg_dump_that_restores_into_an_empty_database(
    alice, tmp_path
):
    if shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is not installed")
    call_command("backup", str(tmp_path / "backup"))
    dump = tmp_path / "backup" / "careerpath.dump"
    assert dump.read_bytes()[:5] == b"PGDMP"

    settings_dict = connection.settings_dict
    empty = f"{settings_dict['NAME']}_restore"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{empty}"')
        cursor.execute(f'CREATE DATABASE "{empty}"')
    try:
        url = (
            f"postgres://{settings_dict['USER']}@{settings_dict['HOST']}:"
            f"{settings_dict['PORT']}/{empty}"
        )
        result = careerpath(
            tmp_path / "restored",
            "restore",
            str(tmp_path / "backup"),
            DATABASE_URL=url,
        )
        assert "Integrity check: ok" in result.stdout
        assert "accounts_user" in result.stdout
        again = careerpath(
            tmp_path / "restored",
            "restore",
            str(tmp_path / "backup"),
            DATABASE_URL=url,
            check=False,
        )
        assert again.returncode == 1
        assert "restore only into an empty database" in again.stderr
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{empty}" WITH (FORCE)')


@postgres_only
@pytest.mark.django_db
def test_postgres_backup_without_pg_dump_says_what_to_install(tmp_path, monkeypatch):
    # A machine without the PostgreSQL client tools: nothing on PATH.
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    with pytest.raises(CommandError, match="pg_dump is not installed here"):
        call_command("backup", str(tmp_path / "backup"))
    assert not (tmp_path / "backup").exists()
