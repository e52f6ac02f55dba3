"""Keep-in-touch cadence: when to reach out to someone, and whom to reach out to first.

Each contact has an *ideal* interval (when a catch-up is due) and a *maximum* interval
(after which the relationship is overdue). The clock starts at the latest logged
interaction — any interaction resets it — or, for someone never contacted, at the day
the contact was added. Defaults come from the relationship types; with several types the
tightest one wins, because a mentor who is also a peer still needs a mentor's rhythm.

Pure: dates in, answers out; no database.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

# (ideal days, maximum days) per relationship type.
DEFAULT_INTERVALS: dict[str, tuple[int, int]] = {
    "manager": (14, 30),
    "mentor": (30, 60),
    "mentee": (21, 45),
    "sponsor": (45, 90),
    "peer": (60, 120),
    "recruiter": (90, 180),
    "industry": (90, 180),
    "alumni": (120, 240),
    "other": (180, 365),
}
FALLBACK_INTERVALS = DEFAULT_INTERVALS["other"]
# A catch-up is "due soon" this many days before its ideal date.
SOON_WINDOW = 7


class CadenceState(StrEnum):
    UNTRACKED = "untracked"
    OK = "ok"
    DUE_SOON = "due_soon"
    DUE = "due"
    OVERDUE = "overdue"


STATE_LABELS = {
    CadenceState.UNTRACKED: "Not tracked",
    CadenceState.OK: "In touch",
    CadenceState.DUE_SOON: "Due soon",
    CadenceState.DUE: "Time to reach out",
    CadenceState.OVERDUE: "Overdue",
}


@dataclass(frozen=True)
class Intervals:
    ideal: int
    maximum: int


def intervals_for(
    relationship_types: Iterable[str],
    *,
    ideal: int | None = None,
    maximum: int | None = None,
) -> Intervals:
    """The intervals in days: the person's own choice where given, else the tightest default.

    With only an ideal given the maximum is twice it; with only a maximum, the ideal
    is the default capped at that maximum. A maximum shorter than the ideal is raised
    to the ideal, so "due" never comes after "overdue".
    """
    defaults = [
        DEFAULT_INTERVALS[t] for t in relationship_types if t in DEFAULT_INTERVALS
    ]
    default_ideal, default_max = min(defaults) if defaults else FALLBACK_INTERVALS
    if ideal and maximum:
        return Intervals(ideal=ideal, maximum=max(maximum, ideal))
    if ideal:
        # Twice the chosen rhythm leaves the same room as the defaults do.
        return Intervals(ideal=ideal, maximum=ideal * 2)
    if maximum:
        return Intervals(ideal=min(default_ideal, maximum), maximum=maximum)
    return Intervals(ideal=default_ideal, maximum=default_max)


@dataclass(frozen=True)
class Cadence:
    """Where one relationship stands today."""

    state: CadenceState
    since: date | None  # the last interaction, or when the contact was added
    due_on: date | None  # since + ideal
    overdue_on: date | None  # since + maximum
    days_since: int | None
    days_past_due: int  # 0 until the ideal date has passed

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def needs_attention(self) -> bool:
        return self.state in (CadenceState.DUE, CadenceState.OVERDUE)


def cadence_dates(*, since: date, intervals: Intervals) -> tuple[date, date]:
    """(due on, overdue on) for a clock started on ``since``."""
    return (
        since + timedelta(days=intervals.ideal),
        since + timedelta(days=intervals.maximum),
    )


def keep_in_touch(
    *,
    last_interaction_on: date | None,
    added_on: date,
    intervals: Intervals | None,
    today: date,
) -> Cadence:
    """The cadence state of one contact; ``intervals=None`` means the person turned it off."""
    since = last_interaction_on or added_on
    days_since = (today - since).days
    if intervals is None:
        return Cadence(CadenceState.UNTRACKED, since, None, None, days_since, 0)
    due_on, overdue_on = cadence_dates(since=since, intervals=intervals)
    if today > overdue_on:
        state = CadenceState.OVERDUE
    elif today >= due_on:
        state = CadenceState.DUE
    elif (due_on - today).days <= SOON_WINDOW:
        state = CadenceState.DUE_SOON
    else:
        state = CadenceState.OK
    return Cadence(
        state=state,
        since=since,
        due_on=due_on,
        overdue_on=overdue_on,
        days_since=days_since,
        days_past_due=max(0, (today - due_on).days),
    )


@dataclass(frozen=True)
class Candidate:
    """What the ranking needs to know about one contact."""

    key: object
    name: str
    due_on: date
    ideal_days: int
    active_goals_helped: int = 0
    is_mentor_or_sponsor: bool = False


@dataclass(frozen=True)
class Suggestion:
    key: object
    name: str
    score: float
    reasons: tuple[str, ...]


# How much one active goal the person can help with weighs against lateness (in ideal
# intervals): helping with a goal counts like being half an interval late.
GOAL_WEIGHT = 0.5
MENTOR_WEIGHT = 0.25


def rank_reach_out(
    candidates: Sequence[Candidate], *, today: date, limit: int = 10
) -> list[Suggestion]:
    """Whom to reach out to first: the most overdue (relative to their own rhythm) and the
    most relevant to active goals. Only people whose catch-up is due are suggested.

    Lateness is measured in ideal intervals so a monthly mentor two weeks late outranks
    a yearly acquaintance two weeks late.
    """
    suggestions: list[Suggestion] = []
    for c in candidates:
        late_days = (today - c.due_on).days
        if late_days < 0:
            continue
        lateness = late_days / max(c.ideal_days, 1)
        score = 1 + lateness
        reasons = [
            "due today"
            if late_days == 0
            else f"{late_days} day{'s' if late_days != 1 else ''} past your {c.ideal_days}-day rhythm"
        ]
        if c.active_goals_helped:
            score += GOAL_WEIGHT * c.active_goals_helped
            reasons.append(
                f"can help with {c.active_goals_helped} active goal"
                + ("s" if c.active_goals_helped != 1 else "")
            )
        if c.is_mentor_or_sponsor:
            score += MENTOR_WEIGHT
            reasons.append("mentor or sponsor")
        suggestions.append(Suggestion(c.key, c.name, round(score, 3), tuple(reasons)))
    suggestions.sort(key=lambda s: (-s.score, s.name.casefold()))
    return suggestions[:limit]
