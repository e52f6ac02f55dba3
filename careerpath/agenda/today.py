"""The dashboard's read model: what is overdue, due this week and coming up."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from careerpath.accounts.models import User
from careerpath.agenda.sources import SOURCES, DueItemsSource
from careerpath.core.due import DueItem

# How far back overdue items are looked for, and how far ahead "coming up" reaches.
LOOK_BACK = timedelta(days=365)
LOOK_AHEAD = timedelta(days=30)


@dataclass
class Agenda:
    overdue: list[DueItem] = field(default_factory=list)
    this_week: list[DueItem] = field(default_factory=list)
    later: list[DueItem] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.overdue or self.this_week or self.later)


def group_due_items(items: Iterable[DueItem], *, today: date) -> Agenda:
    """Sort items by date and split them into overdue, the next seven days, and later."""
    agenda = Agenda()
    week_end = today + timedelta(days=7)
    for item in sorted(items, key=lambda i: (i.due_on, i.title)):
        if item.due_on < today:
            agenda.overdue.append(item)
        elif item.due_on < week_end:
            agenda.this_week.append(item)
        else:
            agenda.later.append(item)
    return agenda


def build_agenda(
    owner: User, *, today: date, sources: Iterable[DueItemsSource] = SOURCES
) -> Agenda:
    """Everything due for ``owner`` from every area, grouped for the dashboard."""
    start, end = today - LOOK_BACK, today + LOOK_AHEAD
    items = [item for source in sources for item in source(owner, start, end)]
    return group_due_items(items, today=today)
