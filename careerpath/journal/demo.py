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

# Themes of a working life: (titles, what happened, what came of it, tags). An entry
# is a title, one happening and one outcome, sometimes with a thought of the week;
# every entry's text is different, as a real journal's is.
THEMES = [
    (
        ["Good 1:1 with my manager", "1:1 with Sam", "Useful 1:1"],
        [
            "We agreed I lead the **quarterly review** deck.",
            "Sam asked what I want to be doing in two years.",
            "We went through my promotion case line by line.",
            "I brought the draft roadmap and got three sharp questions back.",
            "We talked about how I spend my time between tickets and projects.",
            "Sam wants more of my analysis in front of directors.",
        ],
        [
            "Next step: a one-pager by Friday.",
            "I left with two concrete things to try.",
            "Felt heard for once.",
            "I need to write this down in the brag document.",
            "Agreed to check in on it again in a month.",
        ],
        ["1:1s", "visibility"],
    ),
    (
        [
            "Stakeholder meeting went sideways",
            "Tough review",
            "Hard questions from finance",
        ],
        [
            "Finance challenged every number in the forecast.",
            "The product lead disputed the churn definition in front of everyone.",
            "Marketing wanted the attribution numbers to say something they don't.",
            "Ops asked why the dashboard disagrees with their spreadsheet.",
            "The director asked for the answer before I could show the method.",
            "Sales questioned the sample size of the pricing test.",
        ],
        [
            "I had the answers but not *in the room*; next time bring the appendix.",
            "Sent a follow-up note with the definitions the same afternoon.",
            "Booked a pre-meeting with the loudest critic for next time.",
            "Lesson: start with the decision, then the numbers.",
            "We agreed a shared definition; it was worth the friction.",
        ],
        ["stakeholders"],
    ),
    (
        ["Shipped it", "Launch day", "Live at last"],
        [
            "Two months of work on the churn model went live.",
            "The new KPI pipeline replaced the old spreadsheet this morning.",
            "The self-serve dashboard for ops is finally out.",
            "The experiment platform handled its first real test.",
            "The forecast now refreshes every night without me.",
            "Our data-quality checks caught their first real issue.",
        ],
        [
            "Ops already asked for a weekly version.",
            "Nobody noticed the switch, which is the point.\n\n- zero incidents\n- 40 % faster",
            "Small celebration with the team at lunch.",
            "Wrote the release note and the known limits.",
            "Now the hard part: getting people to use it.",
        ],
        ["delivery", "wins"],
    ),
    (
        ["Quiet week", "Steady week", "Catch-up week"],
        [
            "Mostly tickets and small fixes.",
            "Half the team was on holiday, so few meetings.",
            "Cleared the backlog of dashboard requests.",
            "Spent the week documenting the data model.",
            "Reviewed pull requests and paired with a junior analyst.",
            "Nothing urgent for once.",
        ],
        [
            "Used the Friday afternoon for the AWS course.",
            "Went home on time every day.",
            "Finally tidied up the query library.",
            "Read two papers on experiment design.",
            "Good moment to plan next quarter.",
        ],
        ["learning"],
    ),
    (
        ["Mentoring Priya", "Session with my mentee", "Mentee update"],
        [
            "Priya ran her first experiment review alone.",
            "We worked through how to push back on a vague request.",
            "My mentee presented to the product team for the first time.",
            "We reviewed her SQL for the retention analysis.",
            "She asked how I prepare for leadership meetings.",
            "We set her goals for the next quarter together.",
        ],
        [
            "Proud of her.",
            "I learn as much as she does from these sessions.",
            "Next time: let her lead the whole agenda.",
            "She is ready for a bigger project.",
            "I should say more about what went well, not only what to fix.",
        ],
        ["mentoring", "leadership"],
    ),
    (
        ["Too many meetings", "Meeting overload", "Calendar chaos"],
        [
            "Counted 19 hours of meetings this week.",
            "Three status meetings covered the same project.",
            "Back-to-back calls from nine to four on Tuesday.",
            "Got invited to two steering groups I have no role in.",
            "Every afternoon went to ad-hoc requests.",
            "Spent more time talking about the analysis than doing it.",
        ],
        [
            "Blocking two focus mornings from now on.",
            "Declined the meetings without an agenda.",
            "Asked Sam to help me drop one recurring meeting.",
            "Proposed a written weekly update instead.",
            "Need to protect deep work or the roadmap slips.",
        ],
        ["balance", "focus"],
    ),
    (
        ["Meetup news", "Speaking", "Community"],
        [
            "The analytics meetup accepted my talk on experiment design.",
            "Met two analytics leads at the meetup afterwards.",
            "Gave a lightning talk on data-quality checks.",
            "Volunteered to review talk proposals for the conference.",
            "Someone from the meetup asked me for advice on pricing tests.",
            "Recorded a short podcast episode about our dashboard rebuild.",
        ],
        [
            "Nervous, but it is exactly the stretch I wanted.",
            "Added them to my network list with a note.",
            "Good questions from the audience; I should write a blog post.",
            "Visibility outside the company counts too.",
            "Follow up within a week or it fades.",
        ],
        ["visibility", "network"],
    ),
    (
        ["Long day", "Incident", "Firefighting"],
        [
            "Incident on the KPI pipeline; fixed by 21:00.",
            "The nightly load failed and the board deck was due.",
            "A schema change upstream broke half the dashboards.",
            "Found duplicated orders in the revenue table.",
            "The forecast went blank an hour before the review.",
            "A vendor feed arrived a day late and in the wrong format.",
        ],
        [
            "Need better alerting.",
            "Wrote the timeline while it was fresh.",
            "Proposed a contract test with the upstream team.",
            "Tired, but the fix is solid.",
            "Next time I hand over earlier instead of staying late.",
        ],
        ["incidents"],
    ),
    (
        ["Feedback from the director", "Kind words", "Recognition"],
        [
            "The director said my summary was the clearest she had seen this quarter.",
            "The head of finance thanked me for the forecast in the all-hands.",
            "A product manager wrote that the dashboard saved her a day a week.",
            "Sam forwarded praise from the CFO about the pricing readout.",
            "A peer nominated me for the quarterly values award.",
            "The support lead said the new scorecard changed their stand-ups.",
        ],
        [
            "Saved it as evidence for the promotion case.",
            "Nice to hear, and specific enough to learn from.",
            "Asked what made it work, so I can repeat it.",
            "Shared the credit with the two analysts who helped.",
            "Writing it down before I forget the details.",
        ],
        ["feedback", "wins"],
    ),
    (
        ["Study session", "Exam prep", "Learning"],
        [
            "Practice exam: 74 %.",
            "Two hours on streaming architectures.",
            "Finished the module on data lakes.",
            "Built a small pipeline end to end as practice.",
            "Worked through the official sample questions.",
            "Watched the course videos on security and access.",
        ],
        [
            "Weak on streaming; two more weekends.",
            "Getting there, slowly.",
            "Booked the exam date to commit.",
            "Notes are in the study doc.",
            "Better than last time.",
        ],
        ["learning"],
    ),
]
# A thought of the week some entries end with ("" for none).
THOUGHTS = [
    "",
    "",
    "",
    "Energy was good this week.",
    "Slept badly, which did not help.",
    "Grateful for the team.",
    "Remember to take the Friday afternoon off.",
    "I want more of weeks like this.",
    "Feeling stretched.",
    "Went for a run at lunch; it helped.",
    "Still thinking about the promotion conversation.",
    "Should tell Sam about this at the next 1:1.",
]


def entry_texts(rng: random.Random, count: int) -> list[tuple[str, str, list[str]]]:
    """``count`` journal entries (title, body, tags), no two bodies alike."""
    distinct = len(set(THOUGHTS)) * sum(len(e) * len(o) for _t, e, o, _g in THEMES)
    # Up to three quarters of what can be told apart (scale 10): all different;
    # beyond that (a load test), repeats are allowed rather than searched for.
    unique = count <= distinct * 3 // 4
    seen: set[str] = set()
    out: list[tuple[str, str, list[str]]] = []
    while len(out) < count:
        titles, events, outcomes, tags = THEMES[rng.randrange(len(THEMES))]
        thought = rng.choice(THOUGHTS)
        body = f"{rng.choice(events)} {rng.choice(outcomes)}"
        body = f"{body}\n\n{thought}" if thought else body
        if unique and body in seen:
            continue
        seen.add(body)
        out.append((rng.choice(titles), body, list(tags)))
    return out


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
    for index, (title, body, tags) in enumerate(entry_texts(rng, count)):
        written_on = today - timedelta(days=int(days * (1 - index / count)))
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
            # A recent goal's setbacks are held back from today, each on its own day.
            happened_on = min(
                start + timedelta(days=30 + 20 * index),
                today - timedelta(days=20 + 11 * round_ + index),
            )
            entry = Entry.objects.create(
                owner=owner,
                written_on=happened_on,
                # The same kind of setback again, another time: dated, not numbered.
                title=title if round_ == 0 else f"{title}, {happened_on:%B %Y}",
                body=body
                if round_ == 0
                else f"Again, on {happened_on.day} {happened_on:%B %Y}: {body}",
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
