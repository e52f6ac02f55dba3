"""The self-assessment part of a period review: improvement areas that appeared (two queries)."""

from __future__ import annotations

from datetime import date

from careerpath.accounts.models import User
from careerpath.core.summary import Section, group, item, section
from careerpath.profiles.models import SelfAssessment


def _keys(values: list[str]) -> dict[str, str]:
    return {v.casefold(): v for v in values}


def period_summary(owner: User, start: date, end: date) -> Section:
    fields = (
        "pk",
        "assessed_on",
        "weaknesses",
        "strengths",
        "job_satisfaction",
        "goal_alignment",
    )
    before = (
        SelfAssessment.objects.owned_by(owner)
        .filter(assessed_on__lt=start)
        .order_by("-assessed_on")
        .only(*fields)
        .first()
    )
    during = list(
        SelfAssessment.objects.owned_by(owner)
        .filter(assessed_on__range=(start, end))
        .order_by("assessed_on")
        .only(*fields)
    )
    known = _keys(before.weaknesses) if before else {}
    appeared = []
    for a in during:
        for key, label in _keys(a.weaknesses).items():
            if key not in known:
                known[key] = label
                appeared.append(
                    item(label, a.get_absolute_url(), f"noted {a.assessed_on:%-d %b}")
                )
    assessments = [
        item(
            f"Self-assessment of {a.assessed_on:%-d %B %Y}",
            a.get_absolute_url(),
            f"job satisfaction {a.job_satisfaction}/5 · alignment with goals {a.goal_alignment}/5",
        )
        for a in during
    ]
    stats: list[tuple[str, object]] = [("Self-assessments", len(during))]
    if during:
        stats.append(("Job satisfaction", f"{during[-1].job_satisfaction}/5"))
        stats.append(("Alignment with goals", f"{during[-1].goal_alignment}/5"))
    return section(
        "self",
        "Self-assessment",
        stats=stats,
        groups=[
            group(
                "Improvement areas that appeared",
                appeared,
                empty="No new improvement area.",
            ),
            group(
                "Assessments", assessments, empty="No self-assessment in this period."
            ),
        ],
    )
