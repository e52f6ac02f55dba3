"""Progress against a goal: the pace line for metric goals, milestones against time.

Pure: no database. Views and the API pass plain values and readings.

The pace line runs straight from (starts_on, baseline) to (deadline, target). A goal
is compared with where that line is today, in shares of the way from baseline to
target, so increase and decrease goals (target below baseline) read the same way:

- on track: progress is at most ``ON_TRACK_TOLERANCE`` behind the share of time gone;
- at risk: at most ``AT_RISK_TOLERANCE`` behind it;
- behind: further back than that.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal

from careerpath.core.charts import amount, short_date

PaceStatus = Literal[
    "on_track", "at_risk", "behind", "achieved", "no_data", "not_started"
]

# How far (as a share of the whole way from baseline to target) progress may trail the
# share of time gone and still count as on track, and how far before it is behind.
ON_TRACK_TOLERANCE = Decimal("0.05")
AT_RISK_TOLERANCE = Decimal("0.20")

# Expected values are rounded to at least this many decimal places (more if the goal's
# own numbers carry more), so "expected 7.33" rather than 28 digits of a third.
MIN_PLACES = 2

# Units that measure rather than count: their values may be fractional ("2.5 hours").
# Any other unit made of words ("incidents", "talks given") counts things, and a goal
# counting things in whole numbers is told its pace in whole numbers: nobody is behind
# by 1.19 incidents.
MEASURES = frozenset(
    [
        "%",
        "percent",
        "percentage",
        "pct",
        "points",
        "pts",
        "score",
        "rating",
        "nps",
        "hours",
        "hour",
        "hrs",
        "hr",
        "h",
        "minutes",
        "minute",
        "mins",
        "min",
        "seconds",
        "second",
        "secs",
        "sec",
        "s",
        "ms",
        "days",
        "day",
        "weeks",
        "week",
        "months",
        "month",
        "years",
        "year",
        "km",
        "kilometres",
        "kilometers",
        "miles",
        "mile",
        "kg",
        "kilograms",
        "lbs",
        "pounds",
        "gbp",
        "usd",
        "eur",
        "£",
        "$",
        "€",
        "k",
        "m",
        "bn",
        "gb",
        "mb",
        "tb",
        "x",
        "times",
    ]
)


@dataclass(frozen=True)
class Reading:
    read_on: date
    value: Decimal


@dataclass(frozen=True)
class Pace:
    status: PaceStatus
    # One sentence in words, shown as is:
    # "Behind by 4 interviews: expected 10 by today, you have 6."
    reason: str
    # Where the pace line is today.
    expected_today: Decimal | None = None
    # The latest reading on or before today.
    actual: Decimal | None = None
    # actual − expected, signed so positive = ahead in the goal's direction.
    difference: Decimal | None = None
    # Share of the way from baseline to target the actual value has come (0..1, may exceed).
    progress: float | None = None
    # Share of the time from start to deadline that has passed (0..1).
    expected_progress: float | None = None


def metric_pace(
    *,
    baseline: Decimal,
    target: Decimal,
    starts_on: date,
    deadline: date,
    readings: Sequence[Reading],
    today: date,
    unit: str = "",
) -> Pace:
    """Compare the latest reading with the straight pace line from baseline to target."""
    latest = _latest(readings, today)
    actual = latest.value if latest else None
    if today < starts_on:
        return Pace(
            status="not_started",
            reason=f"Not started yet: the goal starts on {short_date(starts_on, today=today)}.",
            expected_today=baseline,
            actual=actual,
            expected_progress=0.0,
        )
    elapsed = time_elapsed(starts_on, deadline, today)
    values = (baseline, target, *(r.value for r in readings))
    places = 0 if is_countable(unit, *values) else _places(*values)
    expected = _round(baseline + (target - baseline) * elapsed, places)
    if actual is None:
        return Pace(
            status="no_data",
            reason="No readings yet: add a reading to see whether you are on pace.",
            expected_today=expected,
            expected_progress=float(elapsed),
        )
    # +1 for goals that go up, −1 for goals that come down (a flat goal counts as "up").
    direction = 1 if target >= baseline else -1
    difference = (actual - expected) * direction
    span = target - baseline
    if span:
        progress = (actual - baseline) / span
    else:
        progress = (
            Decimal(1) if actual * direction >= target * direction else Decimal(0)
        )
    common: dict[str, Any] = {
        "expected_today": expected,
        "actual": actual,
        "difference": difference,
        "progress": float(progress),
        "expected_progress": float(elapsed),
    }
    if (actual - target) * direction >= 0:
        return Pace(
            status="achieved",
            reason=f"Target reached: you have {amount(actual, unit)} against a target of {amount(target, unit)}.",
            **common,
        )
    return Pace(
        status=_status(progress, elapsed),
        reason=_metric_reason(difference, expected, actual, unit),
        **common,
    )


def milestone_pace(
    *, starts_on: date, deadline: date, done: int, total: int, today: date
) -> Pace:
    """For goals without a metric: share of milestones done against share of time elapsed."""
    if today < starts_on:
        return Pace(
            status="not_started",
            reason=f"Not started yet: the goal starts on {short_date(starts_on, today=today)}.",
            expected_progress=0.0,
        )
    if total <= 0:
        return Pace(
            status="no_data",
            reason="No milestones yet: add milestones to track progress.",
        )
    elapsed = time_elapsed(starts_on, deadline, today)
    done = max(0, min(done, total))
    share = Decimal(done) / Decimal(total)
    noun = "milestone" if total == 1 else "milestones"
    common: dict[str, Any] = {
        "progress": float(share),
        "expected_progress": float(elapsed),
    }
    if done >= total:
        reason = (
            "The milestone is done."
            if total == 1
            else f"All {total} milestones are done."
        )
        return Pace(status="achieved", reason=reason, **common)
    return Pace(
        status=_status(share, elapsed),
        reason=f"{done} of {total} {noun} done ({_percent(share)}) with {_percent(elapsed)} of the time gone.",
        **common,
    )


def time_elapsed(starts_on: date, deadline: date, today: date) -> Decimal:
    """Share of the time from start to deadline that has passed by today, 0..1.

    A goal whose deadline is on (or before) its start day has no time to spread over:
    nothing has elapsed before the start and all of it from the start on.
    """
    total = (deadline - starts_on).days
    if total <= 0:
        return Decimal(0) if today < starts_on else Decimal(1)
    days = min(max((today - starts_on).days, 0), total)
    return Decimal(days) / Decimal(total)


def is_countable(unit: str, *values: Decimal) -> bool:
    """Whether a goal counts whole things: a unit of words that is no measure, and
    whole numbers throughout."""
    words = unit.strip().lower().split()
    if not words or not all(w.isalpha() for w in words):
        return False
    if any(w in MEASURES for w in words):
        return False
    return all(v == v.to_integral_value() for v in values)


def _latest(readings: Sequence[Reading], today: date) -> Reading | None:
    # Of several readings on the same day the last one given wins: it is the correction.
    past = [
        (r.read_on, index, r) for index, r in enumerate(readings) if r.read_on <= today
    ]
    return max(past, key=lambda t: (t[0], t[1]))[2] if past else None


def _status(progress: Decimal, elapsed: Decimal) -> PaceStatus:
    if progress >= elapsed - ON_TRACK_TOLERANCE:
        return "on_track"
    if progress >= elapsed - AT_RISK_TOLERANCE:
        return "at_risk"
    return "behind"


def _metric_reason(
    difference: Decimal, expected: Decimal, actual: Decimal, unit: str
) -> str:
    tail = (
        f"expected {amount(expected, unit)} by today, you have {amount(actual, unit)}."
    )
    if difference > 0:
        return f"Ahead by {amount(difference, unit)}: {tail}"
    if difference < 0:
        return f"Behind by {amount(-difference, unit)}: {tail}"
    return f"Exactly on pace: {tail}"


def _percent(share: Decimal) -> str:
    return f"{(share * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)} %"


def _places(*values: Decimal) -> int:
    """The most decimal places any of the goal's own numbers is written with."""
    places = MIN_PLACES
    for value in values:
        exponent = value.normalize().as_tuple().exponent
        if isinstance(exponent, int) and exponent < 0:
            places = max(places, -exponent)
    return min(places, 6)


def _round(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
