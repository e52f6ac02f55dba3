"""Tidying typed text: one way to collapse runs of white space."""

from __future__ import annotations


def squash(text: object) -> str:
    """Runs of white space (new lines, tabs) become one space; ends trimmed.

    ``None`` gives ``""``; anything else is read as its ``str()``.
    """
    if text is None:
        return ""
    return " ".join(str(text).split())
