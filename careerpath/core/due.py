"""The shape every area uses to tell the dashboard what is due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Batch:
    """Items of one kind that the dashboard lists only a few of per section, then sums up
    in one undated line: "8 more people to get back in touch with"."""

    singular: str  # "person"
    plural: str  # "people"
    text: str  # "to get back in touch with"
    url: str
    overdue_url: str = ""  # where the overdue ones are listed, if somewhere else
    limit: int = 8


@dataclass(frozen=True)
class DueItem:
    """One thing due on a date, from any area, with a link to act on it.

    ``overdue_on`` is the last day before the item counts as overdue, for things that
    have a grace period after their due date (a catch-up is due on its ideal date and
    overdue only after its maximum interval); without it an item is overdue the day
    after it is due.
    """

    due_on: date
    title: str
    area: str
    url: str
    kind: str = ""
    overdue_on: date | None = None
    batch: Batch | None = None

    def is_overdue(self, today: date) -> bool:
        return (self.overdue_on or self.due_on) < today
