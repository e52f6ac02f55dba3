"""Demo content for goals: two years of aspirations, goals, milestones, steps, readings and changes."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from careerpath.accounts.models import User
from careerpath.goals.models import (
    ActionStep,
    Aspiration,
    Goal,
    GoalChange,
    KpiReading,
    Milestone,
)
from careerpath.goals.profile_link import profile_aspiration
from careerpath.goals.progress import is_countable

# Why each aim is doable and why it matters, one per template, in the same order.
ACHIEVABILITY = [
    "My manager offered a slot in the quarterly review; one evening a week to prepare.",
    "The new extract is half built; two focus mornings a week agreed with my manager.",
    "Both juniors asked for it; an hour a week each, and the experiment platform is ready.",
    "Four hours a week agreed with my manager; budget for one course and the exam fee.",
    "Two meetups a month and a coffee every fortnight fit around work.",
    "The data team committed one sprint in three to quality fixes.",
    "Budget approved for one hire; the recruiter supports the loop.",
    "Fewer status meetings and a hard stop at 18:00 on three days.",
]
RELEVANCE = [
    "Leads need to be heard by the leadership team: a step towards leading analytics.",
    "Frees four hours a week for analysis that changes decisions.",
    "Coaching others is the main gap in my promotion case.",
    "The analytics lead role asks for cloud data engineering.",
    "A wider network of leads opens doors for the next role.",
    "Trust in the numbers is what makes the team's work count.",
    "Hiring well is the first real test of leading a team.",
    "I do my best work rested; the long weeks were not sustainable.",
]
# (statement, category, metric name, unit, baseline, target, months, milestones, steps)
TEMPLATES = [
    (
        "Present analytics results to the leadership team every quarter",
        "network",
        "Leadership presentations",
        "talks",
        0,
        4,
        12,
        [
            "Draft a one-page results template",
            "First leadership presentation",
            "Collect feedback from two directors",
            "Fourth presentation",
        ],
        ["Ask my manager for a slot in the Q1 review", "Rehearse with a peer"],
    ),
    (
        "Cut the weekly KPI report's preparation time from 6 to 2 hours",
        "project",
        "Preparation time",
        "hours",
        6,
        2,
        6,
        [
            "Automate the data extract",
            "Move charts to the dashboard tool",
            "Retire the spreadsheet version",
        ],
        [
            "List every manual step",
            "Write the extract in SQL",
            "Show the new report to stakeholders",
        ],
    ),
    (
        "Mentor two junior analysts through their first experiment",
        "role",
        "Experiments shipped by mentees",
        "experiments",
        0,
        2,
        9,
        [
            "Agree mentoring goals with both",
            "First mentee experiment live",
            "Second mentee experiment live",
        ],
        ["Set up fortnightly 1:1s", "Share the experiment checklist"],
    ),
    (
        "Pass the AWS Certified Data Engineer Associate exam",
        "learning",
        "",
        "",
        None,
        None,
        5,
        [
            "Finish the official course",
            "Score 80 % on two practice exams",
            "Sit the exam",
        ],
        ["Book the exam date", "Study 4 hours a week", "Build a small pipeline on AWS"],
    ),
    (
        "Grow my network of analytics leaders from 5 to 20 people",
        "network",
        "Analytics leaders I talk to",
        "people",
        5,
        20,
        12,
        [
            "Join the regional analytics meetup",
            "Speak at a meetup",
            "Reach 15 contacts",
        ],
        ["Reach out to two leaders a month", "Write up a talk proposal"],
    ),
    (
        "Reduce open data-quality incidents from 30 to 8",
        "project",
        "Open incidents",
        "incidents",
        30,
        8,
        8,
        [
            "Triage the backlog",
            "Add automated checks to the top five tables",
            "Hand over the on-call runbook",
        ],
        ["Tag incidents by root cause", "Agree an SLA with data engineering"],
    ),
    (
        "Lead the hiring of a new analyst end to end",
        "role",
        "",
        "",
        None,
        None,
        4,
        ["Write the job description", "Run the interview loop", "Offer accepted"],
        ["Agree the budget with my manager", "Prepare a take-home exercise"],
    ),
    (
        "Keep weekly working hours at or below 42 for a quarter",
        "balance",
        "Average weekly hours",
        "hours",
        48,
        42,
        3,
        ["Block two focus mornings a week", "Four weeks in a row at 42 hours"],
        ["Turn off e-mail notifications after 18:00"],
    ),
]


def seed(owner: User, *, rng: random.Random, scale: int, today: date) -> dict[str, int]:
    # The profile's long-term aspiration (seeded first) is the one the goals serve.
    lead = profile_aspiration(owner) or Aspiration.objects.create(
        owner=owner,
        title="Lead an analytics team in healthcare",
        description="Head a team of five to eight analysts whose work shapes clinical and product decisions.",
        starts_on=today - timedelta(days=730),
        horizon_years=5,
        values=["Impact on patients", "Continuous learning"],
    )
    Aspiration.objects.filter(pk=lead.pk).update(starts_on=today - timedelta(days=730))
    lead.starts_on = today - timedelta(days=730)
    balance = Aspiration.objects.create(
        owner=owner,
        title="A sustainable pace with time for family and cycling",
        starts_on=today - timedelta(days=400),
        horizon_years=3,
        values=["Health", "Family"],
    )
    counts = {
        "goals": 0,
        "milestones": 0,
        "action steps": 0,
        "KPI readings": 0,
        "goal changes": 0,
    }
    milestones: list[Milestone] = []
    steps: list[ActionStep] = []
    readings: list[KpiReading] = []
    changes: list[GoalChange] = []
    total = len(TEMPLATES) * scale
    for index in range(total):
        (
            statement,
            category,
            metric,
            unit,
            baseline,
            target,
            months,
            ms_titles,
            step_titles,
        ) = TEMPLATES[index % len(TEMPLATES)]
        # Spread goals over the last two years; the newest are still running.
        starts_on = today - timedelta(days=int(730 * (1 - index / max(1, total))))
        if index >= len(TEMPLATES):
            # The same aim taken up again later: dated, as a person would, not numbered.
            statement = f"{statement}, from {starts_on:%B %Y}"
        deadline = starts_on + timedelta(days=30 * months)
        if index >= total // 2:
            # The newer half of the plan is still running: deadlines in the coming months.
            deadline = max(deadline, today + timedelta(days=40 + 25 * (index % 5)))
        finished = deadline < today
        status = Goal.Status.ACTIVE
        if finished:
            status = (
                Goal.Status.ACHIEVED if rng.random() < 0.7 else Goal.Status.ABANDONED
            )
        elif index % 7 == 6:
            status = Goal.Status.PAUSED
        goal = Goal.objects.create(
            owner=owner,
            aspiration=balance if category == "balance" else lead,
            category=category,
            statement=statement,
            is_binary=not metric,
            metric_name=metric,
            metric_unit=unit,
            baseline=None if baseline is None else Decimal(baseline),
            target=None if target is None else Decimal(target),
            direction="decrease"
            if baseline is not None and target is not None and target < baseline
            else "increase",
            achievability_note=ACHIEVABILITY[index % len(TEMPLATES)],
            values=["Continuous learning"]
            if category == "learning"
            else ["Impact on patients"],
            relevance_note=RELEVANCE[index % len(TEMPLATES)],
            starts_on=starts_on,
            deadline=deadline,
            status=status,
            priority=rng.choice([1, 2, 2, 3]),
            achieved_on=deadline - timedelta(days=rng.randint(0, 20))
            if status == Goal.Status.ACHIEVED
            else None,
        )
        counts["goals"] += 1
        span = (deadline - starts_on).days
        for order, title in enumerate(ms_titles):
            due = starts_on + timedelta(
                days=int(span * (order + 1) / (len(ms_titles) + 0.5))
            )
            done = (
                due < today - timedelta(days=rng.randint(-10, 20))
                and status != Goal.Status.ABANDONED
            )
            milestones.append(
                Milestone(
                    owner=owner,
                    goal=goal,
                    title=title,
                    due_on=due,
                    order=order,
                    completed_on=min(due + timedelta(days=rng.randint(-5, 10)), today)
                    if done
                    else None,
                )
            )
        for order, title in enumerate(step_titles):
            due = starts_on + timedelta(days=7 * (order + 1))
            steps.append(
                ActionStep(
                    owner=owner,
                    goal=goal,
                    title=title,
                    due_on=due,
                    order=order,
                    done_on=due if due < today - timedelta(days=3) else None,
                )
            )
        if metric:
            assert baseline is not None and target is not None
            last = min(today, deadline)
            days = (last - starts_on).days
            for week in range(0, max(1, days), 14):
                share = week / max(1, (deadline - starts_on).days)
                value = Decimal(baseline) + (
                    Decimal(target) - Decimal(baseline)
                ) * Decimal(str(round(share * rng.uniform(0.75, 1.15), 3)))
                readings.append(
                    KpiReading(
                        owner=owner,
                        goal=goal,
                        read_on=starts_on + timedelta(days=week),
                        # Counts are read in whole numbers: 16 people, not 16.5.
                        value=value.quantize(
                            Decimal(1)
                            if is_countable(unit, Decimal(baseline), Decimal(target))
                            else Decimal("0.1"),
                            rounding=ROUND_HALF_UP,
                        ),
                        note="",
                    )
                )
        if index % 3 == 1:
            changes.append(
                GoalChange(
                    owner=owner,
                    goal=goal,
                    field="deadline",
                    old_value=(deadline - timedelta(days=45)).isoformat(),
                    new_value=deadline.isoformat(),
                    reason="The reorg took six weeks of my time.",
                    changed_on=starts_on + timedelta(days=60),
                )
            )
        if status != Goal.Status.ACTIVE:
            changes.append(
                GoalChange(
                    owner=owner,
                    goal=goal,
                    field="status",
                    old_value="Active",
                    new_value=goal.get_status_display(),
                    reason={
                        "achieved": "Target reached.",
                        "abandoned": "Priorities changed after the reorg.",
                        "paused": "Parental leave.",
                    }[status],
                    changed_on=min(deadline, today),
                )
            )
    Milestone.objects.bulk_create(milestones)
    ActionStep.objects.bulk_create(steps)
    KpiReading.objects.bulk_create(readings)
    GoalChange.objects.bulk_create(changes)
    counts.update(
        {
            "milestones": len(milestones),
            "action steps": len(steps),
            "KPI readings": len(readings),
            "goal changes": len(changes),
        }
    )
    return counts
