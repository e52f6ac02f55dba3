"""Demo content for the profile and self-assessments: a data analyst growing into a lead."""

from __future__ import annotations

import random
from datetime import date, timedelta

from careerpath.accounts.models import User
from careerpath.profiles.models import Profile, Responsibility, SelfAssessment

STRENGTH_POOL = [
    "SQL",
    "Data storytelling",
    "Stakeholder communication",
    "Python",
    "Experiment design",
    "Dashboard design",
    "Statistics",
    "Mentoring",
    "Prioritisation",
    "Facilitation",
    "Data modelling",
    "Influencing without authority",
    "Hiring",
    "Roadmapping",
]
WEAKNESS_POOL = [
    "Public speaking",
    "Delegation",
    "Saying no",
    "Budgeting",
    "Cloud infrastructure",
    "Negotiation",
    "Long-term planning",
    "Giving difficult feedback",
    "Machine learning in production",
]
RESPONSIBILITIES = [
    "Weekly KPI reporting",
    "Ad-hoc data requests",
    "Mentoring junior analysts",
    "Designing A/B tests",
    "Maintaining the data model",
    "Presenting to leadership",
    "Hiring interviews",
    "Planning the team roadmap",
    "On-call for data incidents",
]
NOTES = [
    "Quarter dominated by the **pricing experiment**; learned a lot about stakeholder management.",
    "Felt stretched: too many ad-hoc requests. Talked to my manager about protecting focus time.",
    "Mentoring two juniors is the best part of the job right now.",
    "Presented to the leadership team for the first time — nervous but it went well.\n\n- ask for feedback next time\n- prepare a one-page summary",
    "Reorg announced; my alignment score dropped because the analytics lead role is on hold.",
]


def seed(owner: User, *, rng: random.Random, scale: int, today: date) -> dict[str, int]:
    Profile.objects.create(
        owner=owner,
        current_role="Senior Data Analyst",
        organisation="Northwind Health",
        industry="Healthcare technology",
        years_experience=7,
        aspiration=(
            "Lead an analytics team whose work shapes clinical and product decisions, "
            "and be known for making data understandable to everyone."
        ),
        aspiration_horizon_years=5,
        values=["Autonomy", "Continuous learning", "Impact on patients", "Fairness"],
        passions=["Teaching", "Statistics", "Cycling"],
        thriving_environments=[
            "Small cross-functional teams",
            "Clear ownership",
            "Hybrid work",
        ],
    )
    count = 8 * scale
    spacing = max(1, 730 // count)
    assessments = 0
    rows: list[Responsibility] = []
    strengths = rng.sample(STRENGTH_POOL[:8], 3)
    weaknesses = rng.sample(WEAKNESS_POOL, 4)
    current = {name: _energy(rng, name) for name in rng.sample(RESPONSIBILITIES, 5)}
    for index in range(count):
        # The newest assessment is two weeks old; the oldest about two years.
        assessed_on = today - timedelta(days=14 + spacing * (count - 1 - index))
        progress = index / max(1, count - 1)
        # Over two years strengths grow, weaknesses get worked off, and the job
        # slowly shifts towards the energising work of a lead.
        if rng.random() < 0.5:
            candidate = rng.choice(STRENGTH_POOL)
            if candidate not in strengths:
                strengths = [*strengths, candidate][-7:]
        if weaknesses and rng.random() < 0.35:
            weaknesses = weaknesses[1:]
        if rng.random() < 0.25:
            weaknesses = [*weaknesses, rng.choice(WEAKNESS_POOL)][-5:]
        if rng.random() < 0.3:
            gone = rng.choice(sorted(current))
            new = rng.choice([r for r in RESPONSIBILITIES if r not in current])
            del current[gone]
            current[new] = _energy(rng, new)
        assessment = SelfAssessment.objects.create(
            owner=owner,
            assessed_on=assessed_on,
            strengths=strengths,
            weaknesses=list(dict.fromkeys(weaknesses)),
            job_satisfaction=max(
                1, min(5, round(2.5 + 2 * progress + rng.uniform(-0.8, 0.8)))
            ),
            goal_alignment=max(1, min(5, round(2 + 2 * progress + rng.uniform(-1, 1)))),
            notes=rng.choice(NOTES),
        )
        assessments += 1
        rows.extend(
            Responsibility(
                owner=owner,
                assessment=assessment,
                name=name,
                energy=energy,
                order=order,
            )
            for order, (name, energy) in enumerate(current.items())
        )
    Responsibility.objects.bulk_create(rows)
    return {"self-assessments": assessments, "responsibilities": len(rows)}


ENERGISING = {
    "Mentoring junior analysts",
    "Designing A/B tests",
    "Presenting to leadership",
    "Planning the team roadmap",
}


def _energy(rng: random.Random, name: str) -> int:
    return rng.choice([4, 5]) if name in ENERGISING else rng.choice([1, 2, 3])
