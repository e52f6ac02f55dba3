"""Writes to feedback requests and received feedback, shared by pages, the API and commands."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from careerpath.accounts.models import User
from careerpath.core.text import squash
from careerpath.feedback.asking import RequestText, compose_request
from careerpath.feedback.improvement import theme_report
from careerpath.feedback.models import Feedback, FeedbackRequest, ThemeGoal
from careerpath.feedback.themes import (
    theme_key,
)
from careerpath.goals.drafts import draft_goal
from careerpath.goals.models import Goal
from careerpath.goals.services import create_goal
from careerpath.taxonomy.lookup import resolve_skill_names

REQUEST_FIELDS = (
    "contact",
    "recipient_name",
    "recipient_email",
    "about_kind",
    "about",
    "goal",
    "question",
    "asked_on",
    "due_on",
)
FEEDBACK_FIELDS = (
    "request",
    "source",
    "received_on",
    "context",
    "kind",
    "text",
    "themes",
    "skills",
)
# Backends that only print or drop messages: e-mail is not really configured.
NOT_DELIVERING = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
}


def email_configured() -> bool:
    """Whether the operator set up a real way to send e-mail (CAREERPATH_EMAIL_URL)."""
    return settings.EMAIL_BACKEND not in NOT_DELIVERING


def tidy_names(items: Iterable[str]) -> list[str]:
    """Trimmed, de-duplicated by normalised name, order kept."""
    seen: set[str] = set()
    out: list[str] = []
    for raw in items:
        item = squash(raw)
        key = theme_key(item)
        if item and key and key not in seen:
            seen.add(key)
            out.append(item)
    return out


def skill_names(items: Iterable[str]) -> list[str]:
    """Tidied skill names, each the taxonomy's label where it knows the name, once each."""
    names = tidy_names(items)
    skills = resolve_skill_names(names)
    return tidy_names(
        skills[key].label if (key := theme_key(name)) in skills else name
        for name in names
    )


def _assign(obj: Any, names: Iterable[str], data: Mapping[str, Any]) -> None:
    for name in names:
        if name in data:
            value = data[name]
            if name == "themes":
                value = tidy_names(value or [])
            elif name == "skills":
                value = skill_names(value or [])
            setattr(obj, name, value)


@transaction.atomic
def save_request(
    *, owner: User, data: Mapping[str, Any], request: FeedbackRequest | None = None
) -> FeedbackRequest:
    """Create or change a feedback request; the reply date can't precede the asking date."""
    if request is None:
        request = FeedbackRequest(owner=owner, asked_on=owner.today())
    _assign(request, REQUEST_FIELDS, data)
    if request.contact is not None:
        if request.contact.owner_id != owner.pk:
            raise ValidationError({"contact": "Pick one of your own contacts."})
        # The contact fills in whom and where, unless the person typed otherwise.
        request.recipient_name = request.recipient_name or request.contact.name
        if not request.recipient_email and request.contact.emails:
            request.recipient_email = request.contact.emails[0]
    request.recipient_name = (request.recipient_name or "").strip()
    if not request.recipient_name:
        raise ValidationError({"recipient_name": "Say whom you are asking."})
    request.full_clean()
    request.save()
    return request


def request_text(request: FeedbackRequest) -> RequestText:
    return compose_request(
        recipient_name=request.recipient_name,
        about_kind=request.about_kind,
        about=request.about,
        question=request.question,
        due_on=request.due_on,
        asked_on=request.asked_on,
        sender_name=request.owner.display_name,
    )


@transaction.atomic
def send_request(request: FeedbackRequest) -> FeedbackRequest:
    """E-mail the request text to its recipient, replies going to the owner."""
    if not email_configured():
        raise ValidationError(
            "E-mail is not set up on this server: copy the text and send it yourself."
        )
    if not request.recipient_email:
        raise ValidationError({"recipient_email": "Add their e-mail address first."})
    if not request.is_pending:
        raise ValidationError("Only a pending request can be sent.")
    text = request_text(request)
    EmailMessage(
        subject=text.subject,
        body=text.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[request.recipient_email],
        reply_to=[request.owner.email],
    ).send()
    request.sent_at = timezone.now()
    request.save(update_fields=["sent_at", "updated_at"])
    return request


@transaction.atomic
def set_request_status(
    request: FeedbackRequest, *, status: str, today: date
) -> FeedbackRequest:
    """Mark a request declined, received or pending again."""
    if status not in FeedbackRequest.Status.values:
        raise ValidationError({"status": f"Unknown status {status!r}."})
    request.status = status
    request.closed_on = None if status == FeedbackRequest.Status.PENDING else today
    request.save(update_fields=["status", "closed_on", "updated_at"])
    return request


@transaction.atomic
def record_feedback(
    *, owner: User, data: Mapping[str, Any], feedback: Feedback | None = None
) -> Feedback:
    """Save feedback received; answering a pending request marks it received."""
    if feedback is None:
        feedback = Feedback(owner=owner)
    _assign(feedback, FEEDBACK_FIELDS, data)
    feedback.text = (feedback.text or "").strip()
    feedback.full_clean()
    feedback.save()
    answered = feedback.request
    if answered is not None and answered.is_pending:
        set_request_status(
            answered, status=FeedbackRequest.Status.RECEIVED, today=feedback.received_on
        )
    return feedback


# A goal drafted from a feedback theme: hear it praised this many times, in this long.
THEME_GOAL_TARGET = 3
THEME_GOAL_MONTHS = 6


@transaction.atomic
def turn_theme_into_goal(*, owner: User, theme: str, today: date) -> Goal:
    """One step from a recurring theme to a draft goal the person then sharpens.

    The goal starts as a draft (the SMART check will ask for a measure and a deadline)
    and remembers where it came from in its history.
    """
    report = theme_report(owner)
    key = theme_key(theme)
    summary = next((s for s in report.all_themes if s.key == key), None)
    if summary is None:
        raise ValidationError({"theme": f"No feedback mentions the theme “{theme}”."})
    label = summary.label.lower()
    goal = create_goal(
        owner=owner,
        data=draft_goal(
            owner,
            today=today,
            category=Goal.Category.SKILL,
            statement=(
                f"Hear my {label} named as a strength in {THEME_GOAL_TARGET} pieces "
                "of feedback from colleagues"
            ),
            metric_name=f"Feedback naming {label} as a strength",
            metric_unit="pieces of feedback",
            baseline=0,
            target=THEME_GOAL_TARGET,
            months=THEME_GOAL_MONTHS,
            achievability_note=(
                "Drafted from recurring feedback: add the practice, coaching or "
                "support you have for it, and ask for feedback after each try."
            ),
            relevance_note=summary.reason,
        ),
        today=today,
        source=f"From feedback: {summary.reason}",
    )
    ThemeGoal.objects.create(owner=owner, theme_key=key, goal=goal)
    return goal
