"""What the feedback area puts on the dashboard: replies due on pending requests."""

from __future__ import annotations

from datetime import date

from careerpath.accounts.models import User
from careerpath.core.due import DueItem
from careerpath.feedback.models import FeedbackRequest


def due_items(owner: User, start: date, end: date) -> list[DueItem]:
    """A reminder for every pending request whose reply date falls between start and end."""
    pending = (
        FeedbackRequest.objects.owned_by(owner)
        .pending()
        .filter(due_on__range=(start, end))
        .only("pk", "recipient_name", "about", "due_on")
    )
    return [
        DueItem(
            due_on=r.due_on,
            # Not "Feedback from …": nothing has come back yet.
            title=f"Reply due from {r.recipient_name}: {r.about}",
            area="Feedback",
            url=r.get_absolute_url(),
            kind="feedback-request",
        )
        for r in pending
    ]
