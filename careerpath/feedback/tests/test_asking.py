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
            "Your feedback on my progress on the goal “leading the data guild”?",
        ),
        (
            "goal",
            "Raise my SQL level to 3 (Proficient).",
            "Your feedback on my progress on the goal “Raise my SQL level to 3 (Proficient)”?",
        ),
        ("skill", "SQL", "Your feedback on my SQL skills?"),
        ("skill", "Public speaking", "Your feedback on my public speaking skills?"),
        ("skill", "Leadership", "Your feedback on my leadership skills?"),
        ("skill", "English", "Your feedback on my English skills?"),
        ("skill", "Interpersonal skills", "Your feedback on my interpersonal skills?"),
        ("skill", "Google Analytics", "Your feedback on my Google Analytics skills?"),
        (
            "project",
            "Pricing experiment",
            "Your feedback on my work on “Pricing experiment”?",
        ),
        ("project", "The Q3 launch", "Your feedback on my work on the Q3 launch?"),
        ("other", "how I run stand-ups", "Your feedback on how I run stand-ups?"),
        ("other", "Q3 review", "Your feedback on “Q3 review”?"),
        (
            "other",
            "My talk at the all-hands",
            "Your feedback on my talk at the all-hands?",
        ),
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


@pytest.mark.parametrize("kind", ["goal", "skill", "project", "other"])
def test_every_about_choice_reads_as_one_sentence(kind):
    body = compose(about_kind=kind, about="Stakeholder management").body
    ask = body.split("\n\n")[1]
    assert ask.startswith("Could I ask for your feedback on ")
    assert "? You have seen my work up close, so your view would help me a lot." in ask
    assert "on my progress towards" not in ask and "my my" not in ask


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
