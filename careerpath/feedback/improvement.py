"""Improvement areas and strengths read from a person's feedback: the themes report
the page, the API and the ``improvement_areas`` command show, and the goals themes became."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from careerpath.accounts.models import User
from careerpath.feedback.models import Feedback, ThemeGoal
from careerpath.feedback.themes import FeedbackNote, ThemeReport, summarise_themes
from careerpath.goals.models import Goal


def notes_of(feedback: Iterable[Feedback]) -> list[FeedbackNote]:
    return [
        FeedbackNote(
            received_on=f.received_on, source=f.source, kind=f.kind, themes=f.themes
        )
        for f in feedback
    ]


def report_of(feedback: Iterable[Feedback], *, today: date) -> ThemeReport:
    """The themes of these pieces of feedback, with areas for improvement ranked."""
    return summarise_themes(notes_of(feedback), today=today)


def theme_report(owner: User) -> ThemeReport:
    """Every theme across the person's feedback, with areas for improvement ranked."""
    rows = Feedback.objects.owned_by(owner).only(
        "received_on", "source", "kind", "themes"
    )
    return report_of(rows, today=owner.today())


def theme_goals(owner: User) -> dict[str, Goal]:
    """The goal each theme was turned into (the newest, if several)."""
    links = ThemeGoal.objects.owned_by(owner).select_related("goal").order_by("pk")
    return {link.theme_key: link.goal for link in links}
