"""Display filters. None of them query the database."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django import template
from django.utils.safestring import SafeString, mark_safe

from careerpath.core import charts, words
from careerpath.core.charts import amount, format_number
from careerpath.core.links import safe_href as _safe_href
from careerpath.core.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str) -> SafeString:
    return mark_safe(render_markdown(text))  # noqa: S308 - sanitised by nh3 just above


@register.filter
def safe_href(value: object) -> str:
    """A stored link fit for ``href``: web and e-mail links only, "" for anything else.

    Use it as ``{% with href=link|safe_href %}{% if href %}<a href="{{ href }}">…``
    so a value that is not a link (say ``javascript:…`` stored long ago) shows as text.
    """
    return _safe_href(value)


@register.filter
def percent(value: float | None) -> str:
    """0.456 → "46 %"; None → "—"."""
    if value is None:
        return "—"
    return f"{round(value * 100)} %"


@register.filter
def signed(value: int | float | None) -> str:
    """A change shown with its sign: +1, −2, 0."""
    if value is None:
        return "—"
    if value > 0:
        return f"+{value:g}"
    if value < 0:
        return f"−{abs(value):g}"
    return "0"


@register.filter
def share_number(value: float | None) -> int:
    """0.456 → 46, for SVG geometry (inline styles are blocked by the CSP)."""
    return 0 if value is None else round(max(0.0, min(1.0, value)) * 100)


@register.filter
def get_item(mapping: dict[object, object] | None, key: object) -> object:
    """mapping[key], or 0 when absent: for counts shown beside choices."""
    return (mapping or {}).get(key, 0)


@register.filter
def number(value: object) -> str:
    """A Decimal without trailing zeros: 12.50 → 12.5, 40.00 → 40."""
    if value is None:
        return "—"
    try:
        return format_number(Decimal(str(value)))
    except ArithmeticError:
        return str(value)


@register.filter
def with_unit(value: object, unit: str) -> str:
    """A number and its unit, singular for one: 1 workshop, 3 workshops."""
    if value is None:
        return "—"
    return amount(Decimal(str(value)), unit or "")


@register.filter
def short_day(value: date | None, today: date | None) -> str:
    """The app's date: "27 Dec" within today's year, "27 Dec 2025" outside it."""
    if value is None:
        return "—"
    return charts.short_date(value, today=today)


@register.filter
def week_day(value: date | None, today: date | None) -> str:
    """A near date with its weekday: "Fri 4 Dec", "Fri 1 Jan 2027"."""
    if value is None:
        return "—"
    if today is None:
        return f"{value:%a} {charts.short_date(value)}"
    return charts.weekday_date(value, today=today)


@register.filter
def ago(value: date | None, today: date) -> str:
    """ "today", "yesterday", "3 days ago", "2 weeks ago"."""
    if value is None:
        return "—"
    return charts.days_ago(value, today=today)


@register.filter
def counted(value: int | None, nouns: str) -> str:
    """{{ n|counted:"goal" }} → "1 goal", "3 goals"; {{ n|counted:"person,people" }}."""
    singular_noun, _, plural_noun = nouns.partition(",")
    return words.counted(value or 0, singular_noun, plural_noun or None)


@register.filter
def iso_day(value: str | None, today: date | None) -> str:
    """A stored ISO date ("2026-10-31") in the app's format; any other text unchanged."""
    if not value:
        return value or ""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return value
    return charts.short_date(day, today=today)


@register.simple_tag
def tab_list(*parts: str) -> list[dict[str, str]]:
    """Tabs for ``components/tabs.html`` from (key, label, url) triples:
    ``{% tab_list "received" "Received" received_url … as tabs %}``."""
    if len(parts) % 3:
        raise template.TemplateSyntaxError("tab_list takes key, label, url triples")
    return [
        {"key": parts[i], "label": parts[i + 1], "url": parts[i + 2]}
        for i in range(0, len(parts), 3)
    ]
