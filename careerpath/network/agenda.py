"""What the network puts on the dashboard: follow-ups and people to get back in touch with."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from careerpath.accounts.models import User
from careerpath.core.due import Batch, DueItem
from careerpath.network.models import Contact, Event, Interaction

# Beyond this many per dashboard section, contacts are summed up in one line: a
# dashboard listing two hundred names helps nobody; the overview ranks them.
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
    # Every tracked contact whose catch-up is due by the end of the window, however long
    # ago: a relationship overdue for two years is still overdue. The dashboard counts
    # one overdue after its maximum interval, as the cadence (and the Network page) does.
    contacts_url = reverse("network:contact_list")
    batch = Batch(
        singular="person",
        plural="people",
        text="to get back in touch with",
        url=contacts_url + "?cadence=due",
        overdue_url=contacts_url + "?cadence=overdue",
        limit=MAX_CONTACT_ITEMS,
    )
    due = (
        Contact.objects.owned_by(owner)
        .tracked()
        .filter(due_on__lte=end)
        .order_by("due_on", "name")
        .values_list("pk", "name", "company", "due_on", "overdue_on")
    )
    for pk, name, company, due_on, overdue_on in due:
        who = f"{name} ({company})" if company else name
        items.append(
            DueItem(
                due_on=due_on,  # type: ignore[arg-type]  # tracked: never null
                overdue_on=overdue_on,
                title=f"Get back in touch with {who}",
                area="Network",
                url=reverse("network:contact_detail", args=[pk]),
                kind="keep-in-touch",
                batch=batch,
            )
        )
    return items
