"""Review periods: which week, month, quarter or year a day falls in, how it is named,
and when its review falls due under a person's schedule. Pure rules, no database."""

from __future__ import annotations

from datetime import date, timedelta

WEEKLY, MONTHLY, QUARTERLY, YEARLY = "weekly", "monthly", "quarterly", "yearly"
CADENCES = (WEEKLY, MONTHLY, QUARTERLY, YEARLY)
WEEKDAYS = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)


def _month_end(year: int, month: int) -> date:
    first_next = date(year + month // 12, month % 12 + 1, 1)
    return first_next - timedelta(days=1)


def period_of(cadence: str, day: date) -> tuple[date, date]:
    """The first and last day of the period of ``cadence`` that contains ``day``."""
    if cadence == WEEKLY:
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=6)
    if cadence == MONTHLY:
        return day.replace(day=1), _month_end(day.year, day.month)
    if cadence == QUARTERLY:
        first = (day.month - 1) // 3 * 3 + 1
        return date(day.year, first, 1), _month_end(day.year, first + 2)
    if cadence == YEARLY:
        return date(day.year, 1, 1), date(day.year, 12, 31)
    raise ValueError(f"Unknown cadence: {cadence!r}")


def previous_period(cadence: str, start: date) -> tuple[date, date]:
    return period_of(cadence, start - timedelta(days=1))


def next_period(cadence: str, end: date) -> tuple[date, date]:
    return period_of(cadence, end + timedelta(days=1))


def period_label(cadence: str, start: date) -> str:
    """How people name the period: "week of 5 Apr 2027", "March 2027", "Q1 2027", "2027"."""
    if cadence == WEEKLY:
        return f"the week of {start:%-d %b %Y}"
    if cadence == MONTHLY:
        return f"{start:%B %Y}"
    if cadence == QUARTERLY:
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    return f"{start.year}"


def due_on(
    cadence: str, start: date, end: date, *, weekday: int, days_before_end: int
) -> date:
    """When the review of a period falls due.

    A weekly review falls on the chosen weekday of its week (e.g. Friday); the others
    ``days_before_end`` days before the period ends (6 = the start of its last week),
    never before the period starts.
    """
    if cadence == WEEKLY:
        return start + timedelta(days=weekday)
    return max(start, end - timedelta(days=days_before_end))
