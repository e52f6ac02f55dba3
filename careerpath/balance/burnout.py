"""The burnout-risk signal: a small, transparent rule set over weekly check-ins.

Pure (standard library only): ``burnout_signal`` takes plain weekly readings and
returns a level with the reasons in words, so the person sees exactly why, and the
rules are tested with tables of histories. It is a prompt to look after yourself,
not a diagnosis; the page says so.

Every rule looks back from the latest check-in. "N weeks in a row" means N check-ins
in consecutive calendar weeks: a missed week breaks a run rather than being guessed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

# Thresholds, named so the page can show them and the tests can use them.
HIGH_STRESS = 4  # stress at or above this (1–5)…
STRESS_WEEKS = 3  # …for this many weeks in a row
HOURS_RISE = 0.20  # the last four weeks' average is this much above the four before
LONG_HOURS = 50  # hours a week, on average over the last four weeks
ENERGY_DROP = 2  # points lost within the last four weeks
SHORT_SLEEP = 6.5  # hours a night, on average over the last three weeks
LOW_SCORE = 2  # personal time or satisfaction at or below this (1–5)…
LOW_WEEKS = 3  # …for this many weeks in a row
WINDOW_WEEKS = 4  # "the last four weeks"
STALE_AFTER_WEEKS = 3  # older check-ins say nothing about now
# The longest run a rule looks for: with fewer check-ins in the last four weeks a
# quiet result means "not yet known", not "no warning signs".
NEEDED_WEEKS = max(STRESS_WEEKS, LOW_WEEKS)

LOW, ELEVATED, HIGH, UNKNOWN, EARLY = "low", "elevated", "high", "unknown", "early"
LEVEL_LABELS = {
    LOW: "Low",
    EARLY: "Too early to tell",
    ELEVATED: "Elevated",
    HIGH: "High",
    UNKNOWN: "Not enough check-ins",
}
# Points at which the level rises: 1–2 points are "elevated", 3 or more "high".
ELEVATED_AT = 1
HIGH_AT = 3

# (code, points, what the rule checks), in the order reasons are listed.
RULES: tuple[tuple[str, int, str], ...] = (
    (
        "stress",
        2,
        f"Stress at {HIGH_STRESS} or more out of 5 for {STRESS_WEEKS} weeks in a row.",
    ),
    (
        "hours_rising",
        1,
        f"Hours worked up {round(HOURS_RISE * 100)} % or more: the last {WINDOW_WEEKS} weeks against the {WINDOW_WEEKS} before.",
    ),
    (
        "long_hours",
        1,
        f"{LONG_HOURS} or more hours a week on average over the last {WINDOW_WEEKS} weeks.",
    ),
    (
        "energy_falling",
        1,
        f"Energy down {ENERGY_DROP} points or more within the last {WINDOW_WEEKS} weeks.",
    ),
    (
        "short_sleep",
        1,
        f"Under {SHORT_SLEEP:g} hours of sleep a night on average over the last 3 weeks.",
    ),
    (
        "no_personal_time",
        1,
        f"Time for personal life at {LOW_SCORE} or less out of 5 for {LOW_WEEKS} weeks in a row.",
    ),
    (
        "low_satisfaction",
        1,
        f"Satisfaction at {LOW_SCORE} or less out of 5 for {LOW_WEEKS} weeks in a row.",
    ),
)
POINTS = {code: points for code, points, _ in RULES}


def week_start(day: date) -> date:
    """The Monday of the week ``day`` falls in: every check-in is filed under it."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class Week:
    """One weekly check-in, as the rules see it."""

    week_of: date  # a Monday
    hours: float
    energy: int
    stress: int
    satisfaction: int
    personal_time: int
    sleep: float


@dataclass(frozen=True)
class Reason:
    rule: str
    points: int
    text: str


@dataclass(frozen=True)
class BurnoutSignal:
    level: str  # low | elevated | high | early | unknown
    reasons: tuple[Reason, ...]
    points: int
    weeks_considered: int
    latest_week: date | None
    summary: str
    # The latest week's own readings past a rule's threshold, in words ("52 hours
    # worked", "stress 4 out of 5"): one hard week is named even though no rule,
    # which looks for patterns, counts it.
    hard_week: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return LEVEL_LABELS[self.level]


def burnout_signal(weeks: Sequence[Week], *, today: date) -> BurnoutSignal:
    """The level of burnout risk in the latest check-ins, and the reasons in words.

    Rules (points): stress ≥ 4 for 3 weeks in a row (2); hours up 20 % over four
    weeks (1); 50+ hours a week over four weeks (1); energy down 2 points within four
    weeks (1); under 6.5 hours of sleep over three weeks (1); personal time ≤ 2 for
    3 weeks (1); satisfaction ≤ 2 for 3 weeks (1). 0 points is low, 1–2 elevated,
    3 or more high. No check-in in the last three weeks gives "unknown"; no sign
    with fewer than ``NEEDED_WEEKS`` check-ins in the last four weeks gives "early"
    (too early to tell), not "low". The latest week's readings past a threshold are
    named in the summary whatever the level.
    """
    history = _latest_per_week(weeks)
    if not history:
        return BurnoutSignal(
            UNKNOWN,
            (),
            0,
            0,
            None,
            "No check-ins yet: a weekly check-in takes under 30 seconds.",
        )
    latest = history[-1].week_of
    if latest < week_start(today) - timedelta(weeks=STALE_AFTER_WEEKS):
        return BurnoutSignal(
            UNKNOWN,
            (),
            0,
            0,
            latest,
            f"Your latest check-in is for the week of {_day(latest)}: check in to see how you are doing now.",
        )

    recent = [
        w for w in history if w.week_of > latest - timedelta(weeks=2 * WINDOW_WEEKS)
    ]
    reasons = [
        reason
        for rule in (
            _stress,
            _hours_rising,
            _long_hours,
            _energy_falling,
            _short_sleep,
            _no_personal_time,
            _low_satisfaction,
        )
        if (reason := rule(recent)) is not None
    ]
    points = sum(r.points for r in reasons)
    level = HIGH if points >= HIGH_AT else ELEVATED if points >= ELEVATED_AT else LOW
    considered = len(_window(recent, WINDOW_WEEKS))
    if level == LOW and considered < NEEDED_WEEKS:
        level = EARLY
    hard = _hard_week(history[-1])
    if level == EARLY:
        summary = (
            f"Too early to tell: the signal looks for patterns over {NEEDED_WEEKS} weeks "
            f"in a row and has {_weeks(considered)} of check-ins so far."
        )
    elif level == LOW:
        summary = f"No warning signs in your last {_weeks(considered)}."
        if hard:
            summary = f"No pattern of warning signs in your last {_weeks(considered)}."
    elif level == ELEVATED:
        summary = "Some warning signs: worth a look before they add up."
    else:
        summary = "Several warning signs at once: consider what you can take off your plate, and talk to someone you trust."
    if hard:
        summary += (
            f" The week of {_day(history[-1].week_of)} was a hard one on its own: "
            f"{_and(hard)}."
        )
    return BurnoutSignal(
        level, tuple(reasons), points, considered, latest, summary, tuple(hard)
    )


def _hard_week(week: Week) -> list[str]:
    """The readings of one week that are past a rule's threshold, in words."""
    readings = []
    if week.hours >= LONG_HOURS:
        readings.append(f"{_hours(week.hours)} hours worked")
    if week.stress >= HIGH_STRESS:
        readings.append(f"stress {week.stress} out of 5")
    if week.energy <= LOW_SCORE:
        readings.append(f"energy {week.energy} out of 5")
    if week.sleep < SHORT_SLEEP:
        unit = "hour" if week.sleep == 1 else "hours"
        readings.append(f"{_hours(week.sleep)} {unit} of sleep a night")
    if week.personal_time <= LOW_SCORE:
        readings.append(f"personal time {week.personal_time} out of 5")
    if week.satisfaction <= LOW_SCORE:
        readings.append(f"satisfaction {week.satisfaction} out of 5")
    return readings


def _and(items: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


# --- Helpers -------------------------------------------------------------------------


def _latest_per_week(weeks: Sequence[Week]) -> list[Week]:
    """Oldest first, one per week (the last given wins), each filed under its Monday."""
    by_week: dict[date, Week] = {}
    for week in weeks:
        monday = week_start(week.week_of)
        by_week[monday] = (
            week
            if week.week_of == monday
            else Week(
                monday,
                week.hours,
                week.energy,
                week.stress,
                week.satisfaction,
                week.personal_time,
                week.sleep,
            )
        )
    return [by_week[monday] for monday in sorted(by_week)]


def _run(history: Sequence[Week], holds: Callable[[Week], bool]) -> list[Week]:
    """The unbroken run of consecutive weeks, ending at the latest, for which ``holds``."""
    run: list[Week] = []
    for week in reversed(history):
        if run and run[-1].week_of - week.week_of != timedelta(weeks=1):
            break
        if not holds(week):
            break
        run.append(week)
    return list(reversed(run))


def _window(history: Sequence[Week], weeks: int, *, skip: int = 0) -> list[Week]:
    """Check-ins in the ``weeks`` calendar weeks ending ``skip`` weeks before the latest."""
    if not history:
        return []
    end = history[-1].week_of - timedelta(weeks=skip)
    start = end - timedelta(weeks=weeks - 1)
    return [w for w in history if start <= w.week_of <= end]


def _average(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def _day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def _weeks(count: int) -> str:
    return f"{count} week{'s' if count != 1 else ''}"


def _hours(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _listing(values: Sequence[int]) -> str:
    return ", ".join(str(v) for v in values)


# --- The rules -------------------------------------------------------------------------


def _stress(history: Sequence[Week]) -> Reason | None:
    run = _run(history, lambda w: w.stress >= HIGH_STRESS)
    if len(run) < STRESS_WEEKS:
        return None
    return Reason(
        "stress",
        POINTS["stress"],
        f"Stress has been {HIGH_STRESS} or more out of 5 for {len(run)} weeks in a row ({_listing([w.stress for w in run])}).",
    )


def _hours_rising(history: Sequence[Week]) -> Reason | None:
    latest = _window(history, WINDOW_WEEKS)
    before = _window(history, WINDOW_WEEKS, skip=WINDOW_WEEKS)
    if len(latest) < 2 or len(before) < 2:
        return None
    now, then = _average([w.hours for w in latest]), _average([w.hours for w in before])
    if then <= 0 or now < then * (1 + HOURS_RISE):
        return None
    rise = (now - then) / then
    return Reason(
        "hours_rising",
        POINTS["hours_rising"],
        f"Hours worked are up {round(rise * 100)} % over four weeks: {_hours(now)} hours a week on average, from {_hours(then)} the four weeks before.",
    )


def _long_hours(history: Sequence[Week]) -> Reason | None:
    latest = _window(history, WINDOW_WEEKS)
    if len(latest) < 2:
        return None
    now = _average([w.hours for w in latest])
    if now < LONG_HOURS:
        return None
    return Reason(
        "long_hours",
        POINTS["long_hours"],
        f"You worked {_hours(now)} hours a week on average over the last {_weeks(len(latest))}.",
    )


def _energy_falling(history: Sequence[Week]) -> Reason | None:
    latest = _window(history, WINDOW_WEEKS)
    if len(latest) < 2:
        return None
    now = latest[-1]
    peak = max(latest[:-1], key=lambda w: (w.energy, w.week_of))
    if peak.energy - now.energy < ENERGY_DROP:
        return None
    return Reason(
        "energy_falling",
        POINTS["energy_falling"],
        f"Energy has fallen from {peak.energy} to {now.energy} out of 5 since the week of {_day(peak.week_of)}.",
    )


def _short_sleep(history: Sequence[Week]) -> Reason | None:
    latest = _window(history, 3)
    if len(latest) < 2:
        return None
    sleep = _average([w.sleep for w in latest])
    if sleep >= SHORT_SLEEP:
        return None
    return Reason(
        "short_sleep",
        POINTS["short_sleep"],
        f"You slept {_hours(sleep)} hours a night on average over the last {_weeks(len(latest))}.",
    )


def _no_personal_time(history: Sequence[Week]) -> Reason | None:
    run = _run(history, lambda w: w.personal_time <= LOW_SCORE)
    if len(run) < LOW_WEEKS:
        return None
    return Reason(
        "no_personal_time",
        POINTS["no_personal_time"],
        f"Little time for your personal life for {len(run)} weeks in a row ({_listing([w.personal_time for w in run])} out of 5).",
    )


def _low_satisfaction(history: Sequence[Week]) -> Reason | None:
    run = _run(history, lambda w: w.satisfaction <= LOW_SCORE)
    if len(run) < LOW_WEEKS:
        return None
    return Reason(
        "low_satisfaction",
        POINTS["low_satisfaction"],
        f"Satisfaction has been {LOW_SCORE} or less out of 5 for {len(run)} weeks in a row.",
    )
