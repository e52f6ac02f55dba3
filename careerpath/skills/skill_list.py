"""The skill names in a pasted list (pure, no database)."""

from __future__ import annotations

import re

from careerpath.core.text import squash
from careerpath.taxonomy.normalize import normalize

_LIST_SPLIT = re.compile(r"[\n;,•·]+")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def parse_skill_list(text: str) -> list[str]:
    """Names from a pasted list: one per line, or separated by commas or semicolons;
    bullets and numbering dropped, repeats (same normal form) kept once."""
    names: list[str] = []
    seen: set[str] = set()
    for part in _LIST_SPLIT.split(text):
        name = squash(_BULLET.sub("", part)).strip(" .")
        key = normalize(name)
        if key and key not in seen:
            seen.add(key)
            names.append(name)
    return names
