"""The improvement-area rule on many feedback histories, no database."""

from datetime import date, timedelta

import pytest

from careerpath.feedback.themes import FeedbackNote, summarise_themes, theme_key

TODAY = date(2026, 11, 23)


def note(days_ago, source, kind, *themes):
    return FeedbackNote(
        received_on=TODAY - timedelta(days=days_ago),
        source=source,
        kind=kind,
        themes=list(themes),
    )


def area_keys(notes):
    return [a.key for a in summarise_themes(notes, today=TODAY).areas]


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        # Nothing, nothing.
        ([], []),
        # One criticism is not a pattern.
        ([note(10, "Priya", "constructive", "Communication")], []),
        # Twice from two people: an area.
        (
            [
                note(10, "Priya", "constructive", "Communication"),
                note(40, "Tom", "constructive", "communication"),
            ],
            ["communication"],
        ),
        # Twice from one person on the same day: one conversation, not a pattern.
        (
            [
                note(10, "Priya", "constructive", "Delivery"),
                note(10, "Priya", "mixed", "Delivery"),
            ],
            [],
        ),
        # Twice from one person 29 days apart: still not.
        (
            [
                note(10, "Priya", "constructive", "Delivery"),
                note(39, "Priya", "constructive", "Delivery"),
            ],
            [],
        ),
        # Twice from one person 30 days apart: a pattern over time.
        (
            [
                note(10, "Priya", "constructive", "Delivery"),
                note(40, "Priya", "constructive", "Delivery"),
            ],
            ["delivery"],
        ),
        # Mixed feedback counts as criticism.
        (
            [
                note(10, "Priya", "mixed", "Delivery"),
                note(20, "Tom", "mixed", "Delivery"),
            ],
            ["delivery"],
        ),
        # Praise never makes an area, however often.
        (
            [note(d, f"P{d}", "praise", "Technical depth") for d in range(1, 6)],
            [],
        ),
        # One criticism plus praise is not an area.
        (
            [
                note(10, "Priya", "constructive", "Leadership"),
                note(20, "Tom", "praise", "Leadership"),
                note(30, "Ann", "praise", "Leadership"),
            ],
            [],
        ),
        # Spelling and spacing do not split a theme.
        (
            [
                note(10, "Priya", "constructive", "Technical-Depth"),
                note(20, "Tom", "constructive", "  technical depth "),
            ],
            ["technical depth"],
        ),
        # A theme listed twice in one piece of feedback counts once.
        (
            [note(10, "Priya", "constructive", "Delivery", "delivery")],
            [],
        ),
        # Same person under different capitalisation is one person.
        (
            [
                note(10, "Priya", "constructive", "Delivery"),
                note(12, "priya", "constructive", "Delivery"),
            ],
            [],
        ),
        # Empty theme labels are ignored.
        ([note(10, "A", "constructive", ""), note(20, "B", "constructive", " ")], []),
    ],
)
def test_which_themes_are_areas_for_improvement(notes, expected):
    assert area_keys(notes) == expected


@pytest.mark.parametrize(
    ("notes", "expected_order"),
    [
        # Constructive (2) outweighs mixed (1).
        (
            [
                note(10, "A", "mixed", "Delivery"),
                note(20, "B", "mixed", "Delivery"),
                note(10, "A", "constructive", "Communication"),
                note(20, "B", "constructive", "Communication"),
            ],
            ["communication", "delivery"],
        ),
        # Criticism over 180 days old counts half: three old ones (3) rank below two recent (4).
        (
            [
                note(300, "A", "constructive", "Delivery"),
                note(320, "B", "constructive", "Delivery"),
                note(340, "C", "constructive", "Delivery"),
                note(10, "A", "constructive", "Communication"),
                note(20, "B", "constructive", "Communication"),
            ],
            ["communication", "delivery"],
        ),
        # Equal weight: more people first.
        (
            [
                note(10, "A", "constructive", "Delivery"),
                note(50, "A", "constructive", "Delivery"),
                note(10, "A", "constructive", "Communication"),
                note(20, "B", "constructive", "Communication"),
            ],
            ["communication", "delivery"],
        ),
        # Equal weight and people: the most recent first.
        (
            [
                note(30, "A", "constructive", "Delivery"),
                note(40, "B", "constructive", "Delivery"),
                note(5, "A", "constructive", "Ownership"),
                note(40, "B", "constructive", "Ownership"),
            ],
            ["ownership", "delivery"],
        ),
    ],
)
def test_areas_are_ranked_by_weight_then_people_then_recency(notes, expected_order):
    assert area_keys(notes) == expected_order


def test_each_area_says_why_in_words():
    report = summarise_themes(
        [
            note(10, "Priya", "constructive", "Communication"),
            note(200, "Tom", "mixed", "Communication"),
        ],
        today=TODAY,
    )
    (area,) = report.areas
    assert area.reason.startswith(
        "Mentioned in 1 constructive and 1 mixed feedback from 2 people between"
    )
    assert "most recently 13 Nov 2026" in area.reason
    assert "weight 2.5" in area.reason  # 2 recent + 1 × 0.5 old
    assert area.weight == 2.5


def test_strengths_and_not_yet_patterns_explain_themselves():
    report = summarise_themes(
        [
            note(10, "A", "praise", "Mentoring"),
            note(20, "B", "praise", "Mentoring"),
            note(10, "A", "constructive", "Delivery"),
            note(11, "A", "constructive", "Delivery"),
            note(10, "C", "constructive", "Visibility"),
        ],
        today=TODAY,
    )
    by_key = {s.key: s for s in report.all_themes}
    assert [s.key for s in report.strengths] == ["mentoring"]
    assert "Only ever praised: a strength." in by_key["mentoring"].reason
    assert "one person, within 1 day;" in by_key["delivery"].reason
    assert "criticised fewer than 2 times" in by_key["visibility"].reason
    assert by_key["visibility"].reason.startswith(
        "Mentioned in 1 constructive feedback from 1 person on 13 Nov 2026."
    )


def test_newest_spelling_is_the_label_shown():
    report = summarise_themes(
        [
            note(50, "A", "constructive", "communication"),
            note(5, "B", "constructive", "Communication skills"),
            note(3, "C", "constructive", "Communication"),
        ],
        today=TODAY,
    )
    assert report.areas[0].label == "Communication"


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("Communication", "communication"),
        ("Technical-Depth", "technical depth"),
        ("  Stakeholder   management ", "stakeholder management"),
        ("Prioritización", "prioritizacion"),
        ("", ""),
    ],
)
def test_theme_key_groups_spellings(label, key):
    assert theme_key(label) == key


def test_criticism_on_a_single_day_is_not_called_within_0_days():
    report = summarise_themes(
        [
            note(10, "A", "constructive", "Delivery"),
            note(10, "A", "constructive", "Delivery"),
        ],
        today=TODAY,
    )
    (summary,) = report.all_themes
    assert "one person, all on one day;" in summary.reason
    assert "within 0 days" not in summary.reason
