"""Writes to learning items and the learning log, shared by pages, the API, commands and
the skills area (which turns a skill gap into a learning item through
``create_learning_item``).

Every write validates the whole row first, so bad input changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import transaction

from careerpath.core.text import squash
from careerpath.learning.models import LearningItem, LearningSession
from careerpath.learning.skillnames import canonical_skills, skill_key

if TYPE_CHECKING:
    from careerpath.accounts.models import User
    from careerpath.goals.models import Goal

ITEM_FIELDS = (
    "title",
    "kind",
    "provider",
    "url",
    "cost",
    "currency",
    "hours",
    "starts_on",
    "finishes_on",
    "status",
    "skills",
    "goal",
    "issued_on",
    "expires_on",
    "credential_id",
    "note",
    "source",
)


def _assign(item: LearningItem, data: Mapping[str, Any]) -> None:
    for name in ITEM_FIELDS:
        if name in data:
            value = data[name]
            if name == "skills":
                value = canonical_skills(value or [])
            elif isinstance(value, str):
                value = value.strip()
            setattr(item, name, "" if value is None and name == "currency" else value)


def _track_completion(item: LearningItem, *, today: date) -> None:
    if item.status == LearningItem.Status.COMPLETED:
        if item.completed_on is None:
            finished = item.finishes_on
            item.completed_on = finished if finished and finished <= today else today
    else:
        item.completed_on = None


@transaction.atomic
def create_learning_item(
    *,
    owner: User,
    title: str,
    kind: str,
    skills: list[str],
    goal: Goal | None = None,
    note: str = "",
    source: str = "",
) -> LearningItem:
    """Plan a learning item in one step (e.g. from a skill gap); it starts as planned.

    ``skills`` are names, stored once each under their taxonomy label where known;
    ``source`` says where the item came from ("Gap: SQL for Data analyst").
    Raises ``ValidationError`` and saves nothing when the input is not valid.
    """
    return save_learning_item(
        owner=owner,
        data={
            "title": title,
            "kind": kind,
            "skills": skills,
            "goal": goal,
            "note": note,
            "source": source[:300],
        },
        today=owner.today(),
    )


@transaction.atomic
def save_learning_item(
    *,
    owner: User,
    data: Mapping[str, Any],
    today: date,
    item: LearningItem | None = None,
) -> LearningItem:
    """Create (``item`` None) or update a learning item from validated field values."""
    kept = [] if item is None or "url" in data else ["url"]
    item = item or LearningItem(owner=owner)
    _assign(item, data)
    # A link kept as it was is not judged again: one stored before links were
    # checked does not block changing the rest.
    item.full_clean(exclude=kept)
    _track_completion(item, today=today)
    item.save()
    return item


@transaction.atomic
def complete_learning_item(item: LearningItem, *, today: date) -> LearningItem:
    """Mark an item completed today (keeping a finish date already given)."""
    item.status = LearningItem.Status.COMPLETED
    if item.finishes_on is None:
        if item.starts_on is not None and item.starts_on > today:
            item.starts_on = today  # finished early: it cannot have started later
        item.finishes_on = today
    item.full_clean(exclude=["url"])
    _track_completion(item, today=today)
    item.save()
    return item


@transaction.atomic
def delete_learning_item(item: LearningItem) -> None:
    """Delete an item with its logged sessions."""
    item.delete()


@transaction.atomic
def log_session(
    *,
    owner: User,
    logged_on: date,
    hours: Decimal,
    item: LearningItem | None = None,
    skill: str = "",
    note: str = "",
) -> LearningSession:
    """Log time spent learning; an open item that was only planned becomes in progress."""
    skill = squash(skill)
    if skill:
        skill = canonical_skills([skill])[0] if skill_key(skill) else ""
    session = LearningSession(
        owner=owner,
        item=item,
        logged_on=logged_on,
        hours=hours,
        skill=skill,
        note=note.strip(),
    )
    session.full_clean()
    session.save()
    if item is not None and item.status == LearningItem.Status.PLANNED:
        item.status = LearningItem.Status.IN_PROGRESS
        if item.starts_on is None or item.starts_on > logged_on:
            item.starts_on = logged_on
        if item.finishes_on is not None and item.finishes_on < item.starts_on:
            item.finishes_on = None
        item.save(update_fields=["status", "starts_on", "finishes_on", "updated_at"])
    return session


@transaction.atomic
def delete_session(session: LearningSession) -> None:
    session.delete()
