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
from careerpath.core.models import owned_models
from careerpath.core.testing import snapshot_owned_rows
from careerpath.goals.tests.factories import (
    ActionStepFactory,
    AspirationFactory,
    GoalFactory,
    KpiReadingFactory,
    MilestoneFactory,
)
from careerpath.learning.tests.factories import (
    CertificationFactory,
    LearningItemFactory,
    LearningSessionFactory,
)
from careerpath.profiles.tests.factories import ProfileFactory, SelfAssessmentFactory
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

ROUTE_CASES: dict[str, Case] = {
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
    "source": "self",
    "level": 3,
    "text": "We need SQL and Python.",
    "key": "name:canary alice 7f3c9e",
}
API_CASES: dict[str, Callable[[object], dict[str, object]]] = {
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
    for method in methods:
        response = client.generic(
            method,
            url,
            data=_json(API_BODY),
            content_type="application/json",
            **headers,
        )
        assert response.status_code == 404, (method, url, response.content)
        assert response.json() == {"detail": "Not found.", "errors": []}
    after = snapshot(alice)
    assert after == before


@pytest.mark.django_db
def test_nothing_of_alices_shows_on_any_of_bobs_pages_or_api_lists(client, alice, bob):
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
    } <= labels
