import datetime
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command

from careerpath.journal.models import Entry

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 12, tzinfo=datetime.UTC)):
        yield


def test_write_journal_saves_an_entry(alice):
    out = StringIO()
    call_command(
        "write_journal",
        "Good talk with **Sam** about the roadmap.",
        user="Alice@example.org",
        mood="4",
        tags="1:1s, Roadmap",
        stdout=out,
    )
    entry = Entry.objects.owned_by(alice).get()
    assert entry.tags == ["1:1s", "roadmap"]
    assert entry.written_on == datetime.date(2026, 11, 23)
    assert f"Saved entry {entry.pk} for 2026-11-23 (mood 4, tags: 1:1s, roadmap)." in (
        out.getvalue()
    )


def test_write_journal_reads_standard_input(alice, monkeypatch):
    monkeypatch.setattr("sys.stdin", StringIO("From a pipe.\n"))
    call_command(
        "write_journal", "-", user="alice@example.org", mood="3", stdout=StringIO()
    )
    assert Entry.objects.get().body == "From a pipe."


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"mood": "6"}, "--mood must be a whole number from 1 to 5"),
        ({"mood": "good"}, "--mood must be a whole number from 1 to 5"),
        ({"date": "2026-12-01"}, "can't be dated in the future"),
        ({"date": "yesterday"}, "--date must be YYYY-MM-DD"),
        ({"text": "   "}, "The entry is empty"),
        ({"user": "nobody@example.org"}, "No active account"),
    ],
)
def test_write_journal_refuses_bad_input(alice, options, message):
    kwargs = {"user": "alice@example.org", "mood": "3", **options}
    text = kwargs.pop("text", "Some text")
    with pytest.raises(CommandError, match=message):
        call_command("write_journal", text, **kwargs)
    assert not Entry.objects.exists()
