"""What happened to a goal after a setback, and the resilience summary: tables of cases."""

from datetime import date

import pytest

from careerpath.journal.resilience import (
    GoalChangeFact,
    MilestoneFact,
    SetbackFacts,
    goal_since,
    summarise,
)

HAPPENED = date(2026, 3, 10)
TODAY = date(2026, 11, 23)


def since(**overrides):
    args = {
        "happened_on": HAPPENED,
        "status": "active",
        "status_label": "Active",
        "achieved_on": None,
        "deadline": date(2026, 12, 31),
        "changes": [],
        "milestones": [],
        "today": TODAY,
    }
    args.update(overrides)
    return goal_since(**args)


@pytest.mark.parametrize(
    ("overrides", "headline", "recovered"),
    [
        ({}, "Active: no milestone reached since; due 31 Dec 2026.", False),
        (
            {"milestones": [MilestoneFact("Draft ready", date(2026, 4, 1))]},
            "Active: 1 milestone reached since; due 31 Dec 2026.",
            True,
        ),
        (
            {
                "milestones": [
                    MilestoneFact("Before", date(2026, 3, 1)),
                    MilestoneFact("Open", None),
                    MilestoneFact("After", date(2026, 5, 1)),
                    MilestoneFact("Same day", HAPPENED),
                ]
            },
            "Active: 2 milestones reached since; due 31 Dec 2026.",
            True,
        ),
        (
            {"deadline": date(2026, 10, 1)},
            "Active: no milestone reached since; the deadline (1 Oct 2026) has passed.",
            False,
        ),
        (
            {"deadline": None, "status": "paused", "status_label": "Paused"},
            "Paused: no milestone reached since.",
            False,
        ),
        (
            {"status": "achieved", "achieved_on": date(2026, 7, 10)},
            "Achieved on 10 Jul 2026, 4 months after this setback.",
            True,
        ),
        (
            {"status": "achieved", "achieved_on": date(2026, 3, 30)},
            "Achieved on 30 Mar 2026, 20 days after this setback.",
            True,
        ),
        (
            {"status": "achieved", "achieved_on": date(2026, 3, 11)},
            "Achieved on 11 Mar 2026, 1 day after this setback.",
            True,
        ),
        (
            {"status": "achieved", "achieved_on": HAPPENED},
            "Achieved on 10 Mar 2026, the same day as this setback.",
            True,
        ),
        (
            {"status": "achieved", "achieved_on": date(2029, 3, 10)},
            "Achieved on 10 Mar 2029, 3 years after this setback.",
            True,
        ),
        (
            {"status": "abandoned", "status_label": "Abandoned"},
            "Abandoned since.",
            False,
        ),
    ],
)
def test_goal_since_headline(overrides, headline, recovered):
    story = since(**overrides)
    assert story.headline == headline
    assert story.recovered is recovered


def test_events_after_the_setback_are_told_in_order_with_reasons():
    story = since(
        changes=[
            GoalChangeFact(
                date(2026, 1, 5), "deadline", "2026-06-30", "2026-09-30", "Before"
            ),
            GoalChangeFact(
                date(2026, 4, 2), "deadline", "2026-09-30", "2026-12-31", "The reorg"
            ),
            GoalChangeFact(date(2026, 3, 20), "status", "Active", "Paused", ""),
            GoalChangeFact(date(2026, 5, 1), "target", "10", "8", "Smaller team"),
            GoalChangeFact(date(2026, 5, 2), "statement", "Old", "New", ""),
        ],
        milestones=[MilestoneFact("Pilot live", date(2026, 4, 20))],
    )
    assert story.events == (
        "20 Mar 2026: Status Active → Paused.",
        "2 Apr 2026: Deadline moved from 2026-09-30 to 2026-12-31: “The reorg”.",
        "20 Apr 2026: milestone reached, “Pilot live”.",
        "1 May 2026: Target changed from 10 to 8: “Smaller team”.",
        "2 May 2026: Goal reworded.",
    )


@pytest.mark.parametrize(
    ("facts", "numbers", "sentence"),
    [
        (
            [],
            (0, 0, 0, 0),
            "No setbacks logged. When something goes wrong, write down what it taught you: that is where resilience shows.",
        ),
        (
            [SetbackFacts(True, True, None, False)],
            (1, 1, 0, 0),
            "1 setback logged.",
        ),
        (
            [SetbackFacts(True, True, "active", True)],
            (1, 1, 1, 1),
            "1 setback logged; the one that hit a goal was followed by progress or success.",
        ),
        (
            [SetbackFacts(True, True, "abandoned", False)],
            (1, 1, 1, 0),
            "1 setback logged; the goal it hit has not moved on since.",
        ),
        (
            [SetbackFacts(True, False, None, False)],
            (1, 0, 0, 0),
            "1 setback logged; 1 still without an outcome: note how it turned out.",
        ),
        (
            [
                SetbackFacts(True, True, "achieved", True),
                SetbackFacts(True, False, "active", False),
                SetbackFacts(True, False, "abandoned", False),
                SetbackFacts(True, True, None, False),
            ],
            (4, 2, 3, 1),
            "4 setbacks logged; 1 of the 3 that hit a goal were followed by progress or success; "
            "2 still without an outcome: note how they turned out.",
        ),
    ],
)
def test_summary(facts, numbers, sentence):
    summary = summarise(facts)
    assert (
        summary.setbacks,
        summary.with_outcome,
        summary.with_goal,
        summary.recovered,
    ) == numbers
    assert summary.sentence == sentence
