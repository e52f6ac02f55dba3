"""Counts and nouns as people write them: "1 achievement", "3 case studies", "1 person".

Pure: no Django, no database.
"""

from __future__ import annotations

import re

# Plurals that the rules below would get wrong, and words that are the same either way.
IRREGULAR = {
    "people": "person",
    "children": "child",
    "men": "man",
    "women": "woman",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "analyses": "analysis",
    "theses": "thesis",
    "crises": "crisis",
    "criteria": "criterion",
    "indices": "index",
}
UNCHANGED = {
    "series",
    "species",
    "news",
    "status",
    "bonus",
    "focus",
    "campus",
    "corpus",
    "virus",
    "process",
    "kudos",
    "sales",
    "yes",
    "is",
    "has",
    "was",
    "this",
    "its",
    "plus",
}
# A trailing participle or adverb ("talks given", "features shipped", "bugs fixed") is
# not the noun: the word before it is.
_TRAILING = re.compile(r"^[a-z]+(ed|en|ly)$")
_WORD = re.compile(r"[A-Za-z]+")


def singular_word(word: str) -> str:
    """The singular of one English plural noun; other words come back unchanged."""
    lower = word.lower()
    if len(lower) <= 3 or not lower.isalpha() or lower in UNCHANGED:
        return word
    if word.isupper():  # an acronym: "KPIs" is handled below, "NPS" stays
        return word
    if lower in IRREGULAR:
        return _same_case(word, IRREGULAR[lower])
    if lower.endswith("ies") and len(lower) > 4:
        return word[:-3] + "y"
    if lower.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return word[:-2]
    if lower.endswith(("ss", "us", "is")):
        return word
    if lower.endswith("s"):
        return word[:-1]
    return word


def singular(phrase: str) -> str:
    """The singular of a unit or noun phrase: "talks given" → "talk given",
    "case studies" → "case study", "KPIs" → "KPI", "%" → "%"."""
    words = phrase.split(" ")
    index = len(words) - 1
    while index > 0 and _TRAILING.match(words[index].lower()):
        index -= 1
    word = words[index]
    if re.fullmatch(r"[A-Z]{2,}s", word):  # KPIs, PRs
        words[index] = word[:-1]
    else:
        match = _WORD.fullmatch(word)
        if match:
            words[index] = singular_word(word)
    return " ".join(words)


def counted(count: int, singular_noun: str, plural_noun: str | None = None) -> str:
    """ "1 goal", "3 goals", "1 person", "2 people" (give the plural when it is not +s)."""
    if count == 1:
        return f"{count} {singular_noun}"
    return f"{count} {plural_noun or singular_noun + 's'}"


def _same_case(original: str, word: str) -> str:
    return word.capitalize() if original[:1].isupper() else word
