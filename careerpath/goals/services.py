"""Writes to goals and their parts, shared by pages, the API, commands and other areas.

Every change of a goal's statement, target, deadline or status is kept with the reason
given (``GoalChange``), so reviews show how the plan was adjusted and why.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from careerpath.accounts.models import User
from careerpath.goals.models import (
    ActionStep,
    Aspiration,
    Goal,
    GoalChange,
    KpiReading,
    Milestone,
)
from careerpath.goals.smart import GoalDraft, SmartReport, check_smart

GOAL_FIELDS = (
    "parent",
    "aspiration",
    "category",
    "statement",
    "is_binary",
    "metric_name",
    "metric_unit",
    "baseline",
    "target",
    "direction",
    "achievability_note",
    "values",
    "relevance_note",
    "starts_on",
    "deadline",
    "status",
    "priority",
)
TRACKED_FIELDS = ("statement", "target", "deadline", "status")


def _display(goal: Goal, name: str) -> str:
    value = getattr(goal, name)
    if value is None:
        return ""
    if name == "status":
        return goal.get_status_display()
    if name == "deadline":
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return str(value)


def latest_reading(goal: Goal, *, today: date) -> Decimal | None:
    """The value of the goal's latest KPI reading on or before today (prefetch-friendly)."""
    if not goal.pk:
        return None
    past = [r for r in goal.readings.all() if r.read_on <= today]
    return max(past, key=lambda r: (r.read_on, r.pk)).value if past else None


def draft_of(
    goal: Goal,
    *,
    milestone_dates: Iterable[date] | None = None,
    today: date | None = None,
) -> GoalDraft:
    """The SMART check's view of a goal (saved or not), including the person's other active
    goals and, given ``today``, where its KPI stands now."""
    others = Goal.objects.owned_by(goal.owner).active()
    if goal.pk:
        others = others.exclude(pk=goal.pk)
    if milestone_dates is None:
        milestone_dates = [m.due_on for m in goal.milestones.all()] if goal.pk else []
    aspiration = goal.aspiration if goal.aspiration_id else None
    return GoalDraft(
        statement=goal.statement or "",
        is_binary=goal.is_binary,
        metric_name=goal.metric_name or "",
        metric_unit=goal.metric_unit or "",
        baseline=goal.baseline,
        target=goal.target,
        direction=goal.direction,  # type: ignore[arg-type]
        achievability_note=goal.achievability_note or "",
        has_aspiration=aspiration is not None,
        values=tuple(goal.values or ()),
        relevance_note=goal.relevance_note or "",
        starts_on=goal.starts_on,
        deadline=goal.deadline,
        aspiration_horizon_end=aspiration.horizon_end if aspiration else None,
        milestone_dates=tuple(milestone_dates),
        current=latest_reading(goal, today=today) if today else None,
        other_active_goals=tuple(others.values_list("starts_on", "deadline")),
        is_closed=goal.is_closed,
    )


def smart_report(
    goal: Goal, *, today: date, milestone_dates: Iterable[date] | None = None
) -> SmartReport:
    return check_smart(
        draft_of(goal, milestone_dates=milestone_dates, today=today), today=today
    )


def _guard_activation(goal: Goal, *, today: date, confirm_failing: bool) -> None:
    if goal.status != Goal.Status.ACTIVE or confirm_failing:
        return
    failing = smart_report(goal, today=today).failing
    if failing:
        letters = ", ".join(f.letter for f in failing)
        raise ValidationError(
            {
                "status": (
                    f"This goal fails the SMART check on {letters}. Fix it, keep it as a "
                    "draft, or confirm that you want to activate it anyway."
                )
            }
        )


def _assign(goal: Goal, data: Mapping[str, Any]) -> None:
    for name in GOAL_FIELDS:
        if name in data:
            setattr(goal, name, data[name])
    if goal.is_binary:
        goal.baseline = goal.target = None


@transaction.atomic
def create_goal(
    *,
    owner: User,
    data: Mapping[str, Any],
    today: date,
    confirm_failing: bool = False,
    source: str = "",
) -> Goal:
    """Create a goal; activating one that fails the SMART check needs ``confirm_failing``.

    ``source`` says where it came from (e.g. a skill gap) and is kept in the history.
    """
    goal = Goal(owner=owner, starts_on=today)
    _assign(goal, data)
    goal.full_clean()
    _guard_activation(goal, today=today, confirm_failing=confirm_failing)
    if goal.status == Goal.Status.ACHIEVED:
        goal.achieved_on = today
    goal.save()
    if source:
        GoalChange.objects.create(
            owner=owner,
            goal=goal,
            field=GoalChange.Field.STATUS,
            old_value="",
            new_value=goal.get_status_display(),
            reason=source[:500],
            changed_on=today,
        )
    return goal


@transaction.atomic
def adjust_goal(
    goal: Goal,
    *,
    data: Mapping[str, Any],
    reason: str,
    today: date,
    confirm_failing: bool = False,
    source_label: str = "",
    source_url: str = "",
) -> list[GoalChange]:
    """Change a goal; a new statement, target, deadline or status needs a reason, kept as history.

    ``source_label``/``source_url`` say where it was decided (e.g. a review) and link back.
    """
    before = {name: _display(goal, name) for name in TRACKED_FIELDS}
    old_status = goal.status
    _assign(goal, data)
    goal.full_clean()
    after = {name: _display(goal, name) for name in TRACKED_FIELDS}
    changed = [name for name in TRACKED_FIELDS if before[name] != after[name]]
    if changed and not reason.strip():
        labels = ", ".join(GoalChange.Field(name).label.lower() for name in changed)
        raise ValidationError(
            {"reason": f"Say why the {labels} changed: reviews show it later."}
        )
    if goal.status != old_status:
        _guard_activation(goal, today=today, confirm_failing=confirm_failing)
        goal.achieved_on = today if goal.status == Goal.Status.ACHIEVED else None
    goal.save()
    return GoalChange.objects.bulk_create(
        GoalChange(
            owner=goal.owner,
            goal=goal,
            field=name,
            old_value=before[name][:300],
            new_value=after[name][:300],
            reason=reason.strip()[:500],
            changed_on=today,
            source_label=source_label[:120],
            source_url=source_url[:200],
        )
        for name in changed
    )


@transaction.atomic
def delete_goal(goal: Goal) -> None:
    """Delete a goal with its milestones, steps, readings and history; sub-goals are kept."""
    goal.delete()


def _next_order(queryset: Any) -> int:
    last = queryset.order_by("-order").values_list("order", flat=True).first()
    return 0 if last is None else last + 1


@transaction.atomic
def add_milestone(goal: Goal, *, title: str, due_on: date) -> Milestone:
    milestone = Milestone(
        owner=goal.owner,
        goal=goal,
        title=title,
        due_on=due_on,
        order=_next_order(goal.milestones),
    )
    milestone.full_clean()
    milestone.save()
    return milestone


@transaction.atomic
def update_milestone(milestone: Milestone, *, title: str, due_on: date) -> Milestone:
    milestone.title = title
    milestone.due_on = due_on
    milestone.full_clean()
    milestone.save()
    return milestone


@transaction.atomic
def complete_milestone(milestone: Milestone, *, today: date) -> Milestone:
    """Mark a milestone reached (or, if it was, open it again)."""
    milestone.completed_on = None if milestone.completed_on else today
    milestone.save(update_fields=["completed_on", "updated_at"])
    return milestone


@transaction.atomic
def add_step(
    goal: Goal,
    *,
    title: str,
    due_on: date | None = None,
    milestone: Milestone | None = None,
) -> ActionStep:
    step = ActionStep(
        owner=goal.owner,
        goal=goal,
        milestone=milestone,
        title=title,
        due_on=due_on,
        order=_next_order(goal.steps),
    )
    step.full_clean()
    step.save()
    return step


@transaction.atomic
def toggle_step(step: ActionStep, *, today: date) -> ActionStep:
    step.done_on = None if step.done_on else today
    step.save(update_fields=["done_on", "updated_at"])
    return step


@transaction.atomic
def add_reading(
    goal: Goal, *, read_on: date, value: Decimal, note: str = ""
) -> KpiReading:
    """Record a KPI reading; the goal must have a metric and the date must fall in its span."""
    if not goal.is_metric:
        raise ValidationError(
            {"value": "This goal has no metric to record readings for."}
        )
    reading = KpiReading(
        owner=goal.owner, goal=goal, read_on=read_on, value=value, note=note
    )
    reading.full_clean()
    reading.save()
    return reading


@transaction.atomic
def save_aspiration(
    *, owner: User, data: Mapping[str, Any], aspiration: Aspiration | None = None
) -> Aspiration:
    aspiration = aspiration or Aspiration(owner=owner)
    for name in ("title", "description", "starts_on", "horizon_years", "values"):
        if name in data:
            setattr(aspiration, name, data[name])
    aspiration.full_clean()
    aspiration.save()
    from careerpath.goals.profile_link import write_back_to_profile

    write_back_to_profile(aspiration)
    return aspiration


def reached_target(goal: Goal, readings: Iterable[KpiReading]) -> bool:
    """Whether the latest reading meets the target in the goal's direction."""
    if not goal.is_metric:
        return False
    latest = max(readings, key=lambda r: (r.read_on, r.pk), default=None)
    if latest is None or goal.target is None:
        return False
    if goal.direction == Goal.Direction.INCREASE:
        return latest.value >= goal.target
    return latest.value <= goal.target
