"""Opening, answering and completing reviews, comparing two, and acting on decisions.

Decisions reuse each area's own service (``adjust_goal``, ``create_goal``,
``create_learning_item``, ``log_interaction``) and are recorded on the review with a
link to what they changed; a goal's history says it changed "in the review of …".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from careerpath.accounts.models import User
from careerpath.core.summary import Section
from careerpath.goals.models import Goal
from careerpath.goals.services import adjust_goal, create_goal
from careerpath.learning.models import LearningItem
from careerpath.learning.services import create_learning_item
from careerpath.network.models import Contact, Interaction
from careerpath.network.services import log_interaction
from careerpath.reviews import periods
from careerpath.reviews.models import Cadence, Review, ReviewSchedule
from careerpath.reviews.sources import SOURCES


def period_summary(owner: User, start: date, end: date) -> list[Section]:
    """Every area's summary of the period, in the order of ``SOURCES``."""
    return [source(owner, start, end) for source in SOURCES]


def summary_of(review: Review) -> list[Section]:
    """The frozen summary of a completed review, or the live one of a draft."""
    if review.summary is not None:
        return review.summary
    return period_summary(review.owner, review.period_start, review.period_end)


def check_period(cadence: str, day: date, *, today: date) -> tuple[date, date]:
    """The period of ``cadence`` containing ``day``; a period not started yet is refused."""
    if cadence not in Cadence.values:
        raise ValidationError(
            {"cadence": "Choose weekly, monthly, quarterly or yearly."}
        )
    start, end = periods.period_of(cadence, day)
    if start > today:
        raise ValidationError(
            {
                "period_start": f"{periods.period_label(cadence, start)} has not started yet; "
                "you can review a period once it has begun."
            }
        )
    return start, end


def find_review(owner: User, cadence: str, start: date) -> Review | None:
    return (
        Review.objects.owned_by(owner)
        .filter(cadence=cadence, period_start=start)
        .first()
    )


def _apply_answers(review: Review, answers: Mapping[str, Any]) -> None:
    for name in Review.ANSWER_FIELDS:
        if name in answers:
            setattr(review, name, (answers[name] or "").strip())


@transaction.atomic
def save_review(
    *,
    owner: User,
    cadence: str,
    day: date,
    answers: Mapping[str, Any],
    today: date,
    complete: bool = False,
) -> tuple[Review, bool]:
    """Save the answers of the review of the period containing ``day``; returns (review, created).

    A second review of the same period is the existing one. Completing freezes the
    summary; answers stay editable, the summary does not change again.
    """
    start, end = check_period(cadence, day, today=today)
    review = find_review(owner, cadence, start)
    created = review is None
    if review is None:
        review = Review(
            owner=owner, cadence=cadence, period_start=start, period_end=end
        )
    _apply_answers(review, answers)
    review.full_clean(exclude=["owner"] if created else None)
    if complete and not review.is_completed:
        review.summary = period_summary(owner, start, end)
        review.completed_at = timezone.now()
    try:
        with transaction.atomic():
            review.save()
    except IntegrityError:  # saved meanwhile by another request: that one wins
        existing = find_review(owner, cadence, start)
        assert existing is not None
        return existing, False
    return review, created


@transaction.atomic
def update_review(
    review: Review, *, answers: Mapping[str, Any], complete: bool = False
) -> Review:
    _apply_answers(review, answers)
    review.full_clean()
    if complete and not review.is_completed:
        review.summary = period_summary(
            review.owner, review.period_start, review.period_end
        )
        review.completed_at = timezone.now()
    review.save()
    return review


def delete_review(review: Review) -> None:
    review.delete()


@dataclass(frozen=True)
class StatChange:
    section: str
    label: str
    before: str
    after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after


def compare_reviews(first: Review, second: Review) -> list[StatChange]:
    """Each headline figure of two reviews side by side (the earlier one first)."""
    a, b = sorted((first, second), key=lambda r: (r.period_start, r.pk))
    left = {
        (s["title"], st["label"]): st["value"]
        for s in summary_of(a)
        for st in s["stats"]
    }
    rows: list[StatChange] = []
    seen: set[tuple[str, str]] = set()
    for s in summary_of(b):
        for st in s["stats"]:
            key = (s["title"], st["label"])
            seen.add(key)
            rows.append(
                StatChange(s["title"], st["label"], left.get(key, "—"), st["value"])
            )
    rows.extend(
        StatChange(title, label, value, "—")
        for (title, label), value in left.items()
        if (title, label) not in seen
    )
    return rows


def _record(review: Review, text: str, url: str, today: date) -> None:
    review.decisions = [
        *review.decisions,
        {"text": text, "url": url, "on": today.isoformat()},
    ]
    review.save(update_fields=["decisions", "updated_at"])


def source_label(review: Review) -> str:
    return f"the review of {review.label}"


@transaction.atomic
def adjust_goal_in_review(
    review: Review, goal: Goal, *, data: Mapping[str, Any], reason: str, today: date
) -> Goal:
    """Change a goal's target, deadline or status from a review; the history links back."""
    changes = adjust_goal(
        goal,
        data=data,
        reason=reason,
        today=today,
        confirm_failing=True,
        source_label=source_label(review),
        source_url=review.get_absolute_url(),
    )
    if changes:
        what = ", ".join(c.get_field_display().lower() for c in changes)
        _record(
            review,
            f"Adjusted {what} of “{goal.statement}”: {reason.strip()}",
            goal.get_absolute_url(),
            today,
        )
    return goal


@transaction.atomic
def draft_goal_in_review(review: Review, *, statement: str, today: date) -> Goal:
    """Draft a new goal from a review; it is refined on the goal's own page."""
    goal = create_goal(
        owner=review.owner,
        data={"statement": statement, "status": Goal.Status.DRAFT},
        today=today,
        source=f"Drafted in {source_label(review)}",
    )
    _record(review, f"Drafted a goal: {goal.statement}", goal.get_absolute_url(), today)
    return goal


@transaction.atomic
def plan_learning_in_review(
    review: Review, *, title: str, kind: str, skills: list[str], today: date
) -> LearningItem:
    item = create_learning_item(
        owner=review.owner,
        title=title,
        kind=kind,
        skills=skills,
        source=f"Planned in {source_label(review)}",
    )
    _record(review, f"Planned learning: {item.title}", item.get_absolute_url(), today)
    return item


@transaction.atomic
def follow_up_in_review(
    review: Review, *, contact: Contact, summary: str, follow_up_on: date, today: date
) -> Interaction:
    """Note the intention to reach out and schedule the follow-up on the contact."""
    if follow_up_on < today:
        raise ValidationError(
            {"follow_up_on": "Choose today or a later date for the follow-up."}
        )
    interaction = log_interaction(
        owner=review.owner,
        contacts=[contact],
        data={
            "occurred_on": today,
            "channel": Interaction.Channel.MESSAGE,
            "summary": summary,
            "notes": f"Planned in {source_label(review)}.",
            "follow_up_on": follow_up_on,
        },
        today=today,
    )
    _record(
        review,
        f"Follow up with {contact.name} by {follow_up_on:%-d %b %Y}: {summary}",
        contact.get_absolute_url(),
        today,
    )
    return interaction


@transaction.atomic
def save_schedule(
    *, owner: User, cadence: str, enabled: bool, weekday: int, days_before_end: int
) -> ReviewSchedule:
    schedule = ReviewSchedule.objects.owned_by(owner).filter(
        cadence=cadence
    ).first() or ReviewSchedule(owner=owner, cadence=cadence)
    schedule.enabled = enabled
    schedule.weekday = weekday
    schedule.days_before_end = days_before_end
    schedule.full_clean(exclude=["owner"])
    schedule.save()
    return schedule
