import datetime

import pytest
import time_machine

from careerpath.accounts.services import create_api_token
from careerpath.core.testing import snapshot_owned_rows
from careerpath.goals.models import Goal, GoalChange, KpiReading
from careerpath.goals.tests.factories import GoalFactory, MilestoneFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 12, tzinfo=datetime.UTC)):
        yield


@pytest.fixture
def api(client, alice):
    _, raw = create_api_token(user=alice, name="tests")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    return client


GOAL = {
    "statement": "Run six internal SQL workshops for the analytics team",
    "category": "skill",
    "metric_name": "Workshops run",
    "metric_unit": "workshops",
    "baseline": "0",
    "target": "6",
    "achievability_note": "Two hours a week.",
    "values": ["Learning"],
    "starts_on": "2026-11-01",
    "deadline": "2027-04-30",
}


def test_goal_lifecycle_through_the_api(api, alice):
    response = api.post("/api/v1/goals", GOAL, content_type="application/json")
    assert response.status_code == 201, response.content
    goal = response.json()
    assert [f["letter"] for f in goal["smart"]] == ["S", "M", "A", "R", "T"]
    gid = goal["id"]
    assert (
        api.post(
            f"/api/v1/goals/{gid}/milestones",
            {"title": "First workshop", "due_on": "2026-12-15"},
            content_type="application/json",
        ).status_code
        == 201
    )
    response = api.post(
        f"/api/v1/goals/{gid}/readings",
        {"value": "1", "read_on": "2026-11-20"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    step = api.post(
        f"/api/v1/goals/{gid}/steps",
        {"title": "Book a room"},
        content_type="application/json",
    ).json()
    assert (
        api.post(f"/api/v1/steps/{step['id']}/toggle").json()["done_on"] == "2026-11-23"
    )
    response = api.patch(
        f"/api/v1/goals/{gid}",
        {"deadline": "2027-06-30"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "reason"
    response = api.patch(
        f"/api/v1/goals/{gid}",
        {"deadline": "2027-06-30", "reason": "Summer break"},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert GoalChange.objects.get().reason == "Summer break"
    listing = api.get("/api/v1/goals?status=draft").json()
    assert listing["count"] == 1
    assert api.delete(f"/api/v1/goals/{gid}").status_code == 204
    assert not Goal.objects.exists()


def test_smart_check_endpoint_grades_a_draft_without_saving(api, alice):
    response = api.post(
        "/api/v1/smart-check",
        {"statement": "Get better at work"},
        content_type="application/json",
    )
    assert response.status_code == 200
    verdicts = {f["letter"]: f["verdict"] for f in response.json()}
    assert verdicts["S"] == "fail"
    assert verdicts["M"] == "fail"
    assert verdicts["T"] == "fail"
    assert not Goal.objects.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**GOAL, "deadline": "2026-10-01"}, "deadline"),
        ({**GOAL, "target": "0"}, "target"),
        ({**GOAL, "target": "many"}, "target"),
        ({**GOAL, "statement": ""}, "statement"),
        ({**GOAL, "category": "wizardry"}, "category"),
        ({**GOAL, "status": "achieved"}, "status"),
    ],
)
def test_bad_goal_input_gets_422_and_saves_nothing(api, alice, body, field):
    before = snapshot_owned_rows(alice)
    response = api.post("/api/v1/goals", body, content_type="application/json")
    assert response.status_code == 422, response.content
    assert any(e["field"] == field for e in response.json()["errors"]), response.json()
    assert snapshot_owned_rows(alice) == before


def test_bad_milestone_and_reading_get_422(api, alice):
    goal = GoalFactory(owner=alice)
    response = api.post(
        f"/api/v1/goals/{goal.pk}/milestones",
        {"title": "Late", "due_on": "2027-05-01"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "due_on"
    response = api.post(
        f"/api/v1/goals/{goal.pk}/readings",
        {"value": "3", "read_on": "2099-01-01"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert not KpiReading.objects.exists()


def test_activating_a_failing_goal_needs_confirm_failing(api, alice):
    body = {"statement": "Improve", "status": "active"}
    response = api.post("/api/v1/goals", body, content_type="application/json")
    assert response.status_code == 422
    assert "fails the SMART check" in response.json()["errors"][0]["message"]
    assert (
        api.post(
            "/api/v1/goals",
            {**body, "confirm_failing": True},
            content_type="application/json",
        ).status_code
        == 201
    )


def test_cannot_link_someone_elses_goal_as_parent(api, alice, bob):
    other = GoalFactory(owner=bob)
    response = api.post(
        "/api/v1/goals",
        {**GOAL, "parent_id": other.pk},
        content_type="application/json",
    )
    assert response.status_code == 404
    assert not Goal.objects.owned_by(alice).exists()


def test_milestone_can_be_completed_via_patch(api, alice):
    milestone = MilestoneFactory(goal=GoalFactory(owner=alice))
    response = api.patch(
        f"/api/v1/milestones/{milestone.pk}",
        {"completed": True},
        content_type="application/json",
    )
    assert response.json()["completed_on"] == "2026-11-23"
