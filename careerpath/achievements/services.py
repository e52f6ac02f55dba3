"""Writes and reads of achievements shared by pages, the API and commands."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Prefetch, QuerySet

from careerpath.accounts.models import User
from careerpath.achievements.brag import Packet, Quote, Win, build_packet
from careerpath.achievements.models import Achievement, Evidence
from careerpath.feedback.models import Feedback
from careerpath.feedback.services import tidy_names
from careerpath.goals.models import Goal, Milestone

ACHIEVEMENT_FIELDS = (
    "title",
    "achieved_on",
    "what_i_did",
    "impact_value",
    "impact_unit",
    "skills",
    "goal",
    "milestone",
    "visibility",
)
SUGGESTION_DAYS = 365


def with_evidence(queryset: QuerySet[Achievement]) -> QuerySet[Achievement]:
    """Achievements with goal, milestone and supporting feedback loaded (fixed queries)."""
    return queryset.select_related("goal", "milestone").prefetch_related(
        Prefetch(
            "evidence",
            queryset=Evidence.objects.select_related("feedback").order_by("pk"),
        )
    )


@transaction.atomic
def save_achievement(
    *,
    owner: User,
    data: Mapping[str, Any],
    feedback: Iterable[Feedback] | None = None,
    achievement: Achievement | None = None,
) -> Achievement:
    """Create or change an achievement; ``feedback`` (when given) replaces its evidence."""
    if achievement is None:
        achievement = Achievement(owner=owner)
    for name in ACHIEVEMENT_FIELDS:
        if name in data:
            value = data[name]
            if name == "skills":
                value = tidy_names(value or [])
            if name in {"title", "what_i_did", "impact_unit"}:
                value = (value or "").strip()
            setattr(achievement, name, value)
    if achievement.milestone is not None and not achievement.goal_id:
        achievement.goal = achievement.milestone.goal
    achievement.full_clean()
    achievement.save()
    if feedback is not None:
        chosen = {f.pk: f for f in feedback if f.owner_id == owner.pk}
        achievement.evidence.exclude(feedback_id__in=chosen).delete()
        kept = set(achievement.evidence.values_list("feedback_id", flat=True))
        Evidence.objects.bulk_create(
            Evidence(owner=owner, achievement=achievement, feedback=f)
            for pk, f in chosen.items()
            if pk not in kept
        )
    return achievement


@dataclass(frozen=True)
class Suggestion:
    """A completed milestone or achieved goal not yet recorded as an achievement."""

    kind: str  # "goal" or "milestone"
    pk: int
    title: str
    done_on: date
    goal_title: str


def suggestions(owner: User, *, today: date) -> list[Suggestion]:
    """Goals achieved and milestones completed in the last year, not yet claimed as wins."""
    since = today - timedelta(days=SUGGESTION_DAYS)
    claimed = Achievement.objects.owned_by(owner).values_list("goal_id", "milestone_id")
    claimed_goals = set()
    claimed_milestones = set()
    for goal_id, milestone_id in claimed:
        if milestone_id:
            claimed_milestones.add(milestone_id)
        elif goal_id:
            claimed_goals.add(goal_id)
    out = [
        Suggestion("goal", g.pk, g.statement, g.achieved_on, g.statement)  # type: ignore[arg-type]  # filtered on the date
        for g in Goal.objects.owned_by(owner)
        .filter(status=Goal.Status.ACHIEVED, achieved_on__gte=since)
        .exclude(pk__in=claimed_goals)
        .only("pk", "statement", "achieved_on")
    ]
    out += [
        Suggestion("milestone", m.pk, m.title, m.completed_on, m.goal.statement)  # type: ignore[arg-type]  # filtered on the date
        for m in Milestone.objects.owned_by(owner)
        .filter(completed_on__gte=since)
        .exclude(pk__in=claimed_milestones)
        .select_related("goal")
        .only("pk", "title", "completed_on", "goal__statement")
    ]
    return sorted(out, key=lambda s: (s.done_on, s.pk), reverse=True)


def win_of(achievement: Achievement) -> Win:
    return Win(
        id=achievement.pk,
        title=achievement.title,
        achieved_on=achievement.achieved_on,
        what=achievement.what_i_did,
        impact_value=achievement.impact_value,
        impact_unit=achievement.impact_unit,
        skills=tuple(achievement.skills),
        goal=achievement.goal.statement if achievement.goal else "",
        visibility=achievement.get_visibility_display(),
        feedback_ids=tuple(e.feedback_id for e in achievement.evidence.all()),
        number=achievement.number,
    )


def quote_of(feedback: Feedback) -> Quote:
    return Quote(
        id=feedback.pk,
        source=feedback.source,
        received_on=feedback.received_on,
        kind=feedback.kind,
        text=feedback.text,
        skills=tuple(feedback.skills),
        number=feedback.number,
    )


def promotion_packet(
    owner: User, *, start: date | None = None, end: date | None = None
) -> Packet:
    """The person's promotion packet for a period (three queries)."""
    achievements = with_evidence(Achievement.objects.owned_by(owner))
    feedback = Feedback.objects.owned_by(owner)
    if start:
        achievements = achievements.filter(achieved_on__gte=start)
        feedback = feedback.filter(received_on__gte=start)
    if end:
        achievements = achievements.filter(achieved_on__lte=end)
        feedback = feedback.filter(received_on__lte=end)
    # The person's name, never their e-mail address: a packet is shared.
    name = owner.display_name.strip()
    return build_packet(
        [win_of(a) for a in achievements],
        [quote_of(f) for f in feedback],
        title=f"Promotion packet: {name}" if name else "Promotion packet",
        start=start,
        end=end,
    )
