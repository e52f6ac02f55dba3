"""The ready-to-send text of a feedback request: a subject and a short, specific message.

Pure: the same inputs give the same words, so the page, the API and the e-mail agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from careerpath.core.text import squash

# Words that already make a noun phrase read as one ("the pricing launch").
_DETERMINERS = {"the", "a", "an", "my", "our", "this", "that", "these", "those", "how"}


# Endings of common nouns ("Leadership", "Negotiation", "Mentoring"): a one-word skill
# that ends so is written in lower case mid-sentence; "Python" or "English" is not.
_NOUN_ENDINGS = (
    "ship",
    "tion",
    "sion",
    "ing",
    "ment",
    "ness",
    "ity",
    "ance",
    "ence",
    "work",
)


def _lower_first(text: str) -> str:
    """Sentence case made to fit mid-sentence: "The offsite" → "the offsite"."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[0].isupper() and first[1:].islower():
        return text[0].lower() + text[1:]
    return text


def _skill_in_sentence(label: str) -> str:
    """ "Public speaking" → "public speaking", "Leadership" → "leadership"; "SQL",
    "Python", "English" and "Google Analytics" kept as written."""
    words = label.split(" ")
    if len(words) > 1:
        sentence_case = all(w.islower() for w in words[1:])
    else:
        sentence_case = label.lower().endswith(_NOUN_ENDINGS)
    return _lower_first(label) if sentence_case else label


def topic_phrase(about_kind: str, about: str) -> str:
    """What the feedback is on, as words that fit "your feedback on …" for every kind.

    A goal is quoted, because goals are written as sentences ("Raise my SQL level");
    a skill reads as "my … skills"; a project or anything else is quoted as a name
    unless it already reads as a phrase ("the pricing launch", "how I ran the offsite").
    """
    about = squash(about).rstrip(".?!")
    if not about:
        return "my work"
    if about_kind == "goal":
        return f"my progress on the goal “{about}”"
    if about_kind == "skill":
        skill = _skill_in_sentence(about)
        # "my presenting to leadership", "my interpersonal skills": already whole.
        gerund = len(skill.split()) > 1 and skill.split()[0].lower().endswith("ing")
        if gerund or skill.lower().endswith(("skills", "skill")):
            return f"my {skill}"
        return f"my {skill} skills"
    if about.split(" ", 1)[0].lower() in _DETERMINERS:
        about = _lower_first(about)
        return f"my work on {about}" if about_kind == "project" else about
    return f"my work on “{about}”" if about_kind == "project" else f"“{about}”"


@dataclass(frozen=True)
class RequestText:
    subject: str
    body: str


def _first_name(name: str) -> str:
    words = name.split()
    return words[0] if words else "there"


def compose_request(
    *,
    recipient_name: str,
    about_kind: str,
    about: str,
    question: str,
    due_on: date,
    asked_on: date,
    sender_name: str,
) -> RequestText:
    """The message to send: whom, about what, the questions, and by when, in plain words.

    The reply date reads as a weekday when it is within a week of asking, so the
    message sounds like a person wrote it ("by Friday"), and as a date otherwise.
    """
    topic = topic_phrase(about_kind, about)
    days = (due_on - asked_on).days
    when = f"{due_on:%A}" if 0 < days <= 6 else f"{due_on:%A %-d %B}"
    questions = question.strip() or (
        "What is one thing I did well that I should keep doing, "
        "and one thing I could do differently next time?"
    )
    signature = sender_name.strip()
    closing = f"Thank you,\n{signature}" if signature else "Thank you!"
    body = (
        f"Hi {_first_name(recipient_name)},\n\n"
        f"Could I ask for your feedback on {topic}? You have seen my work up close, "
        "so your view would help me a lot.\n\n"
        f"{questions}\n\n"
        f"A few honest lines by {when} would be perfect; a quick chat works too if "
        "you prefer.\n\n"
        f"{closing}"
    )
    return RequestText(subject=f"Your feedback on {topic}?", body=body)
