"""Read-side of the taxonomy: the vocabulary for matchers, autocomplete, and the one
answer to "which skill does this name mean" (``resolve_skill_name``).

``load_vocabulary()`` is what the posting extractor builds its matcher from. It is cached
per process; the cache is dropped when this process imports or syncs a source
(``invalidate_vocabulary``) and is rebuilt when another process has (the newest
``ImportRun`` id differs from the one the cache was built from — one indexed query).
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from careerpath.taxonomy.models import ImportRun, Skill, SkillAlias, Source
from careerpath.taxonomy.normalize import normalize


@dataclass(frozen=True)
class VocabularyEntry:
    """One skill with every normalised form it is known by (label first)."""

    skill_id: int
    label: str
    kind: str
    category: str
    source: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Suggestion:
    """One autocomplete answer: the skill and the alias the prefix matched."""

    skill_id: int
    label: str
    kind: str
    category: str
    source: str
    matched: str

    @property
    def kind_label(self) -> str:
        """ "Tool or technology" for "tool"."""
        return (
            str(Skill.Kind(self.kind).label) if self.kind in Skill.Kind.values else ""
        )


_lock = threading.Lock()
_cache: tuple[int | None, list[VocabularyEntry]] | None = None
# Built-in skills first, then the sources an operator imports: when two sources name the
# same phrase, matchers and autocomplete prefer the curated vocabulary.
_SOURCE_ORDER: dict[str, int] = {Source.BUILTIN: 0, Source.ESCO: 1, Source.ONET: 2}


def _stamp() -> int | None:
    return ImportRun.objects.order_by("-id").values_list("id", flat=True).first()


def invalidate_vocabulary() -> None:
    """Forget the cached vocabulary (called after every import and builtin sync)."""
    global _cache
    with _lock:
        _cache = None


def load_vocabulary() -> list[VocabularyEntry]:
    """Every skill of every source with its normalised aliases, built-in skills first."""
    global _cache
    stamp = _stamp()
    cached = _cache
    if cached is not None and cached[0] == stamp:
        return cached[1]
    aliases: dict[int, list[str]] = defaultdict(list)
    for skill_id, key in SkillAlias.objects.order_by("id").values_list(
        "skill_id", "normalized"
    ):
        aliases[skill_id].append(key)
    entries = []
    for skill_id, label, kind, category, source in Skill.objects.order_by(
        "id"
    ).values_list("id", "label", "kind", "category", "source"):
        key = normalize(label)
        forms = [key] + [a for a in aliases.get(skill_id, ()) if a != key]
        entries.append(
            VocabularyEntry(
                skill_id=skill_id,
                label=label,
                kind=kind,
                category=category,
                source=source,
                aliases=tuple(forms),
            )
        )
    entries.sort(key=lambda e: _SOURCE_ORDER.get(e.source, 9))
    with _lock:
        _cache = (stamp, entries)
    return entries


def suggest(prefix: str, limit: int = 10) -> list[Suggestion]:
    """Skills whose label or an alias starts with ``prefix``, best first.

    An indexed range scan on the normalised alias column (it works the same on SQLite and
    PostgreSQL, where ``LIKE 'x%'`` would not use the index). Exact matches come first, then
    built-in skills, then shorter labels. When fewer than ``limit`` skills start with the
    text, skills that contain it as a later word ("management" → "project management")
    fill the list.
    """
    key = normalize(prefix)
    if not key or limit <= 0:
        return []
    rows = list(
        SkillAlias.objects.filter(normalized__gte=key, normalized__lt=key + "\uffff")
        .order_by("normalized")
        .values_list(
            "normalized",
            "skill_id",
            "skill__label",
            "skill__kind",
            "skill__category",
            "skill__source",
        )[: limit * 20]
    )
    rows = [row for row in rows if row[0].startswith(key)]
    if len(key) >= 3 and len({row[1] for row in rows}) < limit:
        rows += list(
            SkillAlias.objects.filter(normalized__contains=" " + key).values_list(
                "normalized",
                "skill_id",
                "skill__label",
                "skill__kind",
                "skill__category",
                "skill__source",
            )[: limit * 10]
        )

    def rank(row: tuple) -> tuple:
        matched, _id, label, _kind, _category, source = row
        return (
            matched != key,
            not matched.startswith(key),
            _SOURCE_ORDER.get(source, 9),
            normalize(label) != matched,
            len(label),
            label.lower(),
        )

    seen_skills: set[int] = set()
    seen_labels: set[str] = set()
    answers: list[Suggestion] = []
    for matched, skill_id, label, kind, category, source in sorted(rows, key=rank):
        label_key = normalize(label)
        if skill_id in seen_skills or label_key in seen_labels:
            continue
        seen_skills.add(skill_id)
        seen_labels.add(label_key)
        answers.append(Suggestion(skill_id, label, kind, category, source, matched))
        if len(answers) == limit:
            break
    return answers


# --- Which skill a typed name means ----------------------------------------------

# The one ranking every area uses when a name is an alias of more than one skill:
# the curated built-in vocabulary before the imported sources (in ``_SOURCE_ORDER``),
# then a skill's preferred label before an alternative label, an abbreviation or a
# hidden alias, then the older skill (the lower id) so the answer never flips.
_ALIAS_ORDER: dict[str, int] = {
    SkillAlias.Kind.PREFERRED: 0,
    SkillAlias.Kind.ALTERNATIVE: 1,
    SkillAlias.Kind.ABBREVIATION: 2,
    SkillAlias.Kind.HIDDEN: 3,
}


def _alias_rank(alias: SkillAlias) -> tuple[int, int, int]:
    return (
        _SOURCE_ORDER.get(alias.skill.source, 9),
        _ALIAS_ORDER.get(alias.kind, 9),
        alias.skill_id,
    )


def resolve_skill_names(names: Iterable[str]) -> dict[str, Skill]:
    """The taxonomy skill each name means, keyed by the name's normal form (one query).

    Names the taxonomy does not know are left out. Skills, learning and feedback all
    decide here, so one alias means one skill everywhere.
    """
    keys = {key for key in (normalize(str(name)) for name in names) if key}
    if not keys:
        return {}
    best: dict[str, tuple[tuple[int, int, int], Skill]] = {}
    for alias in SkillAlias.objects.filter(normalized__in=keys).select_related("skill"):
        rank = _alias_rank(alias)
        if alias.normalized not in best or rank < best[alias.normalized][0]:
            best[alias.normalized] = (rank, alias.skill)
    return {key: skill for key, (_, skill) in best.items()}


def resolve_skill_name(name: str) -> Skill | None:
    """The taxonomy skill a typed name means, or None (see ``resolve_skill_names``)."""
    return resolve_skill_names([name]).get(normalize(name))
