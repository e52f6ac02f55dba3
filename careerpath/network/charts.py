"""Geometry for the interactions-per-month bar chart (server-rendered SVG, table fallback).

Pure: counts in, coordinates out. Coordinates are percentages of the SVG box, so the
text keeps its CSS size from 360 px phones to desktops (as the roadmap timeline does);
colours come from classes in app.css.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

PLOT_LEFT, PLOT_RIGHT = 2.0, 98.0  # % of the width
PLOT_TOP, PLOT_BOTTOM = 14.0, 82.0  # % of the height; month labels sit below


@dataclass(frozen=True)
class Bar:
    month: date
    count: int
    gave: int
    received: int
    x: float
    width: float
    y: float
    height: float
    centre: float
    label: str  # "Mar"
    year: str  # "’26" under the first bar and under each January, else ""
    title: str  # "March 2026: 4 interactions"


@dataclass(frozen=True)
class BarChart:
    title: str
    description: str
    bars: tuple[Bar, ...]
    maximum: int
    baseline: float = PLOT_BOTTOM

    @property
    def is_empty(self) -> bool:
        return self.maximum == 0


def interactions_chart(
    months: Sequence[date],
    counts: dict[date, int],
    *,
    gave: dict[date, int] | None = None,
    received: dict[date, int] | None = None,
) -> BarChart:
    """Bars for ``counts`` (keyed by month start) over ``months``; missing months are 0."""
    gave, received = gave or {}, received or {}
    maximum = max((counts.get(m, 0) for m in months), default=0)
    slot = (PLOT_RIGHT - PLOT_LEFT) / max(len(months), 1)
    width = slot * 0.64
    bars = []
    for index, month in enumerate(months):
        count = counts.get(month, 0)
        height = (PLOT_BOTTOM - PLOT_TOP) * (count / maximum) if maximum else 0.0
        x = PLOT_LEFT + index * slot + (slot - width) / 2
        # The year sits on a line of its own, so twelve labels fit side by side on a phone.
        year = f"’{month:%y}" if month.month == 1 or index == 0 else ""
        noun = "interaction" if count == 1 else "interactions"
        bars.append(
            Bar(
                month=month,
                count=count,
                gave=gave.get(month, 0),
                received=received.get(month, 0),
                x=round(x, 3),
                width=round(width, 3),
                y=round(PLOT_BOTTOM - height, 3),
                height=round(height, 3),
                centre=round(x + width / 2, 3),
                label=f"{month:%b}",
                year=year,
                title=f"{month:%B %Y}: {count} {noun}",
            )
        )
    total = sum(b.count for b in bars)
    busiest = max(bars, key=lambda b: b.count) if bars else None
    description = (
        f"{total} interactions over {len(bars)} months; the busiest month was "
        f"{busiest.month:%B %Y} with {busiest.count}."
        if busiest and total
        else "No interactions logged in these months."
    )
    return BarChart(
        title="Interactions per month",
        description=description,
        bars=tuple(bars),
        maximum=maximum,
    )
