"""The dashboard's read model: what is overdue, due this week and coming up."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from careerpath.accounts.models import User
from careerpath.agenda.sources import SOURCES, DueItemsSource
from careerpath.core.due import Batch, DueItem

# How far back overdue items are looked for, and how far ahead "coming up" reaches.
LOOK_BACK = timedelta(days=365)
LOOK_AHEAD = timedelta(days=30)


@dataclass(frozen=True)
class More:
    """The undated line that sums up the items of a batch beyond its limit."""

    count: int
    text: str
    url: str


@dataclass
class Section:
    items: list[DueItem] = field(default_factory=list)
    more: list[More] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.items or self.more)

    def __iter__(self) -> Iterator[DueItem]:
        return iter(self.items)


@dataclass
class Agenda:
    overdue: Section = field(default_factory=Section)
    this_week: Section = field(default_factory=Section)
    later: Section = field(default_factory=Section)

    @property
    def is_empty(self) -> bool:
        return not (self.overdue or self.this_week or self.later)


def _fill(section: Section, items: list[DueItem], *, overdue: bool = False) -> None:
    extra: dict[Batch, int] = {}
    shown: dict[Batch, int] = {}
    for item in items:
        batch = item.batch
        if batch is None:
            section.items.append(item)
        elif shown.get(batch, 0) < batch.limit:
            shown[batch] = shown.get(batch, 0) + 1
            section.items.append(item)
        else:
            extra[batch] = extra.get(batch, 0) + 1
    for batch, count in extra.items():
        noun = batch.singular if count == 1 else batch.plural
        url = (batch.overdue_url or batch.url) if overdue else batch.url
        section.more.append(More(count, f"{count} more {noun} {batch.text}", url))


def group_due_items(items: Iterable[DueItem], *, today: date) -> Agenda:
    """Sort items by date and split them into overdue, the next seven days, and later.

    An item still in its grace period (due, but not yet overdue) counts as due now.
    Each section lists at most ``batch.limit`` items of a batch and sums up the rest.
    """
    week_end = today + timedelta(days=7)
    overdue: list[DueItem] = []
    this_week: list[DueItem] = []
    later: list[DueItem] = []
    for item in sorted(items, key=lambda i: (i.due_on, i.title)):
        if item.is_overdue(today):
            overdue.append(item)
        elif item.due_on < week_end:
            this_week.append(item)
        else:
            later.append(item)
    agenda = Agenda()
    _fill(agenda.overdue, overdue, overdue=True)
    _fill(agenda.this_week, this_week)
    _fill(agenda.later, later)
    return agenda


def build_agenda(
    owner: User, *, today: date, sources: Iterable[DueItemsSource] = SOURCES
) -> Agenda:
    """Everything due for ``owner`` from every area, grouped for the dashboard."""
    start, end = today - LOOK_BACK, today + LOOK_AHEAD
    items = [item for source in sources for item in source(owner, start, end)]
    return group_due_items(items, today=today)
