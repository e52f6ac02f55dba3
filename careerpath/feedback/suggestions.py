"""Suggestions for free-text tags: themes and skill names people have used, plus the vocabulary.

Skills are stored as names; suggestions come from the person's own earlier names and,
when the operator has loaded it, the skills vocabulary (it may be empty).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from django.db.models import Case, When

from careerpath.taxonomy.models import Skill
from careerpath.taxonomy.normalize import normalize


def rank_names(lists: Iterable[Sequence[str]], *, limit: int) -> list[str]:
    """The most used names across ``lists`` (grouped by normalised form), newest spelling kept."""
    counts: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for names in lists:
        for name in names:
            key = normalize(name)
            if key:
                counts[key] += 1
                spelling.setdefault(key, name)
    return [spelling[key] for key, _ in counts.most_common(limit)]


def merge_suggestions(
    own: Sequence[str], extra: Iterable[str], *, limit: int
) -> list[str]:
    """``own`` first, then ``extra`` names not already there, up to ``limit``."""
    seen = {normalize(name) for name in own}
    out = list(own)
    for name in extra:
        if len(out) >= limit:
            break
        key = normalize(name)
        if key and key not in seen:
            seen.add(key)
            out.append(name)
    return out[:limit]


def skill_suggestions(used: Iterable[Sequence[str]], *, limit: int = 16) -> list[str]:
    """The person's own skill names first, then labels from the vocabulary (one query)."""
    own = rank_names(used, limit=limit)
    if len(own) >= limit:
        return own
    # Soft skills first: feedback and achievements speak of them most.
    vocabulary = Skill.objects.order_by(
        Case(When(kind=Skill.Kind.SOFT, then=0), default=1), "label"
    ).values_list("label", flat=True)[: limit * 2]
    return merge_suggestions(own, vocabulary, limit=limit)
