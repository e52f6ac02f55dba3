"""Demo reviews: two years of completed monthly, quarterly and yearly reviews.

Runs after every other area, so each summary is the real one of its period, and the
answers are written from it (which goals were on pace, how many wins, what setbacks
happened), with phrasing drawn from varied pools so no two reviews read the same.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from careerpath.accounts.models import User
from careerpath.reviews import periods
from careerpath.reviews.models import Review, ReviewSchedule
from careerpath.reviews.services import period_summary

OPENINGS_GOOD = [
    "Mostly yes.",
    "Yes, and it felt like it.",
    "Better than I expected.",
    "On balance, yes.",
    "Steady progress, nothing dramatic.",
]
OPENINGS_MIXED = [
    "Partly.",
    "Slower than I hoped.",
    "Honestly, only in places.",
    "Not as much as the plan says.",
    "Some of it.",
]
FIT = [
    "They still fit: the work I enjoy most is the analysis that changes a decision, and that is where my goals point.",
    "Mostly. The promotion goal still matters, but I care more about leading people than about the title itself.",
    "I had a wobble about whether staying in analytics is right. Talking it through with {contact} helped: it is.",
    "Yes. Autonomy and learning are still my top values and both goals serve them.",
    "The certification goal feels less relevant now that the team moved to a different cloud. Worth revisiting.",
    "They fit my aspiration of leading an analytics team; the balance goal keeps me honest about how I get there.",
    "I noticed I keep postponing the speaking goal. Either it matters and I schedule it, or I let it go.",
    "Still aligned. If anything the last weeks confirmed that mentoring is the part of the job I want more of.",
]
NO_SETBACK = [
    "No real setbacks this time; the closest was a week of firefighting that pushed the course back.",
    "Nothing I'd call a setback. A quiet period, which is its own kind of lesson about pacing.",
    "None logged. I should check whether that is true or whether I just didn't write them down.",
]
SETBACK_OPENERS = [
    "“{title}” stung.",
    "The big one was “{title}”.",
    "“{title}” taught me the most.",
    "Looking back at “{title}”:",
]
ADJUST = [
    "Move the deadline of “{goal}” out by a month rather than pretend I'll catch up.",
    "Fewer goals at once: pause one and finish “{goal}” first.",
    "Block Tuesday and Thursday mornings for focused work; meetings go to the afternoon.",
    "Ask for feedback earlier — after the first draft, not after the launch.",
    "Replace the vague reading goal with a concrete course and dates.",
    "Check in with {contact} every three weeks instead of whenever I remember.",
    "Keep the plan as it is; it is working, I just need to keep showing up.",
    "Drop one side project so the balance check-ins stop showing 50-hour weeks.",
]
FOCUS = [
    "Finish “{goal}” and write up what it changed.",
    "Two things: the next milestone of “{goal}”, and one coffee a week with someone outside my team.",
    "Prepare the promotion packet draft and get {contact}'s eyes on it.",
    "Learning hours back to three a week; the SQL course first.",
    "Visibility: present the quarterly results myself instead of sending the deck.",
    "Rest properly over the holidays, then restart “{goal}” in January.",
    "Ship the next milestone of “{goal}” and ask two people for feedback on it.",
    "Mentoring: set up regular sessions with the two juniors who asked.",
]


def _stat(section: dict[str, Any], label: str) -> str:
    return next((s["value"] for s in section["stats"] if s["label"] == label), "0")


def _items(section: dict[str, Any], title_start: str) -> list[dict[str, str]]:
    for g in section["groups"]:
        if g["title"].startswith(title_start):
            return g["items"]
    return []


def _answers(
    summary: list[dict[str, Any]], rng: random.Random, contacts: list[str]
) -> dict[str, str]:
    by_key = {s["key"]: s for s in summary}
    goals, wins, setbacks = by_key["goals"], by_key["achievements"], by_key["setbacks"]
    in_play, on_pace = int(_stat(goals, "Goals in play")), int(_stat(goals, "On pace"))
    progress = _items(goals, "Progress")
    goal = (rng.choice(progress)["text"] if progress else "the main goal")[:80]
    contact = rng.choice(contacts) if contacts else "my mentor"
    win_count = int(_stat(wins, "Wins"))
    opener = rng.choice(
        OPENINGS_GOOD if in_play and on_pace * 2 >= in_play else OPENINGS_MIXED
    )
    moving = f"{opener} {on_pace} of {in_play} goals are on pace"
    if win_count:
        win = rng.choice(_items(wins, "Wins"))["text"]
        moving += f", and {win_count} win{'s' if win_count != 1 else ''} to show for it — “{win}” most of all."
    else:
        moving += (
            "; no wins logged, which says more about my note-taking than the work."
        )
    missed = _items(goals, "Milestones missed")
    if missed:
        moving += f" Missed “{rng.choice(missed)['text']}”, which I need to own."
    setback_items = _items(setbacks, "Setbacks")
    if setback_items:
        s = rng.choice(setback_items)
        lesson = s["note"].split("learned: ", 1)[-1].split(" · next time", 1)[0]
        taught = f"{rng.choice(SETBACK_OPENERS).format(title=s['text'])} {lesson}"
    else:
        taught = rng.choice(NO_SETBACK)
    return {
        "moving_towards": moving,
        "still_fit": rng.choice(FIT).format(contact=contact),
        "setbacks_taught": taught,
        "adjust": rng.choice(ADJUST).format(goal=goal, contact=contact),
        "focus_next": rng.choice(FOCUS).format(goal=goal, contact=contact),
    }


def seed(owner: User, *, rng: random.Random, scale: int, today: date) -> dict[str, int]:
    from careerpath.network.models import Contact

    ReviewSchedule.objects.bulk_create(
        [
            ReviewSchedule(owner=owner, cadence="weekly", enabled=False, weekday=4),
            ReviewSchedule(owner=owner, cadence="monthly", days_before_end=2),
            ReviewSchedule(owner=owner, cadence="quarterly", days_before_end=6),
            ReviewSchedule(owner=owner, cadence="yearly", days_before_end=13),
        ]
    )
    contacts = list(
        Contact.objects.owned_by(owner)
        .order_by("pk")
        .values_list("name", flat=True)[:40]
    )
    since = today - timedelta(days=730)
    reviews: list[Review] = []
    for cadence in ("monthly", "quarterly", "yearly"):
        start, end = periods.period_of(cadence, since)
        start, end = periods.next_period(cadence, end)
        while end < today:
            summary = period_summary(owner, start, end)
            done_on = min(end + timedelta(days=rng.randint(0, 4)), today)
            reviews.append(
                Review(
                    owner=owner,
                    cadence=cadence,
                    period_start=start,
                    period_end=end,
                    summary=summary,
                    completed_at=datetime.combine(
                        done_on, time(18, rng.randint(0, 59)), tzinfo=UTC
                    ),
                    **_answers(summary, rng, contacts),
                )
            )
            start, end = periods.next_period(cadence, end)
    Review.objects.bulk_create(reviews)
    return {"reviews": len(reviews)}
