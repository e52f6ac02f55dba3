"""Writes and read models for the journal, shared by the pages, the API and the command."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Prefetch

from careerpath.accounts.models import User
from careerpath.goals.models import Goal, GoalChange, Milestone
from careerpath.journal.models import Entry, Setback
from careerpath.journal.resilience import (
    GoalChangeFact,
    GoalSince,
    MilestoneFact,
    ResilienceSummary,
    SetbackFacts,
    goal_since,
    summarise,
)

ENTRY_FIELDS = ("written_on", "title", "body", "mood", "tags")
SETBACK_FIELDS = ("goal", "lesson", "next_time", "outcome", "outcome_on")


def _assign(obj: object, fields: tuple[str, ...], data: Mapping[str, Any]) -> None:
    for name in fields:
        if name in data:
            setattr(obj, name, data[name])


@transaction.atomic
def write_entry(*, owner: User, data: Mapping[str, Any]) -> Entry:
    """A journal entry; a date in the future or a mood outside 1–5 saves nothing."""
    entry = Entry(owner=owner)
    _assign(entry, ENTRY_FIELDS, data)
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def record_setback(
    *, owner: User, entry_data: Mapping[str, Any], setback_data: Mapping[str, Any]
) -> Setback:
    """A setback: the entry (what happened, mood, tags) and what it taught, together or not at all."""
    entry = write_entry(owner=owner, data=entry_data)
    setback = Setback(owner=owner, entry=entry)
    _assign(setback, SETBACK_FIELDS, setback_data)
    setback.full_clean()
    setback.save()
    return setback


@transaction.atomic
def update_entry(
    entry: Entry,
    *,
    data: Mapping[str, Any],
    setback_data: Mapping[str, Any] | None = None,
) -> Entry:
    """Change an entry and, when it is a setback, its lesson, goal and outcome."""
    _assign(entry, ENTRY_FIELDS, data)
    entry.full_clean()
    entry.save()
    if setback_data is not None and hasattr(entry, "setback"):
        setback = entry.setback
        _assign(setback, SETBACK_FIELDS, setback_data)
        setback.full_clean()
        setback.save()
    return entry


@transaction.atomic
def note_outcome(setback: Setback, *, outcome: str, outcome_on: date) -> Setback:
    """Add (or correct) how a setback turned out, usually weeks after it happened."""
    setback.outcome = outcome.strip()
    setback.outcome_on = outcome_on
    setback.full_clean()
    setback.save(update_fields=["outcome", "outcome_on", "updated_at"])
    return setback


@transaction.atomic
def delete_entry(entry: Entry) -> None:
    """Delete an entry and, if it was a setback, its lesson and outcome."""
    entry.delete()


def setbacks_for_resilience(owner: User) -> Any:
    """Setbacks with their entries and goals, the goals' changes and milestones prefetched."""
    return (
        Setback.objects.owned_by(owner)
        .select_related("entry", "goal")
        .prefetch_related(
            Prefetch(
                "goal__changes",
                queryset=GoalChange.objects.order_by("changed_on", "pk"),
            ),
            Prefetch(
                "goal__milestones",
                queryset=Milestone.objects.order_by("completed_on", "pk"),
            ),
        )
        .order_by("-entry__written_on", "-pk")
    )


@dataclass(frozen=True)
class ResilienceRow:
    setback: Setback
    since: GoalSince | None


def goal_story(setback: Setback, *, today: date) -> GoalSince | None:
    """What happened to the setback's goal since (reads prefetched changes and milestones)."""
    goal: Goal | None = setback.goal
    if goal is None:
        return None
    return goal_since(
        happened_on=setback.entry.written_on,
        status=goal.status,
        status_label=goal.get_status_display(),
        achieved_on=goal.achieved_on,
        deadline=goal.deadline,
        changes=[
            GoalChangeFact(c.changed_on, c.field, c.old_value, c.new_value, c.reason)
            for c in goal.changes.all()
        ],
        milestones=[
            MilestoneFact(m.title, m.completed_on) for m in goal.milestones.all()
        ],
        today=today,
    )


def resilience(
    owner: User, *, today: date
) -> tuple[list[ResilienceRow], ResilienceSummary]:
    """Every setback with its goal's story since, and the summary over all of them."""
    rows = [
        ResilienceRow(setback, goal_story(setback, today=today))
        for setback in setbacks_for_resilience(owner)
    ]
    summary = summarise(
        [
            SetbackFacts(
                has_lesson=bool(row.setback.lesson.strip()),
                has_outcome=bool(row.setback.outcome.strip()),
                goal_status=row.setback.goal.status if row.setback.goal else None,
                recovered=bool(row.since and row.since.recovered),
            )
            for row in rows
        ]
    )
    return rows, summary
