"""log_learning and list_learning: for cron and scripts; bad input changes nothing."""

import datetime
import json

import pytest
import time_machine
from django.core.management import CommandError, call_command

from careerpath.learning.models import LearningItem, LearningSession
from careerpath.learning.tests.factories import (
    CertificationFactory,
    LearningItemFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 3, 15, 12, tzinfo=datetime.UTC)):
        yield


def test_log_learning_on_an_item(alice, capsys):
    item = LearningItemFactory(owner=alice, title="Pandas in depth", status="planned")
    call_command(
        "log_learning", str(item.pk), "1.5", user="ALICE@example.org", skill="pandas"
    )
    assert (
        "Logged 1.5 h on “Pandas in depth” for 2026-03-15." in capsys.readouterr().out
    )
    session = LearningSession.objects.get()
    assert session.owner == alice and session.item == item
    item.refresh_from_db()
    assert item.status == LearningItem.Status.IN_PROGRESS


def test_log_learning_standalone_with_a_date(alice):
    call_command(
        "log_learning", "-", "2", user=alice.email, date="2026-03-01", note="Kaggle"
    )
    session = LearningSession.objects.get()
    assert session.item is None and session.logged_on == datetime.date(2026, 3, 1)


@pytest.mark.parametrize(
    ("args", "options", "message"),
    [
        (["-", "1"], {"user": "nobody@example.org"}, "No active account"),
        (["abc", "1"], {}, "ITEM must be a learning item's id or -"),
        (["999999", "1"], {}, "has no learning item with id 999999"),
        (["-", "many"], {}, "HOURS must be a number"),
        (["-", "NaN"], {}, "HOURS must be a number"),
        (["-", "-1"], {}, "hours can't be negative"),
        (["-", "30"], {}, "at most 24"),
        (["-", "1"], {"date": "2026-03-16"}, "can't log hours in the future"),
        (["-", "1"], {"date": "15/03/2026"}, "--date must be YYYY-MM-DD"),
        (["-", "1"], {"note": "x" * 501}, "keep --skill to 80 and --note to 500"),
    ],
)
def test_log_learning_refuses_bad_input(alice, args, options, message):
    options.setdefault("user", alice.email)
    with pytest.raises(CommandError, match=message):
        call_command("log_learning", *args, **options)
    assert not LearningSession.objects.exists()


def test_log_learning_refuses_another_persons_item(alice, bob):
    item = LearningItemFactory(owner=bob)
    with pytest.raises(CommandError, match="has no learning item"):
        call_command("log_learning", str(item.pk), "1", user=alice.email)
    assert not LearningSession.objects.exists()


def test_list_learning(alice, bob, capsys):
    LearningItemFactory(owner=alice, title="Open course")
    CertificationFactory(
        owner=alice, title="Old cert", expires_on=datetime.date(2026, 4, 1)
    )
    LearningItemFactory(owner=bob, title="Bob's course")
    call_command("list_learning", user=alice.email)
    out = capsys.readouterr().out
    assert "Open course" in out and "Old cert" not in out and "Bob" not in out
    call_command("list_learning", user=alice.email, all=True, format="json")
    rows = json.loads(capsys.readouterr().out)
    assert {r["title"]: r["renewal"] for r in rows} == {
        "Open course": "none",
        "Old cert": "due",
    }
