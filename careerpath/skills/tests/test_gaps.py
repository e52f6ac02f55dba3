"""The gap analysis and role profile rules, as tables of cases (no database)."""

from decimal import Decimal

import pytest

from careerpath.skills.gaps import (
    COVERED,
    MISSING,
    UNDER_LEVEL,
    Holding,
    Requirement,
    assess_requirement,
    match_levels,
    rank_gaps,
    required_level,
)
from careerpath.skills.role_profile import (
    AskedSkill,
    OccupationNeed,
    build_role_profile,
)


def req(label="SQL", postings=2, must=2, total=2, **extra):
    return Requirement(
        key=extra.pop("key", f"name:{label.lower()}"),
        label=label,
        postings=postings,
        must_postings=must,
        total_postings=total,
        **extra,
    )


@pytest.mark.parametrize(
    ("requirement", "expected"),
    [
        (req(postings=3, must=3), 3),
        (req(postings=4, must=2), 3),  # half as a must-have: working level
        (req(postings=3, must=1), 2),
        (req(postings=2, must=0), 2),
        (req(postings=1, must=0, essential=True), 3),
        (req(onet_level=Decimal("7")), 5),
        (req(onet_level=Decimal("0")), 1),
        (req(onet_level=Decimal("3.5")), 2),  # 2.5 rounds to even
        (req(onet_level=Decimal("4.2")), 3),
        (
            req(onet_level=Decimal("5.6"), must=0),
            4,
        ),  # the occupation wins over postings
    ],
)
def test_required_level(requirement, expected):
    assert required_level(requirement) == expected


@pytest.mark.parametrize(
    ("requirement", "current", "status", "score", "words"),
    [
        (req(), 0, MISSING, 6.0, "not in your inventory yet"),
        (req(), 1, UNDER_LEVEL, 4.0, "you are at 1 (awareness)"),
        (req(), 2, UNDER_LEVEL, 2.0, "Score 1 × 2 × 1 = 2."),
        (req(), 3, COVERED, 0.0, "so this is covered"),
        (req(), 5, COVERED, 0.0, "you are at 5 (expert)"),
        (req(postings=1, must=0, total=4), 0, MISSING, 0.5, "only as nice to have"),
        (req(postings=2, must=1, total=4), 0, MISSING, 2.25, "1 as a must-have"),
        (
            req(postings=3, must=3, total=3),
            1,
            UNDER_LEVEL,
            4.0,
            "always as a must-have",
        ),
        (
            req(postings=1, must=1, total=3),
            2,
            UNDER_LEVEL,
            0.67,
            "Asked in 1 of 3 postings",
        ),
        (req(postings=1, must=1, total=1), 0, MISSING, 6.0, "Asked in 1 of 1 posting,"),
        (
            req(importance=Decimal("4.25"), onet_level=Decimal("5")),
            2,
            UNDER_LEVEL,
            4.0,
            "O*NET importance 4.25 of 5",
        ),
        (req(essential=True, must=0), 0, MISSING, 3.0, "essential for the occupation"),
    ],
)
def test_assess_requirement(requirement, current, status, score, words):
    gap = assess_requirement(requirement, current)
    assert gap.status == status
    assert gap.score == score
    assert words in gap.reason
    assert gap.is_gap == (status != COVERED)


def test_score_is_frequency_times_weight_times_level_gap():
    gap = assess_requirement(req(postings=3, must=2, total=4), 1)
    assert gap.frequency == 0.75
    assert gap.must_weight == pytest.approx(1 + 2 / 3)
    assert gap.level_gap == 2
    assert gap.score == round(0.75 * (1 + 2 / 3) * 2, 2)
    assert "Score 0.75 × 1.67 × 2 = 2.5." in gap.reason


@pytest.mark.parametrize(
    ("holdings", "expected"),
    [
        ([], {"skill:1": 0, "name:excel": 0}),
        (
            [Holding(skill_id=1, name="Structured Query Language", level=4)],
            {"skill:1": 4, "name:excel": 0},
        ),
        (
            [Holding(skill_id=None, name="sql", level=2)],
            {"skill:1": 2, "name:excel": 0},
        ),
        (
            [Holding(skill_id=None, name="EXCEL", level=5)],
            {"skill:1": 0, "name:excel": 5},
        ),
        (
            [
                Holding(skill_id=None, name="SQL", level=2),
                Holding(skill_id=1, name="T-SQL", level=4),
            ],
            {"skill:1": 4, "name:excel": 0},
        ),
        (
            [Holding(skill_id=9, name="Excel 365", level=3)],
            {"skill:1": 0, "name:excel": 0},
        ),
    ],
)
def test_match_levels_by_taxonomy_id_then_name(holdings, expected):
    requirements = [
        req("SQL", key="skill:1", skill_id=1),
        req("Excel", key="name:excel"),
    ]
    assert match_levels(requirements, holdings) == expected


def test_rank_gaps_orders_by_score_then_frequency_and_puts_covered_last():
    requirements = [
        req("Covered", postings=4, must=4, total=4),
        req("Rare", postings=1, must=0, total=4),
        req("Frequent", postings=4, must=4, total=4),
        req("Half", postings=2, must=2, total=4),
        req("Alpha", postings=2, must=2, total=4),
    ]
    holdings = [Holding(skill_id=None, name="Covered", level=3)]
    ranked = rank_gaps(requirements, holdings)
    assert [g.label for g in ranked] == ["Frequent", "Alpha", "Half", "Rare", "Covered"]
    assert [g.score for g in ranked] == [6.0, 3.0, 3.0, 0.5, 0.0]


def test_rank_gaps_of_nothing_is_empty():
    assert rank_gaps([], [Holding(skill_id=None, name="SQL", level=3)]) == []


def asked(posting, label, must=True, skill_id=None):
    return AskedSkill(
        posting_id=posting,
        key=f"skill:{skill_id}" if skill_id else f"name:{label.lower()}",
        label=label,
        kind="hard",
        must=must,
        skill_id=skill_id,
    )


@pytest.mark.parametrize(
    ("items", "posting_ids", "expected"),
    [
        ([], [], []),
        ([], [1, 2], []),
        ([asked(1, "SQL")], [1], [("SQL", 1, 1, 100, 100)]),
        (
            [asked(1, "SQL"), asked(2, "SQL", must=False)],
            [1, 2],
            [("SQL", 2, 1, 100, 50)],
        ),
        (
            [asked(1, "SQL"), asked(1, "SQL", must=False)],  # twice in one posting
            [1, 2],
            [("SQL", 1, 1, 50, 50)],
        ),
        (
            [asked(1, "SQL", must=False), asked(1, "SQL", must=True)],
            [1],
            [("SQL", 1, 1, 100, 100)],
        ),
        ([asked(3, "SQL")], [1, 2], []),  # a posting not yet reviewed does not count
        (
            [
                asked(1, "Tableau"),
                asked(1, "SQL"),
                asked(2, "SQL"),
                asked(2, "Excel", must=False),
            ],
            [1, 2],
            [
                ("SQL", 2, 2, 100, 100),
                ("Tableau", 1, 1, 50, 50),
                ("Excel", 1, 0, 50, 0),
            ],
        ),
    ],
)
def test_build_role_profile(items, posting_ids, expected):
    profile = build_role_profile(items, posting_ids=posting_ids)
    assert profile.total_postings == len(set(posting_ids))
    assert [
        (e.label, e.postings, e.must_postings, e.share_percent, e.must_percent)
        for e in profile.entries
    ] == expected


def test_role_profile_uses_occupation_importance_to_break_ties():
    items = [asked(1, "SQL", skill_id=1), asked(1, "Python", skill_id=2)]
    needs = {
        2: OccupationNeed(importance=Decimal("4.5")),
        1: OccupationNeed(importance=Decimal("3")),
    }
    profile = build_role_profile(items, posting_ids=[1], needs=needs)
    assert [e.label for e in profile.entries] == ["Python", "SQL"]
    assert profile.entries[0].importance == Decimal("4.5")
    assert profile.top(1) == profile.entries[:1]
