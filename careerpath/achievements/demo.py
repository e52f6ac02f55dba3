"""Demo content for achievements: two years of wins with impact, skills and evidence."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from careerpath.accounts.models import User
from careerpath.achievements.models import (
    Achievement,
    Evidence,
    next_achievement_number,
)
from careerpath.feedback.models import Feedback
from careerpath.goals.models import Goal

# (title, what I did, impact number, unit, skills, visibility)
WINS = [
    (
        "Automated the weekly KPI report",
        "Rewrote the extract in SQL, moved the charts to the dashboard tool and retired the spreadsheet.",
        "16",
        "hours saved a month",
        ["SQL", "Automation"],
        "team",
    ),
    (
        "Launched the pricing experiment",
        "Designed the test, agreed the guardrail metrics with finance and ran the readout for the leadership team.",
        "4.2",
        "% uplift in conversion",
        ["Experimentation", "Stakeholder management"],
        "organisation",
    ),
    (
        "Shipped the churn model to production",
        "Built the features with the data engineers and explained the trade-offs to the product team.",
        "1.1",
        "M € revenue retained a year",
        ["Machine learning", "Data storytelling"],
        "organisation",
    ),
    (
        "Ran three SQL workshops for analysts",
        "Prepared exercises on window functions and pairing sessions for the junior analysts.",
        "24",
        "analysts trained",
        ["SQL", "Mentoring"],
        "team",
    ),
    (
        "Led the data-quality incident postmortem",
        "Coordinated the fix across three teams and wrote the postmortem with five follow-up actions.",
        "0",
        "repeat incidents since",
        ["Incident management", "Leadership"],
        "manager",
    ),
    (
        "Presented the analytics roadmap to the leadership team",
        "Opened with the business decisions it enables, then the plan; got sign-off for two new hires.",
        "2",
        "headcount approved",
        ["Data storytelling", "Stakeholder management"],
        "organisation",
    ),
    (
        "Cut dashboard load time",
        "Pre-aggregated the heaviest queries and removed unused filters.",
        "70",
        "% faster",
        ["SQL", "Data visualisation"],
        "private",
    ),
]


def seed(owner: User, *, rng: random.Random, scale: int, today: date) -> dict[str, int]:
    """Wins over two years; about half of the achieved goals are claimed, the rest suggested."""
    achieved = list(
        Goal.objects.owned_by(owner)
        .filter(status=Goal.Status.ACHIEVED)
        .order_by("achieved_on")
        .values_list("pk", flat=True)
    )
    praise = list(
        Feedback.objects.owned_by(owner)
        .exclude(kind=Feedback.Kind.CONSTRUCTIVE)
        .order_by("received_on")
        .values_list("pk", "received_on", "skills")
    )
    total = len(WINS) * 2 * scale
    wins: list[Achievement] = []
    first_number = next_achievement_number(owner.pk)
    for index in range(total):
        title, what, impact, unit, skills, visibility = WINS[index % len(WINS)]
        if index >= len(WINS):
            title = f"{title} ({index // len(WINS) + 1})"
        achieved_on = today - timedelta(
            days=int(715 * (1 - index / max(1, total))) + rng.randrange(0, 10)
        )
        wins.append(
            Achievement(
                owner=owner,
                title=title,
                achieved_on=min(achieved_on, today),
                what_i_did=what,
                impact_value=Decimal(impact),
                impact_unit=unit,
                skills=list(skills),
                goal_id=achieved[index // 2]
                if index % 2 == 0 and index // 2 < len(achieved) // 2
                else None,
                visibility=visibility,
                number=first_number + index,
            )
        )
    Achievement.objects.bulk_create(wins)
    evidence: list[Evidence] = []
    for win in wins:
        keys = {s.lower() for s in win.skills}
        backing = [
            pk
            for pk, received_on, skills in praise
            if received_on <= win.achieved_on and keys & {s.lower() for s in skills}
        ][-2:]
        evidence += [
            Evidence(owner=owner, achievement=win, feedback_id=pk) for pk in backing
        ]
    Evidence.objects.bulk_create(evidence)
    return {"achievements": len(wins), "achievement evidence": len(evidence)}
