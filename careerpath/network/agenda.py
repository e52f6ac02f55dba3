"""What the network puts on the dashboard: follow-ups and people to get back in touch with."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from careerpath.accounts.models import User
from careerpath.core.due import DueItem
from careerpath.network.models import Contact, Event, Interaction

# Beyond this many, overdue contacts are summed up in one item: a dashboard listing
# two hundred names helps nobody; the overview ranks them.
MAX_CONTACT_ITEMS = 8


def due_items(owner: User, start: date, end: date) -> list[DueItem]:
    """Open follow-ups of interactions and events, and tracked contacts due for a catch-up."""
    items: list[DueItem] = []
    follow_ups = (
        Interaction.objects.owned_by(owner)
        .open_follow_ups()
        .filter(follow_up_on__range=(start, end))
        .with_contacts()
        .only("pk", "summary", "follow_up_on")
    )
    for interaction in follow_ups:
        names = ", ".join(c.name for c in interaction.contacts.all())
        items.append(
            DueItem(
                due_on=interaction.follow_up_on,  # type: ignore[arg-type]
                title=f"Follow up with {names}: {interaction.summary}",
                area="Network",
                url=interaction.get_absolute_url(),
                kind="follow-up",
            )
        )
    events = (
        Event.objects.owned_by(owner)
        .filter(follow_up_done_on__isnull=True, follow_up_on__range=(start, end))
        .only("pk", "name", "follow_up_on")
    )
    for event in events:
        items.append(
            DueItem(
                due_on=event.follow_up_on,  # type: ignore[arg-type]
                title=f"Follow up with the people you met at {event.name}",
                area="Network",
                url=event.get_absolute_url(),
                kind="follow-up",
            )
        )
    due = (
        Contact.objects.owned_by(owner)
        .tracked()
        .filter(due_on__range=(start, end))
        .order_by("due_on", "name")
        .only("pk", "name", "company", "due_on", "overdue_on")
    )
    contacts = list(due[: MAX_CONTACT_ITEMS + 1])
    for contact in contacts[:MAX_CONTACT_ITEMS]:
        items.append(
            DueItem(
                due_on=contact.due_on,  # type: ignore[arg-type]
                title=f"Get back in touch with {contact}",
                area="Network",
                url=contact.get_absolute_url(),
                kind="keep-in-touch",
            )
        )
    if len(contacts) > MAX_CONTACT_ITEMS:
        rest = due.count() - MAX_CONTACT_ITEMS
        items.append(
            DueItem(
                due_on=contacts[MAX_CONTACT_ITEMS].due_on,  # type: ignore[arg-type]
                title=f"{rest} more people to get back in touch with",
                area="Network",
                url=reverse("network:overview") + "#reach-out",
                kind="keep-in-touch",
            )
        )
    return items
