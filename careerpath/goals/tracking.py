"""Progress of a saved goal: adapts a goal (with prefetched milestones and readings)
to the pure pace rules and the chart geometry."""

from __future__ import annotations

from datetime import date

from careerpath.core.charts import PaceChart, pace_chart, short_date
from careerpath.goals.models import Goal
from careerpath.goals.progress import Pace, Reading, metric_pace, milestone_pace


def goal_pace(goal: Goal, *, today: date) -> Pace:
    """Where the goal stands against its pace (reads prefetched milestones and readings)."""
    if goal.status == Goal.Status.ACHIEVED:
        when = (
            f" on {short_date(goal.achieved_on, today=today)}"
            if goal.achieved_on
            else ""
        )
        return Pace(status="achieved", reason=f"Achieved{when}.")
    if goal.status == Goal.Status.ABANDONED:
        return Pace(status="no_data", reason="Abandoned; kept for the record.")
    if goal.deadline is None:
        return Pace(
            status="no_data", reason="Set a deadline to see whether you are on pace."
        )
    if goal.is_metric:
        assert goal.baseline is not None and goal.target is not None
        return metric_pace(
            baseline=goal.baseline,
            target=goal.target,
            starts_on=goal.starts_on,
            deadline=goal.deadline,
            readings=[Reading(r.read_on, r.value) for r in goal.readings.all()],
            today=today,
            unit=goal.metric_unit,
        )
    milestones = list(goal.milestones.all())
    if milestones:
        return milestone_pace(
            starts_on=goal.starts_on,
            deadline=goal.deadline,
            done=sum(1 for m in milestones if m.is_done),
            total=len(milestones),
            today=today,
        )
    return Pace(
        status="no_data", reason="Add milestones to track progress towards this goal."
    )


def pace_chart_for(goal: Goal, *, today: date) -> PaceChart | None:
    """The readings-against-pace chart of a metric goal with a deadline."""
    if not goal.is_metric or goal.deadline is None:
        return None
    assert goal.baseline is not None and goal.target is not None
    return pace_chart(
        starts_on=goal.starts_on,
        deadline=goal.deadline,
        baseline=goal.baseline,
        target=goal.target,
        readings=[(r.read_on, r.value) for r in goal.readings.all()],
        today=today,
        unit=goal.metric_unit,
    )
