"""The ready-to-send request text, on many inputs, no database."""

from datetime import date

import pytest

from careerpath.feedback.asking import compose_request

ASKED = date(2026, 11, 23)  # a Monday


def compose(**overrides):
    values = {
        "recipient_name": "Priya Raman",
        "about_kind": "project",
        "about": "the pricing experiment",
        "question": "",
        "due_on": date(2026, 11, 27),
        "asked_on": ASKED,
        "sender_name": "Alice",
    }
    values.update(overrides)
    return compose_request(**values)


@pytest.mark.parametrize(
    ("kind", "about", "subject"),
    [
        (
            "project",
            "the pricing experiment",
            "Your feedback on my work on the pricing experiment?",
        ),
        (
            "skill",
            "presenting to leadership",
            "Your feedback on my presenting to leadership?",
        ),
        (
            "goal",
            "leading the data guild",
            "Your feedback on my progress towards leading the data guild?",
        ),
        ("other", "how I run stand-ups", "Your feedback on how I run stand-ups?"),
        ("unknown", "  the roadmap  ", "Your feedback on the roadmap?"),
    ],
)
def test_subject_names_what_the_feedback_is_about(kind, about, subject):
    assert compose(about_kind=kind, about=about).subject == subject


@pytest.mark.parametrize(
    ("due_on", "phrase"),
    [
        (date(2026, 11, 27), "by Friday would"),
        (date(2026, 11, 29), "by Sunday would"),
        (date(2026, 11, 30), "by Monday 30 November would"),
        (date(2026, 11, 23), "by Monday 23 November would"),
        (date(2027, 1, 8), "by Friday 8 January would"),
    ],
)
def test_reply_date_reads_as_a_weekday_within_a_week(due_on, phrase):
    assert f"A few honest lines {phrase} be perfect" in compose(due_on=due_on).body


@pytest.mark.parametrize(
    ("name", "greeting"),
    [("Priya Raman", "Hi Priya,"), ("Tom", "Hi Tom,"), ("  ", "Hi there,")],
)
def test_greeting_uses_the_first_name(name, greeting):
    assert compose(recipient_name=name).body.startswith(greeting)


def test_own_question_replaces_the_default_one():
    body = compose(question="Was my readout clear enough for finance?").body
    assert "Was my readout clear enough for finance?" in body
    assert "one thing I could do differently" not in body
    assert "one thing I could do differently" in compose().body


@pytest.mark.parametrize(
    ("sender", "ending"), [("Alice", "Thank you,\nAlice"), ("", "Thank you!")]
)
def test_signature(sender, ending):
    assert compose(sender_name=sender).body.endswith(ending)
