"""What happened after a setback: the goal's story since, and the resilience summary.

Pure (standard library only): the view hands in plain values read from the goal, its
changes and milestones, and gets sentences back. Tested with tables of cases.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from careerpath.core.dates import day_text

CLOSED = {"achieved", "abandoned"}


@dataclass(frozen=True)
class GoalChangeFact:
    changed_on: date
    field: str  # statement | target | deadline | status
    old_value: str
    new_value: str
    reason: str


@dataclass(frozen=True)
class MilestoneFact:
    title: str
    completed_on: date | None


@dataclass(frozen=True)
class GoalSince:
    """The goal's state now and what changed after the setback, oldest first."""

    headline: str
    events: tuple[str, ...]
    recovered: bool  # achieved later, or moving again (a milestone reached since)


@dataclass(frozen=True)
class SetbackFacts:
    """What the summary needs to know about one setback."""

    has_lesson: bool
    has_outcome: bool
    goal_status: str | None  # None without a goal
    recovered: bool


@dataclass(frozen=True)
class ResilienceSummary:
    setbacks: int
    with_outcome: int
    with_goal: int
    recovered: int  # of those with a goal
    sentence: str


def _after(start: date, end: date) -> str:
    """ "3 months after", "12 days after", "the same day"."""
    days = (end - start).days
    if days <= 0:
        return "the same day as"
    if days < 45:
        return f"{days} day{'s' if days != 1 else ''} after"
    months = round(days / 30.44)
    if months < 24:
        return f"{months} months after"
    return f"{months // 12} years after"


def goal_since(
    *,
    happened_on: date,
    status: str,
    status_label: str,
    achieved_on: date | None,
    deadline: date | None,
    changes: Sequence[GoalChangeFact],
    milestones: Sequence[MilestoneFact],
    today: date,
) -> GoalSince:
    """The goal's story after ``happened_on``: how it ended (or stands), and what changed."""
    events: list[tuple[date, str]] = []
    for change in changes:
        if change.changed_on < happened_on:
            continue
        if change.field == "status":
            text = f"Status {change.old_value or 'new'} → {change.new_value}"
        elif change.field == "deadline":
            text = f"Deadline moved from {change.old_value or 'none'} to {change.new_value or 'none'}"
        elif change.field == "target":
            text = f"Target changed from {change.old_value or 'none'} to {change.new_value or 'none'}"
        else:
            text = "Goal reworded"
        if change.reason:
            # The sentence ends with its own full stop, not the reason's.
            text += f": “{change.reason.strip().rstrip('.')}”"
        events.append((change.changed_on, f"{day_text(change.changed_on)}: {text}."))
    reached = [
        m
        for m in milestones
        if m.completed_on is not None and m.completed_on >= happened_on
    ]
    for milestone in reached:
        assert milestone.completed_on is not None
        events.append(
            (
                milestone.completed_on,
                f"{day_text(milestone.completed_on)}: milestone reached, “{milestone.title}”.",
            )
        )
    events.sort(key=lambda e: e[0])

    if status == "achieved":
        when = achieved_on or today
        headline = (
            f"Achieved on {day_text(when)}, {_after(happened_on, when)} this setback."
        )
        recovered = when >= happened_on
    elif status == "abandoned":
        headline = "Abandoned since."
        recovered = False
    else:
        count = len(reached)
        progress = (
            f"{count} milestone{'s' if count != 1 else ''} reached since"
            if count
            else "no milestone reached since"
        )
        due = ""
        if deadline is not None:
            due = (
                f"; due {day_text(deadline)}"
                if deadline >= today
                else f"; the deadline ({day_text(deadline)}) has passed"
            )
        headline = f"{status_label}: {progress}{due}."
        recovered = count > 0
    return GoalSince(headline, tuple(text for _, text in events), recovered)


def summarise(setbacks: Sequence[SetbackFacts]) -> ResilienceSummary:
    """How the person's setbacks turned out, in one sentence and four numbers."""
    total = len(setbacks)
    with_outcome = sum(1 for s in setbacks if s.has_outcome)
    with_goal = [s for s in setbacks if s.goal_status is not None]
    recovered = sum(1 for s in with_goal if s.recovered)
    if not total:
        sentence = "No setbacks logged. When something goes wrong, write down what it taught you: that is where resilience shows."
    else:
        parts = [f"{total} setback{'s' if total != 1 else ''} logged"]
        if len(with_goal) == 1:
            parts.append(
                "the one that hit a goal was followed by progress or success"
                if recovered
                else "the goal it hit has not moved on since"
            )
        elif with_goal:
            parts.append(
                f"{recovered} of the {len(with_goal)} that hit a goal were followed by progress or success"
            )
        if with_outcome < total:
            missing = total - with_outcome
            parts.append(
                f"{missing} still without an outcome: note how {'it' if missing == 1 else 'they'} turned out"
            )
        sentence = "; ".join(parts) + "."
    return ResilienceSummary(
        setbacks=total,
        with_outcome=with_outcome,
        with_goal=len(with_goal),
        recovered=recovered,
        sentence=sentence,
    )
