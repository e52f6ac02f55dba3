"""Demo learning history: two years of courses, certifications, books and events for a
healthcare data analyst, with a learning log and one certificate due for renewal."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from careerpath.accounts.models import User
from careerpath.goals.models import Goal
from careerpath.learning.models import LearningItem, LearningSession
from careerpath.learning.skillnames import canonical_skills

Kind = LearningItem.Kind
Status = LearningItem.Status

# (title, kind, provider, cost, currency, hours, start (days ago), length (days),
#  status, skills, certificate validity in days or None)
TEMPLATES: list[
    tuple[
        str, str, str, int | None, str, int | None, int, int, str, list[str], int | None
    ]
] = [
    (
        "SQL for Data Analysis",
        Kind.COURSE,
        "Udacity",
        0,
        "",
        20,
        720,
        45,
        Status.COMPLETED,
        ["SQL"],
        None,
    ),
    (
        "Storytelling with Data",
        Kind.BOOK,
        "Cole Nussbaumer Knaflic",
        30,
        "EUR",
        12,
        660,
        40,
        Status.COMPLETED,
        ["Data visualization", "Storytelling"],
        None,
    ),
    (
        "Tableau Desktop Specialist",
        Kind.CERTIFICATION,
        "Tableau",
        100,
        "USD",
        30,
        600,
        60,
        Status.COMPLETED,
        ["Tableau"],
        None,
    ),
    (
        "AWS Certified Cloud Practitioner",
        Kind.CERTIFICATION,
        "Amazon Web Services",
        100,
        "USD",
        25,
        1030,
        50,
        Status.COMPLETED,
        ["Amazon Web Services", "Cloud computing"],
        1095,
    ),
    (
        "Statistics with Python",
        Kind.COURSE,
        "Coursera · University of Michigan",
        49,
        "USD",
        40,
        540,
        90,
        Status.COMPLETED,
        ["Statistics", "Python"],
        None,
    ),
    (
        "Healthcare Analytics Summit",
        Kind.CONFERENCE,
        "HIMSS",
        650,
        "EUR",
        16,
        430,
        2,
        Status.COMPLETED,
        ["Healthcare analytics"],
        None,
    ),
    (
        "A/B testing and experiment design",
        Kind.WORKSHOP,
        "Internal academy",
        0,
        "",
        8,
        380,
        1,
        Status.COMPLETED,
        ["A/B testing", "Experimental design"],
        None,
    ),
    (
        "Certified Health Data Analyst (CHDA)",
        Kind.CERTIFICATION,
        "AHIMA",
        399,
        "USD",
        60,
        420,
        120,
        Status.COMPLETED,
        ["Health informatics", "Data analysis"],
        1400,
    ),
    (
        "Machine Learning Specialization",
        Kind.COURSE,
        "Coursera · DeepLearning.AI",
        147,
        "USD",
        90,
        240,
        150,
        Status.IN_PROGRESS,
        ["Machine learning", "Python"],
        None,
    ),
    (
        "Causal inference: the mixtape",
        Kind.SELF_STUDY,
        "Scott Cunningham",
        0,
        "",
        30,
        120,
        120,
        Status.IN_PROGRESS,
        ["Causal inference", "Statistics"],
        None,
    ),
    (
        "Leading without authority",
        Kind.WEBINAR,
        "Harvard Business Publishing",
        0,
        "",
        2,
        200,
        1,
        Status.COMPLETED,
        ["Leadership", "Influencing"],
        None,
    ),
    (
        "The Manager's Path",
        Kind.BOOK,
        "Camille Fournier",
        35,
        "EUR",
        10,
        60,
        60,
        Status.IN_PROGRESS,
        ["People management", "Leadership"],
        None,
    ),
    (
        "dbt Fundamentals",
        Kind.COURSE,
        "dbt Labs",
        0,
        "",
        6,
        300,
        30,
        Status.DROPPED,
        ["dbt"],
        None,
    ),
    (
        "Public speaking for analysts",
        Kind.WORKSHOP,
        "Toastmasters",
        90,
        "EUR",
        12,
        -20,
        60,
        Status.PLANNED,
        ["Public speaking"],
        None,
    ),
]

# The certificate the dashboard shows: issued long ago, its renewal due within the week.
RENEWAL_DUE_IN = 64  # days until expiry; the renewal falls due 4 days from today


def seed(owner: User, *, rng: random.Random, scale: int, today: date) -> dict[str, int]:
    goal = (
        Goal.objects.owned_by(owner)
        .filter(category__in=(Goal.Category.SKILL, Goal.Category.LEARNING))
        .order_by("pk")
        .first()
    )
    skills_of = {t[0]: canonical_skills(t[9]) for t in TEMPLATES}
    items: list[LearningItem] = []
    for round_ in range(scale):
        suffix = f" (round {round_ + 1})" if round_ else ""
        for (
            title,
            kind,
            provider,
            cost,
            currency,
            hours,
            ago,
            length,
            status,
            _skills,
            valid,
        ) in TEMPLATES:
            starts_on = today - timedelta(days=ago + 365 * round_ * 2)
            finishes_on = starts_on + timedelta(days=length)
            if status != Status.COMPLETED and finishes_on <= today and round_ == 0:
                finishes_on = today + timedelta(days=30)
            if round_:
                status = Status.COMPLETED if status != Status.DROPPED else status
                finishes_on = min(finishes_on, today)
            issued_on = expires_on = None
            if kind == Kind.CERTIFICATION and status == Status.COMPLETED:
                issued_on = finishes_on
                if valid and not round_:
                    expires_on = issued_on + timedelta(days=valid)
            item = LearningItem(
                owner=owner,
                title=title + suffix,
                kind=kind,
                provider=provider,
                url="",
                cost=Decimal(cost) if cost is not None else None,
                currency=currency if cost else "",
                hours=Decimal(hours) if hours is not None else None,
                starts_on=starts_on,
                finishes_on=finishes_on,
                status=status,
                skills=skills_of[title],
                goal=goal if round_ == 0 and "Machine" in title else None,
                issued_on=issued_on,
                expires_on=expires_on,
                credential_id=f"{rng.randrange(10**7, 10**8)}" if issued_on else "",
                note="",
                source="",
                completed_on=finishes_on if status == Status.COMPLETED else None,
            )
            items.append(item)
    # The AWS certificate expires soon: its renewal is the dashboard's learning item.
    for item in items:
        if item.title == "AWS Certified Cloud Practitioner":
            item.expires_on = today + timedelta(days=RENEWAL_DUE_IN)
            item.issued_on = item.expires_on - timedelta(days=1095)
            item.finishes_on = item.completed_on = item.issued_on
            item.starts_on = item.issued_on - timedelta(days=50)
            item.note = "Renew by passing the current exam or the Solutions Architect Associate."
    LearningItem.objects.bulk_create(items)

    sessions: list[LearningSession] = []
    for item in items:
        if item.status == Status.PLANNED or item.starts_on is None:
            continue
        end = min(item.finishes_on or today, today)
        span = max((end - item.starts_on).days, 0)
        budget = float(item.hours or 4)
        if item.status == Status.DROPPED:
            budget *= 0.3
        elif item.status == Status.IN_PROGRESS:
            budget *= 0.6
        while budget > 0.2:
            logged = min(
                Decimal(rng.choice(("0.5", "1", "1", "1.5", "2", "3"))),
                Decimal(str(round(budget, 1))),
            )
            if logged <= 0:
                break
            day = item.starts_on + timedelta(days=rng.randint(0, span))
            skill = (
                rng.choice(item.skills) if item.skills and rng.random() < 0.3 else ""
            )
            sessions.append(
                LearningSession(
                    owner=owner, item=item, logged_on=day, hours=logged, skill=skill
                )
            )
            budget -= float(logged)
    # Practice outside any course: an hour or so most weeks for two years.
    practice = canonical_skills(["SQL", "Python", "Data visualization"])
    for week in range(104 * scale):
        if rng.random() < 0.55:
            day = today - timedelta(days=week * 7 // scale + rng.randint(0, 6))
            if day > today:
                continue
            sessions.append(
                LearningSession(
                    owner=owner,
                    item=None,
                    logged_on=day,
                    hours=Decimal(rng.choice(("0.5", "1", "1", "1.5"))),
                    skill=rng.choice(practice) if practice else "",
                    note=rng.choice(
                        (
                            "",
                            "",
                            "Kaggle notebook",
                            "Advent of SQL puzzle",
                            "Rebuilt a dashboard",
                        )
                    ),
                )
            )
    LearningSession.objects.bulk_create(sessions)
    return {"learning items": len(items), "learning sessions": len(sessions)}
