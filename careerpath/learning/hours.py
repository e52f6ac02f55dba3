"""Hours of learning per month and per skill, from logged sessions (pure, no database).

Which skill a session's hours count towards:

- the skill given on the session, when there is one;
- otherwise the skills of its learning item, shared equally (a 3-hour session on a course
  building SQL and Python counts 1.5 h towards each), so the per-skill total equals the
  hours actually logged;
- otherwise none: the hours appear as "No skill named".

Skills are grouped by their normal form, under the first spelling seen.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from careerpath.core.dates import month_start
from careerpath.taxonomy.normalize import normalize

NO_SKILL = "No skill named"

# A log holds thousands of sessions naming a few dozen skills: normalise each name once.
_key = lru_cache(maxsize=4096)(normalize)
HUNDREDTH = Decimal("0.01")


@dataclass(frozen=True)
class LoggedHours:
    """What the rules need of one session."""

    logged_on: date
    hours: Decimal
    skill: str = ""
    item_skills: tuple[str, ...] = ()


def hours_per_month(
    sessions: Iterable[LoggedHours], months: Sequence[date]
) -> list[tuple[date, Decimal]]:
    """Total hours in each month of ``months`` (first days, in order); empty months are 0.

    Sessions outside those months are ignored.
    """
    totals: dict[date, Decimal] = {month: Decimal(0) for month in months}
    for session in sessions:
        key = month_start(session.logged_on)
        if key in totals:
            totals[key] += session.hours
    return [(month, totals[month]) for month in months]


def hours_per_skill(sessions: Iterable[LoggedHours]) -> list[tuple[str, Decimal]]:
    """Hours per skill, most first (ties by name); "No skill named" always comes last."""
    totals: dict[str, Decimal] = defaultdict(Decimal)
    names: dict[str, str] = {}
    unnamed = Decimal(0)
    for session in sessions:
        shares = _skills_of(session)
        if not shares:
            unnamed += session.hours
            continue
        share = session.hours / len(shares)
        for name in shares:
            key = _key(name)
            names.setdefault(key, name)
            totals[key] += share
    ranked = sorted(
        ((names[key], _round(total)) for key, total in totals.items()),
        key=lambda pair: (-pair[1], pair[0].casefold()),
    )
    if unnamed:
        ranked.append((NO_SKILL, _round(unnamed)))
    return ranked


def _skills_of(session: LoggedHours) -> list[str]:
    if session.skill.strip() and _key(session.skill):
        return [session.skill.strip()]
    seen: set[str] = set()
    skills: list[str] = []
    for name in session.item_skills:
        key = _key(name)
        if key and key not in seen:
            seen.add(key)
            skills.append(name)
    return skills


def _round(value: Decimal) -> Decimal:
    return value.quantize(HUNDREDTH, rounding=ROUND_HALF_UP)


def total_hours(sessions: Iterable[LoggedHours]) -> Decimal:
    return sum((s.hours for s in sessions), Decimal(0))
