"""The shape every area uses to tell the dashboard what is due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class DueItem:
    """One thing due on a date, from any area, with a link to act on it."""

    due_on: date
    title: str
    area: str
    url: str
    kind: str = ""

    def is_overdue(self, today: date) -> bool:
        return self.due_on < today
