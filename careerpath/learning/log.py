"""The learning log's summary for a period: hours per month and per skill, and the total.

One read model for the log page and the API's summary, so both count the same hours.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from careerpath.accounts.models import User
from careerpath.core.dates import months_ending
from careerpath.learning.hours import (
    LoggedHours,
    hours_per_month,
    hours_per_skill,
    total_hours,
)
from careerpath.learning.models import LearningSession


@dataclass(frozen=True)
class LearningLog:
    months: list[date]  # first days, oldest first, today's month last
    today: date
    total: Decimal
    per_month: list[tuple[date, Decimal]]
    per_skill: list[tuple[str, Decimal]]

    @property
    def start(self) -> date:
        return self.months[0]


def logged_hours(owner: User, start: date, end: date) -> list[LoggedHours]:
    """The owner's sessions from ``start`` to ``end`` as the hour counters read them."""
    return [
        LoggedHours(
            logged_on=logged_on,
            hours=hours,
            skill=skill,
            item_skills=tuple(item_skills or ()),
        )
        for logged_on, hours, skill, item_skills in LearningSession.objects.owned_by(
            owner
        )
        .between(start, end)
        .values_list("logged_on", "hours", "skill", "item__skills")
    ]


def learning_log(owner: User, *, today: date, months: int) -> LearningLog:
    """The ``months`` months up to and including today's (one query)."""
    month_starts = months_ending(today, months)
    logged = logged_hours(owner, month_starts[0], today)
    return LearningLog(
        months=month_starts,
        today=today,
        total=total_hours(logged),
        per_month=hours_per_month(logged, month_starts),
        per_skill=hours_per_skill(logged),
    )
