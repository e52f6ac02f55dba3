"""What the balance area puts on the dashboard: this week's check-in, while it is missing."""

from __future__ import annotations

from datetime import date, timedelta

from django.urls import reverse

from careerpath.accounts.models import User
from careerpath.balance.burnout import week_start
from careerpath.balance.models import CheckIn
from careerpath.core.due import DueItem

# Due by the end of the working week; from Saturday it shows as overdue.
DUE_WEEKDAY = 4  # Friday


def due_items(owner: User, start: date, end: date) -> list[DueItem]:
    """This week's check-in when it has not been done yet (one query)."""
    monday = week_start(owner.today())
    due_on = monday + timedelta(days=DUE_WEEKDAY)
    if not start <= due_on <= end:
        return []
    if CheckIn.objects.owned_by(owner).filter(week_of=monday).exists():
        return []
    return [
        DueItem(
            due_on=due_on,
            title="Weekly balance check-in",
            area="Balance",
            url=reverse("balance:checkin_create"),
            kind="check-in",
        )
    ]
