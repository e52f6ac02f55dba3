"""Writes and read models for check-ins, shared by the pages, the API and the command.

A check-in is filed under the Monday of its week; a second check-in for the same week
updates the first, so there is never more than one per week.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction

from careerpath.accounts.models import User
from careerpath.balance import burnout
from careerpath.balance.burnout import BurnoutSignal, burnout_signal, week_start
from careerpath.balance.models import CheckIn
from careerpath.balance.trends import TrendChart, trend_chart
from careerpath.core.charts import format_number, short_date

FIELDS = (
    "hours_worked",
    "energy",
    "stress",
    "satisfaction",
    "personal_time",
    "sleep_hours",
    "note",
)
# What a first check-in starts from; later ones start from the week before.
FIRST_DEFAULTS: dict[str, Any] = {
    "hours_worked": Decimal(40),
    "energy": 3,
    "stress": 3,
    "satisfaction": 3,
    "personal_time": 3,
    "sleep_hours": Decimal(7),
    "note": "",
}
# How much history the signal needs: two four-week windows and a little slack.
SIGNAL_WEEKS = 10
# Weeks drawn and listed; two years at most keeps the page quick with decades of
# check-ins (the API lists them all).
RANGES = {"12": 12, "26": 26, "52": 52, "104": 104}
DEFAULT_RANGE = "26"


@transaction.atomic
def record_check_in(
    *, owner: User, week_of: date, data: Mapping[str, Any]
) -> tuple[CheckIn, bool]:
    """Save the check-in for the week containing ``week_of``; returns it and whether it is new.

    Checking in twice for one week updates the first check-in rather than adding a
    second. Out-of-range scores, hours or a week that has not started raise
    ValidationError and save nothing.
    """
    monday = week_start(week_of)
    check_in = (
        CheckIn.objects.owned_by(owner)
        .select_for_update()
        .filter(week_of=monday)
        .first()
    )
    created = check_in is None
    if check_in is None:
        check_in = CheckIn(owner=owner, week_of=monday, **FIRST_DEFAULTS)
    for name in FIELDS:
        if name in data and data[name] is not None:
            setattr(check_in, name, data[name])
    check_in.full_clean()
    check_in.save()
    return check_in, created


@transaction.atomic
def delete_check_in(check_in: CheckIn) -> None:
    check_in.delete()


def suggested_values(owner: User, *, week_of: date) -> dict[str, Any]:
    """What the form starts from: that week's check-in, else the latest before it.

    Most weeks resemble the last one, so a check-in is a few taps on what changed.
    """
    monday = week_start(week_of)
    source = (
        CheckIn.objects.owned_by(owner)
        .filter(week_of__lte=monday)
        .order_by("-week_of")
        .first()
    )
    if source is None:
        return dict(FIRST_DEFAULTS)
    values = {name: getattr(source, name) for name in FIELDS}
    if source.week_of != monday:
        values["note"] = ""  # last week's note does not describe this week
    return values


def signal_for(owner: User, *, today: date) -> BurnoutSignal:
    """The burnout signal from the person's latest check-ins (one query)."""
    weeks = [c.as_week() for c in CheckIn.objects.owned_by(owner).recent(SIGNAL_WEEKS)]
    return burnout_signal(weeks, today=today)


@dataclass(frozen=True)
class Warning:
    """A stretch of weeks in which the signal was elevated or high."""

    start: date
    end: date  # the Monday of the last week in the stretch
    level: str
    reasons: tuple[str, ...]

    @property
    def weeks(self) -> int:
        return (self.end - self.start).days // 7 + 1

    @property
    def label(self) -> str:
        return burnout.LEVEL_LABELS[self.level]


def past_warnings(check_ins: list[CheckIn]) -> list[Warning]:
    """Stretches when the signal, as it stood each week, was elevated or high; newest first.

    Replays the rules on every week's history, so the page can show that a stressful
    stretch was picked up at the time and when it ended.
    """
    weeks = sorted((c.as_week() for c in check_ins), key=lambda w: w.week_of)
    stretches: list[Warning] = []
    for index, week in enumerate(weeks):
        history = weeks[max(0, index - SIGNAL_WEEKS + 1) : index + 1]
        signal = burnout_signal(history, today=week.week_of)
        if signal.level not in (burnout.ELEVATED, burnout.HIGH):
            continue
        rules = tuple(r.rule for r in signal.reasons)
        last = stretches[-1] if stretches else None
        if last and week.week_of - last.end == timedelta(weeks=1):
            level = (
                burnout.HIGH
                if burnout.HIGH in (last.level, signal.level)
                else last.level
            )
            merged = last.reasons + tuple(r for r in rules if r not in last.reasons)
            stretches[-1] = Warning(last.start, week.week_of, level, merged)
        else:
            stretches.append(Warning(week.week_of, week.week_of, signal.level, rules))
    return list(reversed(stretches))


RULE_NAMES = {
    "stress": "high stress",
    "hours_rising": "rising hours",
    "long_hours": "long hours",
    "energy_falling": "falling energy",
    "short_sleep": "short sleep",
    "no_personal_time": "no personal time",
    "low_satisfaction": "low satisfaction",
}

# (field, title, unit, fixed 1–5 scale, the rule's threshold, its label)
MEASURES: tuple[tuple[str, str, str, bool, Decimal | None, str], ...] = (
    (
        "hours_worked",
        "Hours worked",
        "h",
        False,
        Decimal(burnout.LONG_HOURS),
        f"{burnout.LONG_HOURS} h",
    ),
    (
        "stress",
        "Stress",
        "",
        True,
        Decimal(burnout.HIGH_STRESS),
        f"{burnout.HIGH_STRESS}+",
    ),
    ("energy", "Energy", "", True, None, ""),
    (
        "sleep_hours",
        "Sleep a night",
        "h",
        False,
        Decimal(str(burnout.SHORT_SLEEP)),
        f"{burnout.SHORT_SLEEP:g} h",
    ),
    ("satisfaction", "Satisfaction", "", True, None, ""),
    (
        "personal_time",
        "Time for personal life",
        "",
        True,
        Decimal(burnout.LOW_SCORE),
        f"{burnout.LOW_SCORE}",
    ),
)


@dataclass(frozen=True)
class HistoryRow:
    """A row of the check-in table, already worded: up to two years of them render fast."""

    pk: int
    week: str  # "16 Nov 2026"
    note: str
    hours: str
    sleep: str
    energy: int
    stress: int
    satisfaction: int
    personal_time: int

    @property
    def stressed(self) -> bool:
        return self.stress >= burnout.HIGH_STRESS


def history_rows(check_ins: list[CheckIn]) -> list[HistoryRow]:
    return [
        HistoryRow(
            pk=c.pk,
            week=short_date(c.week_of),
            note=c.note,
            hours=format_number(c.hours_worked),
            sleep=format_number(c.sleep_hours),
            energy=c.energy,
            stress=c.stress,
            satisfaction=c.satisfaction,
            personal_time=c.personal_time,
        )
        for c in check_ins
    ]


def trend_charts(check_ins: list[CheckIn]) -> list[TrendChart]:
    """One small chart per measure, oldest week first."""
    ordered = sorted(check_ins, key=lambda c: c.week_of)
    return [
        trend_chart(
            key=field,
            title=title,
            unit=unit,
            series=[(c.week_of, getattr(c, field)) for c in ordered],
            scale=(Decimal(1), Decimal(5)) if fixed else None,
            watch=watch,
            watch_label=label,
        )
        for field, title, unit, fixed, watch, label in MEASURES
    ]
