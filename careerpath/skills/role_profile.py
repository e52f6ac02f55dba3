"""What a target role asks for, aggregated over its reviewed postings (pure, no database).

Each distinct skill gets the share of postings that ask for it, the share that ask for it
as a must-have, and — when the role is linked to an imported O*NET or ESCO occupation —
that occupation's importance for it. Skills are ranked by share, then must-have share,
then importance, then name, so the ranking is stable and explainable.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class AskedSkill:
    """One skill one posting asks for, after the person's review."""

    posting_id: int
    key: str
    label: str
    kind: str
    must: bool
    skill_id: int | None = None


@dataclass(frozen=True)
class OccupationNeed:
    """What an imported occupation says about a skill: O*NET importance (1–5) and level (0–7),
    ESCO essential/optional."""

    importance: Decimal | None = None
    level: Decimal | None = None
    essential: bool | None = None


@dataclass(frozen=True)
class ProfileEntry:
    key: str
    label: str
    kind: str
    skill_id: int | None
    postings: int
    must_postings: int
    total_postings: int
    need: OccupationNeed | None

    @property
    def share(self) -> float:
        return self.postings / self.total_postings if self.total_postings else 0.0

    @property
    def must_share(self) -> float:
        """Of the postings that ask for it, how many ask for it as a must-have."""
        return self.must_postings / self.postings if self.postings else 0.0

    @property
    def importance(self) -> Decimal | None:
        return self.need.importance if self.need else None

    @property
    def share_percent(self) -> int:
        return round(self.share * 100)

    @property
    def must_percent(self) -> int:
        """Share of all postings that ask for it as a must-have, in per cent."""
        if not self.total_postings:
            return 0
        return round(self.must_postings / self.total_postings * 100)


@dataclass(frozen=True)
class RoleProfile:
    total_postings: int
    entries: tuple[ProfileEntry, ...]

    def top(self, count: int) -> tuple[ProfileEntry, ...]:
        return self.entries[:count]


def build_role_profile(
    asked: Iterable[AskedSkill],
    *,
    posting_ids: Sequence[int],
    needs: Mapping[int, OccupationNeed] | None = None,
) -> RoleProfile:
    """Aggregate reviewed postings into a ranked profile.

    ``posting_ids`` are the postings that count (reviewed ones), including any that ask for
    no skill at all, so shares are of every counted posting. A skill asked twice in one
    posting counts once, as a must-have if either mention is.
    """
    counted = set(posting_ids)
    total = len(counted)
    needs = needs or {}
    per_skill: dict[str, dict[int, bool]] = {}
    first: dict[str, AskedSkill] = {}
    for item in asked:
        if item.posting_id not in counted:
            continue
        postings = per_skill.setdefault(item.key, {})
        postings[item.posting_id] = postings.get(item.posting_id, False) or item.must
        first.setdefault(item.key, item)
    entries = [
        ProfileEntry(
            key=key,
            label=first[key].label,
            kind=first[key].kind,
            skill_id=first[key].skill_id,
            postings=len(postings),
            must_postings=sum(1 for must in postings.values() if must),
            total_postings=total,
            need=needs.get(skill_id) if (skill_id := first[key].skill_id) else None,
        )
        for key, postings in per_skill.items()
    ]
    entries.sort(
        key=lambda e: (
            -e.postings,
            -e.must_postings,
            -(e.importance or 0),
            e.label.lower(),
        )
    )
    return RoleProfile(total_postings=total, entries=tuple(entries))
