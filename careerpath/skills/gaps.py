"""Gap analysis: each skill a target role asks for against the person's level (pure).

For every skill in the role profile the answer is *covered* (the person's level reaches
the level the role needs), *under-level* (in the inventory, below it) or *missing* (not in
the inventory). The score is transparent on purpose and shown with its parts:

    score = frequency × must-have weight × level gap

- frequency: the share of the role's reviewed postings that ask for the skill (0–1);
- must-have weight: 1 + the share of those postings that ask for it as a must-have, so a
  skill every posting demands weighs 2 and one only ever "nice to have" weighs 1;
- level gap: the level the role needs minus the person's level (0 when not in the
  inventory), never below 0.

The level a role needs comes from the imported occupation when known (O*NET's level scale
0–7 mapped onto 1–5; ESCO "essential" means working level), else from the postings:
working level (3) for a skill most postings demand, beginner level (2) otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from careerpath.taxonomy.normalize import normalize

COVERED = "covered"
UNDER_LEVEL = "under-level"
MISSING = "missing"
STATUS_LABELS = {
    COVERED: "Covered",
    UNDER_LEVEL: "Under level",
    MISSING: "Missing",
}
LEVEL_WORDS = {
    0: "not in your inventory",
    1: "awareness",
    2: "beginner",
    3: "working",
    4: "advanced",
    5: "expert",
}
WORKING_LEVEL = 3
BEGINNER_LEVEL = 2


@dataclass(frozen=True)
class Requirement:
    """One skill a role asks for, as the gap analysis needs it."""

    key: str
    label: str
    postings: int
    must_postings: int
    total_postings: int
    skill_id: int | None = None
    onet_level: Decimal | None = None  # O*NET LV scale, 0–7
    importance: Decimal | None = None  # O*NET IM scale, 1–5
    essential: bool | None = None  # ESCO


@dataclass(frozen=True)
class Holding:
    """One skill of the person's inventory."""

    skill_id: int | None
    name: str
    level: int


@dataclass(frozen=True)
class Gap:
    key: str
    label: str
    skill_id: int | None
    status: str
    current_level: int
    required_level: int
    frequency: float
    must_weight: float
    level_gap: int
    score: float
    importance: Decimal | None
    reason: str
    postings: int
    must_postings: int
    total_postings: int

    @property
    def is_gap(self) -> bool:
        return self.status != COVERED

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def frequency_percent(self) -> int:
        return round(self.frequency * 100)


def required_level(requirement: Requirement) -> int:
    """The level (1–5) the role needs for a skill; see the module docstring."""
    if requirement.onet_level is not None:
        mapped = round(float(requirement.onet_level) / 7 * 5)
        return max(1, min(5, mapped))
    if requirement.essential:
        return WORKING_LEVEL
    if requirement.postings and requirement.must_postings * 2 >= requirement.postings:
        return WORKING_LEVEL
    return BEGINNER_LEVEL


def _level_phrase(level: int) -> str:
    if level == 0:
        return LEVEL_WORDS[0]
    return f"{level} ({LEVEL_WORDS[level]})"


def _number(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def assess_requirement(requirement: Requirement, current_level: int) -> Gap:
    """Judge one requirement against the person's level (0 when not in the inventory)."""
    needed = required_level(requirement)
    total = requirement.total_postings
    frequency = requirement.postings / total if total else 0.0
    must_share = (
        requirement.must_postings / requirement.postings if requirement.postings else 0
    )
    must_weight = 1 + must_share
    level_gap = max(0, needed - current_level)
    score = round(frequency * must_weight * level_gap, 2)
    if current_level >= needed:
        status = COVERED
    elif current_level == 0:
        status = MISSING
    else:
        status = UNDER_LEVEL

    asked = (
        f"Asked in {requirement.postings} of {total} posting{'s' if total != 1 else ''}"
    )
    if requirement.must_postings == requirement.postings and requirement.postings:
        asked += ", always as a must-have"
    elif requirement.must_postings:
        asked += f", {requirement.must_postings} as a must-have"
    else:
        asked += ", only as nice to have"
    source = ""
    if requirement.onet_level is not None:
        source = " (from the occupation's O*NET level)"
    elif requirement.essential:
        source = " (essential for the occupation in ESCO)"
    if status == COVERED:
        where = (
            f"you are at {_level_phrase(current_level)}; the role needs "
            f"{_level_phrase(needed)}{source}, so this is covered"
        )
    elif status == MISSING:
        where = (
            f"it is not in your inventory yet; the role needs "
            f"{_level_phrase(needed)}{source}"
        )
    else:
        where = (
            f"you are at {_level_phrase(current_level)}; the role needs "
            f"{_level_phrase(needed)}{source}"
        )
    reason = f"{asked}; {where}."
    if status != COVERED:
        reason += (
            f" Score {_number(frequency)} × {_number(must_weight)} × {level_gap}"
            f" = {_number(score)}."
        )
    if requirement.importance is not None:
        reason += f" O*NET importance {_number(float(requirement.importance))} of 5."
    return Gap(
        key=requirement.key,
        label=requirement.label,
        skill_id=requirement.skill_id,
        status=status,
        current_level=current_level,
        required_level=needed,
        frequency=frequency,
        must_weight=must_weight,
        level_gap=level_gap,
        score=score,
        importance=requirement.importance,
        reason=reason,
        postings=requirement.postings,
        must_postings=requirement.must_postings,
        total_postings=total,
    )


def match_levels(
    requirements: Sequence[Requirement], holdings: Iterable[Holding]
) -> dict[str, int]:
    """The person's level for each requirement key: by taxonomy skill, else by normalised name.

    A skill held twice under different names (one linked, one not) counts at its higher level.
    """
    by_id: dict[int, int] = {}
    by_name: dict[str, int] = {}
    for holding in holdings:
        if holding.skill_id:
            by_id[holding.skill_id] = max(by_id.get(holding.skill_id, 0), holding.level)
        name = normalize(holding.name)
        by_name[name] = max(by_name.get(name, 0), holding.level)
    levels: dict[str, int] = {}
    for requirement in requirements:
        level = by_name.get(normalize(requirement.label), 0)
        if requirement.skill_id:
            level = max(level, by_id.get(requirement.skill_id, 0))
        levels[requirement.key] = level
    return levels


def rank_gaps(
    requirements: Sequence[Requirement], holdings: Iterable[Holding]
) -> list[Gap]:
    """Every requirement judged and ranked: gaps by score (then frequency, importance, name),
    covered skills last."""
    levels = match_levels(requirements, holdings)
    gaps = [assess_requirement(r, levels.get(r.key, 0)) for r in requirements]
    gaps.sort(
        key=lambda g: (
            not g.is_gap,
            -g.score,
            -g.frequency,
            -(g.importance or 0),
            g.label.lower(),
        )
    )
    return gaps
