"""Give and receive: is a relationship two-way, and how warm is it?

Networking is two-way. Each interaction says whether I gave help, received it, both, or
neither; this module turns those counts into a balance and a gentle flag for
relationships where I only receive, and scores warmth for the overview.

Pure: counts and dates in, answers out; no database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# Below this many exchanges a one-sided pattern is noise, not a habit.
ONE_SIDED_MIN_RECEIVED = 3


@dataclass(frozen=True)
class Balance:
    gave: int
    received: int

    @property
    def net(self) -> int:
        """Positive when I gave more than I received."""
        return self.gave - self.received

    @property
    def total(self) -> int:
        return self.gave + self.received

    @property
    def only_receiving(self) -> bool:
        return only_receiving(gave=self.gave, received=self.received)

    @property
    def summary(self) -> str:
        return describe_balance(gave=self.gave, received=self.received)


def count_help(direction: str) -> tuple[int, int]:
    """(gave, received) that one interaction adds: "both" counts on each side."""
    return {
        "gave": (1, 0),
        "received": (0, 1),
        "both": (1, 1),
    }.get(direction, (0, 0))


def only_receiving(*, gave: int, received: int) -> bool:
    """True when I have received help several times and never given any back."""
    return gave == 0 and received >= ONE_SIDED_MIN_RECEIVED


def describe_balance(*, gave: int, received: int) -> str:
    """A short, non-judgemental sentence about the exchange so far."""
    if gave == 0 and received == 0:
        return "No help exchanged yet."
    if only_receiving(gave=gave, received=received):
        return (
            f"You have received help {received} times and not given any back yet — "
            "perhaps offer something: an introduction, feedback, a useful article."
        )
    if gave == received:
        return f"Balanced: {gave} given, {received} received."
    if gave > received:
        return f"You gave more: {gave} given, {received} received."
    return f"You received more: {gave} given, {received} received."


# Warmth: recent and frequent contact is warm. A year of monthly catch-ups is about 100.
RECENCY_HALF_LIFE_DAYS = 90


def warmth(*, interactions_last_year: int, last_on: date | None, today: date) -> int:
    """0–100: how warm a relationship is, from recency and frequency over the last year.

    Recency halves every 90 days without contact; frequency saturates at one
    interaction a month. Both weigh half.
    """
    if last_on is None:
        return 0
    days = max(0, (today - last_on).days)
    recency = 0.5 ** (days / RECENCY_HALF_LIFE_DAYS)
    frequency = min(interactions_last_year, 12) / 12
    return round(50 * recency + 50 * frequency)
