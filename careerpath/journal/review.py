"""The journal part of a period review: setbacks and what they taught (one query)."""

from __future__ import annotations

from datetime import date

from careerpath.accounts.models import User
from careerpath.core.summary import Section, group, item, section
from careerpath.journal.models import Setback

SHOWN = 30


def period_summary(owner: User, start: date, end: date) -> Section:
    setbacks = list(
        Setback.objects.owned_by(owner)
        .filter(entry__written_on__range=(start, end))
        .select_related("entry")
        .only(
            "pk",
            "lesson",
            "next_time",
            "entry__id",
            "entry__title",
            "entry__written_on",
            "entry__body",
        )
        .order_by("-entry__written_on", "-pk")
    )
    items = [
        item(
            s.entry.display_title,
            s.entry.get_absolute_url(),
            f"{s.entry.written_on:%-d %b} · learned: {s.lesson[:200]} · next time: {s.next_time[:200]}",
        )
        for s in setbacks[:SHOWN]
    ]
    return section(
        "setbacks",
        "Setbacks and lessons",
        stats=[("Setbacks", len(setbacks))],
        groups=[group("Setbacks", items, empty="No setback logged in this period.")],
    )
