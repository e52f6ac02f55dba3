"""What the reviews area puts on the agenda: each scheduled review not yet completed."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils.http import urlencode

from careerpath.accounts.models import User
from careerpath.core.due import DueItem
from careerpath.reviews import periods
from careerpath.reviews.models import Review, ReviewSchedule


def open_url(cadence: str, start: date) -> str:
    return (
        reverse("reviews:review_open")
        + "?"
        + urlencode({"cadence": cadence, "day": start.isoformat()})
    )


def due_items(owner: User, start: date, end: date) -> list[DueItem]:
    """Reviews whose due day falls between start and end and that are not completed (two queries)."""
    schedules = list(ReviewSchedule.objects.owned_by(owner).filter(enabled=True))
    if not schedules:
        return []
    candidates: list[tuple[ReviewSchedule, date, date, date]] = []
    for schedule in schedules:
        p_start, p_end = periods.period_of(schedule.cadence, start)
        # Walk from the period before ``start`` (an overdue one) to the one after ``end``.
        p_start, p_end = periods.previous_period(schedule.cadence, p_start)
        while p_start <= end:
            due = schedule.due_on(p_start, p_end)
            if start <= due <= end:
                candidates.append((schedule, p_start, p_end, due))
            p_start, p_end = periods.next_period(schedule.cadence, p_end)
    if not candidates:
        return []
    done = set(
        Review.objects.owned_by(owner)
        .completed()
        .filter(period_start__in={c[1] for c in candidates})
        .values_list("cadence", "period_start")
    )
    return [
        DueItem(
            due_on=due,
            title=f"Review due: {periods.period_label(s.cadence, p_start)}",
            area="Reviews",
            url=open_url(s.cadence, p_start),
            kind=f"{s.cadence}_review",
        )
        for s, p_start, _p_end, due in candidates
        if (s.cadence, p_start) not in done
    ]
