"""What the learning area puts on the dashboard: certificate renewals.

A renewal is due 60 days before the certificate expires (``renewal.RENEWAL_WINDOW``) and
shows as overdue once that day has passed, until the certificate is renewed (a later
expiry date) or let go (the item is dropped).
"""

from __future__ import annotations

from datetime import date

from careerpath.accounts.models import User
from careerpath.core.charts import short_date
from careerpath.core.due import DueItem
from careerpath.learning.models import LearningItem
from careerpath.learning.renewal import RENEWAL_WINDOW, renewal_due_on


def due_items(owner: User, start: date, end: date) -> list[DueItem]:
    """Renewals falling due between start and end, from certificates that are not let go."""
    certificates = (
        LearningItem.objects.owned_by(owner)
        .exclude(status=LearningItem.Status.DROPPED)
        .filter(expires_on__range=(start + RENEWAL_WINDOW, end + RENEWAL_WINDOW))
        .only("pk", "title", "expires_on")
    )
    return [
        DueItem(
            due_on=renewal_due_on(item.expires_on),
            title=f"Renew certificate: {item.title} (expires {short_date(item.expires_on)})",
            area="Learning",
            url=item.get_absolute_url(),
            kind="renewal",
        )
        for item in certificates
        if item.expires_on is not None
    ]
