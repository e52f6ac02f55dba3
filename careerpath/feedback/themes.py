"""Which feedback themes recur, and which of them are areas for improvement.

A transparent rule, no database: each theme is grouped by its normalised name and
judged on what was said about it.

- A theme is an **area for improvement** when it came up in constructive or mixed
  feedback at least twice, **and** either from at least two different people or on
  dates at least 30 days apart (so one long conversation does not count as a pattern).
- Areas are ranked by a weight: constructive feedback counts 2, mixed 1; feedback from
  the last 180 days counts in full, older feedback half. Ties go to the theme heard
  from more people, then to the one heard most recently.
- Themes heard only in praise (at least twice) are **strengths**, ranked by mentions.

Every result carries its reason in words, so the ranking can be checked by eye.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from careerpath.taxonomy.normalize import normalize

CONSTRUCTIVE = "constructive"
MIXED = "mixed"
PRAISE = "praise"

KIND_WEIGHT = {CONSTRUCTIVE: 2.0, MIXED: 1.0, PRAISE: 0.0}
RECENT_DAYS = 180
OLDER_FACTOR = 0.5
MIN_CRITICAL_MENTIONS = 2
MIN_SPREAD_DAYS = 30

SUGGESTED_THEMES = (
    "Communication",
    "Leadership",
    "Technical depth",
    "Delivery",
    "Collaboration",
    "Stakeholder management",
    "Prioritisation",
    "Ownership",
    "Mentoring",
    "Visibility",
    "Strategic thinking",
    "Attention to detail",
)


@dataclass(frozen=True)
class FeedbackNote:
    """What the rule needs from one piece of feedback."""

    received_on: date
    source: str
    kind: str
    themes: Sequence[str]


@dataclass
class ThemeSummary:
    """One theme across all feedback: how often, from whom, when, and the verdict."""

    key: str
    label: str
    mentions: int = 0
    constructive: int = 0
    mixed: int = 0
    praise: int = 0
    sources: set[str] = field(default_factory=set)
    first_on: date | None = None
    last_on: date | None = None
    weight: float = 0.0
    is_area: bool = False
    is_strength: bool = False
    reason: str = ""

    @property
    def critical(self) -> int:
        return self.constructive + self.mixed

    @property
    def source_count(self) -> int:
        return len(self.sources)


@dataclass(frozen=True)
class ThemeReport:
    areas: list[ThemeSummary]
    strengths: list[ThemeSummary]
    all_themes: list[ThemeSummary]


def theme_key(label: str) -> str:
    """The grouping key of a theme: "Technical-Depth " and "technical depth" are one."""
    return normalize(label)


def _people(n: int) -> str:
    return "1 person" if n == 1 else f"{n} people"


def _kinds_in_words(summary: ThemeSummary) -> str:
    parts = []
    if summary.constructive:
        parts.append(f"{summary.constructive} constructive")
    if summary.mixed:
        parts.append(f"{summary.mixed} mixed")
    if summary.praise:
        parts.append(f"{summary.praise} praise")
    return " and ".join([", ".join(parts[:-1]), parts[-1]] if len(parts) > 1 else parts)


def _span_in_words(first: date, last: date) -> str:
    if first == last:
        return f"on {last:%-d %b %Y}"
    return f"between {first:%b %Y} and {last:%b %Y}, most recently {last:%-d %b %Y}"


def _within(days: int) -> str:
    if days == 0:
        return "all on one day"
    return f"within {days} day{'s' if days != 1 else ''}"


def _explain(summary: ThemeSummary, spread_days: int) -> str:
    assert summary.first_on and summary.last_on
    heard = (
        f"Mentioned in {_kinds_in_words(summary)} feedback "
        f"from {_people(summary.source_count)} "
        f"{_span_in_words(summary.first_on, summary.last_on)}."
    )
    if summary.is_area:
        return f"{heard} Recurring criticism: weight {summary.weight:g}."
    if summary.is_strength:
        return f"{heard} Only ever praised: a strength."
    if summary.critical < MIN_CRITICAL_MENTIONS:
        return f"{heard} Not yet a pattern: criticised fewer than {MIN_CRITICAL_MENTIONS} times."
    return (
        f"{heard} Not yet a pattern: one person, {_within(spread_days)}; "
        f"it needs a second person or {MIN_SPREAD_DAYS} days between mentions."
    )


def summarise_themes(notes: Iterable[FeedbackNote], *, today: date) -> ThemeReport:
    """Group every theme across feedback and decide which are areas for improvement."""
    summaries: dict[str, ThemeSummary] = {}
    critical_dates: dict[str, list[date]] = {}
    for note in notes:
        seen_in_note: set[str] = set()
        for label in note.themes:
            key = theme_key(label)
            if not key or key in seen_in_note:
                continue
            seen_in_note.add(key)
            summary = summaries.setdefault(key, ThemeSummary(key=key, label=label))
            summary.mentions += 1
            if note.kind == CONSTRUCTIVE:
                summary.constructive += 1
            elif note.kind == MIXED:
                summary.mixed += 1
            else:
                summary.praise += 1
            summary.sources.add(normalize(note.source) or note.source)
            if summary.first_on is None or note.received_on < summary.first_on:
                summary.first_on = note.received_on
            if summary.last_on is None or note.received_on >= summary.last_on:
                summary.last_on = note.received_on
                summary.label = label  # the newest spelling is the one shown
            recent = (today - note.received_on).days <= RECENT_DAYS
            summary.weight += KIND_WEIGHT.get(note.kind, 0.0) * (
                1.0 if recent else OLDER_FACTOR
            )
            if note.kind in (CONSTRUCTIVE, MIXED):
                critical_dates.setdefault(key, []).append(note.received_on)
    for key, summary in summaries.items():
        dates = critical_dates.get(key, [])
        spread = (max(dates) - min(dates)).days if dates else 0
        summary.is_area = summary.critical >= MIN_CRITICAL_MENTIONS and (
            summary.source_count >= 2 or spread >= MIN_SPREAD_DAYS
        )
        summary.is_strength = summary.critical == 0 and summary.praise >= 2
        summary.reason = _explain(summary, spread)
    ordered = sorted(
        summaries.values(),
        key=lambda s: (
            -s.weight,
            -s.source_count,
            -(s.last_on or date.min).toordinal(),
            s.key,
        ),
    )
    strengths = sorted(
        (s for s in ordered if s.is_strength),
        key=lambda s: (-s.praise, -s.source_count, s.key),
    )
    return ThemeReport(
        areas=[s for s in ordered if s.is_area],
        strengths=strengths,
        all_themes=sorted(ordered, key=lambda s: (-s.mentions, s.key)),
    )
