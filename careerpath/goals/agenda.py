"""What the goals area puts on the dashboard: milestones, action steps and deadlines."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from careerpath.accounts.models import User
from careerpath.core.due import DueItem
from careerpath.goals.models import ActionStep, Goal, Milestone


def due_items(owner: User, start: date, end: date) -> list[DueItem]:
    """Open milestones, open action steps and active goals' deadlines between start and end."""
    items: list[DueItem] = []
    milestones = (
        Milestone.objects.owned_by(owner)
        .open()
        .filter(due_on__range=(start, end), goal__status__in=Goal.OPEN_STATUSES)
        .select_related("goal")
    )
    for m in milestones:
        items.append(
            DueItem(
                due_on=m.due_on,
                title=f"Milestone: {m.title}",
                area="Goals",
                url=m.get_absolute_url(),
                kind="milestone",
            )
        )
    steps = (
        ActionStep.objects.owned_by(owner)
        .filter(
            done_on__isnull=True,
            due_on__range=(start, end),
            goal__status__in=Goal.OPEN_STATUSES,
        )
        .only("pk", "title", "due_on", "goal_id")
    )
    for s in steps:
        url = reverse("goals:goal_detail", args=[s.goal_id]) + "#steps"
        items.append(
            DueItem(
                due_on=s.due_on,  # type: ignore[arg-type]  # filtered on a range
                title=f"Step: {s.title}",
                area="Goals",
                url=url,
                kind="step",
            )
        )
    deadlines = (
        Goal.objects.owned_by(owner)
        .active()
        .filter(deadline__range=(start, end))
        .only("pk", "statement", "deadline")
    )
    for g in deadlines:
        items.append(
            DueItem(
                due_on=g.deadline,  # type: ignore[arg-type]  # filtered on a range
                title=f"Goal deadline: {g.statement}",
                area="Goals",
                url=g.get_absolute_url(),
                kind="deadline",
            )
        )
    return items
