"""Review periods, their names and their due days (pure rules)."""

from datetime import date

import pytest

from careerpath.reviews import periods


@pytest.mark.parametrize(
    ("cadence", "day", "expected"),
    [
        ("weekly", date(2027, 3, 10), (date(2027, 3, 8), date(2027, 3, 14))),
        ("monthly", date(2027, 2, 14), (date(2027, 2, 1), date(2027, 2, 28))),
        ("monthly", date(2027, 12, 31), (date(2027, 12, 1), date(2027, 12, 31))),
        ("quarterly", date(2027, 5, 20), (date(2027, 4, 1), date(2027, 6, 30))),
        ("quarterly", date(2027, 12, 1), (date(2027, 10, 1), date(2027, 12, 31))),
        ("yearly", date(2027, 7, 1), (date(2027, 1, 1), date(2027, 12, 31))),
    ],
)
def test_period_of_contains_the_day(cadence, day, expected):
    assert periods.period_of(cadence, day) == expected


@pytest.mark.parametrize(
    ("cadence", "start", "label"),
    [
        ("weekly", date(2027, 3, 8), "the week of 8 Mar 2027"),
        ("monthly", date(2027, 3, 1), "March 2027"),
        ("quarterly", date(2027, 4, 1), "Q2 2027"),
        ("yearly", date(2027, 1, 1), "2027"),
    ],
)
def test_period_label_reads_like_people_say_it(cadence, start, label):
    assert periods.period_label(cadence, start) == label


def test_weekly_review_is_due_on_the_chosen_weekday():
    assert periods.due_on(
        "weekly", date(2027, 3, 8), date(2027, 3, 14), weekday=4, days_before_end=6
    ) == date(2027, 3, 12)


def test_quarterly_review_is_due_in_the_last_week():
    assert periods.due_on(
        "quarterly", date(2027, 1, 1), date(2027, 3, 31), weekday=4, days_before_end=6
    ) == date(2027, 3, 25)


def test_previous_and_next_period_follow_each_other():
    assert periods.previous_period("quarterly", date(2027, 1, 1)) == (
        date(2026, 10, 1),
        date(2026, 12, 31),
    )
    assert periods.next_period("monthly", date(2027, 1, 31)) == (
        date(2027, 2, 1),
        date(2027, 2, 28),
    )
