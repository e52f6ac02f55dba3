"""The role profile's bar chart geometry (no database)."""

from decimal import Decimal

import pytest

from careerpath.skills.charts import MAX_ROWS, ROW_HEIGHT, profile_chart
from careerpath.skills.role_profile import (
    AskedSkill,
    OccupationNeed,
    build_role_profile,
)


def profile_of(spec, total):
    items = [
        AskedSkill(
            posting_id=p,
            key=f"name:{label}",
            label=label,
            kind="hard",
            must=must,
            skill_id=sid,
        )
        for label, sid, postings in spec
        for p, must in postings
    ]
    needs = {1: OccupationNeed(importance=Decimal("4.2"))}
    return build_role_profile(items, posting_ids=range(1, total + 1), needs=needs)


@pytest.mark.parametrize(
    ("spec", "total", "rows"),
    [
        ([], 3, []),
        (
            [("SQL", 1, [(1, True), (2, True), (3, False)])],
            3,
            [("SQL", 0, 100, 67, "3/3 · 2 must · imp. 4.2")],
        ),
        (
            [("Excel", None, [(1, False)]), ("Python", None, [(1, True), (2, True)])],
            4,
            [
                ("Python", 0, 50, 50, "2/4 · 2 must"),
                ("Excel", ROW_HEIGHT, 25, 0, "1/4 · 0 must"),
            ],
        ),
        (
            [
                (
                    "A very long skill name that will not fit on a phone",
                    None,
                    [(1, True)],
                )
            ],
            1,
            [("A very long skill name that will…", 0, 100, 100, "1/1 · 1 must")],
        ),
    ],
)
def test_profile_chart_rows(spec, total, rows):
    chart = profile_chart(profile_of(spec, total), role_title="Analyst")
    assert [
        (r.label, r.y, r.share_width, r.must_width, r.figures) for r in chart.rows
    ] == rows
    assert chart.height == max(ROW_HEIGHT, len(rows) * ROW_HEIGHT)
    assert chart.title == "Skills asked for Analyst"


def test_profile_chart_keeps_the_top_rows_and_says_how_many_are_left_out():
    spec = [(f"Skill {i:02}", None, [(1, True)]) for i in range(MAX_ROWS + 4)]
    chart = profile_chart(profile_of(spec, 1), role_title="Analyst")
    assert len(chart.rows) == MAX_ROWS and chart.hidden == 4
    assert chart.description.startswith(
        f"{MAX_ROWS + 4} skills across 1 reviewed posting."
    )
    empty = profile_chart(profile_of([], 0), role_title="Analyst")
    assert empty.description == "No reviewed postings yet." and empty.hidden == 0
