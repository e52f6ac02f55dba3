"""Demo content for the network: a few hundred contacts (× scale) with years of interactions,
events with the people met, mentors and sponsors with meetings tied to goals."""

from __future__ import annotations

import random
from datetime import date, timedelta

from careerpath.accounts.models import User
from careerpath.goals.models import Goal
from careerpath.network.models import Contact, Event, Interaction, MentorshipMeeting
from careerpath.network.services import refresh_last_interactions

FIRST = [
    "Aisha",
    "Ben",
    "Carmen",
    "Daniel",
    "Elena",
    "Farid",
    "Grace",
    "Hiro",
    "Ines",
    "Jonas",
    "Kemi",
    "Liam",
    "Maya",
    "Noor",
    "Oskar",
    "Priya",
    "Quentin",
    "Rosa",
    "Sami",
    "Tomas",
    "Uma",
    "Viktor",
    "Wen",
    "Xavier",
    "Yara",
    "Zoe",
    "Amara",
    "Bruno",
    "Chloe",
    "Dev",
    "Eero",
    "Fatima",
    "Gustav",
    "Hana",
    "Ivan",
    "Julia",
    "Kofi",
    "Lena",
    "Mateo",
    "Nadia",
]
LAST = [
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Tanaka",
    "Silva",
    "Kowalski",
    "Haddad",
    "Novak",
    "Fischer",
    "Rossi",
    "Nguyen",
    "Patel",
    "Mensah",
    "Ortega",
    "Berg",
    "Dubois",
    "Kim",
    "Costa",
    "Larsen",
    "Adeyemi",
    "Walsh",
    "Yilmaz",
    "Schmidt",
    "Ivanova",
    "Lopez",
    "Murphy",
    "Sato",
    "Jensen",
    "Ali",
    "Khan",
]
COMPANIES = (
    "Northwind Health",
    "Globex Analytics",
    "Initech",
    "Umbrella Labs",
    "Helix Bio",
    "Contoso Insurance",
    "Blue Harbor Bank",
    "Stark Data",
    "Acme Retail",
    "Vandelay Imports",
    "Oceanic Air",
    "Tyrell Research",
    "Wayne Clinics",
    "Cyberdyne Systems",
    "Soylent Foods",
)
TITLES = (
    "Data Scientist",
    "Analytics Manager",
    "Head of Data",
    "Product Manager",
    "Senior Analyst",
    "Engineering Manager",
    "Director of Analytics",
    "Recruiter",
    "ML Engineer",
    "Chief Medical Officer",
    "Data Engineer",
    "VP Product",
)
TYPES = (
    ["peer"],
    ["peer"],
    ["industry"],
    ["industry"],
    ["alumni"],
    ["recruiter"],
    ["peer", "alumni"],
    ["other"],
    ["mentee"],
    ["manager"],
)
TAGS = (
    "healthcare",
    "python",
    "sql",
    "leadership",
    "pydata",
    "experimentation",
    "hiring",
    "ml",
)
# What people talk about; interaction summaries, notes and meetings name one.
TOPICS = (
    "experiment design",
    "causal inference",
    "team structure",
    "the analytics lead role",
    "data platform choices",
    "hiring analysts",
    "stakeholder updates",
    "forecasting",
    "dbt at scale",
    "data quality checks",
    "pricing tests",
    "career ladders",
    "remote teams",
    "dashboards people use",
    "privacy reviews",
)
SUMMARIES = (
    "Coffee: compared notes on {topic}",
    "Call about {topic}",
    "Sent an article on {topic}",
    "Asked for feedback on my talk about {topic}",
    "Lunch: talked about {topic}",
    "Congratulated them on the promotion; chatted about {topic}",
    "Intro to their colleague who works on {topic}",
    "Quick catch-up after the all-hands about {topic}",
)
CONTACT_NOTES = (
    "Interested in **{topic}**.",
    "Ask about {topic} next time.",
    "Has thought a lot about {topic}.",
    "Wrote a good post on {topic}.",
)
# Mentorship meetings: (agenda, takeaway, action), each about one topic.
MEETINGS = (
    (
        "- Progress on my goals\n- {topic}",
        "Ask for a stretch project on {topic}; write the one-pager first.",
        "Draft the one-pager on {topic} by Friday.",
    ),
    (
        "- The promotion case\n- What is missing on {topic}",
        "Evidence beats effort: collect two wins on {topic} this quarter.",
        "Add the {topic} work to the brag document.",
    ),
    (
        "- A hard stakeholder\n- {topic}",
        "Start with the decision they need, then the numbers on {topic}.",
        "Rewrite the next update on {topic} decision-first.",
    ),
    (
        "- Next role\n- Skills for {topic}",
        "Lead something on {topic} end to end before asking for the title.",
        "Find a small project on {topic} to lead.",
    ),
)


HELP = ("none", "none", "gave", "received", "both")
CHANNELS = ("meeting", "call", "video", "email", "message", "social")
EVENTS = (
    ("PyData London", "London"),
    ("Healthcare Analytics Summit", "Manchester"),
    ("dbt Coalesce", ""),
    ("Women in Data meetup", "Leeds"),
    ("Experimentation Forum", ""),
)


def seed(owner: User, *, rng: random.Random, scale: int, today: date) -> dict[str, int]:
    goals = list(Goal.objects.owned_by(owner).active().order_by("pk")[:6])
    contacts: list[Contact] = []
    used: set[str] = set()
    target = 300 * scale
    attempt = 0
    while len(contacts) < target:
        attempt += 1
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        company = rng.choice(COMPANIES)
        if attempt > target * 3:  # vary further when the name pool runs low
            name = f"{name} {chr(65 + attempt % 26)}."
        key = f"{name}|{company}"
        if key in used:
            continue
        used.add(key)
        types = list(rng.choice(TYPES))
        added = today - timedelta(days=rng.randint(30, 1400))
        slug = name.lower().replace(" ", "-").replace(".", "")
        contact = Contact(
            owner=owner,
            name=name,
            company=company,
            title=rng.choice(TITLES),
            emails=[f"{slug}@{company.split()[0].lower()}.example"]
            if rng.random() < 0.6
            else [],
            phones=[
                {"label": "mobile", "number": f"+44 7700 9{rng.randint(10000, 99999)}"}
            ]
            if rng.random() < 0.3
            else [],
            profile_url=f"https://www.linkedin.com/in/{slug}-{len(contacts)}"
            if rng.random() < 0.8
            else "",
            how_we_met=rng.choice(
                (
                    "LinkedIn",
                    "Worked together",
                    "Conference",
                    "University",
                    "Introduced by a friend",
                )
            ),
            met_on=added,
            relationship_types=types,
            tags=rng.sample(TAGS, k=rng.randint(0, 2)),
            notes=""
            if rng.random() < 0.5
            else rng.choice(CONTACT_NOTES).format(topic=rng.choice(TOPICS)),
            keep_in_touch=rng.random() < 0.35,
            added_on=added,
            source="linkedin" if rng.random() < 0.5 else "manual",
        )
        contacts.append(contact)
    # A handful of mentors and sponsors, always kept in touch with.
    for contact, types, advocates in zip(
        contacts[:4],
        (["mentor"], ["mentor", "peer"], ["sponsor", "manager"], ["sponsor"]),
        (
            "",
            "",
            "Puts me forward for the analytics lead role",
            "Mentions my work in the leadership forum",
        ),
        strict=True,
    ):
        contact.relationship_types = types
        contact.keep_in_touch = True
        contact.advocates_for = advocates
        contact.advocates_where = "Promotion committee" if advocates else ""
    for contact in contacts:
        contact.refresh_derived()
    Contact.objects.bulk_create(contacts, batch_size=500)

    through = Interaction.contacts.through
    interactions: list[Interaction] = []
    links: list[tuple[int, int]] = []  # (interaction index, contact)
    for contact in contacts:
        count = (
            rng.choice((0, 0, 1, 2, 3, 5))
            if not contact.keep_in_touch
            else rng.randint(2, 9)
        )
        for _ in range(count):
            day = today - timedelta(
                days=rng.randint(3, (today - contact.added_on).days + 3)
            )
            day = max(day, contact.added_on)
            follow = (
                day + timedelta(days=rng.randint(5, 20)) if rng.random() < 0.1 else None
            )
            interactions.append(
                Interaction(
                    owner=owner,
                    occurred_on=day,
                    channel=rng.choice(CHANNELS),
                    summary=rng.choice(SUMMARIES).format(topic=rng.choice(TOPICS)),
                    help_direction=rng.choice(HELP),
                    follow_up_on=follow,
                    follow_up_done_on=follow
                    if follow and follow < today - timedelta(days=10)
                    else None,
                )
            )
            links.append((len(interactions) - 1, contact.pk))
        if contact.keep_in_touch and rng.random() < 0.75:
            # Most people someone keeps in touch with were contacted lately.
            interactions.append(
                Interaction(
                    owner=owner,
                    occurred_on=today - timedelta(days=rng.randint(1, 60)),
                    channel=rng.choice(CHANNELS),
                    summary=rng.choice(SUMMARIES).format(topic=rng.choice(TOPICS)),
                    help_direction=rng.choice(HELP),
                )
            )
            links.append((len(interactions) - 1, contact.pk))
    Interaction.objects.bulk_create(interactions, batch_size=500)
    through.objects.bulk_create(
        [through(interaction_id=interactions[i].pk, contact_id=c) for i, c in links],
        batch_size=1000,
    )

    events = []
    for index in range(4 * scale):
        name, place = EVENTS[index % len(EVENTS)]
        held = today - timedelta(days=rng.randint(10, 700))
        events.append(
            Event(
                owner=owner,
                name=f"{name} {held.year}",
                held_on=held,
                place=place,
                online=not place,
                notes=f"Good talks on {rng.choice(TOPICS)} and {rng.choice(TOPICS)}.",
                follow_up_on=held + timedelta(days=7),
                follow_up_done_on=held + timedelta(days=8)
                if held < today - timedelta(days=30)
                else None,
            )
        )
    Event.objects.bulk_create(events)
    event_links = []
    for event in events:
        met = rng.sample(contacts, k=3)
        interaction = Interaction.objects.create(
            owner=owner,
            occurred_on=event.held_on,
            channel="event",
            summary=f"Met at {event.name}",
            event=event,
        )
        event_links += [
            through(interaction_id=interaction.pk, contact_id=c.pk) for c in met
        ]
    through.objects.bulk_create(event_links)

    meetings = 0
    for contact in contacts[:4]:
        if goals:
            contact.goals.set(goals[: rng.randint(1, len(goals))])
        for months_ago in range(1, 7 * scale, 2):
            day = today - timedelta(days=30 * months_ago + rng.randint(0, 9))
            if day < contact.added_on:
                break
            interaction = Interaction.objects.create(
                owner=owner,
                occurred_on=day,
                channel="meeting",
                summary="Mentorship: career plan check-in",
                help_direction="received" if months_ago % 3 else "both",
            )
            interaction.contacts.add(contact)
            agenda, takeaway, action = MEETINGS[meetings % len(MEETINGS)]
            topic = TOPICS[(meetings // len(MEETINGS)) % len(TOPICS)]
            meeting = MentorshipMeeting.objects.create(
                owner=owner,
                interaction=interaction,
                contact=contact,
                agenda=agenda.format(topic=topic),
                takeaways=takeaway.format(topic=topic),
                actions=action.format(topic=topic),
            )
            if goals:
                meeting.goals.set(goals[:1])
            meetings += 1
    # Cadence dates follow the interaction history just written.
    refresh_last_interactions(owner, [c.pk for c in contacts])
    return {
        "contacts": len(contacts),
        "interactions": len(interactions) + len(events) + meetings,
        "events": len(events),
        "mentorship meetings": meetings,
    }
