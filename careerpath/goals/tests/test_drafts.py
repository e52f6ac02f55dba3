"""Goals the app drafts itself pass its own SMART check, with the links pre-filled."""

import datetime

import pytest

from careerpath.feedback.services import turn_theme_into_goal
from careerpath.feedback.tests.factories import FeedbackFactory
from careerpath.goals.models import Aspiration
from careerpath.goals.services import smart_report
from careerpath.profiles.tests.factories import ProfileFactory
from careerpath.skills.role_analysis import role_gaps
from careerpath.skills.services import turn_gap_into_goal
from careerpath.skills.tests.factories import UserSkillFactory
from careerpath.skills.tests.test_views import reviewed_role

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 23)


@pytest.fixture
def profile(alice):
    return ProfileFactory(
        owner=alice,
        aspiration="Lead an analytics team whose work shapes clinical decisions.",
        aspiration_horizon_years=5,
        values=["Autonomy", "Fairness"],
    )


def _assert_self_drafted(goal, alice):
    mirror = Aspiration.objects.get(owner=alice, from_profile=True)
    assert goal.aspiration == mirror
    assert goal.values == ["Autonomy", "Fairness"]
    assert goal.metric_name and goal.baseline is not None and goal.target is not None
    assert goal.deadline is not None and goal.deadline > TODAY
    report = smart_report(goal, today=TODAY)
    assert report.all_pass, [(f.letter, f.advice) for f in report.findings]


def test_a_goal_drafted_from_an_improvement_area_passes_the_smart_check(alice, profile):
    FeedbackFactory(owner=alice, source="Priya", received_on=datetime.date(2026, 10, 1))
    FeedbackFactory(
        owner=alice, source="Tom", received_on=datetime.date(2026, 11, 1), kind="mixed"
    )
    goal = turn_theme_into_goal(owner=alice, theme="communication", today=TODAY)
    _assert_self_drafted(goal, alice)
    assert "communication" in goal.statement
    assert goal.deadline == datetime.date(2027, 5, 23)


def test_a_goal_drafted_from_a_skill_gap_passes_the_smart_check(alice, profile):
    role = reviewed_role(alice)
    UserSkillFactory(owner=alice, name="SQL", level=1)
    gap = next(g for g in role_gaps(role) if g.label == "SQL")
    action = turn_gap_into_goal(role=role, key=gap.key, today=TODAY)
    _assert_self_drafted(action.goal, alice)


def test_the_s_hint_quotes_the_statement_s_own_words():
    from careerpath.goals.smart import GoalDraft, check_smart

    draft = GoalDraft(
        statement="Improve my executive presence, the theme that recurs in feedback"
    )
    advice = check_smart(draft, today=TODAY).by_letter("S").advice[0]
    assert "say how much for 'executive presence'" in advice
    assert "recurs" not in advice
