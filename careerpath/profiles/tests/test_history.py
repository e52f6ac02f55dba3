from datetime import date

import pytest

from careerpath.profiles.history import AssessmentFacts, compare_assessments


def facts(**overrides):
    base = {
        "assessed_on": date(2026, 1, 1),
        "strengths": ["SQL", "Writing"],
        "weaknesses": ["Public speaking"],
        "job_satisfaction": 3,
        "goal_alignment": 2,
        "responsibilities": [("Reporting", 2), ("Mentoring", 5)],
    }
    return AssessmentFacts(**{**base, **overrides})


def test_identical_assessments_are_unchanged():
    change = compare_assessments(facts(), facts(assessed_on=date(2026, 4, 1)))
    assert change.is_unchanged
    assert change.days == 90


@pytest.mark.parametrize(
    ("after", "attribute", "expected"),
    [
        ({"strengths": ["SQL", "Writing", "Python"]}, "strengths_added", ["Python"]),
        ({"strengths": ["SQL"]}, "strengths_removed", ["Writing"]),
        ({"weaknesses": []}, "weaknesses_removed", ["Public speaking"]),
        (
            {"weaknesses": ["Public speaking", "Delegation"]},
            "weaknesses_added",
            ["Delegation"],
        ),
        ({"job_satisfaction": 5}, "satisfaction_delta", 2),
        ({"goal_alignment": 1}, "alignment_delta", -1),
        (
            {"responsibilities": [("Reporting", 2), ("Mentoring", 5), ("Hiring", 4)]},
            "responsibilities_added",
            ["Hiring"],
        ),
        (
            {"responsibilities": [("Mentoring", 5)]},
            "responsibilities_removed",
            ["Reporting"],
        ),
        # Case and spacing differences are not changes.
        ({"strengths": ["sql", "  writing "]}, "strengths_added", []),
    ],
)
def test_each_kind_of_change_is_reported(after, attribute, expected):
    change = compare_assessments(facts(), facts(**after))
    assert getattr(change, attribute) == expected


def test_energy_changes_and_energising_share_delta():
    before = facts(responsibilities=[("Reporting", 2), ("Mentoring", 5)])
    after = facts(responsibilities=[("Reporting", 4), ("Mentoring", 5)])
    change = compare_assessments(before, after)
    assert [(c.name, c.before, c.after) for c in change.energy_changes] == [
        ("Reporting", 2, 4)
    ]
    assert change.energising_delta == pytest.approx(0.5)


def test_energising_share_is_none_without_responsibilities():
    assert facts(responsibilities=[]).energising_share is None
    change = compare_assessments(facts(responsibilities=[]), facts())
    assert change.energising_delta is None
    assert change.responsibilities_added == ["Reporting", "Mentoring"]
