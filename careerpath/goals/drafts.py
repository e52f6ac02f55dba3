"""Goals the app drafts itself (from a skill gap, from a feedback theme): one builder,
so every such draft passes the app's own SMART check before the person touches it.

A draft always has a measure (a metric with a baseline and a target), a deadline, and
the person's long-term aspiration and values pre-filled; the person can change any of
them. It is saved as a draft: activating it stays the person's call.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from careerpath.accounts.models import User
from careerpath.core.dates import same_day_months_later
from careerpath.goals.models import Goal
from careerpath.goals.profile_link import default_aspiration, profile_values
from careerpath.goals.smart import DAYS_PER_MONTH, STEEP_MONTHLY_JUMP


def draft_goal(
    owner: User,
    *,
    today: date,
    statement: str,
    category: str,
    metric_name: str,
    metric_unit: str,
    baseline: Decimal | int,
    target: Decimal | int,
    months: int,
    achievability_note: str,
    relevance_note: str,
    direction: str = Goal.Direction.INCREASE,
    priority: int = 2,
) -> dict[str, Any]:
    """The data ``create_goal`` takes for a draft goal, measure, deadline and links filled."""
    aspiration = default_aspiration(owner)
    baseline, target = Decimal(baseline), Decimal(target)
    # Leave the time the Achievable check asks for a change this size.
    deadline = same_day_months_later(today, months)
    if baseline:
        needed_months = (
            float(abs(target - baseline) / abs(baseline)) / STEEP_MONTHLY_JUMP
        )
        while (deadline - today).days / DAYS_PER_MONTH < needed_months:
            months += 1
            deadline = same_day_months_later(today, months)
    if aspiration is not None and deadline > aspiration.horizon_end:
        deadline = max(today + timedelta(days=1), aspiration.horizon_end)
    values = profile_values(owner) or (list(aspiration.values) if aspiration else [])
    return {
        "category": category,
        "statement": statement[:300],
        "is_binary": False,
        "metric_name": metric_name[:80],
        "metric_unit": metric_unit[:24],
        "baseline": baseline,
        "target": target,
        "direction": direction,
        "achievability_note": achievability_note[:2000],
        "relevance_note": relevance_note[:2000],
        "aspiration": aspiration,
        "values": values,
        "starts_on": today,
        "deadline": deadline,
        "status": Goal.Status.DRAFT,
        "priority": priority,
    }
