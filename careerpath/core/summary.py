"""The shape of one area's part in a period review, as plain JSON-ready data.

Each area's ``review.period_summary(owner, start, end)`` returns a ``section``; a
completed review stores the sections as they were, so they must be plain data.
"""

from __future__ import annotations

from typing import Any

Section = dict[str, Any]
Item = dict[str, str]


def item(text: str, url: str = "", note: str = "") -> Item:
    """One row behind the summary, with a link to it."""
    return {"text": text, "url": url, "note": note}


def group(title: str, items: list[Item], *, empty: str = "") -> dict[str, Any]:
    return {"title": title, "items": items, "empty": empty}


def section(
    key: str,
    title: str,
    *,
    stats: list[tuple[str, object]] | None = None,
    groups: list[dict[str, Any]] | None = None,
    note: str = "",
) -> Section:
    """An area's summary: headline figures (compared between reviews) and lists of rows."""
    return {
        "key": key,
        "title": title,
        "note": note,
        "stats": [
            {"label": label, "value": str(value)} for label, value in stats or []
        ],
        "groups": groups or [],
    }
