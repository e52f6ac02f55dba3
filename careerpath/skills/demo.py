"""Demo content for skills: an inventory with assessment history, two target roles with
postings (composed here from phrases written for careerpath, analysed and reviewed like a
person would), and a goal and a course made from the top gap.

``scale`` multiplies the postings per role and the assessment history.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from careerpath.accounts.models import User
from careerpath.skills.models import PostingSkill, SkillAssessment, TargetRole
from careerpath.skills.role_analysis import role_gaps
from careerpath.skills.services import (
    AddedSkill,
    RowCorrection,
    add_posting,
    add_skill,
    review_posting,
    turn_gap_into_goal,
    turn_gap_into_learning_item,
)

# (name, level, target, months since last used, evidence)
INVENTORY = [
    ("SQL", 4, 5, 0, "Wrote the clinic-capacity model used in weekly planning."),
    ("Python", 3, 4, 0, "Automated the monthly KPI extract with pandas."),
    (
        "Tableau",
        4,
        None,
        1,
        "Built the readmissions dashboard for the medical directors.",
    ),
    ("Microsoft Excel", 5, None, 0, ""),
    ("Statistics", 3, 4, 2, "Designed the sample for the patient-satisfaction survey."),
    ("Data visualization", 4, None, 0, ""),
    ("A/B testing", 2, 3, 8, "Ran two appointment-reminder experiments."),
    (
        "Stakeholder management",
        3,
        4,
        0,
        "Monthly results review with three department heads.",
    ),
    ("Public speaking", 2, 4, 3, "Presented at the regional analytics meetup."),
    ("Mentoring", 2, 3, 1, "Mentor to two junior analysts."),
    ("Project management", 2, 3, 4, ""),
    ("Communication", 3, None, 0, ""),
    ("Data cleaning", 4, None, 0, ""),
    (
        "Data analysis",
        4,
        5,
        0,
        "Six years of analyses for clinical and operations teams.",
    ),
    ("Git", 2, 3, 1, ""),
    ("R", 2, None, 18, "Survival analysis in my master's thesis."),
    ("Problem solving", 4, None, 0, ""),
    (
        "Healthcare analytics",
        3,
        4,
        0,
        "Three years in a hospital group's analytics team.",
    ),
    ("Spanish", 2, None, 24, ""),
]

COMPANIES = [
    ("Northwind Health", "a network of twelve community clinics"),
    ("Brightwave Energy", "a renewable energy supplier with two million customers"),
    ("Harbor Insurance", "a mutual insurer that still answers the phone"),
    ("Lumen Retail", "a home-goods retailer with 140 stores"),
    ("Cobalt Logistics", "a freight company moving goods across eight countries"),
    ("Meridian Hospital Group", "a group of five teaching hospitals"),
    ("Fernleaf Software", "a B2B software company selling to schools"),
    ("Atlas Public Transport", "the city's bus and tram operator"),
    ("Juniper Bank", "a regional bank going digital"),
    ("Orchard Pharmacy", "a pharmacy chain with an online shop"),
]

MUST_HEADINGS = ["Requirements", "What you'll need", "Must have", "About you"]
NICE_HEADINGS = [
    "Nice to have",
    "Bonus points",
    "Preferred qualifications",
    "It's a plus if",
]

# Each role: title, notes, intro lines, core skills (phrases as a posting words them),
# extra skills some postings ask for, nice-to-haves, years range.
ROLES = [
    (
        "Analytics manager",
        "The next step: lead a team of analysts, ideally in healthcare.",
        [
            "You will lead a team of five analysts and own the analytics roadmap.",
            "You will turn questions from the leadership team into analyses that change decisions.",
        ],
        [
            "Strong SQL and experience reviewing other people's queries",
            "People management: hiring, coaching and growing analysts",
            "Stakeholder management with senior leaders",
            "Data visualization that tells a clear story",
            "Statistics, including experiment design",
        ],
        [
            "Python for analysis",
            "Tableau or Power BI",
            "Project management across several teams",
            "Budget planning for a team",
            "Public speaking to large audiences",
            "Data governance",
        ],
        [
            "dbt",
            "Healthcare analytics",
            "A/B testing at scale",
            "Agile ways of working",
            "Mentoring",
        ],
        (5, 8),
    ),
    (
        "Analytics engineer",
        "The technical alternative: build the models the analysts rely on.",
        [
            "You will build and maintain the data models behind every dashboard.",
            "You will work closely with data engineers and analysts.",
        ],
        [
            "Excellent SQL",
            "dbt for data modelling",
            "Python",
            "Git and code review",
            "Data modelling with dimensional models",
        ],
        [
            "Apache Airflow",
            "Snowflake or BigQuery",
            "Testing data pipelines",
            "Docker",
            "Data quality monitoring",
        ],
        [
            "Looker",
            "Terraform",
            "Kafka",
            "Communication with non-technical colleagues",
        ],
        (2, 5),
    ),
]


def _posting_text(
    rng: random.Random,
    *,
    title: str,
    company: str,
    about: str,
    intro: list[str],
    core: list[str],
    extra: list[str],
    nice: list[str],
    years: tuple[int, int],
) -> str:
    must = rng.sample(core, k=rng.randint(len(core) - 2, len(core)))
    must += rng.sample(extra, k=rng.randint(1, 3))
    rng.shuffle(must)
    wished = rng.sample(nice, k=rng.randint(1, 3))
    lines = [
        f"{title} — {company}",
        "",
        f"{company} is {about}.",
        rng.choice(intro),
        "",
        rng.choice(MUST_HEADINGS),
        f"- {rng.randint(*years)}+ years of experience in analytics",
        *[f"- {item}" for item in must],
    ]
    if rng.random() < 0.6:
        lines.append("- Bachelor's degree in a quantitative field")
    lines += ["", rng.choice(NICE_HEADINGS), *[f"- {item}" for item in wished]]
    lines += ["", "We offer hybrid work, a learning budget and 28 days of holiday."]
    return "\n".join(lines)


def seed(owner: User, *, rng: random.Random, scale: int, today: date) -> dict[str, int]:
    counts = {
        "inventory skills": 0,
        "skill assessments": 0,
        "target roles": 0,
        "postings": 0,
    }
    assessments: list[SkillAssessment] = []
    sources = list(SkillAssessment.Source.values)
    for name, level, target, months, evidence in INVENTORY:
        user_skill = add_skill(
            owner=owner,
            name=name,
            level=level,
            target_level=target,
            evidence_notes=evidence,
            last_used_on=today - timedelta(days=30 * months),
        )
        counts["inventory skills"] += 1
        # A history that climbs to today's level, a few points a year per scale step.
        for step in range(2 * scale):
            days_ago = 60 + step * rng.randint(80, 160)
            assessments.append(
                SkillAssessment(
                    owner=owner,
                    user_skill=user_skill,
                    assessed_on=today - timedelta(days=days_ago),
                    source=rng.choice(sources),
                    level=max(1, level - (step + 1) // 2),
                    note=rng.choice(
                        [
                            "",
                            "After the quarterly review.",
                            "Feedback from the project retrospective.",
                            "Self-check before the promotion conversation.",
                        ]
                    ),
                )
            )
    SkillAssessment.objects.bulk_create(assessments)
    counts["skill assessments"] = len(assessments)

    per_role = 8 * scale
    roles = []
    for title, notes, intro, core, extra, nice, years in ROLES:
        role = TargetRole.objects.create(owner=owner, title=title, notes=notes)
        roles.append(role)
        counts["target roles"] += 1
        for index in range(per_role):
            company, about = COMPANIES[(index + len(roles)) % len(COMPANIES)]
            text = _posting_text(
                rng,
                title=title.capitalize() if index % 3 else f"Senior {title.lower()}",
                company=company,
                about=about,
                intro=intro,
                core=core,
                extra=extra,
                nice=nice,
                years=years,
            )
            added_on = today - timedelta(days=rng.randint(1, 120))
            posting = add_posting(role=role, text=text, company=company, today=added_on)
            counts["postings"] += 1
            if index == per_role - 1:
                continue  # the newest one still waits for review
            rows = list(posting.skills.all())
            # What a person fixes when reviewing: finds in the perks paragraph and
            # degrees listed as skills go; now and then a requirement is softened.
            perks = posting.text.find("We offer")
            dropped = {
                row.pk
                for row in rows
                if (row.start is not None and perks >= 0 and row.start >= perks)
                or "degree" in row.normalized
            }
            softened = rng.choice(rows).pk if rows and index % 4 == 0 else None
            corrections = [
                RowCorrection(
                    row_id=row.pk,
                    keep=row.pk not in dropped,
                    requirement=PostingSkill.Requirement.NICE
                    if row.pk == softened
                    else row.requirement,
                    label=row.label,
                )
                for row in rows
            ]
            added: list[AddedSkill] = []
            if index % 5 == 1 and "business acumen" not in {r.normalized for r in rows}:
                added = [AddedSkill(label="Business acumen", requirement="nice")]
            review_posting(
                posting, corrections=corrections, added=added, today=added_on
            )

    gaps = [g for g in role_gaps(roles[0]) if g.is_gap]
    if gaps:
        turn_gap_into_goal(role=roles[0], key=gaps[0].key, today=today)
        turn_gap_into_learning_item(role=roles[0], key=gaps[0].key, today=today)
    return counts
