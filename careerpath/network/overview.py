"""The network overview's read model: a fixed handful of queries, whatever the size.

Counts by relationship type, interactions per month, the give/receive balance, warmest
and coolest relationships, whom to reach out to, and whether each active goal has a
mentor or sponsor.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth

from careerpath.accounts.models import User
from careerpath.goals.models import Goal
from careerpath.network import cadence, ledger
from careerpath.network.charts import BarChart, interactions_chart, month_range
from careerpath.network.models import RELATIONSHIP_LABELS, Contact, Interaction

MONTHS = 12
LIST_SIZE = 6
GAVE = Q(interaction__help_direction__in=("gave", "both"))
RECEIVED = Q(interaction__help_direction__in=("received", "both"))


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
        row["contact_id"]: row
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

    # 2. Interactions and help per month.
    months = month_range(today, MONTHS)
    monthly = (
        Interaction.objects.owned_by(owner)
        .filter(occurred_on__gte=months[0], occurred_on__lte=today)
        .annotate(month=TruncMonth("occurred_on"))
        .values("month")
        .annotate(
            n=Count("pk"),
            gave=Count("pk", filter=Q(help_direction__in=("gave", "both"))),
            received=Count("pk", filter=Q(help_direction__in=("received", "both"))),
        )
    )
    counts, gave, received = {}, {}, {}
    for row in monthly:
        month = row["month"]
        month = month.date() if hasattr(month, "date") else month
        counts[month], gave[month], received[month] = (
            row["n"],
            row["gave"],
            row["received"],
        )
    chart = interactions_chart(months, counts, gave=gave, received=received)

    # 3. Per-contact stats: warmth, balance, one-sided relationships.
    stats = per_contact_stats(owner, today)
    overall = Interaction.objects.owned_by(owner).aggregate(
        gave=Count("pk", filter=Q(help_direction__in=("gave", "both"))),
        received=Count("pk", filter=Q(help_direction__in=("received", "both"))),
    )
    balance = ledger.Balance(overall["gave"], overall["received"])
    fields = (
        "pk",
        "name",
        "company",
        "relationship_types",
        "last_interaction_on",
        "added_on",
        "keep_in_touch",
        "due_on",
        "overdue_on",
        "ideal_interval_days",
        "max_interval_days",
    )
    tracked = list(contacts.tracked().only(*fields))
    warm_scores = {
        c.pk: ledger.warmth(
            interactions_last_year=stats.get(c.pk, {}).get("year", 0),
            last_on=c.last_interaction_on,
            today=today,
        )
        for c in tracked
    }
    interacted_ids = [pk for pk, s in stats.items() if s["year"]]
    warm_contacts = (
        {c.pk: c for c in contacts.filter(pk__in=interacted_ids).only(*fields)}
        if interacted_ids
        else {}
    )
    for c in warm_contacts.values():
        warm_scores.setdefault(
            c.pk,
            ledger.warmth(
                interactions_last_year=stats[c.pk]["year"],
                last_on=c.last_interaction_on,
                today=today,
            ),
        )

    def row(c: Contact, reasons: tuple[str, ...] = ()) -> ContactRow:
        s = stats.get(c.pk, {})
        return ContactRow(
            contact=c,
            warmth=warm_scores.get(c.pk, 0),
            balance=ledger.Balance(s.get("gave", 0), s.get("received", 0)),
            reasons=reasons,
        )

    warmest = sorted(
        warm_contacts.values(), key=lambda c: (-warm_scores[c.pk], c.name)
    )[:LIST_SIZE]
    warm_ids = {c.pk for c in warmest}
    coolest = sorted(
        (c for c in tracked if c.pk not in warm_ids),
        key=lambda c: (warm_scores[c.pk], c.last_interaction_on or c.added_on, c.name),
    )[:LIST_SIZE]
    one_sided_ids = [
        pk
        for pk, s in stats.items()
        if ledger.only_receiving(gave=s["gave"], received=s["received"])
    ]
    one_sided = (
        [
            row(c)
            for c in contacts.filter(pk__in=one_sided_ids)
            .only(*fields)
            .order_by("name")[:LIST_SIZE]
        ]
        if one_sided_ids
        else []
    )

    # 4. Reach out: due contacts ranked by lateness and relevance to active goals.
    helps = Counter(
        Contact.goals.through.objects.filter(
            contact__owner=owner, goal__status=Goal.Status.ACTIVE
        ).values_list("contact_id", flat=True)
    )
    due = [c for c in tracked if c.due_on and c.due_on <= today]
    by_pk = {c.pk: c for c in due}
    suggestions = cadence.rank_reach_out(
        [
            cadence.Candidate(
                key=c.pk,
                name=c.name,
                due_on=c.due_on,  # type: ignore[arg-type]
                ideal_days=(c.due_on - (c.last_interaction_on or c.added_on)).days,  # type: ignore[operator]
                active_goals_helped=helps.get(c.pk, 0),
                is_mentor_or_sponsor=c.is_mentor_or_sponsor,
            )
            for c in due
        ],
        today=today,
        limit=LIST_SIZE * 2,
    )
    reach_out = [row(by_pk[s.key], s.reasons) for s in suggestions]  # type: ignore[index]
    soon_end = today + timedelta(days=cadence.SOON_WINDOW)
    due_soon = sorted(
        (c for c in tracked if c.due_on and today < c.due_on <= soon_end),
        key=lambda c: (c.due_on, c.name),
    )
    overdue_count = sum(1 for c in tracked if c.overdue_on and c.overdue_on < today)

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
        warmest=[row(c) for c in warmest],
        coolest=[row(c) for c in coolest],
        one_sided=one_sided,
        reach_out=reach_out,
        due_soon=due_soon,
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
