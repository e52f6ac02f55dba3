"""Demo journal: two years of entries with moods and tags, and setbacks tied to the demo goals.

Runs after the goals seeder, so setbacks can point at real goals; some have an outcome
noted weeks later and some are still waiting for one.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from careerpath.accounts.models import User
from careerpath.goals.models import Goal
from careerpath.journal.models import Entry, Setback, tag_index

ENTRIES = [
    (
        "Good 1:1 with my manager",
        "We agreed I lead the **quarterly review** deck. She wants more of my analysis in front of directors.",
        ["1:1s", "visibility"],
    ),
    (
        "Stakeholder meeting went sideways",
        "Finance challenged every number. I had the answers but not *in the room*; next time bring the appendix.",
        ["stakeholders"],
    ),
    (
        "Shipped the churn model",
        "Two months of work is live. Ops already asked for a weekly version.\n\n- precision 0.81\n- recall 0.64",
        ["delivery", "wins"],
    ),
    (
        "Quiet week",
        "Mostly tickets. Used the Friday afternoon for the AWS course.",
        ["learning"],
    ),
    (
        "Mentoring Priya",
        "She ran her first experiment review alone. Proud of her.",
        ["mentoring", "leadership"],
    ),
    (
        "Too many meetings",
        "Counted 19 hours of meetings this week. Blocking two focus mornings from now on.",
        ["balance", "focus"],
    ),
    (
        "Meetup talk accepted",
        "The analytics meetup accepted my talk on experiment design for March.",
        ["visibility", "network"],
    ),
    (
        "Long day",
        "Incident on the KPI pipeline; fixed by 21:00. Need better alerting.",
        ["incidents"],
    ),
    (
        "Feedback from the director",
        "She said my summary was the clearest she had seen this quarter.",
        ["feedback", "wins"],
    ),
    (
        "Study session",
        "Practice exam: 74 %. Weak on streaming; two more weekends.",
        ["learning"],
    ),
]
# (a word of the goal it hit, title, what happened, lesson, what changes next time,
# how it turned out or "" while that is not noted yet)
SETBACKS = [
    (
        "leadership team",
        "Promotion deferred to the next cycle",
        "My manager said the case was close but I lacked evidence of leading others.",
        "Evidence matters as much as the work: nobody sees what I don't write down.",
        "Keep a brag document every week and ask for a stretch project with a team.",
        "Led the reporting rework with two analysts; promotion case is much stronger now.",
    ),
    (
        "AWS",
        "Failed the AWS practice exam",
        "Scored 58 % on the first full practice exam, two weeks before the booked date.",
        "I studied the course videos but never built anything.",
        "Build a small pipeline end to end before sitting another practice exam.",
        "Passed the second practice exam with 82 %.",
    ),
    (
        "Mentor two junior",
        "Mentee's experiment stopped early",
        "Leadership stopped Priya's pricing test after a week because of a revenue dip.",
        "We never agreed the stopping rules with leadership up front.",
        "Write the decision rules into every experiment plan and get sign-off first.",
        "",
    ),
    (
        "hiring",
        "Lost the hiring candidate",
        "Our first-choice analyst accepted another offer while we were scheduling the final round.",
        "A three-week loop is too slow for the market.",
        "Run the final interviews within one week of the screen.",
        "Hired the next candidate in 12 days with the shorter loop.",
    ),
    (
        "network",
        "Talk proposal rejected",
        "The conference turned down my talk on data quality.",
        "The abstract was about our tooling, not about what others can reuse.",
        "Lead with the lesson for the audience; get a peer to review the abstract.",
        "",
    ),
]


def seed(owner: User, *, rng: random.Random, scale: int, today: date) -> dict[str, int]:
    goals = list(Goal.objects.owned_by(owner).order_by("starts_on", "pk"))
    entries: list[Entry] = []
    days = 730
    count = 170 * scale
    mood = 3.5
    for index in range(count):
        written_on = today - timedelta(days=int(days * (1 - index / count)))
        title, body, tags = ENTRIES[rng.randrange(len(ENTRIES))]
        mood = min(5.0, max(1.0, mood + rng.uniform(-0.8, 0.8)))
        entries.append(
            Entry(
                owner=owner,
                written_on=written_on,
                title=title,
                body=body,
                mood=round(mood),
                tags=tags,
                tag_index=tag_index(tags),
            )
        )
    Entry.objects.bulk_create(entries)

    setbacks = 0
    for round_ in range(scale):
        for index, (word, title, body, lesson, next_time, outcome) in enumerate(
            SETBACKS
        ):
            matching = [g for g in goals if word.casefold() in g.statement.casefold()]
            goal = matching[round_ % len(matching)] if matching else None
            start = goal.starts_on if goal else today - timedelta(days=600)
            happened_on = min(
                start + timedelta(days=30 + 20 * index), today - timedelta(days=20)
            )
            entry = Entry.objects.create(
                owner=owner,
                written_on=happened_on,
                title=title if round_ == 0 else f"{title} ({round_ + 1})",
                body=body,
                mood=rng.choice([1, 2, 2]),
                tags=["setback"],
            )
            outcome_on = (
                min(happened_on + timedelta(days=60 + 10 * index), today)
                if outcome
                else None
            )
            Setback.objects.create(
                owner=owner,
                entry=entry,
                goal=goal,
                lesson=lesson,
                next_time=next_time,
                outcome=outcome,
                outcome_on=outcome_on,
            )
            setbacks += 1
    return {"journal entries": len(entries) + setbacks, "setbacks": setbacks}
