"""Hours per month and per skill, as tables: no database."""

import itertools
from datetime import date
from decimal import Decimal as D

import pytest

from careerpath.core.dates import add_months, months_ending
from careerpath.learning.hours import (
    NO_SKILL,
    LoggedHours,
    hours_per_month,
    hours_per_skill,
    total_hours,
)


def s(day, hours, skill="", item_skills=()):
    return LoggedHours(
        logged_on=day, hours=D(hours), skill=skill, item_skills=tuple(item_skills)
    )


@pytest.mark.parametrize(
    ("today", "count", "first", "last"),
    [
        (date(2026, 3, 15), 12, date(2025, 4, 1), date(2026, 3, 1)),
        (date(2026, 1, 1), 12, date(2025, 2, 1), date(2026, 1, 1)),
        (date(2026, 12, 31), 24, date(2025, 1, 1), date(2026, 12, 1)),
        (date(2026, 3, 15), 1, date(2026, 3, 1), date(2026, 3, 1)),
        (date(2024, 2, 29), 36, date(2021, 3, 1), date(2024, 2, 1)),
    ],
)
def test_months_ending(today, count, first, last):
    months = months_ending(today, count)
    assert len(months) == count
    assert (months[0], months[-1]) == (first, last)
    assert all(add_months(a, 1) == b for a, b in itertools.pairwise(months))


MONTHS = [date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)]


@pytest.mark.parametrize(
    ("sessions", "expected"),
    [
        ([], ["0", "0", "0"]),
        ([s(date(2026, 1, 31), "1.5")], ["1.5", "0", "0"]),
        ([s(date(2026, 2, 1), "1"), s(date(2026, 2, 28), "2.25")], ["0", "3.25", "0"]),
        # Outside the months shown: ignored.
        ([s(date(2025, 12, 31), "4"), s(date(2026, 4, 1), "4")], ["0", "0", "0"]),
        ([s(date(2026, 3, 1), "24"), s(date(2026, 3, 2), "0.25")], ["0", "0", "24.25"]),
    ],
)
def test_hours_per_month(sessions, expected):
    result = hours_per_month(sessions, MONTHS)
    assert [month for month, _ in result] == MONTHS
    assert [hours for _, hours in result] == [D(e) for e in expected]


@pytest.mark.parametrize(
    ("sessions", "expected"),
    [
        ([], []),
        # The session's own skill wins over the item's.
        ([s(date(2026, 1, 1), "2", "SQL", ["Python"])], [("SQL", "2.00")]),
        # No skill on the session: the item's skills share the hours equally.
        (
            [s(date(2026, 1, 1), "3", "", ["SQL", "Python"])],
            [("Python", "1.50"), ("SQL", "1.50")],
        ),
        (
            [s(date(2026, 1, 1), "1", "", ["A", "B", "C"])],
            [("A", "0.33"), ("B", "0.33"), ("C", "0.33")],
        ),
        # Neither: counted as "No skill named", always last.
        (
            [s(date(2026, 1, 1), "5"), s(date(2026, 1, 2), "1", "SQL")],
            [("SQL", "1.00"), (NO_SKILL, "5.00")],
        ),
        # Spellings that normalise alike are one skill, under the first spelling.
        (
            [
                s(date(2026, 1, 1), "1", "Problem-solving"),
                s(date(2026, 1, 2), "2", "problem solving"),
            ],
            [("Problem-solving", "3.00")],
        ),
        # Repeated item skills count once.
        ([s(date(2026, 1, 1), "2", "", ["SQL", "sql"])], [("SQL", "2.00")]),
        # Most hours first, ties by name.
        (
            [
                s(date(2026, 1, 1), "1", "b"),
                s(date(2026, 1, 1), "1", "A"),
                s(date(2026, 1, 1), "4", "C"),
            ],
            [("C", "4.00"), ("A", "1.00"), ("b", "1.00")],
        ),
        # A skill that normalises to nothing counts as none.
        ([s(date(2026, 1, 1), "1", "--", ["Python"])], [("Python", "1.00")]),
    ],
)
def test_hours_per_skill(sessions, expected):
    assert hours_per_skill(sessions) == [(name, D(h)) for name, h in expected]


def test_per_skill_total_matches_hours_logged():
    sessions = [
        s(date(2026, 1, 1), "2", "", ["SQL", "Python"]),
        s(date(2026, 1, 2), "1.5", "Statistics"),
        s(date(2026, 1, 3), "0.5"),
    ]
    assert (
        sum(h for _, h in hours_per_skill(sessions)) == total_hours(sessions) == D("4")
    )
