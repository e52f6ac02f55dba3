"""The network overview's read model: a fixed handful of queries, whatever the size.

Counts by relationship type, interactions per month, the give/receive balance, warmest
and coolest relationships, whom to reach out to, and whether each active goal has a
mentor or sponsor.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import cast

from django.db.models import Count, Q

from careerpath.accounts.models import User
from careerpath.core.dates import months_ending
from careerpath.goals.models import Goal
from careerpath.network import cadence, ledger
from careerpath.network.charts import BarChart, interactions_chart
from careerpath.network.models import RELATIONSHIP_LABELS, Contact, Interaction

MONTHS = 12
LIST_SIZE = 6
GAVE = Q(interaction__help_direction__in=("gave", "both"))
RECEIVED = Q(interaction__help_direction__in=("received", "both"))


@dataclass(frozen=True, slots=True)
class _Brief:
    """What the overview needs of one contact, without building a model object."""

    pk: int
    name: str
    keep_in_touch: bool
    last_on: date | None
    added_on: date
    due_on: date | None
    overdue_on: date | None
    types: list[str] | None


@dataclass
class GoalCoverage:
    goal: Goal
    mentors: list[str] = field(default_factory=list)
    sponsors: list[str] = field(default_factory=list)

    @property
    def covered(self) -> bool:
        return bool(self.mentors or self.sponsors)


@dataclass
class ContactRow:
    contact: Contact
    warmth: int = 0
    balance: ledger.Balance = field(default_factory=lambda: ledger.Balance(0, 0))
    reasons: tuple[str, ...] = ()


@dataclass
class Overview:
    total: int
    by_type: list[tuple[str, str, int]]
    chart: BarChart
    balance: ledger.Balance
    warmest: list[ContactRow]
    coolest: list[ContactRow]
    one_sided: list[ContactRow]
    reach_out: list[ContactRow]
    due_soon: list[Contact]
    overdue_count: int
    coverage: list[GoalCoverage]


def per_contact_stats(
    owner: User, today: date, contact_ids: set[int] | None = None
) -> dict[int, dict[str, int]]:
    """{contact id: {"year": interactions in the last 365 days, "gave": n, "received": n}}."""
    through = Interaction.contacts.through
    rows = through.objects.filter(interaction__owner=owner)
    if contact_ids is not None:
        rows = rows.filter(contact_id__in=contact_ids)
    year_ago = today - timedelta(days=365)
    return {
        row["contact_id"]: row  # type: ignore[misc]  # a values() row of ints
        for row in rows.values("contact_id").annotate(
            year=Count("pk", filter=Q(interaction__occurred_on__gt=year_ago)),
            gave=Count("pk", filter=GAVE),
            received=Count("pk", filter=RECEIVED),
        )
    }


def build_overview(owner: User, *, today: date) -> Overview:
    contacts = Contact.objects.owned_by(owner)
    # 1. Relationship types (several per contact), counted in Python from one column.
    type_counts: Counter[str] = Counter()
    total = 0
    for types in contacts.values_list("relationship_types", flat=True):
        total += 1
        type_counts.update(types or ["untyped"])
    labels = {**RELATIONSHIP_LABELS, "untyped": "No type yet"}
    by_type = [(t, labels.get(t, t), n) for t, n in type_counts.most_common()]

    # 2. Interactions and help per month, grouped in Python (cheaper than a per-row
    # date function on SQLite).
    months = months_ending(today, MONTHS)
    counts: Counter[date] = Counter()
    gave: Counter[date] = Counter()
    received: Counter[date] = Counter()
    for day, direction in (
        Interaction.objects.owned_by(owner)
        .filter(occurred_on__gte=months[0], occurred_on__lte=today)
        .values_list("occurred_on", "help_direction")
    ):
        month = day.replace(day=1)
        counts[month] += 1
        g, r = ledger.count_help(direction)
        gave[month] += g
        received[month] += r
    chart = interactions_chart(months, counts, gave=gave, received=received)

    # 3. Per-contact stats: warmth, balance, one-sided relationships. Thousands of
    # contacts are read as plain tuples; only the few shown become model objects.
    stats = per_contact_stats(owner, today)
    overall = Interaction.objects.owned_by(owner).aggregate(
        gave=Count("pk", filter=Q(help_direction__in=("gave", "both"))),
        received=Count("pk", filter=Q(help_direction__in=("received", "both"))),
    )
    balance = ledger.Balance(overall["gave"], overall["received"])
    briefs = [
        _Brief(*values)
        for values in contacts.filter(
            Q(keep_in_touch=True) | Q(last_interaction_on__isnull=False)
        ).values_list(
            "pk",
            "name",
            "keep_in_touch",
            "last_interaction_on",
            "added_on",
            "due_on",
            "overdue_on",
            "relationship_types",
        )
    ]
    tracked = [b for b in briefs if b.keep_in_touch]
    warm_scores = {
        b.pk: ledger.warmth(
            interactions_last_year=stats.get(b.pk, {}).get("year", 0),
            last_on=b.last_on,
            today=today,
        )
        for b in briefs
    }
    warmest = sorted(
        (b for b in briefs if stats.get(b.pk, {}).get("year")),
        key=lambda b: (-warm_scores[b.pk], b.name),
    )[:LIST_SIZE]
    warm_ids = {b.pk for b in warmest}
    coolest = sorted(
        (b for b in tracked if b.pk not in warm_ids),
        key=lambda b: (warm_scores[b.pk], b.last_on or b.added_on, b.name),
    )[:LIST_SIZE]
    one_sided = sorted(
        (
            b
            for b in briefs
            if b.pk in stats
            and ledger.only_receiving(
                gave=stats[b.pk]["gave"], received=stats[b.pk]["received"]
            )
        ),
        key=lambda b: b.name,
    )[:LIST_SIZE]

    # 4. Reach out: due contacts ranked by lateness and relevance to active goals.
    helps = Counter(
        Contact.goals.through.objects.filter(
            contact__owner=owner, goal__status=Goal.Status.ACTIVE
        ).values_list("contact_id", flat=True)
    )
    suggestions = cadence.rank_reach_out(
        [
            cadence.Candidate(
                key=b.pk,
                name=b.name,
                due_on=b.due_on,
                ideal_days=(b.due_on - (b.last_on or b.added_on)).days,
                active_goals_helped=helps.get(b.pk, 0),
                is_mentor_or_sponsor=bool({"mentor", "sponsor"} & set(b.types or ())),
            )
            for b in tracked
            if b.due_on and b.due_on <= today
        ],
        today=today,
        limit=LIST_SIZE * 2,
    )
    soon_end = today + timedelta(days=cadence.SOON_WINDOW)
    due_soon = sorted(
        (b for b in tracked if b.due_on and today < b.due_on <= soon_end),
        key=lambda b: (b.due_on, b.name),
    )[:LIST_SIZE]
    overdue_count = sum(1 for b in tracked if b.overdue_on and b.overdue_on < today)
    shown_ids = {b.pk for b in (*warmest, *coolest, *one_sided, *due_soon)} | {
        s.key for s in suggestions
    }
    shown = (
        {
            c.pk: c
            for c in contacts.filter(pk__in=cast("set[int]", shown_ids)).only(
                "pk",
                "name",
                "company",
                "last_interaction_on",
                "added_on",
                "due_on",
                "overdue_on",
            )
        }
        if shown_ids
        else {}
    )

    def row(pk: int, reasons: tuple[str, ...] = ()) -> ContactRow:
        s = stats.get(pk, {})
        return ContactRow(
            contact=shown[pk],
            warmth=warm_scores.get(pk, 0),
            balance=ledger.Balance(s.get("gave", 0), s.get("received", 0)),
            reasons=reasons,
        )

    # 5. Active goals and their mentors and sponsors.
    goals = list(
        Goal.objects.owned_by(owner)
        .active()
        .order_by("deadline", "pk")
        .only("pk", "statement", "deadline", "status")
    )
    coverage = {g.pk: GoalCoverage(goal=g) for g in goals}
    links = Contact.goals.through.objects.filter(
        goal_id__in=list(coverage), contact__owner=owner
    ).values_list("goal_id", "contact__name", "contact__relationship_types")
    for goal_id, name, types in links:
        if "mentor" in (types or []):
            coverage[goal_id].mentors.append(name)
        if "sponsor" in (types or []):
            coverage[goal_id].sponsors.append(name)

    return Overview(
        total=total,
        by_type=by_type,
        chart=chart,
        balance=balance,
        warmest=[row(b.pk) for b in warmest],
        coolest=[row(b.pk) for b in coolest],
        one_sided=[row(b.pk) for b in one_sided],
        reach_out=[row(s.key, s.reasons) for s in suggestions],  # type: ignore[arg-type]
        due_soon=[shown[b.pk] for b in due_soon],
        overdue_count=overdue_count,
        coverage=list(coverage.values()),
    )


def contact_balance(contact: Contact) -> ledger.Balance:
    """The give/receive balance with one contact."""
    row = Interaction.objects.filter(
        owner_id=contact.owner_id, contacts=contact
    ).aggregate(
        gave=Count("pk", filter=Q(help_direction__in=("gave", "both"))),
        received=Count("pk", filter=Q(help_direction__in=("received", "both"))),
    )
    return ledger.Balance(row["gave"], row["received"])


def months_with_help(interactions: list[Interaction]) -> list[tuple[date, int, int]]:
    """(month, gave, received) for a contact's interactions, newest month first."""
    by_month: dict[date, list[int]] = defaultdict(lambda: [0, 0])
    for i in interactions:
        g, r = ledger.count_help(i.help_direction)
        month = i.occurred_on.replace(day=1)
        by_month[month][0] += g
        by_month[month][1] += r
    return [(m, g, r) for m, (g, r) in sorted(by_month.items(), reverse=True) if g or r]
