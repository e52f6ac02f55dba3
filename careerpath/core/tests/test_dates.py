"""Month arithmetic and dates in words (core.dates)."""

from __future__ import annotations

import calendar
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from careerpath.core.dates import (
    add_months,
    day_text,
    long_day_text,
    month_start,
    month_text,
    months_ending,
    next_month,
    same_day_months_later,
)

days = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))


@settings(max_examples=300, deadline=None)
@given(days, st.integers(-600, 600))
def test_month_arithmetic_agrees_with_the_calendar(day, months):
    first = add_months(day, months)
    assert first.day == 1
    assert (first.year * 12 + first.month) - (day.year * 12 + day.month) == months
    later = same_day_months_later(day, months)
    assert (later.year, later.month) == (first.year, first.month)
    assert later.day == min(day.day, calendar.monthrange(first.year, first.month)[1])
    assert next_month(day) == add_months(day, 1)
    assert month_start(day) == add_months(day, 0)


def test_month_ends_and_lists():
    assert same_day_months_later(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert same_day_months_later(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert same_day_months_later(date(2026, 12, 15), 2) == date(2027, 2, 15)
    assert add_months(date(2026, 1, 20), -1) == date(2025, 12, 1)
    assert months_ending(date(2026, 2, 10), 3) == [
        date(2025, 12, 1),
        date(2026, 1, 1),
        date(2026, 2, 1),
    ]


def test_dates_in_words():
    day = date(2027, 4, 3)
    assert day_text(day) == "3 Apr 2027"
    assert long_day_text(day) == "3 April 2027"
    assert month_text(day) == "April 2027"
