"""The learning part of a period review: hours by skill, what was completed, and
certificates whose renewal fell due (three queries)."""

from __future__ import annotations

from datetime import date

from careerpath.accounts.models import User
from careerpath.core.summary import Section, group, item, section
from careerpath.learning.hours import LoggedHours, hours_per_skill, total_hours
from careerpath.learning.models import LearningItem, LearningSession
from careerpath.learning.renewal import RENEWAL_WINDOW


def period_summary(owner: User, start: date, end: date) -> Section:
    sessions = [
        LoggedHours(logged_on, hours, skill or "", tuple(item_skills or ()))
        for logged_on, hours, skill, item_skills in LearningSession.objects.owned_by(
            owner
        )
        .filter(logged_on__range=(start, end))
        .values_list("logged_on", "hours", "skill", "item__skills")
    ]
    completed = list(
        LearningItem.objects.owned_by(owner)
        .filter(completed_on__range=(start, end))
        .order_by("-completed_on", "pk")
        .only("id", "title", "kind", "completed_on")
    )
    renewals = list(
        LearningItem.objects.owned_by(owner)
        .filter(expires_on__range=(start + RENEWAL_WINDOW, end + RENEWAL_WINDOW))
        .order_by("expires_on", "pk")
        .only("id", "title", "expires_on")
    )
    by_skill = hours_per_skill(sessions)
    return section(
        "learning",
        "Learning",
        stats=[
            ("Hours", f"{total_hours(sessions):f}"),
            ("Completed", len(completed)),
            ("Renewals due", len(renewals)),
        ],
        groups=[
            group(
                "Hours by skill",
                [item(name, "", f"{hours:f} h") for name, hours in by_skill[:15]],
                empty="No learning time logged.",
            ),
            group(
                "Completed",
                [
                    item(
                        i.title,
                        i.get_absolute_url(),
                        f"{i.get_kind_display()} · {i.completed_on:%-d %b}",
                    )
                    for i in completed
                ],
                empty="Nothing completed in this period.",
            ),
            group(
                "Renewals",
                [
                    item(
                        i.title,
                        i.get_absolute_url(),
                        f"expires {i.expires_on:%-d %b %Y}",
                    )
                    for i in renewals
                ],
                empty="No certificate renewal fell due.",
            ),
        ],
    )
