"""Month arithmetic and dates in words, in one place.

Pure: no Django, no database. Month names are English whatever the process locale, so
pages, e-mails and the API read the same.
"""

from __future__ import annotations

from datetime import date

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def month_start(day: date) -> date:
    """The first of ``day``'s month."""
    return day.replace(day=1)


def add_months(day: date, months: int) -> date:
    """The first of the month ``months`` after (or, negative, before) ``day``'s month."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month + 1, 1)


def next_month(day: date) -> date:
    """The first of the month after ``day``'s."""
    return add_months(day, 1)


def same_day_months_later(day: date, months: int) -> date:
    """The same day of the month ``months`` later (the month's last day when it is
    shorter): 31 Jan + 1 month is 28 or 29 Feb."""
    first = add_months(day, months)
    last_day = (next_month(first) - first).days
    return first.replace(day=min(day.day, last_day))


def months_ending(today: date, count: int) -> list[date]:
    """The first days of the ``count`` months up to and including today's, oldest first."""
    last = month_start(today)
    return [add_months(last, offset) for offset in range(1 - count, 1)]


def day_text(day: date) -> str:
    """ "30 Apr 2027": the short form used in advice and messages."""
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def long_day_text(day: date) -> str:
    """ "30 April 2027"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def month_text(day: date) -> str:
    """ "April 2027"."""
    return f"{MONTHS[day.month - 1]} {day.year}"
