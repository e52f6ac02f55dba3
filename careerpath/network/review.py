"""The network part of a period review: interactions, new contacts, who became overdue
and the give/receive balance (four queries whatever the size of the network)."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q

from careerpath.accounts.models import User
from careerpath.core.summary import Section, group, item, section
from careerpath.network.models import Contact, Interaction

SHOWN = 8


def period_summary(owner: User, start: date, end: date) -> Section:
    interactions = Interaction.objects.owned_by(owner).filter(
        occurred_on__range=(start, end)
    )
    H = Interaction.Help
    counts = interactions.aggregate(
        total=Count("pk"),
        gave=Count("pk", filter=Q(help_direction__in=(H.GAVE, H.BOTH))),
        received=Count("pk", filter=Q(help_direction__in=(H.RECEIVED, H.BOTH))),
    )
    latest = list(
        interactions.order_by("-occurred_on", "-pk").only(
            "pk", "occurred_on", "channel", "summary", "help_direction", "help_what"
        )[:SHOWN]
    )
    new_contacts = list(
        Contact.objects.owned_by(owner)
        .filter(added_on__range=(start, end))
        .order_by("-added_on", "pk")
        .only("id", "name", "company", "added_on")
    )
    overdue = list(
        Contact.objects.owned_by(owner)
        .tracked()
        .filter(overdue_on__range=(start, end))
        .order_by("overdue_on", "pk")
        .only("id", "name", "company", "overdue_on", "last_interaction_on")
    )
    give = [
        item(
            i.summary,
            i.get_absolute_url(),
            f"{i.occurred_on:%-d %b} · {i.get_help_direction_display().lower()}"
            + (f": {i.help_what}" if i.help_what else ""),
        )
        for i in latest
        if i.help_direction != H.NONE
    ]
    return section(
        "network",
        "Network",
        stats=[
            ("Interactions", counts["total"]),
            ("New contacts", len(new_contacts)),
            ("Became overdue", len(overdue)),
            ("Help given", counts["gave"]),
            ("Help received", counts["received"]),
        ],
        groups=[
            group(
                "Latest interactions",
                [
                    item(
                        i.summary,
                        i.get_absolute_url(),
                        f"{i.occurred_on:%-d %b} · {i.get_channel_display()}",
                    )
                    for i in latest
                ],
                empty="No interactions in this period.",
            ),
            group(
                "New contacts",
                [
                    item(
                        c.name,
                        c.get_absolute_url(),
                        f"{c.company} · added {c.added_on:%-d %b}".lstrip(" ·"),
                    )
                    for c in new_contacts[:SHOWN]
                ],
                empty="No new contacts.",
            ),
            group(
                "Became overdue",
                [
                    item(
                        c.name,
                        c.get_absolute_url(),
                        f"overdue since {c.overdue_on:%-d %b}",
                    )
                    for c in overdue[:SHOWN]
                ],
                empty="Nobody slipped past their keep-in-touch interval.",
            ),
            group(
                "Give and receive", give, empty="No help given or received recorded."
            ),
        ],
    )
