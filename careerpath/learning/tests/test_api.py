"""The learning API: items, sessions and the summary, with the one error shape."""

import datetime
from decimal import Decimal

import pytest
import time_machine

from careerpath.accounts.services import create_api_token
from careerpath.core.testing import snapshot_owned_rows
from careerpath.goals.tests.factories import GoalFactory
from careerpath.learning.models import LearningItem, LearningSession
from careerpath.learning.tests.factories import (
    CertificationFactory,
    LearningItemFactory,
    LearningSessionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 3, 15, 12, tzinfo=datetime.UTC)):
        yield


@pytest.fixture
def api(client, alice):
    _, raw = create_api_token(user=alice, name="tests")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    return client


ITEM = {
    "title": "Certified Health Data Analyst",
    "kind": "certification",
    "provider": "AHIMA",
    "cost": "399",
    "currency": "usd",
    "hours": "60",
    "starts_on": "2026-01-10",
    "status": "completed",
    "skills": ["Health informatics", "SQL", "sql"],
    "issued_on": "2026-03-01",
    "expires_on": "2026-05-01",
}


def test_item_lifecycle_through_the_api(api, alice):
    goal = GoalFactory(owner=alice)
    response = api.post(
        "/api/v1/learning/items",
        {**ITEM, "goal_id": goal.pk},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    item = response.json()
    assert item["currency"] == "USD"
    assert item["goal_id"] == goal.pk
    assert len(item["skills"]) == 2
    assert item["renewal"] == {"state": "due", "due_on": "2026-03-02", "days_left": 47}
    assert item["completed_on"] == "2026-03-15"
    iid = item["id"]
    response = api.post(
        "/api/v1/learning/sessions",
        {"item_id": iid, "hours": "1.5", "skill": "SQL"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["logged_on"] == "2026-03-15"
    detail = api.get(f"/api/v1/learning/items/{iid}").json()
    assert detail["logged_hours"] == "1.50"
    response = api.patch(
        f"/api/v1/learning/items/{iid}",
        {"expires_on": "2029-05-01", "note": None},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["renewal"]["state"] == "valid"
    listed = api.get("/api/v1/learning/items", {"kind": "certification"}).json()
    assert [i["id"] for i in listed["items"]] == [iid]
    assert api.delete(f"/api/v1/learning/items/{iid}").status_code == 204
    assert not LearningItem.objects.exists()
    assert not LearningSession.objects.exists()


def test_complete_through_the_api(api, alice):
    item = LearningItemFactory(owner=alice)
    response = api.post(f"/api/v1/learning/items/{item.pk}/complete")
    assert response.status_code == 200
    assert response.json()["status"] == "completed"
    assert response.json()["finishes_on"] == "2026-03-15"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"starts_on": "2026-03-01", "finishes_on": "2026-02-01"}, "finishes_on"),
        ({"cost": "-1"}, "cost"),
        ({"hours": "-3"}, "hours"),
        ({"issued_on": "2026-03-01", "expires_on": "2026-02-01"}, "expires_on"),
        ({"kind": "podcast"}, "kind"),
        ({"title": ""}, "title"),
        ({"url": "ftp://x"}, "url"),
    ],
)
def test_bad_items_are_refused_with_field_errors(api, alice, body, field):
    response = api.post(
        "/api/v1/learning/items",
        {"title": "Course", **body},
        content_type="application/json",
    )
    assert response.status_code == 422, response.content
    payload = response.json()
    assert payload["detail"] == "The request is not valid; nothing was saved."
    assert field in {e["field"] for e in payload["errors"]}
    assert not LearningItem.objects.exists()


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"status": "abandoned"}, "status", "not a valid choice"),
        ({"finishes_on": "2020-01-01"}, "finishes_on", "before the start"),
        ({"goal_id": None, "title": None}, "title", "cannot be null"),
    ],
)
def test_bad_patches_change_nothing(api, alice, body, field, message):
    item = LearningItemFactory(owner=alice)
    before = snapshot_owned_rows(alice)
    response = api.patch(
        f"/api/v1/learning/items/{item.pk}", body, content_type="application/json"
    )
    assert response.status_code == 422, response.content
    errors = {e["field"]: e["message"] for e in response.json()["errors"]}
    assert message in errors[field]
    assert snapshot_owned_rows(alice) == before


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"hours": "1", "logged_on": "2026-03-16"}, "logged_on"),
        ({"hours": "-1"}, "hours"),
        ({"hours": "0"}, "hours"),
        ({"hours": "25"}, "hours"),
    ],
)
def test_bad_sessions_are_refused(api, alice, body, field):
    response = api.post(
        "/api/v1/learning/sessions", body, content_type="application/json"
    )
    assert response.status_code == 422, response.content
    assert field in {e["field"] for e in response.json()["errors"]}
    assert not LearningSession.objects.exists()


def test_session_on_a_strangers_item_is_not_found(api, bob):
    item = LearningItemFactory(owner=bob)
    response = api.post(
        "/api/v1/learning/sessions",
        {"item_id": item.pk, "hours": "1"},
        content_type="application/json",
    )
    assert response.status_code == 404
    assert not LearningSession.objects.exists()


def test_sessions_list_filters(api, alice):
    item = LearningItemFactory(owner=alice)
    LearningSessionFactory(item=item, logged_on=datetime.date(2026, 1, 5))
    LearningSessionFactory(
        owner=alice, item=None, logged_on=datetime.date(2026, 3, 1), skill="R"
    )
    everything = api.get("/api/v1/learning/sessions").json()
    assert [s["logged_on"] for s in everything["items"]] == ["2026-03-01", "2026-01-05"]
    since = api.get("/api/v1/learning/sessions", {"since": "2026-02-01"}).json()
    assert since["count"] == 1
    on_item = api.get("/api/v1/learning/sessions", {"item_id": item.pk}).json()
    assert [s["item_id"] for s in on_item["items"]] == [item.pk]


def test_summary(api, alice):
    item = LearningItemFactory(owner=alice, skills=["SQL", "Python"])
    LearningSessionFactory(item=item, logged_on=datetime.date(2026, 3, 1), hours="2")
    LearningSessionFactory(
        owner=alice, item=None, logged_on=datetime.date(2025, 4, 1), hours="1"
    )
    LearningSessionFactory(
        owner=alice, item=None, logged_on=datetime.date(2025, 3, 31), hours="5"
    )
    CertificationFactory(owner=alice, title="Due", expires_on=datetime.date(2026, 4, 1))
    CertificationFactory(
        owner=alice, title="Fine", expires_on=datetime.date(2028, 4, 1)
    )
    summary = api.get("/api/v1/learning/summary").json()
    assert summary["months"] == 12
    assert summary["since"] == "2025-04-01"
    assert Decimal(summary["total_hours"]) == 3
    first, last = summary["per_month"][0], summary["per_month"][-1]
    assert (first["month"], Decimal(first["hours"])) == ("2025-04", 1)
    assert (last["month"], Decimal(last["hours"])) == ("2026-03", 2)
    assert {s["skill"] for s in summary["per_skill"]} >= {"No skill named"}
    assert [r["title"] for r in summary["renewals"]] == ["Due"]
    for months in ("0", "61", "many"):
        response = api.get("/api/v1/learning/summary", {"months": months})
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "months"
    longer = api.get("/api/v1/learning/summary", {"months": "24"}).json()
    assert Decimal(longer["total_hours"]) == 8
