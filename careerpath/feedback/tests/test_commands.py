import datetime

import pytest
import time_machine
from django.core import mail
from django.core.management import CommandError, call_command

from careerpath.core.testing import snapshot_owned_rows
from careerpath.feedback.models import Feedback, FeedbackRequest
from careerpath.feedback.tests.factories import FeedbackFactory, FeedbackRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 12, tzinfo=datetime.UTC)):
        yield


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_request_feedback_prints_the_text_and_can_send_it(alice):
    out = run(
        "request_feedback",
        "--user",
        "alice@example.org",
        "--to",
        "Priya Raman",
        "--email",
        "priya@example.org",
        "--about",
        "the pricing launch",
        "--due",
        "2026-11-27",
        "--send",
    )
    assert "Subject: Your feedback on my work on the pricing launch?" in out
    assert "E-mailed to priya@example.org." in out
    assert FeedbackRequest.objects.owned_by(alice).get().sent_at is not None
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--due", "soon"], "--due must be YYYY-MM-DD"),
        (
            ["--due", "2026-11-01"],
            "Nothing saved: The reply date can't be before the day you ask.",
        ),
        (
            ["--due", "2026-12-01", "--send"],
            "Nothing saved: Add their e-mail address first.",
        ),
        (
            ["--due", "2026-12-01", "--email", "nope"],
            "Nothing saved: Enter a valid email address.",
        ),
    ],
)
def test_request_feedback_bad_input(alice, args, message):
    before = snapshot_owned_rows(alice)
    with pytest.raises(CommandError, match=message):
        run(
            "request_feedback",
            "--user",
            "alice@example.org",
            "--to",
            "Tom",
            "--about",
            "x",
            *args,
        )
    assert snapshot_owned_rows(alice) == before


def test_record_feedback_and_list_improvement_areas(alice):
    asked = FeedbackRequestFactory(owner=alice)
    out = run(
        "record_feedback",
        "--user",
        "alice@example.org",
        "--source",
        "Priya",
        "--kind",
        "constructive",
        "--text",
        "Share drafts earlier.",
        "--theme",
        "Communication",
        "--theme",
        "Delivery",
        "--request",
        str(asked.pk),
        "--date",
        "2026-11-20",
    )
    assert "recorded (Communication, Delivery)" in out
    asked.refresh_from_db()
    assert asked.status == "received"
    FeedbackFactory(owner=alice, source="Tom", themes=["communication"])
    out = run("improvement_areas", "--user", "alice@example.org")
    assert out.startswith(
        "1. Communication\n   Mentioned in 2 constructive feedback from 2 people"
    )
    assert '"theme": "Communication"' in run(
        "improvement_areas", "--user", "alice@example.org", "--format", "json"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--text", "  "], "Nothing saved: Write down what they said."),
        (
            ["--text", "ok", "--date", "2026-12-01"],
            "Nothing saved: Feedback can't be dated in the future.",
        ),
        (["--text", "ok", "--date", "yesterday"], "--date must be YYYY-MM-DD"),
        (["--text", "ok", "--request", "999"], "has no feedback request with id 999"),
    ],
)
def test_record_feedback_bad_input(alice, args, message):
    with pytest.raises(CommandError, match=message):
        run(
            "record_feedback",
            "--user",
            "alice@example.org",
            "--source",
            "Priya",
            "--kind",
            "praise",
            *args,
        )
    assert not Feedback.objects.exists()


def test_unknown_user_is_refused(db):
    with pytest.raises(CommandError, match="No active account"):
        run("improvement_areas", "--user", "nobody@example.org")
