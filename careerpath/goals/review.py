"""The goals part of a period review: progress at the start vs the end, pace, milestones
reached and missed, and every change to a goal with its reason (four queries)."""

from __future__ import annotations

from datetime import date

from django.db.models import Q
from django.urls import reverse

from careerpath.accounts.models import User
from careerpath.core.summary import Section, group, item, section
from careerpath.goals.models import Goal, GoalChange, KpiReading, Milestone
from careerpath.goals.progress import Reading, metric_pace, milestone_pace


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{round(share * 100)} %"


def period_summary(owner: User, start: date, end: date) -> Section:
    goals = list(
        Goal.objects.owned_by(owner)
        .filter(starts_on__lte=end)
        .exclude(status=Goal.Status.ACHIEVED, achieved_on__lt=start)
        .exclude(status=Goal.Status.ABANDONED, updated_at__date__lt=start)
        .exclude(status=Goal.Status.DRAFT, created_at__date__gt=end)
        .order_by("priority", "deadline", "pk")
        .only(
            "pk",
            "statement",
            "status",
            "is_binary",
            "baseline",
            "target",
            "metric_unit",
            "starts_on",
            "deadline",
            "achieved_on",
        )
    )
    ids = [g.pk for g in goals]
    readings: dict[int, list[Reading]] = {}
    for goal_id, read_on, value in (
        KpiReading.objects.owned_by(owner)
        .filter(goal_id__in=ids, read_on__lte=end)
        .order_by("read_on", "pk")
        .values_list("goal_id", "read_on", "value")
    ):
        readings.setdefault(goal_id, []).append(Reading(read_on, value))
    milestones = list(
        Milestone.objects.owned_by(owner)
        .filter(goal_id__in=ids)
        .filter(Q(due_on__lte=end) | Q(completed_on__lte=end))
        .only("id", "goal_id", "title", "due_on", "completed_on")
    )
    by_goal: dict[int, list[Milestone]] = {}
    for m in milestones:
        by_goal.setdefault(m.goal_id, []).append(m)
    changes = list(
        GoalChange.objects.owned_by(owner)
        .filter(changed_on__range=(start, end))
        .select_related("goal")
        .only(
            "pk",
            "field",
            "old_value",
            "new_value",
            "reason",
            "changed_on",
            "source_label",
            "goal__id",
            "goal__statement",
        )
        .order_by("changed_on", "pk")
    )

    urls: dict[int, str] = {}

    def goal_url(pk: int) -> str:
        if pk not in urls:
            urls[pk] = reverse("goals:goal_detail", args=[pk])
        return urls[pk]

    progress_items = []
    on_pace = 0
    for g in goals:
        url = goal_url(g.pk)
        at_start: float | None = None
        at_end: float | None = None
        pace_text = ""
        if g.deadline and g.target is not None and g.baseline is not None:
            series = readings.get(g.pk, [])
            first = metric_pace(
                baseline=g.baseline,
                target=g.target,
                starts_on=g.starts_on,
                deadline=g.deadline,
                readings=series,
                today=max(start, g.starts_on),
                unit=g.metric_unit,
            )
            last = metric_pace(
                baseline=g.baseline,
                target=g.target,
                starts_on=g.starts_on,
                deadline=g.deadline,
                readings=series,
                today=end,
                unit=g.metric_unit,
            )
            at_start = first.progress if first.progress is not None else 0.0
            at_end = last.progress
            pace_text = last.reason
            on_pace += last.status in {"on_track", "achieved"}
        elif g.deadline and by_goal.get(g.pk):
            ms = by_goal[g.pk]
            total = len(ms)
            done_start = sum(1 for m in ms if m.completed_on and m.completed_on < start)
            done_end = sum(1 for m in ms if m.completed_on and m.completed_on <= end)
            last = milestone_pace(
                starts_on=g.starts_on,
                deadline=g.deadline,
                done=done_end,
                total=total,
                today=end,
            )
            at_start, at_end = done_start / total, done_end / total
            pace_text = last.reason
            on_pace += last.status in {"on_track", "achieved"}
        if g.status == Goal.Status.ACHIEVED and g.achieved_on and g.achieved_on <= end:
            at_end, pace_text = 1.0, f"Achieved on {g.achieved_on:%-d %B %Y}."
        note = f"{_percent(at_start)} → {_percent(at_end)}"
        if pace_text:
            note += f" · {pace_text}"
        progress_items.append(item(g.statement, url, note))

    reached = [
        item(
            m.title,
            goal_url(m.goal_id) + "#milestones",
            f"reached {m.completed_on:%-d %b}",
        )
        for m in milestones
        if m.completed_on and start <= m.completed_on <= end
    ]
    missed = [
        item(
            m.title,
            goal_url(m.goal_id) + "#milestones",
            f"due {m.due_on:%-d %b}"
            + (
                f", reached {m.completed_on:%-d %b}"
                if m.completed_on
                else ", still open"
            ),
        )
        for m in milestones
        if start <= m.due_on <= end
        and (m.completed_on is None or m.completed_on > m.due_on)
    ]
    change_items = [
        item(
            f"{c.goal.statement}: {c.get_field_display().lower()} "
            f"{c.old_value or '(none)'} → {c.new_value or '(none)'}",
            goal_url(c.goal.pk) + "#history-heading",
            f"{c.changed_on:%-d %b} · why: {c.reason}"
            + (f" · {c.source_label}" if c.source_label else ""),
        )
        for c in changes
    ]
    achieved = sum(1 for g in goals if g.achieved_on and start <= g.achieved_on <= end)
    return section(
        "goals",
        "Goals",
        stats=[
            ("Goals in play", len(goals)),
            ("On pace", on_pace),
            ("Achieved", achieved),
            ("Milestones reached", len(reached)),
            ("Milestones missed", len(missed)),
            ("Goal changes", len(change_items)),
        ],
        groups=[
            group(
                "Progress: start → end of the period",
                progress_items,
                empty="No goals in this period.",
            ),
            group("Milestones reached", reached, empty="None reached."),
            group("Milestones missed", missed, empty="None missed."),
            group("Changes and why", change_items, empty="No goal was adjusted."),
        ],
    )
