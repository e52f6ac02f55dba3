"""The balance part of a period review, shown only to its owner: averages over the
period, the trend against the period before, and the burnout signal at its end with
its reasons (one query)."""

from __future__ import annotations

from datetime import date, timedelta

from django.urls import reverse

from careerpath.accounts.models import User
from careerpath.balance.burnout import burnout_signal
from careerpath.balance.models import CheckIn
from careerpath.balance.services import SIGNAL_WEEKS
from careerpath.core.summary import Section, group, item, section


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def period_summary(owner: User, start: date, end: date) -> Section:
    # The signal at the end reads up to SIGNAL_WEEKS weeks before it; the trend compares
    # with the weeks just before the period, so read from whichever is earlier.
    length = (end - start).days + 1
    since = min(start - timedelta(days=length), end - timedelta(weeks=SIGNAL_WEEKS))
    weeks = [
        c.as_week()
        for c in CheckIn.objects.owned_by(owner)
        .filter(week_of__range=(since, end))
        .order_by("week_of", "pk")
    ]
    inside = [w for w in weeks if w.week_of >= start]
    before = [
        w
        for w in weeks
        if w.week_of < start and w.week_of >= start - timedelta(days=length)
    ]
    signal = burnout_signal(weeks, today=end)
    rows = []
    for label, attr in (
        ("Hours worked", "hours"),
        ("Energy", "energy"),
        ("Stress", "stress"),
        ("Satisfaction", "satisfaction"),
        ("Personal time", "personal_time"),
        ("Sleep", "sleep"),
    ):
        now = _mean([float(getattr(w, attr)) for w in inside])
        then = _mean([float(getattr(w, attr)) for w in before])
        rows.append(
            item(label, "", f"{_fmt(then)} before → {_fmt(now)} in this period")
        )
    overview = reverse("balance:balance_overview")
    return section(
        "balance",
        "Work-life balance",
        stats=[
            ("Check-ins", len(inside)),
            ("Average hours", _fmt(_mean([w.hours for w in inside]))),
            ("Average stress", _fmt(_mean([float(w.stress) for w in inside]))),
            ("Burnout signal", signal.label),
        ],
        groups=[
            group(
                "Trend (averages)",
                rows if inside else [],
                empty="No check-ins in this period.",
            ),
            group(
                f"Burnout signal: {signal.label}",
                [item(r.text, overview) for r in signal.reasons]
                or [item(signal.summary, overview)],
            ),
        ],
        note="Only you see this part; it is never shared.",
    )
