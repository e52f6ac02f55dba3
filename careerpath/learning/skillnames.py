"""Skill names on learning items: one spelling per skill, the taxonomy's where it knows it.

Names are compared by ``careerpath.taxonomy.normalize.normalize``; a name the taxonomy
knows (as a label or any alias) is stored as that skill's label, so "postgres" and
"PostgreSQL" count as one skill in the hours-per-skill chart. Unknown names are kept as
typed, tidied of extra spaces.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from careerpath.core.text import squash
from careerpath.taxonomy.lookup import resolve_skill_names, suggest
from careerpath.taxonomy.normalize import normalize

MAX_SKILL_LENGTH = 80
SUGGESTION_LIMIT = 12


@lru_cache(maxsize=4096)
def skill_key(name: str) -> str:
    """The form two skill names are compared in (cached: lists compare many names)."""
    return normalize(name)


def canonical_skills(names: Iterable[str]) -> list[str]:
    """Tidy, deduplicate (by normal form) and map names to taxonomy labels; order is kept.

    One query, whatever the number of names.
    """
    cleaned: list[tuple[str, str]] = []
    seen: set[str] = set()
    for raw in names:
        name = squash(raw)[:MAX_SKILL_LENGTH]
        key = skill_key(name)
        if key and key not in seen:
            seen.add(key)
            cleaned.append((key, name))
    if not cleaned:
        return []
    labels = _labels_for({key for key, _ in cleaned})
    result: list[str] = []
    taken: set[str] = set()
    for key, name in cleaned:
        label = labels.get(key, name)
        label_key = skill_key(label)
        if label_key not in taken:  # two aliases of one skill collapse into it
            taken.add(label_key)
            result.append(label)
    return result


def _labels_for(keys: set[str]) -> dict[str, str]:
    return {key: skill.label for key, skill in resolve_skill_names(keys).items()}


def suggest_skills(text: str, *, limit: int = SUGGESTION_LIMIT) -> list[str]:
    """Taxonomy labels for autocomplete (the taxonomy's own ranking), once each."""
    if len(skill_key(text)) < 2:
        return []
    return [suggestion.label for suggestion in suggest(text, limit)]
