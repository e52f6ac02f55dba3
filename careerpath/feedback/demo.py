"""Demo content for feedback: two years of requests and feedback with recurring themes."""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.db.models import Max

from careerpath.accounts.models import User
from careerpath.feedback.models import Feedback, FeedbackRequest
from careerpath.goals.models import Goal

PEOPLE = [
    ("Priya Raman", "priya.raman@example.org", "my manager"),
    ("Tom Becker", "tom.becker@example.org", "product lead"),
    ("Aisha Okafor", "aisha.okafor@example.org", "peer analyst"),
    ("Lena Fischer", "lena.fischer@example.org", "head of data"),
    ("Marco Rossi", "", "engineering manager"),
    ("Sofia Lindqvist", "sofia@example.org", "mentee"),
]

# (kind, text about a piece of {work}, themes, skills, context)
NOTES = [
    (
        "constructive",
        "Your analysis for {work} was solid, but the stakeholders heard about the delay from someone else. Tell them early, even when the news is bad.",
        ["Communication", "Stakeholder management"],
        ["Stakeholder management"],
        "Project retro",
    ),
    (
        "praise",
        "Your work on {work} was rigorous, and you explained the trade-offs clearly to the product team.",
        ["Technical depth", "Communication"],
        ["Machine learning", "Data storytelling"],
        "Quarterly review",
    ),
    (
        "mixed",
        "Great dashboards for {work}. The weekly update e-mails are long, though; lead with the decision you need.",
        ["Communication", "Delivery"],
        ["Data visualisation"],
        "1:1",
    ),
    (
        "constructive",
        "You took on three urgent requests in the same week and {work} slipped. Push back or ask me to prioritise.",
        ["Prioritisation", "Delivery"],
        ["Planning"],
        "Missed deadline",
    ),
    (
        "praise",
        "Thanks for pairing with me on {work}; I finally understand **window functions**.",
        ["Mentoring", "Collaboration"],
        ["SQL", "Mentoring"],
        "After the workshop",
    ),
    (
        "constructive",
        "In the leadership review of {work} you went straight into the method. Start with what it means for the business.",
        ["Communication", "Strategic thinking"],
        ["Data storytelling"],
        "Leadership review",
    ),
    (
        "mixed",
        "The design of {work} was excellent; the write-up came two weeks after launch, which cost us a decision cycle.",
        ["Delivery", "Technical depth"],
        ["Experimentation"],
        "Debrief",
    ),
    (
        "praise",
        "You owned the data-quality incident on {work} end to end, and the postmortem was *exemplary*.",
        ["Ownership", "Leadership"],
        ["Incident management"],
        "Incident postmortem",
    ),
]
# The pieces of work feedback is about, so no two notes read alike.
WORKS = [
    "the pricing experiment",
    "the churn model",
    "the KPI dashboard rebuild",
    "the Q3 forecast",
    "the retention analysis",
    "the onboarding funnel study",
    "the marketing attribution work",
    "the warehouse migration",
    "the customer segmentation",
    "the board metrics pack",
    "the support scorecard",
    "the demand forecast",
    "the checkout test",
    "the cohort analysis",
    "the NPS deep dive",
    "the cloud cost report",
    "the loyalty pilot",
    "the SQL refactor",
    "the data-quality checks",
    "the annual planning model",
]


def note_works(rng: random.Random, count: int) -> list[str]:
    """The piece of work each of ``count`` notes is about (notes take turns by index):
    a note never repeats its work until it has been about every one."""
    pools: dict[int, list[str]] = {}
    out = []
    for index in range(count):
        pool = pools.setdefault(index % len(NOTES), [])
        if not pool:
            pool.extend(rng.sample(WORKS, len(WORKS)))
        out.append(pool.pop())
    return out


ABOUT = [
    ("project", "the pricing experiment"),
    ("skill", "presenting to leadership"),
    ("project", "the churn model"),
    ("skill", "stakeholder communication"),
    ("project", "the KPI dashboard rebuild"),
    ("other", "how I run our team rituals"),
]


def seed(owner: User, *, rng: random.Random, scale: int, today: date) -> dict[str, int]:
    """Requests and feedback spread over two years; communication recurs as criticism."""
    goals = list(Goal.objects.owned_by(owner).values_list("pk", flat=True)[:5])
    requests: list[FeedbackRequest] = []
    total_requests = 8 * scale
    for index in range(total_requests):
        name, email, _role = PEOPLE[index % len(PEOPLE)]
        about_kind, about = ABOUT[index % len(ABOUT)]
        asked_on = today - timedelta(
            days=int(720 * (1 - index / max(1, total_requests)))
        )
        due_on = asked_on + timedelta(days=7 + 7 * (index % 3))
        if due_on < today - timedelta(days=3):
            status = (
                FeedbackRequest.Status.DECLINED
                if index % 5 == 4
                else FeedbackRequest.Status.RECEIVED
            )
        else:
            status = FeedbackRequest.Status.PENDING
        requests.append(
            FeedbackRequest(
                owner=owner,
                recipient_name=name,
                recipient_email=email,
                about_kind=about_kind,
                about=about,
                goal_id=goals[index % len(goals)]
                if goals and about_kind == "project"
                else None,
                question="What should I keep doing, and what one thing would make the biggest difference?",
                asked_on=asked_on,
                due_on=due_on,
                status=status,
                closed_on=None if status == "pending" else min(due_on, today),
            )
        )
    # The newest requests are still waiting: one of them due this week, one overdue.
    requests[-1].status = FeedbackRequest.Status.PENDING
    requests[-1].closed_on = None
    requests[-1].asked_on = today - timedelta(days=2)
    requests[-1].due_on = today + timedelta(days=4)
    requests[-2].status = FeedbackRequest.Status.PENDING
    requests[-2].closed_on = None
    requests[-2].due_on = max(requests[-2].asked_on, today - timedelta(days=2))
    FeedbackRequest.objects.bulk_create(requests)
    received = [r for r in requests if r.status == FeedbackRequest.Status.RECEIVED]

    feedback: list[Feedback] = []
    total_feedback = 14 * scale
    first_number = (
        Feedback.objects.owned_by(owner).aggregate(n=Max("number"))["n"] or 0
    ) + 1
    for index, work in enumerate(note_works(rng, total_feedback)):
        kind, text, themes, skills, context = NOTES[index % len(NOTES)]
        text = text.format(work=work)
        name, _email, role = PEOPLE[rng.randrange(len(PEOPLE))]
        received_on = today - timedelta(
            days=int(725 * (1 - index / max(1, total_feedback))) + rng.randrange(0, 5)
        )
        answered = received[index] if index < len(received) else None
        if answered is not None:
            name = answered.recipient_name
            received_on = min(answered.closed_on or received_on, today)
        feedback.append(
            Feedback(
                owner=owner,
                request=answered,
                source=f"{name} ({role})" if answered is None else name,
                received_on=received_on,
                context=context,
                kind=kind,
                text=text,
                themes=list(themes),
                skills=list(skills),
                number=first_number + index,
            )
        )
    Feedback.objects.bulk_create(feedback)
    return {"feedback requests": len(requests), "feedback": len(feedback)}
