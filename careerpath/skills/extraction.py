"""Posting analysis: what a job posting asks for, read from pasted text or HTML.

``analyse_posting`` turns a pasted posting into a ``PostingAnalysis``: the plain text
(HTML tags stripped, entities decoded, paragraphs and list items kept as lines), every
skill mention with its span, normalised to the taxonomy where possible, whether each is a
must-have or a nice-to-have, and the years of experience, education level,
certifications and languages asked for.

Pure apart from reading the vocabulary (``careerpath.taxonomy.lookup``); tests and the
benchmark may hand a matcher in directly.

Must or nice is decided per mention, most specific evidence first:

1. wording in the same sentence — the cue nearest the mention wins, so in "Python is
   required, Go is a plus" Python is a must and Go is nice;
2. otherwise the section the line sits under ("Requirements" → must; "Nice to have",
   "Bonus points", "Preferred qualifications" → nice);
3. otherwise must: a posting names a skill because the job uses it.
"""

from __future__ import annotations

import bisect
import html
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser

from django.core.exceptions import ValidationError

from careerpath.skills import lexicon
from careerpath.skills.matching import (
    SkillMatcher,
    Term,
    Token,
    find_phrases,
    tokenize,
)
from careerpath.taxonomy.lookup import VocabularyEntry, load_vocabulary
from careerpath.taxonomy.normalize import normalize

MAX_BYTES = 100 * 1024
MUST = "must"
OFFER = "offer"  # a section of what the employer offers: no requirements there
MAX_PHRASE_SKILL_WORDS = 4
NICE = "nice"
EDUCATION_LEVELS = ("high school", "associate", "bachelor", "master", "doctorate")


class PostingError(ValueError):
    """A posting that cannot be analysed; the message is shown to the user as is."""


@dataclass(frozen=True)
class SkillMention:
    """One place the posting names a skill."""

    text: str  # the span as written
    start: int  # offsets into PostingAnalysis.text
    end: int
    skill_id: int | None  # taxonomy Skill id when normalised
    label: str  # the taxonomy label, else the cleaned span
    kind: str  # a taxonomy Skill.Kind value
    requirement: str  # "must" or "nice"
    match: str  # exact | alias | inflection | fuzzy | semantic | unmatched
    score: float  # 0–1


@dataclass(frozen=True)
class PostingAnalysis:
    """Everything read from one posting."""

    text: str
    mentions: tuple[SkillMention, ...]  # every mention, in text order
    skills: tuple[SkillMention, ...]  # one per distinct skill, must wins over nice
    years_experience: int | None
    education: str  # "" or one of EDUCATION_LEVELS
    certifications: tuple[str, ...]
    languages: tuple[str, ...]


# --- plain text ------------------------------------------------------------------

_BLOCK_TAGS = lexicon.words("""address article aside blockquote br dd details div dl dt fieldset figcaption
    figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary
    table tbody td tfoot th thead tr ul""")
_SKIPPED_TAGS = frozenset({"script", "style", "head", "title", "noscript", "template"})
_LOOKS_LIKE_HTML = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?/?>|&#?\w+;")


class _TextExtractor(HTMLParser):
    """Collects the visible text, one line per block element, "- " before list items."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
            if tag == "li":
                self.parts.append("- ")
            elif tag in ("td", "th"):
                self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def to_plain_text(text_or_html: str) -> str:
    """Plain text of a pasted posting: tags stripped, entities decoded, blocks as lines."""
    text = text_or_html.replace("\r\n", "\n").replace("\r", "\n")
    is_html = False
    if _LOOKS_LIKE_HTML.search(text):
        if re.search(r"<[a-zA-Z/!]", text):
            is_html = True
            # In HTML a newline is just a space; the block tags make the lines.
            parser = _TextExtractor()
            parser.feed(re.sub(r"\s*\n\s*", " ", text))
            parser.close()
            text = "".join(parser.parts)
        else:
            text = html.unescape(text)
    text = text.replace("\u00a0", " ").replace("\t", " ")
    lines = [re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")]
    if is_html:
        # Block tags open and close lines, so blank lines there carry no meaning.
        lines = [line for line in lines if line]
    # Keep at most one blank line between blocks.
    cleaned: list[str] = []
    for line in lines:
        if line or (cleaned and cleaned[-1]):
            cleaned.append(line)
    return "\n".join(cleaned).strip()


# --- validation -------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_MOJIBAKE = re.compile(r"Ã.|â€|Â\s|ï¿½")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


def check_posting(raw: str, text: str) -> None:
    """Raise ``PostingError`` for input the analyser would only turn into nonsense."""
    size = len(raw.encode("utf-8", errors="replace"))
    if size > MAX_BYTES:
        raise PostingError(
            f"This posting is {(size + 1023) // 1024} kB; the limit is 100 kB. "
            "Paste the job description only."
        )
    if not text.strip():
        raise PostingError(
            "The posting is empty: paste the text of a job posting (or its HTML)."
        )
    visible = len(text) - sum(map(str.isspace, text))
    controls = len(_CONTROL.findall(raw))
    replacement = text.count("\ufffd") + len(_MOJIBAKE.findall(text))
    letters = sum(map(str.isalpha, text))
    if (
        "\x00" in raw
        or controls > visible * 0.01
        or replacement > max(2, visible * 0.01)
        or letters < visible * 0.5
    ):
        raise PostingError(
            "This does not look like readable text (binary data or a broken encoding). "
            "Copy the posting's text from the page and paste it again."
        )
    if len(_LATIN_LETTER.findall(text)) < letters * 0.7:
        raise PostingError(_NOT_ENGLISH)
    words = [word.lower() for word in _WORD.findall(text)]
    if len(words) >= 15:
        english = sum(1 for word in words if word in lexicon.ENGLISH_STOP_WORDS)
        foreign = max(
            sum(1 for word in words if word in stop_words)
            for stop_words in lexicon.FOREIGN_STOP_WORDS.values()
        )
        if english < len(words) * 0.08 and foreign > english:
            raise PostingError(_NOT_ENGLISH)
        if len(words) >= 40 and english < len(words) * 0.03:
            raise PostingError(_NOT_ENGLISH)


_NOT_ENGLISH = "This posting does not read as English: only English postings are supported for now."


# --- sections and requirement ------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")
_HEADING_TRAILER = re.compile(r"[:\-–—]\s*$")


def _heading_requirement(line: str) -> str | None:
    """What a heading line sets for the lines under it: must, nice, "" (neutral) or None.

    None means the line is not a heading. A heading is a short line without a full stop,
    ending with a colon or made of heading words ("Nice to have", "Requirements").
    """
    stripped = line.strip().strip("*#=_ ").strip()
    if not stripped or len(stripped) > 70 or stripped.startswith(("-", "•", "*")):
        return None
    words = stripped.split()
    if len(words) > 9 or stripped.endswith((".", ",", ";")):
        return None
    with_colon = bool(_HEADING_TRAILER.search(stripped))
    if len(words) <= 6 and lexicon.OFFER_HEADING.match(stripped):
        return OFFER
    nice = lexicon.NICE_HEADING.search(stripped)
    must = lexicon.MUST_HEADING.search(stripped)
    if not with_colon and len(words) <= 5 and lexicon.NEUTRAL_HEADING.match(stripped):
        return ""
    if not with_colon:
        # Without a colon only a line made of heading words is a heading, so a short
        # list line such as "Python, SQL; Docker desirable" stays content.
        rest = lexicon.MUST_HEADING.sub(" ", lexicon.NICE_HEADING.sub(" ", stripped))
        rest_words = [
            word
            for word in re.findall(r"[A-Za-z']+", rest.lower())
            if word not in lexicon.ENGLISH_STOP_WORDS
            and word not in lexicon.HEADING_FILLER
        ]
        if rest_words and not stripped.isupper():
            return None
        if "," in stripped:
            return None
    if nice:
        return NICE
    if must:
        return MUST
    if with_colon or stripped.isupper() or lexicon.NEUTRAL_HEADING.search(stripped):
        return ""
    return None


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    section: str  # set by the heading above: must, nice, offer or ""
    offer: bool  # in an offer section or a "We offer …" sentence
    cues: tuple[_Cue, ...]  # wording inside it that says must or nice


@dataclass(frozen=True)
class _Cue:
    at: int
    requirement: str
    # A cue in parentheses speaks only of what the parentheses follow or hold:
    # "SQL, Python (ideally)" makes Python nice, not SQL.
    scope: tuple[int, int] | None = None


_LABEL_PREFIX = re.compile(r"^\s*[-*•]?\s*([^:\n]{2,60}):\s*\S")


def _line_cues(line: str, offset: int) -> list[_Cue]:
    parens = [
        (offset + found.start(), offset + found.end())
        for found in re.finditer(r"\([^()]*\)", line)
    ]

    def scope(at: int) -> tuple[int, int] | None:
        return next(((a, b) for a, b in parens if a <= at < b), None)

    cues = [
        _Cue(offset + found.start(), NICE, scope(offset + found.start()))
        for found in lexicon.NICE_CUE.finditer(line)
    ] + [
        _Cue(offset + found.start(), MUST, scope(offset + found.start()))
        for found in lexicon.MUST_CUE.finditer(line)
        if not _negated(line, found.start())
    ]
    # "Preferred qualifications: SEO, Google Analytics" — the label before the colon
    # speaks for the whole line, whatever words it is made of.
    label = _LABEL_PREFIX.match(line)
    if label:
        requirement = _heading_requirement(label.group(1) + ":")
        if requirement:
            colon = offset + label.end(1)
            cues = [cue for cue in cues if cue.at >= colon]
            cues.append(_Cue(colon, requirement))
    return sorted(cues, key=lambda cue: cue.at)


def _sentences(text: str) -> list[_Sentence]:
    sentences: list[_Sentence] = []
    section = ""
    offset = 0
    for line in text.split("\n"):
        heading = _heading_requirement(line)
        if heading is not None:
            # A heading line sets the section for the lines below it.
            section = heading
        if line.strip():
            cues = _line_cues(line, offset)
            pieces = []
            position = 0
            for boundary in _SENTENCE_END.finditer(line):
                pieces.append((position, boundary.start()))
                position = boundary.end()
            pieces.append((position, len(line)))
            for first, last in pieces:
                begin, end = offset + first, offset + last
                sentences.append(
                    _Sentence(
                        begin,
                        end,
                        section,
                        section == OFFER
                        or bool(lexicon.OFFER_SENTENCE.match(text, begin, end)),
                        tuple(cue for cue in cues if begin <= cue.at < end),
                    )
                )
        offset += len(line) + 1
    return sentences


def _negated(sentence: str, at: int) -> bool:
    """ "not required" / "not a must" is a nice cue, not a must one."""
    return bool(re.search(r"\bnot\s+(?:a\s+)?$", sentence[:at], re.IGNORECASE))


def _requirement(
    sentence: _Sentence | None, start: int, end: int, text: str = ""
) -> str:
    if sentence is None:
        return MUST
    cues = [cue for cue in sentence.cues if _cue_applies(cue, start, end, text)]
    if cues:
        nearest = min(
            cues,
            key=lambda cue: (
                0
                if start <= cue.at < end
                else min(abs(cue.at - start), abs(cue.at - end)),
                cue.requirement == MUST,  # an equally near nice cue is more specific
            ),
        )
        return nearest.requirement
    return sentence.section if sentence.section in (MUST, NICE) else MUST


def _cue_applies(cue: _Cue, start: int, end: int, text: str) -> bool:
    if cue.scope is None:
        return True
    first, last = cue.scope
    if first <= start and end <= last:
        return True
    # The mention the parentheses follow: "Python (ideally)".
    return end <= first and not text[end:first].strip()


def _sentence_at(sentences: Sequence[_Sentence], offset: int) -> _Sentence | None:
    index = bisect.bisect_right([sentence.start for sentence in sentences], offset) - 1
    if index >= 0 and offset < sentences[index].end:
        return sentences[index]
    return None


# --- years, education, certifications, languages -----------------------------------

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
}
_NUMBER = r"(\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")"
_YEARS = re.compile(
    _NUMBER
    + r"(?:\s*\(\d{1,2}\))?\s*(?:\+|plus|or\s+more)?\s*(?:(?:-|–|to)\s*\d{1,2}\s*\+?\s*)?"
    r"(?:full\s+)?(?:years?|yrs?)\b(?:'|’)?",
    re.IGNORECASE,
)
_EXPERIENCE_NEAR = re.compile(r"experience|\bexp\b|\bworking\b|\bbackground\b", re.I)


def _years_experience(text: str, sentences: Sequence[_Sentence]) -> int | None:
    """Lowest years in the highest bar the posting sets: "5+ years … 2+ years AWS" → 5.

    A figure counts when "experience" (or "working", "background") is in the same
    sentence, so "founded 20 years ago" and "a 2-year contract" do not.
    """
    found: dict[str, list[int]] = {MUST: [], NICE: []}
    for sentence in sentences:
        part = text[sentence.start : sentence.end]
        if not _EXPERIENCE_NEAR.search(part):
            continue
        for hit in _YEARS.finditer(part):
            raw = hit.group(1).lower()
            years = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
            if 0 < years <= 40:
                at = sentence.start + hit.start()
                found[_requirement(sentence, at, at + len(hit.group()), text)].append(
                    years
                )
    chosen = found[MUST] or found[NICE]
    return max(chosen) if chosen else None


_EDUCATION = (
    (
        "doctorate",
        re.compile(r"\b(ph\.?\s?d|doctorate|doctoral|d\.?phil|md degree)\b", re.I),
    ),
    (
        "master",
        re.compile(
            r"\b(master'?s?|masters|m\.sc?\.?|msc|mba|m\.eng|meng|m\.a\.|postgraduate|"
            r"graduate\s+degree|advanced\s+degree)\b|\bM\.?S\.?(?=\s*(?:/|or\b|in\b|degree))",
            re.I,
        ),
    ),
    (
        "bachelor",
        re.compile(
            r"\b(bachelor'?s?|bachelors|b\.sc?\.?|bsc|b\.eng|beng|b\.a\.|undergraduate\s+degree|"
            r"university\s+degree|college\s+degree|four[\s-]year\s+degree|4[\s-]year\s+degree|"
            r"degree\s+in|degree\s+or\s+equivalent|relevant\s+degree)\b|"
            r"\bB\.?[SA]\.?(?=\s*(?:/|or\b|in\b|degree))",
            re.I,
        ),
    ),
    (
        "associate",
        re.compile(
            r"\b(associate'?s?\s+degree|associate\s+of|two[\s-]year\s+degree)\b", re.I
        ),
    ),
    (
        "high school",
        re.compile(r"\b(high\s+school|secondary\s+school|ged|a[\s-]levels?)\b", re.I),
    ),
)


def _education(text: str, sentences: Sequence[_Sentence]) -> str:
    """The lowest level a must-have sentence accepts ("Bachelor's or Master's" → bachelor).

    Levels only mentioned as preferred count when nothing is required.
    """
    found: dict[str, list[int]] = {MUST: [], NICE: []}
    for sentence in sentences:
        part = text[sentence.start : sentence.end]
        for rank, (_, pattern) in enumerate(reversed(_EDUCATION)):
            hit = pattern.search(part)
            if hit:
                at = sentence.start + hit.start()
                found[_requirement(sentence, at, at + len(hit.group()), text)].append(
                    rank
                )
    chosen = found[MUST] or found[NICE]
    if not chosen:
        return ""
    return EDUCATION_LEVELS[min(chosen)]


_CERTIFICATION = re.compile(
    r"\b((?:[A-Z][\w+&/-]*\s+){0,5}Certifi(?:ed|cation|cate)(?:\s+(?:in\s+|of\s+)?"
    r"(?:[A-Z0-9][\w+&/-]*))*)",
)
_CERT_NOISE = re.compile(
    r"^(?:Relevant|Industry|Professional|Any|Other|Valid|Current|Active|A|An|The|Or|And|"
    r"Preferred|Required|Desired|Bonus|Plus|With|Have|Hold|Holding)\s+",
)


def _certifications(text: str, mentions: Iterable[SkillMention]) -> tuple[str, ...]:
    """Certification skills the vocabulary knows, then named "… Certified …" phrases."""
    names = [mention.label for mention in mentions if mention.kind == "certification"]
    for hit in _CERTIFICATION.finditer(text):
        name = hit.group(1).strip()
        while _CERT_NOISE.match(name):
            name = _CERT_NOISE.sub("", name, count=1)
        if len(name.split()) >= 2 and name.lower() not in {
            "certification",
            "certified",
            "certificate",
        }:
            names.append(name)
    seen: dict[str, str] = {}
    for name in names:
        key = normalize(name)
        if not any(key in other or other in key for other in seen):
            seen[key] = name
    return tuple(seen.values())


_LANGUAGE = re.compile(
    r"\b(" + "|".join(sorted(lexicon.NATURAL_LANGUAGES, key=len, reverse=True)) + r")\b"
)


def _languages(text: str, mentions: Iterable[SkillMention]) -> tuple[str, ...]:
    """Natural languages asked for: a language name with a cue ("fluent", "native",
    "speaking") in its sentence, or a language skill the vocabulary matched."""
    found: list[str] = [
        mention.label for mention in mentions if mention.kind == "language"
    ]
    for line in text.split("\n"):
        for hit in _LANGUAGE.finditer(line):
            if lexicon.LANGUAGE_CUE.search(line):
                found.append(hit.group(1))
    unique: dict[str, str] = {}
    for name in found:
        unique.setdefault(normalize(name), name)
    return tuple(unique.values())


# --- skills ------------------------------------------------------------------------


def _mentions(
    text: str, tokens: list[Token], matcher: SkillMatcher, sentences: list[_Sentence]
) -> list[SkillMention]:
    mentions = []
    matches = matcher.find(text, tokens)
    for match in matches:
        sentence = _sentence_at(sentences, match.start)
        if sentence is not None and sentence.offer:
            continue
        mentions.append(
            SkillMention(
                text=text[match.start : match.end],
                start=match.start,
                end=match.end,
                skill_id=match.term.skill_id,
                label=match.term.label,
                kind=match.term.kind,
                requirement=_requirement(sentence, match.start, match.end, text),
                match=match.match,
                score=match.score,
            )
        )
    named = {(match.start, match.end) for match in matches}
    for start, end in find_phrases(text, tokens):
        sentence = _sentence_at(sentences, start)
        if (start, end) in named or (sentence is not None and sentence.offer):
            continue
        span = text[start:end]
        mentions.append(
            SkillMention(
                text=span,
                start=start,
                end=end,
                skill_id=None,
                label=_clean_label(span),
                kind="soft" if " " not in span else "hard",
                requirement=_requirement(sentence, start, end, text),
                match="unmatched",
                score=0.5,
            )
        )
    mentions.sort(key=lambda mention: (mention.start, -mention.end))
    return mentions


def _clean_label(span: str) -> str:
    """A readable label for a phrase the taxonomy does not name: first letter up."""
    span = span.strip(" -*•")
    return span[:1].upper() + span[1:]


def _distinct(mentions: Sequence[SkillMention]) -> tuple[SkillMention, ...]:
    """One mention per skill: the first must-have one, else the first.

    Phrases outside the taxonomy count as skills when short ("work independently",
    "analytical skills"); longer ones ("build scalable services for our clients") stay
    mentions only, highlighted in the text, so a role profile is not a list of
    one-off sentences.
    """
    chosen: dict[object, SkillMention] = {}
    for mention in mentions:
        if (
            mention.skill_id is None
            and len(mention.text.split()) > MAX_PHRASE_SKILL_WORDS
        ):
            continue
        key = (
            mention.skill_id
            if mention.skill_id is not None
            else normalize(mention.label)
        )
        current = chosen.get(key)
        if current is None or (
            current.requirement == NICE and mention.requirement == MUST
        ):
            chosen[key] = mention
    return tuple(sorted(chosen.values(), key=lambda mention: mention.start))


# --- vocabulary ----------------------------------------------------------------------

_cache_lock = threading.Lock()
# The vocabulary list the matcher was built from, and the matcher.
_cache: dict[str, tuple[list[VocabularyEntry], SkillMatcher]] = {}


def default_matcher() -> SkillMatcher:
    """The matcher over the taxonomy in the database, rebuilt when the vocabulary changes.

    ``load_vocabulary`` hands back the same list until an import or a built-in sync
    changes the vocabulary, so "unchanged" is an identity test on that list.
    """
    entries = load_vocabulary()
    with _cache_lock:
        cached = _cache.get("matcher")
        if cached is not None and cached[0] is entries:
            return cached[1]
        matcher = SkillMatcher(
            [
                Term(
                    skill_id=entry.skill_id,
                    label=entry.label,
                    kind=entry.kind,
                    source=entry.source,
                    category=entry.category,
                    aliases=entry.aliases,
                )
                for entry in entries
            ]
        )
        _cache["matcher"] = (entries, matcher)
        return matcher


# --- entry point -------------------------------------------------------------------


def analyse_posting(
    text_or_html: str, *, matcher: SkillMatcher | None = None
) -> PostingAnalysis:
    """Read one posting; raise ``PostingError`` with a message for the user if unreadable.

    ``matcher`` defaults to the taxonomy in the database; tests and the benchmark pass
    their own.
    """
    if not isinstance(text_or_html, str):
        raise PostingError("The posting must be text.")
    if len(text_or_html.encode("utf-8", errors="replace")) > MAX_BYTES:
        check_posting(text_or_html, "")
    text = to_plain_text(text_or_html)
    check_posting(text_or_html, text)
    matcher = matcher or default_matcher()
    sentences = _sentences(text)
    tokens = tokenize(text)
    mentions = _mentions(text, tokens, matcher, sentences)
    return PostingAnalysis(
        text=text,
        mentions=tuple(mentions),
        skills=_distinct(mentions),
        years_experience=_years_experience(text, sentences),
        education=_education(text, sentences),
        certifications=_certifications(text, mentions),
        languages=_languages(text, mentions),
    )


def analyse_text(text: str) -> PostingAnalysis:
    """Run the posting analysis; its refusals become a field error on ``text``."""
    try:
        return analyse_posting(text)
    except PostingError as error:
        raise ValidationError({"text": str(error)}) from None
