"""The brag document's shape: wins grouped by period or by skill, and the promotion packet.

Pure, no database: views, the API and the export command hand in plain records.

The **promotion packet** is organised by skill, because promotion cases are argued
skill by skill. For each skill it cites every win that shows it and every piece of
feedback that speaks to it (praise or mixed, or feedback attached to one of those
wins as evidence). Each citation carries a label (A12 for the person's twelfth
achievement, F7 for their seventh piece of feedback: numbers counted per person, not
database ids) so a reader can trace any claim back to its record. Skills are ordered by
the amount of evidence, then by name; wins that name no skill close the packet.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from careerpath.taxonomy.normalize import normalize

GRANULARITIES = ("year", "half", "quarter", "month")
NO_SKILL = "No skill named"


@dataclass(frozen=True)
class Win:
    """One achievement as the brag document needs it."""

    id: int
    title: str
    achieved_on: date
    what: str
    impact_value: Decimal | None = None
    impact_unit: str = ""
    skills: Sequence[str] = ()
    goal: str = ""
    visibility: str = ""
    feedback_ids: Sequence[int] = ()
    number: int | None = None  # the person's own count; the id when not given

    @property
    def cite(self) -> str:
        return f"A{self.id if self.number is None else self.number}"

    @property
    def impact(self) -> str:
        if self.impact_value is None:
            return ""
        number = self.impact_value.normalize()
        text = f"{number:,f}" if number == number.to_integral() else f"{number:,}"
        return f"{text} {self.impact_unit}".strip()


@dataclass(frozen=True)
class Quote:
    """One piece of feedback that can back a win."""

    id: int
    source: str
    received_on: date
    kind: str
    text: str
    skills: Sequence[str] = ()
    number: int | None = None  # the person's own count; the id when not given

    @property
    def cite(self) -> str:
        return f"F{self.id if self.number is None else self.number}"


@dataclass(frozen=True)
class Group:
    key: str
    label: str
    wins: list[Win]


@dataclass
class SkillSection:
    key: str
    label: str
    wins: list[Win] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    @property
    def evidence_count(self) -> int:
        return len(self.wins) + len(self.quotes)


@dataclass(frozen=True)
class Packet:
    title: str
    start: date | None
    end: date | None
    sections: list[SkillSection]
    unskilled: list[Win]
    win_count: int
    quote_count: int


def period_of(day: date, granularity: str) -> tuple[str, str]:
    """(sortable key, label) of the period holding ``day``: "2026-Q3" / "Q3 2026"."""
    if granularity == "year":
        return f"{day.year}", f"{day.year}"
    if granularity == "half":
        half = 1 if day.month <= 6 else 2
        return f"{day.year}-H{half}", f"H{half} {day.year}"
    if granularity == "quarter":
        quarter = (day.month - 1) // 3 + 1
        return f"{day.year}-Q{quarter}", f"Q{quarter} {day.year}"
    if granularity == "month":
        return f"{day:%Y-%m}", f"{day:%B %Y}"
    raise ValueError(f"Unknown period {granularity!r}; use one of {GRANULARITIES}.")


def group_by_period(wins: Iterable[Win], granularity: str) -> list[Group]:
    """Wins per period, newest period first, newest win first inside it."""
    groups: dict[str, tuple[str, list[Win]]] = {}
    for win in wins:
        key, label = period_of(win.achieved_on, granularity)
        groups.setdefault(key, (label, []))[1].append(win)
    return [
        Group(
            key=key,
            label=label,
            wins=sorted(items, key=lambda w: (w.achieved_on, w.id), reverse=True),
        )
        for key, (label, items) in sorted(groups.items(), reverse=True)
    ]


def _skill_labels(wins: Iterable[Win]) -> dict[str, str]:
    """Normalised key → the spelling used by the newest win."""
    labels: dict[str, str] = {}
    for win in sorted(wins, key=lambda w: (w.achieved_on, w.id)):
        for skill in win.skills:
            key = normalize(skill)
            if key:
                labels[key] = skill
    return labels


def _newest_first(wins: Iterable[Win]) -> list[Win]:
    return sorted(wins, key=lambda w: (w.achieved_on, w.id), reverse=True)


def group_by_skill(wins: Iterable[Win]) -> list[Group]:
    """Wins per skill (a win naming two skills appears under both), most wins first."""
    wins = list(wins)
    labels = _skill_labels(wins)
    by_key: dict[str, list[Win]] = {key: [] for key in labels}
    unskilled: list[Win] = []
    for win in wins:
        keys = {normalize(s) for s in win.skills} - {""}
        for key in keys:
            by_key[key].append(win)
        if not keys:
            unskilled.append(win)
    groups = [
        Group(key=key, label=labels[key], wins=_newest_first(items))
        for key, items in sorted(by_key.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    ]
    if unskilled:
        groups.append(Group(key="", label=NO_SKILL, wins=_newest_first(unskilled)))
    return groups


def build_packet(
    wins: Iterable[Win],
    quotes: Iterable[Quote],
    *,
    title: str,
    start: date | None = None,
    end: date | None = None,
) -> Packet:
    """The promotion packet: per skill, the wins that show it and the feedback that backs it.

    Only wins and feedback dated within ``start``–``end`` (inclusive, either open) count.
    Feedback is cited under a skill when it names that skill and is praise or mixed, or
    when it is attached as evidence to a win under that skill (whatever its kind).
    """

    def within(day: date) -> bool:
        return (start is None or day >= start) and (end is None or day <= end)

    wins = [w for w in wins if within(w.achieved_on)]
    quotes = [q for q in quotes if within(q.received_on)]
    quote_by_id = {q.id: q for q in quotes}
    labels = _skill_labels(wins)
    sections = {
        key: SkillSection(key=key, label=label) for key, label in labels.items()
    }
    unskilled: list[Win] = []
    for win in sorted(wins, key=lambda w: (w.achieved_on, w.id), reverse=True):
        keys = sorted({normalize(s) for s in win.skills} - {""})
        if not keys:
            unskilled.append(win)
        for key in keys:
            section = sections[key]
            section.wins.append(win)
            for feedback_id in win.feedback_ids:
                quote = quote_by_id.get(feedback_id)
                if quote is not None and quote not in section.quotes:
                    section.quotes.append(quote)
    for quote in sorted(quotes, key=lambda q: (q.received_on, q.id), reverse=True):
        if quote.kind not in ("praise", "mixed"):
            continue
        for key in {normalize(s) for s in quote.skills} & set(sections):
            if quote not in sections[key].quotes:
                sections[key].quotes.append(quote)
    for section in sections.values():
        section.quotes.sort(key=lambda q: (q.received_on, q.id), reverse=True)
    ordered = sorted(sections.values(), key=lambda s: (-s.evidence_count, s.key))
    cited = {q.id for s in ordered for q in s.quotes}
    return Packet(
        title=title,
        start=start,
        end=end,
        sections=ordered,
        unskilled=unskilled,
        win_count=len(wins),
        quote_count=len(cited),
    )
