"""The achievements part of a period review: the wins of the period (two queries)."""

from __future__ import annotations

from datetime import date

from careerpath.accounts.models import User
from careerpath.achievements.models import Achievement
from careerpath.core.summary import Section, group, item, section

SHOWN = 30


def period_summary(owner: User, start: date, end: date) -> Section:
    wins = Achievement.objects.owned_by(owner).filter(achieved_on__range=(start, end))
    count = wins.count()
    shown = [
        item(
            a.title,
            a.get_absolute_url(),
            f"{a.achieved_on:%-d %b}"
            + (
                f" · {a.impact_value.normalize():f} {a.impact_unit}".rstrip()
                if a.impact_value is not None
                else ""
            ),
        )
        for a in wins.order_by("-achieved_on", "-pk").only(
            "pk", "title", "achieved_on", "impact_value", "impact_unit"
        )[:SHOWN]
    ]
    return section(
        "achievements",
        "Achievements",
        stats=[("Wins", count)],
        groups=[group("Wins", shown, empty="No wins logged in this period.")],
        note=f"The latest {SHOWN} of {count}." if count > SHOWN else "",
    )
