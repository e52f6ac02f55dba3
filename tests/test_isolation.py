"""A stranger gets 404 for every owned object, by every route and method, and changes nothing.

Each case creates an object for alice and returns the URL kwargs; bob then tries every
method. A completeness test fails when a route or API operation with an object id has
no case here.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.urls import reverse

from careerpath.accounts.services import create_api_token
from careerpath.achievements.tests.factories import AchievementFactory, EvidenceFactory
from careerpath.balance.tests.factories import CheckInFactory
from careerpath.core.models import owned_models
from careerpath.core.testing import snapshot_owned_rows
from careerpath.feedback.tests.factories import FeedbackFactory, FeedbackRequestFactory
from careerpath.goals.tests.factories import (
    ActionStepFactory,
    AspirationFactory,
    GoalFactory,
    KpiReadingFactory,
    MilestoneFactory,
)
from careerpath.journal.tests.factories import EntryFactory, SetbackFactory
from careerpath.learning.tests.factories import (
    CertificationFactory,
    LearningItemFactory,
    LearningSessionFactory,
)
from careerpath.network.tests.factories import (
    ContactFactory,
    ContactImportFactory,
    EventFactory,
    InteractionFactory,
    MeetingFactory,
)
from careerpath.profiles.tests.factories import ProfileFactory, SelfAssessmentFactory
from careerpath.reviews.tests.factories import ReviewFactory
from careerpath.skills.tests.factories import (
    GapActionFactory,
    PostingSkillFactory,
    SkillAssessmentFactory,
    UserSkillFactory,
)
from tests.routes import api_operations, site_routes

CANARY = "CANARY-ALICE-7f3c9e"
ALL_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


@dataclass(frozen=True)
class Case:
    make: Callable[[object], dict[str, object]]  # owner → URL kwargs
    methods: tuple[str, ...]  # what the route accepts
    payload: dict[str, object] = field(default_factory=dict)


def _assessment(owner):
    return {"pk": SelfAssessmentFactory(owner=owner, notes=CANARY).pk}


def _token(owner):
    token, _ = create_api_token(user=owner, name=f"cron {CANARY}")
    return {"pk": token.pk}


ASSESSMENT_FORM = {
    "assessed_on": "2026-01-01",
    "strengths": "Stolen",
    "job_satisfaction": "1",
    "goal_alignment": "1",
    "resp-TOTAL_FORMS": "0",
    "resp-INITIAL_FORMS": "0",
}


def _goal(owner):
    return {"pk": GoalFactory(owner=owner, statement=f"Goal {CANARY}").pk}


def _milestone(owner):
    return {"pk": MilestoneFactory(goal=GoalFactory(owner=owner), title=CANARY).pk}


def _step(owner):
    return {"pk": ActionStepFactory(goal=GoalFactory(owner=owner), title=CANARY).pk}


def _reading(owner):
    return {"pk": KpiReadingFactory(goal=GoalFactory(owner=owner), note=CANARY).pk}


def _aspiration(owner):
    return {"pk": AspirationFactory(owner=owner, title=CANARY).pk}


def _feedback(owner):
    return {"pk": FeedbackFactory(owner=owner, text=CANARY, source=CANARY).pk}


def _feedback_request(owner):
    return {"pk": FeedbackRequestFactory(owner=owner, about=CANARY).pk}


def _achievement(owner):
    return {"pk": AchievementFactory(owner=owner, title=CANARY).pk}


FEEDBACK_FORM = {
    "source": "Stolen",
    "received_on": "2026-01-01",
    "kind": "praise",
    "text": "Stolen",
    "recipient_name": "Stolen",
    "about_kind": "other",
    "about": "Stolen",
    "asked_on": "2026-01-01",
    "due_on": "2026-02-01",
    "status": "declined",
    "title": "Stolen",
    "achieved_on": "2026-01-01",
    "what_i_did": "Stolen",
    "visibility": "public",
}


def _entry(owner):
    return {"pk": EntryFactory(owner=owner, body=CANARY).pk}


def _setback_entry(owner):
    return {
        "pk": SetbackFactory(entry=EntryFactory(owner=owner), lesson=CANARY).entry_id
    }


def _setback(owner):
    return {"pk": SetbackFactory(entry=EntryFactory(owner=owner), lesson=CANARY).pk}


def _check_in(owner):
    return {"pk": CheckInFactory(owner=owner, note=CANARY).pk}


JOURNAL_FORM = {
    "written_on": "2026-01-01",
    "mood": "1",
    "body": "Stolen",
    "lesson": "Stolen",
    "next_time": "Stolen",
    "outcome": "Stolen",
    "outcome_on": "2026-01-02",
}
BALANCE_FORM = {
    "week_of": "2026-01-05",
    "hours_worked": "99",
    "sleep_hours": "1",
    "energy": "1",
    "stress": "5",
    "satisfaction": "1",
    "personal_time": "1",
}


def _learning_item(owner):
    return {"pk": LearningItemFactory(owner=owner, title=CANARY, note=CANARY).pk}


def _learning_session(owner):
    return {"pk": LearningSessionFactory(item__owner=owner, note=CANARY).pk}


def _user_skill(owner):
    return {"pk": UserSkillFactory(owner=owner, name=CANARY, evidence_notes=CANARY).pk}


def _skill_assessment(owner):
    user_skill = UserSkillFactory(owner=owner, name=f"Skill {CANARY}")
    return {"pk": SkillAssessmentFactory(user_skill=user_skill, note=CANARY).pk}


def _role(owner):
    """A target role with one reviewed posting, so it has a gap to act on."""
    row = PostingSkillFactory(
        posting__role__owner=owner,
        posting__role__title=CANARY,
        posting__title=CANARY,
        label=CANARY,
    )
    return {"pk": row.posting.role_id}


def _posting(owner):
    row = PostingSkillFactory(
        posting__role__owner=owner, posting__title=CANARY, label=CANARY
    )
    return {"pk": row.posting_id}


SKILLS_FORM = {
    "name": "Stolen",
    "kind": "hard",
    "level": "3",
    "title": "Stolen",
    "text": "We need SQL and Python.",
    "source": "self",
    "assessed_on": "2026-01-01",
    "skill": "name:canary alice 7f3c9e",
    "added": "Stolen",
    "added_requirement": "must",
}

LEARNING_FORM = {
    "title": "Stolen",
    "kind": "course",
    "status": "completed",
    "logged_on": "2026-01-02",
    "hours": "2",
    "from": "item",
}

GOAL_FORM = {
    "statement": "Stolen goal statement that is long enough",
    "category": "skill",
    "metric_name": "x",
    "baseline": "0",
    "target": "5",
    "direction": "increase",
    "starts_on": "2026-01-01",
    "deadline": "2026-12-31",
    "priority": "2",
    "status": "abandoned",
    "reason": "stolen",
    "title": "Stolen",
    "due_on": "2026-06-01",
    "read_on": "2026-06-01",
    "value": "3",
    "horizon_years": "5",
    "confirm_activation": "on",
}


def _contact(owner):
    return {"pk": ContactFactory(owner=owner, name=CANARY, notes=CANARY).pk}


def _interaction(owner):
    contact = ContactFactory(owner=owner, name=f"Met {CANARY}")
    return {
        "pk": InteractionFactory(
            owner=owner,
            summary=CANARY,
            follow_up_on=datetime.date(2026, 10, 5),
            contacts=[contact],
        ).pk
    }


def _event(owner):
    return {"pk": EventFactory(owner=owner, name=CANARY, notes=CANARY).pk}


def _meeting(owner):
    return {"pk": MeetingFactory(contact=ContactFactory(owner=owner), agenda=CANARY).pk}


def _contact_import(owner):
    return {"pk": ContactImportFactory(owner=owner, filename=f"{CANARY}.csv").pk}


NETWORK_FORM = {
    "name": "Stolen",
    "occurred_on": "2026-06-01",
    "held_on": "2026-06-01",
    "channel": "call",
    "summary": "Stolen",
    "help_direction": "none",
    "agenda": "Stolen",
}


def _review(owner):
    return {"pk": ReviewFactory(owner=owner, moving_towards=CANARY).pk}


def _review_pair(owner):
    first = ReviewFactory(owner=owner, moving_towards=CANARY)
    second = ReviewFactory(
        owner=owner,
        period_start=datetime.date(2026, 9, 1),
        period_end=datetime.date(2026, 9, 30),
    )
    return {"pk": first.pk, "other_pk": second.pk}


def _review_other(owner):
    return ReviewFactory(
        owner=owner,
        cadence="quarterly",
        period_start=datetime.date(2026, 7, 1),
        period_end=datetime.date(2026, 9, 30),
    ).pk


_review_pair_other = _review_other


REVIEW_FORM = {
    "moving_towards": "Stolen",
    "statement": "Stolen",
    "title": "Stolen",
    "kind": "course",
    "reason": "Stolen",
    "summary": "Stolen",
    "follow_up_on": "2030-01-01",
    "complete": "1",
}

ROUTE_CASES: dict[str, Case] = {
    "reviews:review_detail": Case(_review, ("GET", "POST"), REVIEW_FORM),
    "reviews:review_delete": Case(_review, ("GET", "POST")),
    "reviews:review_compare": Case(_review_pair, ("GET",)),
    "reviews:review_goal_adjust": Case(_review, ("POST",), REVIEW_FORM),
    "reviews:review_goal_draft": Case(_review, ("POST",), REVIEW_FORM),
    "reviews:review_learning_plan": Case(_review, ("POST",), REVIEW_FORM),
    "reviews:review_follow_up": Case(_review, ("POST",), REVIEW_FORM),
    "network:contact_detail": Case(_contact, ("GET",)),
    "network:contact_edit": Case(_contact, ("GET", "POST"), NETWORK_FORM),
    "network:contact_delete": Case(_contact, ("GET", "POST")),
    "network:meeting_create": Case(_contact, ("GET", "POST"), NETWORK_FORM),
    "network:interaction_edit": Case(_interaction, ("GET", "POST"), NETWORK_FORM),
    "network:interaction_delete": Case(_interaction, ("POST",)),
    "network:interaction_follow_up": Case(_interaction, ("POST",)),
    "network:meeting_delete": Case(_meeting, ("POST",)),
    "network:event_detail": Case(_event, ("GET",)),
    "network:event_follow_up": Case(_event, ("POST",)),
    "network:event_delete": Case(_event, ("GET", "POST")),
    "network:import_preview": Case(_contact_import, ("GET",)),
    "network:import_commit": Case(_contact_import, ("POST",)),
    "goals:goal_detail": Case(_goal, ("GET",)),
    "goals:goal_edit": Case(_goal, ("GET", "POST"), GOAL_FORM),
    "goals:goal_status": Case(_goal, ("POST",), GOAL_FORM),
    "goals:goal_delete": Case(_goal, ("GET", "POST")),
    "goals:goal_plan": Case(_goal, ("GET",)),
    "goals:milestone_create": Case(_goal, ("POST",), GOAL_FORM),
    "goals:step_create": Case(_goal, ("POST",), GOAL_FORM),
    "goals:reading_create": Case(_goal, ("POST",), GOAL_FORM),
    "goals:milestone_edit": Case(_milestone, ("GET", "POST"), GOAL_FORM),
    "goals:milestone_complete": Case(_milestone, ("POST",)),
    "goals:milestone_delete": Case(_milestone, ("POST",)),
    "goals:step_toggle": Case(_step, ("POST",)),
    "goals:step_delete": Case(_step, ("POST",)),
    "goals:reading_delete": Case(_reading, ("POST",)),
    "goals:aspiration_edit": Case(_aspiration, ("GET", "POST"), GOAL_FORM),
    "goals:aspiration_delete": Case(_aspiration, ("GET", "POST")),
    "profiles:assessment_detail": Case(_assessment, ("GET",)),
    "profiles:assessment_edit": Case(_assessment, ("GET", "POST"), ASSESSMENT_FORM),
    "profiles:assessment_delete": Case(_assessment, ("GET", "POST")),
    "accounts:token_revoke": Case(_token, ("POST",)),
    "feedback:feedback_edit": Case(_feedback, ("GET", "POST"), FEEDBACK_FORM),
    "feedback:feedback_delete": Case(_feedback, ("GET", "POST")),
    "feedback:request_detail": Case(_feedback_request, ("GET",)),
    "feedback:request_edit": Case(_feedback_request, ("GET", "POST"), FEEDBACK_FORM),
    "feedback:request_status": Case(_feedback_request, ("POST",), FEEDBACK_FORM),
    "feedback:request_send": Case(_feedback_request, ("POST",)),
    "feedback:request_delete": Case(_feedback_request, ("GET", "POST")),
    "achievements:achievement_edit": Case(_achievement, ("GET", "POST"), FEEDBACK_FORM),
    "achievements:achievement_delete": Case(_achievement, ("GET", "POST")),
    "journal:entry_detail": Case(_setback_entry, ("GET",)),
    "journal:entry_edit": Case(_setback_entry, ("GET", "POST"), JOURNAL_FORM),
    "journal:entry_delete": Case(_entry, ("GET", "POST")),
    "journal:setback_outcome": Case(_setback, ("POST",), JOURNAL_FORM),
    "balance:checkin_edit": Case(_check_in, ("GET", "POST"), BALANCE_FORM),
    "balance:checkin_delete": Case(_check_in, ("GET", "POST")),
    "skills:skill_detail": Case(_user_skill, ("GET",)),
    "skills:skill_edit": Case(_user_skill, ("GET", "POST"), SKILLS_FORM),
    "skills:skill_delete": Case(_user_skill, ("GET", "POST")),
    "skills:assessment_create": Case(_user_skill, ("POST",), SKILLS_FORM),
    "skills:assessment_delete": Case(_skill_assessment, ("POST",)),
    "skills:role_detail": Case(_role, ("GET",)),
    "skills:role_edit": Case(_role, ("GET", "POST"), SKILLS_FORM),
    "skills:role_delete": Case(_role, ("GET", "POST")),
    "skills:posting_create": Case(_role, ("GET", "POST"), SKILLS_FORM),
    "skills:gap_analysis": Case(_role, ("GET",)),
    "skills:gap_to_goal": Case(_role, ("POST",), SKILLS_FORM),
    "skills:gap_to_learning": Case(_role, ("POST",), SKILLS_FORM),
    "skills:gap_set_level": Case(_role, ("POST",), SKILLS_FORM),
    "skills:posting_review": Case(_posting, ("GET", "POST"), SKILLS_FORM),
    "skills:posting_delete": Case(_posting, ("GET", "POST")),
    "learning:item_detail": Case(_learning_item, ("GET",)),
    "learning:item_edit": Case(_learning_item, ("GET", "POST"), LEARNING_FORM),
    "learning:item_delete": Case(_learning_item, ("GET", "POST")),
    "learning:item_complete": Case(_learning_item, ("POST",)),
    "learning:item_session_create": Case(_learning_item, ("POST",), LEARNING_FORM),
    "learning:session_delete": Case(_learning_session, ("POST",), LEARNING_FORM),
}

API_BODY = {
    "assessed_on": "2026-01-01",
    "job_satisfaction": 1,
    "goal_alignment": 1,
    "statement": "Stolen",
    "title": "Stolen",
    "due_on": "2026-06-01",
    "value": "3",
    "read_on": "2026-06-01",
    "status": "abandoned",
    "reason": "stolen",
    "completed": True,
    "name": "Stolen",
    "occurred_on": "2026-06-01",
    "channel": "call",
    "summary": "Stolen",
    "contact_ids": [1],
    "kind": "praise",
    "recipient_name": "Stolen",
    "about": "Stolen",
    "what_i_did": "Stolen",
    "visibility": "public",
    "source": "self",
    "level": 3,
    "text": "We need SQL and Python.",
    "key": "name:canary alice 7f3c9e",
}
# Where two areas use the same field name for different choices, the body that
# would be valid for the owner (so only ownership can refuse it).
API_BODY_OVERRIDES: dict[str, dict[str, object]] = {
    "/api/v1/skills/{skill_id}": {"kind": "hard"},
    "/api/v1/roles/{role_id}/gaps/actions": {"kind": "course"},
    "/api/v1/reviews/{review_id}/goal-adjustments": {"goal_id": 1},
}
API_CASES: dict[str, Callable[[object], dict[str, object]]] = {
    "/api/v1/reviews/{review_id}": lambda owner: {"review_id": _review(owner)["pk"]},
    "/api/v1/reviews/{review_id}/goal-adjustments": lambda owner: {
        "review_id": _review(owner)["pk"]
    },
    "/api/v1/reviews/{review_id}/compare/{other_id}": lambda owner: {
        "review_id": _review_pair(owner)["pk"],
        "other_id": _review_pair_other(owner),
    },
    "/api/v1/network/contacts/{contact_id}": lambda owner: {
        "contact_id": _contact(owner)["pk"]
    },
    "/api/v1/network/interactions/{interaction_id}": lambda owner: {
        "interaction_id": _interaction(owner)["pk"]
    },
    "/api/v1/goals/{goal_id}": lambda owner: {"goal_id": _goal(owner)["pk"]},
    "/api/v1/goals/{goal_id}/milestones": lambda owner: {"goal_id": _goal(owner)["pk"]},
    "/api/v1/goals/{goal_id}/steps": lambda owner: {"goal_id": _goal(owner)["pk"]},
    "/api/v1/goals/{goal_id}/readings": lambda owner: {"goal_id": _goal(owner)["pk"]},
    "/api/v1/milestones/{milestone_id}": lambda owner: {
        "milestone_id": _milestone(owner)["pk"]
    },
    "/api/v1/steps/{step_id}": lambda owner: {"step_id": _step(owner)["pk"]},
    "/api/v1/steps/{step_id}/toggle": lambda owner: {"step_id": _step(owner)["pk"]},
    "/api/v1/readings/{reading_id}": lambda owner: {
        "reading_id": _reading(owner)["pk"]
    },
    "/api/v1/aspirations/{aspiration_id}": lambda owner: {
        "aspiration_id": _aspiration(owner)["pk"]
    },
    "/api/v1/assessments/{assessment_id}": lambda owner: {
        "assessment_id": SelfAssessmentFactory(owner=owner, notes=CANARY).pk
    },
    "/api/v1/feedback/{feedback_id}": lambda owner: {
        "feedback_id": _feedback(owner)["pk"]
    },
    "/api/v1/feedback-requests/{request_id}": lambda owner: {
        "request_id": _feedback_request(owner)["pk"]
    },
    "/api/v1/feedback-requests/{request_id}/send": lambda owner: {
        "request_id": _feedback_request(owner)["pk"]
    },
    "/api/v1/achievements/{achievement_id}": lambda owner: {
        "achievement_id": _achievement(owner)["pk"]
    },
    "/api/v1/journal/entries/{entry_id}": lambda owner: {
        "entry_id": _entry(owner)["pk"]
    },
    "/api/v1/journal/setbacks/{setback_id}": lambda owner: {
        "setback_id": _setback(owner)["pk"]
    },
    "/api/v1/balance/check-ins/{check_in_id}": lambda owner: {
        "check_in_id": _check_in(owner)["pk"]
    },
    "/api/v1/skills/{skill_id}": lambda owner: {"skill_id": _user_skill(owner)["pk"]},
    "/api/v1/skills/{skill_id}/assessments": lambda owner: {
        "skill_id": _user_skill(owner)["pk"]
    },
    "/api/v1/skill-assessments/{assessment_id}": lambda owner: {
        "assessment_id": _skill_assessment(owner)["pk"]
    },
    "/api/v1/roles/{role_id}": lambda owner: {"role_id": _role(owner)["pk"]},
    "/api/v1/roles/{role_id}/postings": lambda owner: {"role_id": _role(owner)["pk"]},
    "/api/v1/roles/{role_id}/profile": lambda owner: {"role_id": _role(owner)["pk"]},
    "/api/v1/roles/{role_id}/gaps": lambda owner: {"role_id": _role(owner)["pk"]},
    "/api/v1/roles/{role_id}/gaps/actions": lambda owner: {
        "role_id": _role(owner)["pk"]
    },
    "/api/v1/postings/{posting_id}": lambda owner: {
        "posting_id": _posting(owner)["pk"]
    },
    "/api/v1/postings/{posting_id}/review": lambda owner: {
        "posting_id": _posting(owner)["pk"]
    },
    "/api/v1/learning/items/{item_id}": lambda owner: {
        "item_id": _learning_item(owner)["pk"]
    },
    "/api/v1/learning/items/{item_id}/complete": lambda owner: {
        "item_id": _learning_item(owner)["pk"]
    },
    "/api/v1/learning/sessions/{session_id}": lambda owner: {
        "session_id": _learning_session(owner)["pk"]
    },
}

# Routes with an id that are not owned objects: allauth's e-mailed one-time keys, and the
# taxonomy's shared reference data (every person reads the same skills and occupations).
NOT_OWNED = {
    "account_confirm_email",
    "account_reset_password_from_key",
    "taxonomy:skill_detail",
    "taxonomy:occupation_detail",
}


snapshot = snapshot_owned_rows


def routes_with_ids():
    return [r for r in site_routes() if r.kwargs_names and r.name not in NOT_OWNED]


def test_every_route_with_an_id_has_an_isolation_case():
    assert {r.name for r in routes_with_ids()} == set(ROUTE_CASES)


def test_every_api_path_with_an_id_has_an_isolation_case():
    assert {path for path, _, _ in api_operations() if "{" in path} == set(API_CASES)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(ROUTE_CASES))
def test_stranger_gets_404_and_changes_nothing(client, alice, bob, name):
    case = ROUTE_CASES[name]
    url = reverse(name, kwargs=case.make(alice))
    before = snapshot(alice)
    client.force_login(bob)
    for method in ALL_METHODS:
        response = client.generic(
            method,
            url,
            data=_encode(case.payload),
            content_type="application/x-www-form-urlencoded",
        )
        expected = {404} if method in case.methods else {404, 405}
        assert response.status_code in expected, (method, url, response.status_code)
        assert CANARY not in response.content.decode(errors="replace")
    assert snapshot(alice) == before


@pytest.mark.django_db
@pytest.mark.parametrize("path", sorted(API_CASES))
@pytest.mark.parametrize("auth", ["token", "session"])
def test_api_stranger_gets_404_and_changes_nothing(client, alice, bob, path, auth):
    kwargs = API_CASES[path](alice)
    url = path.format(**kwargs)
    methods = {method for p, method, _ in api_operations() if p == path}
    before = snapshot(alice)
    headers = {}
    if auth == "token":
        _, raw = create_api_token(user=bob, name="bob's script")
        headers["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    else:
        client.force_login(bob)
    body = {**API_BODY, **API_BODY_OVERRIDES.get(path, {})}
    for method in methods:
        response = client.generic(
            method,
            url,
            data=_json(body),
            content_type="application/json",
            **headers,
        )
        assert response.status_code == 404, (method, url, response.content)
        assert response.json() == {"detail": "Not found.", "errors": []}
    after = snapshot(alice)
    assert after == before


@pytest.mark.django_db
def test_nothing_of_alices_shows_on_any_of_bobs_pages_or_api_lists(client, alice, bob):
    ReviewFactory(owner=alice, moving_towards=CANARY, focus_next=CANARY)
    ProfileFactory(
        owner=alice,
        current_role=CANARY,
        organisation=CANARY,
        industry=CANARY,
        aspiration=CANARY,
        values=[CANARY],
        passions=[CANARY],
        thriving_environments=[CANARY],
    )
    SelfAssessmentFactory(
        owner=alice,
        strengths=[CANARY],
        weaknesses=[CANARY],
        notes=CANARY,
        responsibilities=[(CANARY, 4)],
    )
    create_api_token(user=alice, name=CANARY)
    goal = GoalFactory(
        owner=alice,
        statement=CANARY,
        achievability_note=CANARY,
        relevance_note=CANARY,
        metric_name=CANARY,
        values=[CANARY],
        aspiration=AspirationFactory(owner=alice, title=CANARY, description=CANARY),
        deadline=datetime.date(2026, 12, 31),
    )
    MilestoneFactory(goal=goal, title=CANARY, due_on=datetime.date(2026, 11, 30))
    ActionStepFactory(goal=goal, title=CANARY, due_on=datetime.date(2026, 11, 30))
    KpiReadingFactory(goal=goal, note=CANARY)
    contact = ContactFactory(
        owner=alice,
        name=CANARY,
        company=CANARY,
        title=CANARY,
        emails=[f"{CANARY}@example.org"],
        phones=[{"label": CANARY, "number": CANARY}],
        links=[{"label": CANARY, "url": f"https://{CANARY}.example"}],
        profile_url=f"https://www.linkedin.com/in/{CANARY}",
        how_we_met=CANARY,
        relationship_types=["mentor"],
        tags=[CANARY],
        notes=CANARY,
        advocates_for=CANARY,
        advocates_where=CANARY,
        added_on=datetime.date(2026, 1, 1),
    )
    contact.goals.add(goal)
    event = EventFactory(owner=alice, name=CANARY, place=CANARY, notes=CANARY)
    InteractionFactory(
        owner=alice,
        summary=CANARY,
        notes=CANARY,
        help_what=CANARY,
        help_direction="received",
        event=event,
        follow_up_on=datetime.date(2026, 11, 25),
        contacts=[contact],
    )
    MeetingFactory(contact=contact, agenda=CANARY, takeaways=CANARY, actions=CANARY)
    ContactImportFactory(owner=alice, filename=CANARY, content=CANARY)
    asked = FeedbackRequestFactory(
        owner=alice,
        recipient_name=CANARY,
        recipient_email="canary@example.org",
        about=CANARY,
        question=CANARY,
        goal=goal,
        asked_on=datetime.date(2026, 11, 1),
        due_on=datetime.date(2026, 11, 30),
    )
    heard = FeedbackFactory(
        owner=alice,
        request=asked,
        source=CANARY,
        context=CANARY,
        text=CANARY,
        themes=[CANARY],
        skills=[CANARY],
    )
    FeedbackFactory(owner=alice, source="Other", themes=[CANARY], skills=[CANARY])
    win = AchievementFactory(
        owner=alice,
        title=CANARY,
        what_i_did=CANARY,
        impact_unit=CANARY,
        skills=[CANARY],
        goal=goal,
    )
    EvidenceFactory(achievement=win, feedback=heard)
    SetbackFactory(
        entry=EntryFactory(owner=alice, title=CANARY, body=CANARY, tags=[CANARY]),
        goal=goal,
        lesson=CANARY,
        next_time=CANARY,
        outcome=CANARY,
        outcome_on=datetime.date(2026, 11, 21),
    )
    # This week's check-in and a history of them: balance data is never anyone else's.
    for back in range(10):
        CheckInFactory(
            owner=alice,
            week_of=datetime.date(2026, 11, 23) - datetime.timedelta(weeks=back),
            note=CANARY,
        )
    certificate = CertificationFactory(
        owner=alice,
        title=CANARY,
        provider=CANARY,
        url=f"https://example.org/{CANARY}",
        currency="EUR",
        skills=[CANARY],
        goal=goal,
        credential_id=CANARY,
        note=CANARY,
        source=CANARY,
        expires_on=datetime.date.today() + datetime.timedelta(days=10),
    )
    LearningSessionFactory(
        item=certificate, skill=CANARY, note=CANARY, logged_on=datetime.date.today()
    )
    LearningSessionFactory(
        owner=alice,
        item=None,
        skill=CANARY,
        note=CANARY,
        logged_on=datetime.date.today(),
    )
    skill_row = PostingSkillFactory(
        posting__role__owner=alice,
        posting__role__title=CANARY,
        posting__role__notes=CANARY,
        posting__title=CANARY,
        posting__company=CANARY,
        posting__url=f"https://example.org/{CANARY}",
        posting__text=CANARY,
        posting__certifications=[CANARY],
        posting__languages=[CANARY],
        label=CANARY,
        span=CANARY,
        original_label=CANARY,
    )
    user_skill = UserSkillFactory(
        owner=alice,
        name=CANARY,
        evidence_links=[f"https://example.org/{CANARY}"],
        evidence_notes=CANARY,
    )
    SkillAssessmentFactory(user_skill=user_skill, note=CANARY)
    GapActionFactory(
        role=skill_row.posting.role,
        skill_key=CANARY,
        skill_label=CANARY,
        reason=CANARY,
        goal=goal,
        learning_item=certificate,
    )
    client.force_login(bob)
    pages = [reverse(r.name) for r in site_routes() if not r.kwargs_names]
    pages += [
        re.sub(r"\{[^}]+\}", "1", p)
        for p, m, _ in api_operations()
        if m == "GET" and "{" not in p
    ]
    checked = 0
    for url in pages:
        response = client.get(url)
        if response.status_code == 200:
            checked += 1
        assert CANARY not in response.content.decode(errors="replace"), url
    assert checked >= 10


@pytest.mark.django_db
def test_owner_and_id_in_a_form_or_api_body_are_ignored(client, alice, bob):
    """Mass assignment: bob cannot create rows for alice by naming her."""
    client.force_login(bob)
    client.post(
        reverse("profiles:profile_edit"),
        {
            "current_role": "Bob's role",
            "owner": alice.pk,
            "owner_id": alice.pk,
            "id": 1,
        },
    )
    client.put(
        "/api/v1/profile",
        {"current_role": "Bob again", "owner": alice.pk, "owner_id": alice.pk},
        content_type="application/json",
    )
    assert snapshot(alice) == {label: [] for label in snapshot(alice)}
    from careerpath.profiles.models import Profile

    assert Profile.objects.get(owner=bob).current_role == "Bob again"


def _encode(payload):
    from urllib.parse import urlencode

    return urlencode(payload)


def _json(payload):
    import json

    return json.dumps(payload)


def test_owned_models_cover_every_user_table():
    labels = {m._meta.label for m in owned_models()}
    assert {
        "profiles.Profile",
        "profiles.SelfAssessment",
        "profiles.Responsibility",
        "accounts.ApiToken",
        "network.Contact",
        "network.Interaction",
        "network.Event",
        "network.MentorshipMeeting",
        "network.ContactImport",
        "journal.Entry",
        "journal.Setback",
        "balance.CheckIn",
    } <= labels
