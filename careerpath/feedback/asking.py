"""The ready-to-send text of a feedback request: a subject and a short, specific message.

Pure: the same inputs give the same words, so the page, the API and the e-mail agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

ABOUT_PHRASES = {
    "goal": "my progress towards {about}",
    "skill": "my {about}",
    "project": "my work on {about}",
    "other": "{about}",
}


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
    topic = ABOUT_PHRASES.get(about_kind, "{about}").format(about=about.strip())
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
        f"Could I ask for your feedback on {topic}? You have seen it up close, so "
        "your view would help me a lot.\n\n"
        f"{questions}\n\n"
        f"A few honest lines by {when} would be perfect; a quick chat works too if "
        "you prefer.\n\n"
        f"{closing}"
    )
    return RequestText(subject=f"Your feedback on {topic}?", body=body)
