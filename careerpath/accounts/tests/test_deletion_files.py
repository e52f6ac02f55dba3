"""A deleted account's text is gone from the SQLite files, not only from queries."""

import sqlite3

import pytest

from careerpath.core.tests.filedb import careerpath, migrated_data_dir

CANARY = "canary-7f3a9c-private-thought"

SCRIPT = f"""
from datetime import date
from careerpath.accounts.models import User
from careerpath.accounts.services import delete_account
from careerpath.journal.services import write_entry

kept = User.objects.create_user("kept@example.org", "a-long-password-1")
write_entry(
    owner=kept, data={{"written_on": date(2026, 1, 2), "body": "ordinary day", "mood": 3}},
)
gone = User.objects.create_user("gone@example.org", "a-long-password-2")
for day in range(1, 4):
    write_entry(
        owner=gone,
        data={{
            "written_on": date(2026, 1, day),
            "title": "{CANARY} title",
            "body": "{CANARY} " * 300,
            "mood": 2,
            "tags": ["{CANARY}"],
        }},
    )
delete_account(user=User.objects.get(email="gone@example.org"))
"""


@pytest.fixture
def data_dir(tmp_path_factory):
    return migrated_data_dir(tmp_path_factory.getbasetemp(), "deletion")


def test_deleted_journal_text_is_in_neither_the_database_nor_its_wal(data_dir):
    database = data_dir / "careerpath.sqlite3"
    # Another server process keeps a connection open, as gunicorn workers do; it
    # also stops SQLite from folding the log away when the script's connection ends.
    other_worker = sqlite3.connect(database)
    other_worker.execute("PRAGMA journal_mode=WAL")
    other_worker.execute("SELECT count(*) FROM sqlite_master").fetchone()
    try:
        careerpath(data_dir, "shell", "--command", SCRIPT)
        wal = database.with_name("careerpath.sqlite3-wal")
        assert wal.exists()
        assert CANARY.encode() not in wal.read_bytes()
        assert CANARY.encode() not in database.read_bytes()
        kept = other_worker.execute("SELECT body FROM journal_entry").fetchall()
        assert kept == [("ordinary day",)]
    finally:
        other_worker.close()
