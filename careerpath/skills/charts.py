"""Geometry for the role profile's ranked bar chart (pure, standard library only).

Each skill is one row: its name on the left and its figures on the right of a text line,
with a bar beneath spanning the share of postings that ask for it and, darker, the share
that ask for it as a must-have. Positions are percentages of the chart's width, so the
text keeps its size from a phone to a desktop; the template only prints numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from careerpath.core.charts import truncate
from careerpath.skills.role_profile import ProfileEntry, RoleProfile

ROW_HEIGHT = 44
TEXT_Y = 16
BAR_Y = 23
BAR_HEIGHT = 12
MAX_ROWS = 25
LABEL_CHARS = 34


@dataclass(frozen=True)
class BarRow:
    entry: ProfileEntry
    y: int
    label: str
    share_width: int  # % of the chart width
    must_width: int
    figures: str
    title: str


@dataclass(frozen=True)
class BarChart:
    chart_id: str
    title: str
    description: str
    rows: tuple[BarRow, ...]
    height: int
    hidden: int  # skills beyond MAX_ROWS, listed only in the table


def _figures(entry: ProfileEntry) -> str:
    text = f"{entry.postings}/{entry.total_postings} · {entry.must_postings} must"
    if entry.importance is not None:
        text += f" · imp. {float(entry.importance):.1f}"
    return text


def profile_chart(profile: RoleProfile, *, role_title: str) -> BarChart:
    """The profile's top skills as bars, most asked first."""
    shown = profile.entries[:MAX_ROWS]
    rows = tuple(
        BarRow(
            entry=entry,
            y=index * ROW_HEIGHT,
            label=truncate(entry.label, LABEL_CHARS),
            share_width=entry.share_percent,
            must_width=entry.must_percent,
            figures=_figures(entry),
            title=(
                f"{entry.label}: asked in {entry.postings} of {entry.total_postings} "
                f"postings, {entry.must_postings} as a must-have"
            ),
        )
        for index, entry in enumerate(shown)
    )
    top = ", ".join(f"{e.label} ({e.share_percent} %)" for e in profile.entries[:3])
    description = (
        f"{len(profile.entries)} skills across {profile.total_postings} reviewed "
        f"posting{'s' if profile.total_postings != 1 else ''}. Most asked: {top}."
        if profile.entries
        else "No reviewed postings yet."
    )
    return BarChart(
        chart_id="role-profile",
        title=f"Skills asked for {role_title}",
        description=description,
        rows=rows,
        height=max(ROW_HEIGHT, len(rows) * ROW_HEIGHT),
        hidden=max(0, len(profile.entries) - MAX_ROWS),
    )
