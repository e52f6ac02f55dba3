"""Find taxonomy skills in plain text: exact label, alias, inflected form, near spelling.

Pure: the caller hands over the vocabulary (``Term`` rows); nothing here reads the
database. ``SkillMatcher`` builds its indexes once per vocabulary and then scans a text
left to right, taking at each word the longest phrase the vocabulary knows:

1. the phrase's normal form (``taxonomy.normalize``) is a skill's label → "exact";
2. … or one of its aliases (alternative, hidden, abbreviation) → "alias";
3. the phrase and a label agree once plurals and verb endings are stripped
   ("data pipelines" → "data pipeline", "managing budgets" → "manage budget") → "inflection";
4. one or two words within a small edit distance of a label of the same first letter and
   length ("Kubernets" → "Kubernetes") → "fuzzy", scored by similarity.

Everyday words that double as skill names ("go", "excel", "swift") only match when
capitalised, so "go to market" is not the Go language.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from careerpath.skills.lexicon import (
    CASE_SENSITIVE_WORDS,
    ENGLISH_STOP_WORDS,
    GENERIC_WORDS,
    PERSON_NOUNS,
    PHRASE_END_WORDS,
    PHRASE_OPENERS,
    PHRASE_PREPOSITIONS,
    QUALITY_HEADS,
    SKILL_VERBS,
    SOFT_QUALITIES,
)
from careerpath.taxonomy.normalize import normalize

# Words keep the characters skill names use inside them: "C++", "C#", "Node.js",
# "CI/CD", "R&D", "e-commerce"; a leading dot keeps ".NET".
TOKEN = re.compile(
    r"\.?[A-Za-z0-9\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F+#&]*"
    r"(?:[.\-/'’][A-Za-z0-9\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F+#&]*)*[+#]*"
)
MAX_PHRASE_WORDS = 8
FUZZY_MIN_CHARS = 6
FUZZY_CUTOFF = 90.0
SOURCE_PREFERENCE = {"builtin": 0, "onet": 1, "esco": 2}


@dataclass(frozen=True)
class Term:
    """One skill as the matcher sees it: its id, label, kind and every normalised name."""

    skill_id: int | None
    label: str
    kind: str
    source: str = "builtin"
    category: str = ""
    aliases: tuple[str, ...] = ()  # normalised; the label's normal form need not repeat


@dataclass(frozen=True)
class Match:
    """A phrase of the text that names a skill."""

    start: int
    end: int
    term: Term
    match: str  # exact | alias | inflection | fuzzy
    score: float


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    key: str  # normalised
    stem: str


def stem(word: str) -> str:
    """Strip English plural and verb endings so inflected forms meet: "managing" → "manag".

    Crude on purpose: both the vocabulary and the posting go through it, so it only has
    to be consistent, not linguistically right. Words with digits or symbols and short
    words are left alone ("aws", "c++", "node.js").
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    stripped = ""
    for suffix, replacement in (
        ("ies", "y"),
        ("sses", "ss"),
        ("xes", "x"),
        ("ches", "ch"),
        ("shes", "sh"),
        ("ing", ""),
        ("ed", ""),
        ("es", "e"),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                break
            word = word[: len(word) - len(suffix)] + replacement
            stripped = suffix
            break
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    if (
        stripped in ("ing", "ed")
        and len(word) > 4
        and word[-1] == word[-2]
        and word[-1] not in "aeiouls"
    ):
        word = word[:-1]  # "planning" → "plann" → "plan"
    return word


def tokenize(text: str) -> list[Token]:
    """Words of ``text`` with their offsets, normal form and stem."""
    tokens = []
    for found in TOKEN.finditer(text):
        raw = found.group()
        key = normalize(raw)
        if not key:
            continue
        tokens.append(
            Token(
                found.start(), found.end(), raw, key, " ".join(map(stem, key.split()))
            )
        )
    return tokens


def _stem_key(key: str) -> str:
    return " ".join(stem(word) for word in key.split())


def _better(a: tuple[Term, str], b: tuple[Term, str]) -> bool:
    """Which of two terms sharing a name wins: a label over an alias, built-in first."""
    rank_a = (
        a[1] != "exact",
        SOURCE_PREFERENCE.get(a[0].source, 3),
        a[0].skill_id or 0,
    )
    rank_b = (
        b[1] != "exact",
        SOURCE_PREFERENCE.get(b[0].source, 3),
        b[0].skill_id or 0,
    )
    return rank_a < rank_b


@dataclass
class SkillMatcher:
    """Indexes of one vocabulary, built once and shared by every analysis."""

    terms: list[Term]
    exact: dict[str, tuple[Term, str]] = field(default_factory=dict, init=False)
    stemmed: dict[str, tuple[Term, str]] = field(default_factory=dict, init=False)
    fuzzy_buckets: dict[tuple[str, int], list[str]] = field(
        default_factory=dict, init=False
    )
    max_words: int = field(default=1, init=False)
    prefixes: set[str] = field(default_factory=set, init=False)
    known_words: set[str] = field(default_factory=set, init=False)
    stem_prefixes: set[str] = field(default_factory=set, init=False)
    # Word index for ``rank``, built on first use: the posting analysis never needs it.
    _postings: dict[str, list[int]] | None = field(default=None, init=False)
    _name_words: list[tuple[str, ...]] = field(default_factory=list, init=False)
    _name_terms: list[Term] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
        for term in self.terms:
            label_key = normalize(term.label)
            names = [(label_key, "exact")] + [
                (alias, "alias") for alias in term.aliases if alias != label_key
            ]
            for key, how in names:
                if not key:
                    continue
                words = key.count(" ") + 1
                if words > MAX_PHRASE_WORDS:
                    continue
                self.max_words = max(self.max_words, words)
                entry = (term, how)
                current = self.exact.get(key)
                if current is None or _better(entry, current):
                    self.exact[key] = entry
                stem_key = _stem_key(key)
                current = self.stemmed.get(stem_key)
                if current is None or _better(entry, current):
                    self.stemmed[stem_key] = entry
                self.known_words.update(key.split(" "))
                # Every leading part of a name, so a scan stops as soon as no name
                # can continue ("machine" → "machine learning" keeps going).
                for prefix_key, prefixes in (
                    (key, self.prefixes),
                    (stem_key, self.stem_prefixes),
                ):
                    parts = prefix_key.split(" ")
                    for end in range(1, len(parts)):
                        prefixes.add(" ".join(parts[:end]))
                if words <= 2 and len(key) >= FUZZY_MIN_CHARS:
                    # Filed under its length and both neighbours, so one lookup finds
                    # every name within one character of the query's length.
                    for length in (len(key) - 1, len(key), len(key) + 1):
                        buckets[(key[0], length)].append(key)
        self.fuzzy_buckets = dict(buckets)

    def rank(self, text: str, limit: int = 10) -> list[tuple[Term, float]]:
        """The skills ``text`` most likely speaks of, best first, with a 0–2 score.

        Skills named outright (``find``) come first; then skills whose name's words the
        text contains, scored by the share of the name's rarity-weighted words present
        ("design the database schema" → "design database schemas"). Used to suggest a
        taxonomy skill for phrases the vocabulary does not name exactly.
        """
        import math

        if self._postings is None:
            self._build_word_index()
        assert self._postings is not None
        tokens = tokenize(text)
        best: dict[int, tuple[Term, float]] = {}
        for match in self.find(text, tokens):
            key = id(match.term)
            if key not in best or best[key][1] < 1 + match.score:
                best[key] = (match.term, 1 + match.score)
        query = {
            token.stem
            for token in tokens
            if token.key not in ENGLISH_STOP_WORDS and len(token.key) > 1
        }
        total = len(self._name_words)
        covered: dict[int, float] = defaultdict(float)
        for word in query:
            postings = self._postings.get(word, ())
            if not postings:
                continue
            weight = math.log(1 + total / len(postings))
            for index in postings:
                covered[index] += weight
        for index, weight in covered.items():
            words = self._name_words[index]
            mass = sum(math.log(1 + total / len(self._postings[w])) for w in words)
            score = weight / mass if mass else 0.0
            term = self._name_terms[index]
            key = id(term)
            if key not in best or best[key][1] < score:
                best[key] = (term, score)
        # Ties go to the shorter, then alphabetically first label, so runs agree.
        ranked = sorted(
            best.values(),
            key=lambda pair: (-pair[1], len(pair[0].label), pair[0].label),
        )
        return ranked[:limit]

    def _build_word_index(self) -> None:
        postings: dict[str, list[int]] = defaultdict(list)
        names: list[tuple[str, ...]] = []
        terms: list[Term] = []
        for key, (term, _how) in self.exact.items():
            words = tuple(
                {stem(word) for word in key.split() if word not in ENGLISH_STOP_WORDS}
            )
            if not words:
                continue
            index = len(names)
            names.append(words)
            terms.append(term)
            for word in words:
                postings[word].append(index)
        self._postings = dict(postings)
        self._name_words = names
        self._name_terms = terms

    def find(self, text: str, tokens: list[Token] | None = None) -> list[Match]:
        """Every skill the vocabulary names in ``text``, longest phrase first, no overlaps."""
        tokens = tokenize(text) if tokens is None else tokens
        # breaks[i]: punctuation or a line break between word i-1 and word i.
        breaks = [True] + [
            _breaks(text, tokens[i - 1].end, tokens[i].start)
            for i in range(1, len(tokens))
        ]
        matches: list[Match] = []
        i = 0
        while i < len(tokens):
            found = self._match_at(tokens, breaks, i)
            if found is None:
                found = self._fuzzy_at(tokens, breaks, i)
            if found is None:
                i += 1
                continue
            match, width = found
            matches.append(match)
            i += width
        return matches

    def _match_at(
        self, tokens: list[Token], breaks: list[bool], i: int
    ) -> tuple[Match, int] | None:
        """The longest name starting at word ``i``: exact or alias, else inflected."""
        best: tuple[Match, int] | None = None
        key = stem_key = ""
        width = 0
        while i + width < len(tokens) and width < self.max_words:
            token = tokens[i + width]
            if width and breaks[i + width]:
                break
            key = f"{key} {token.key}" if width else token.key
            stem_key = f"{stem_key} {token.stem}" if width else token.stem
            width += 1
            entry = self.exact.get(key)
            how = entry[1] if entry else "inflection"
            if entry is None:
                entry = self.stemmed.get(stem_key)
            if (
                entry is not None
                and self._acceptable(key, tokens[i : i + width], entry[0])
                and (
                    how != "inflection"
                    or _inflection_ok(tokens[i : i + width], entry[0])
                )
            ):
                score = {"exact": 1.0, "alias": 0.95, "inflection": 0.9}[how]
                best = (Match(tokens[i].start, token.end, entry[0], how, score), width)
            if key not in self.prefixes and stem_key not in self.stem_prefixes:
                break
        return best

    @staticmethod
    def _acceptable(key: str, words: list[Token], term: Term) -> bool:
        if not _case_ok(key, words):
            return False
        if len(words) == 1 and key in GENERIC_WORDS and not words[0].text.isupper():
            return False
        return not (words[-1].key in PERSON_NOUNS and term.kind != "certification")

    def _fuzzy_at(
        self, tokens: list[Token], breaks: list[bool], i: int
    ) -> tuple[Match, int] | None:
        for width in (2, 1):
            if i + width > len(tokens) or (width > 1 and breaks[i + 1]):
                continue
            words = tokens[i : i + width]
            if any(
                token.key in ENGLISH_STOP_WORDS
                or token.key in GENERIC_WORDS
                or not token.key.isalpha()
                for token in words
            ):
                continue
            if all(token.key in self.known_words for token in words):
                # Every word is one the vocabulary spells this way: not a misspelling.
                continue
            key = " ".join(token.key for token in words)
            if len(key) < FUZZY_MIN_CHARS:
                continue
            bucket = self.fuzzy_buckets.get((key[0], len(key)))
            if not bucket:
                continue
            hit = process.extractOne(
                key, bucket, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
            )
            if (
                hit is None
                or hit[1] >= 100.0
                or hit[0] in CASE_SENSITIVE_WORDS
                # Same stem: an inflection, which the exact scan already judged.
                or _stem_key(hit[0]) == _stem_key(key)
            ):
                continue
            term = self.exact[hit[0]][0]
            if term.kind == "language" or not self._acceptable(hit[0], words, term):
                continue
            return (
                Match(
                    words[0].start,
                    words[-1].end,
                    term,
                    "fuzzy",
                    round(hit[1] / 100 * 0.85, 3),
                ),
                width,
            )
        return None


def _inflection_ok(words: list[Token], term: Term) -> bool:
    """Inflected forms that change the meaning are not matches.

    A language is only ever its own name ("polished" is not Polish), and a lone
    past participle describes rather than names ("polished UI", "managed services").
    """
    if term.kind == "language":
        return False
    return not (len(words) == 1 and words[0].key.endswith("ed"))


def _case_ok(key: str, words: list[Token]) -> bool:
    """Everyday words that are also skill names count only when written capitalised."""
    if key not in CASE_SENSITIVE_WORDS:
        return True
    raw = "".join(token.text for token in words)
    if key in ENGLISH_STOP_WORDS:  # "IT" the field, never "it" or a sentence's "It"
        return raw.isupper() and len(raw) > 1
    return any(ch.isupper() for ch in raw)


MAX_PHRASE_TOKENS = 8


def _verb_base(key: str) -> str | None:
    """The skill verb a word is a form of ("building" → "build"), or None."""
    if key in SKILL_VERBS:
        return key
    candidates = []
    if key.endswith("ing") and len(key) > 5:
        root = key[:-3]
        candidates += [root, root + "e"]
        if len(root) > 2 and root[-1] == root[-2]:
            candidates.append(root[:-1])  # "planning" → "plan"
    elif key.endswith("es") and len(key) > 4:
        candidates += [key[:-2], key[:-1]]
    elif key.endswith("s") and len(key) > 3:
        candidates.append(key[:-1])
    return next((word for word in candidates if word in SKILL_VERBS), None)


def find_phrases(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Skill phrases the vocabulary may not name, as character spans.

    Two light patterns, written from how postings phrase skills:

    * a skill verb opening a clause or following "to", "will", "and", "in" … runs to the
      next punctuation or clause word: "Build data pipelines", "ability to
      *work independently*", "experience in *designing APIs*";
    * a personal quality with a head noun: "analytical skills", "strategic mindset",
      "collaborative approach".
    """
    phrases: list[tuple[int, int]] = []
    i = 0
    count = len(tokens)
    while i < count:
        token = tokens[i]
        opens_clause = i == 0 or _breaks(text, tokens[i - 1].end, token.start)
        previous = "" if opens_clause else tokens[i - 1].key
        if _verb_base(token.key) and (opens_clause or previous in PHRASE_OPENERS):
            end = i + 1
            while (
                end < count
                and end - i < MAX_PHRASE_TOKENS
                and not _breaks(text, tokens[end - 1].end, tokens[end].start)
                and not (end - i >= 2 and _ends_phrase(tokens, end))
                # A preposition after the object starts an adjunct ("… in close
                # collaboration with"); right after the verb it is part of it
                # ("collaborate with stakeholders").
                and not (end - i >= 3 and tokens[end].key in PHRASE_PREPOSITIONS)
            ):
                end += 1
            while end - i > 1 and tokens[end - 1].key in ENGLISH_STOP_WORDS:
                end -= 1
            if end - i >= 2:
                phrases.append((token.start, tokens[end - 1].end))
                i = end
                continue
        if (
            token.key in SOFT_QUALITIES
            and i + 1 < count
            and tokens[i + 1].key in QUALITY_HEADS
            and not _breaks(text, token.end, tokens[i + 1].start)
        ):
            # A quality alone ("dynamic", "professional") describes the company as
            # often as the candidate; with a head noun it names a skill.
            phrases.append((token.start, tokens[i + 1].end))
            i += 2
            continue
        i += 1
    return phrases


def _ends_phrase(tokens: list[Token], index: int) -> bool:
    """Whether word ``index`` closes the phrase before it (which has a verb and more).

    "and"/"or" close it only when a new skill verb follows ("design and build
    services" stays one phrase, as does "code review and testing"; "build services and
    mentor engineers" is two).
    """
    key = tokens[index].key
    if key in ("and", "or", "&"):
        following = tokens[index + 1].key if index + 1 < len(tokens) else ""
        return bool(_verb_base(following)) and not (
            index + 2 < len(tokens) and tokens[index + 2].key in ("and", "or")
        )
    return key in PHRASE_END_WORDS


def _breaks(text: str, left: int, right: int) -> bool:
    """Punctuation or a line break between two words ends a phrase."""
    return _BREAK.search(text, left, right) is not None


_BREAK = re.compile(r"[,;:.!?()\[\]|\n•·*–—\u0095]")
