from datetime import date
from decimal import Decimal

import pytest
from django.template import Context, Template

from careerpath.core.charts import amount, days_ago, short_date
from careerpath.core.words import counted, singular


@pytest.mark.parametrize(
    ("plural", "one"),
    [
        ("achievements", "achievement"),
        ("case studies", "case study"),
        ("classes", "class"),
        ("talks given", "talk given"),
        ("bugs fixed", "bug fixed"),
        ("KPIs", "KPI"),
        ("people", "person"),
        ("analyses", "analysis"),
        ("hours", "hour"),
        ("%", "%"),
        ("NPS", "NPS"),
        ("status", "status"),
        ("kg", "kg"),
    ],
)
def test_one_of_a_unit_is_singular(plural, one):
    assert singular(plural) == one
    assert amount(Decimal(1), plural) == f"1 {one}"
    assert amount(Decimal(2), plural) == f"2 {plural}"


def test_counted_nouns():
    assert counted(1, "achievement") == "1 achievement"
    assert counted(0, "achievement") == "0 achievements"
    assert counted(2, "person", "people") == "2 people"


def test_the_counted_filter_pluralises_in_templates():
    template = Template(
        '{% load careerpath %}{{ a|counted:"achievement" }}; {{ b|counted:"person,people" }}'
    )
    assert template.render(Context({"a": 1, "b": 3})) == "1 achievement; 3 people"


def test_dates_carry_their_year_only_outside_today_s_year():
    today = date(2026, 12, 4)
    assert short_date(date(2025, 12, 27), today=today) == "27 Dec 2025"
    assert short_date(date(2026, 1, 16), today=today) == "16 Jan"
    assert short_date(date(2027, 1, 2), today=today) == "2 Jan 2027"
    template = Template(
        "{% load careerpath %}{{ d|short_day:today }} {{ n|week_day:today }}"
    )
    rendered = template.render(
        Context({"d": date(2025, 12, 27), "n": date(2027, 1, 1), "today": today})
    )
    assert rendered == "27 Dec 2025 Fri 1 Jan 2027"


@pytest.mark.parametrize(
    ("days", "text"),
    [
        (0, "today"),
        (1, "yesterday"),
        (3, "3 days ago"),
        (14, "2 weeks ago"),
        (90, "3 months ago"),
        (800, "2 years ago"),
        (-2, "today"),
    ],
)
def test_days_ago_never_says_minutes(days, text):
    today = date(2026, 12, 4)
    from datetime import timedelta

    assert days_ago(today - timedelta(days=days), today=today) == text
