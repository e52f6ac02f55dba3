"""The feedback part of a period review: what was received and its themes (one query)."""

from __future__ import annotations

from datetime import date

from careerpath.accounts.models import User
from careerpath.core.summary import Section, group, item, section
from careerpath.feedback.improvement import report_of
from careerpath.feedback.models import Feedback

SHOWN = 30


def period_summary(owner: User, start: date, end: date) -> Section:
    rows = list(
        Feedback.objects.owned_by(owner)
        .filter(received_on__range=(start, end))
        .order_by("-received_on", "-pk")
        .only("id", "source", "received_on", "kind", "context", "themes")
    )
    report = report_of(rows, today=end)
    received = [
        item(
            f"{f.get_kind_display()} from {f.source}",
            f.get_absolute_url(),
            f"{f.received_on:%-d %b}"
            + (f" · {f.context}" if f.context else "")
            + (f" · {', '.join(f.themes)}" if f.themes else ""),
        )
        for f in rows[:SHOWN]
    ]
    themes = [
        item(
            t.label,
            "",
            f"{t.mentions}× ({t.praise} praise, {t.critical} constructive or mixed)",
        )
        for t in sorted(report.all_themes, key=lambda t: (-t.mentions, t.label))[:15]
    ]
    areas = [item(t.label, "", t.reason) for t in report.areas]
    return section(
        "feedback",
        "Feedback",
        stats=[
            ("Received", len(rows)),
            ("Praise", sum(1 for f in rows if f.kind == Feedback.Kind.PRAISE)),
            (
                "Constructive or mixed",
                sum(1 for f in rows if f.kind != Feedback.Kind.PRAISE),
            ),
        ],
        groups=[
            group("Received", received, empty="No feedback received in this period."),
            group("Themes", themes, empty="No themes tagged."),
            group(
                "Areas for improvement",
                areas,
                empty="No theme stands out as an area to improve.",
            ),
        ],
    )
