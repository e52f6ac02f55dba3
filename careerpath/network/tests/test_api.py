import datetime
from pathlib import Path

import pytest
import time_machine

from careerpath.accounts.services import create_api_token
from careerpath.core.testing import snapshot_owned_rows
from careerpath.goals.tests.factories import GoalFactory
from careerpath.network.models import Contact, Event, Interaction
from careerpath.network.tests.factories import ContactFactory

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 12, tzinfo=datetime.UTC)):
        yield


@pytest.fixture
def api(client, alice):
    _, raw = create_api_token(user=alice, name="tests")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    return client


def post(api, path, body):
    return api.post(path, body, content_type="application/json")


def test_contact_and_interaction_lifecycle(api, alice):
    goal = GoalFactory(owner=alice)
    response = post(
        api,
        "/api/v1/network/contacts",
        {
            "name": "Priya Natarajan",
            "company": "Globex",
            "relationship_types": ["mentor"],
            "emails": ["priya@globex.example"],
            "phones": [{"number": "+44 7700 900123", "label": "mobile"}],
            "tags": ["pydata"],
            "goal_ids": [goal.pk],
        },
    )
    assert response.status_code == 201, response.content
    contact = response.json()
    assert contact["goal_ids"] == [goal.pk]
    assert contact["cadence"]["state"] == "ok"
    assert contact["cadence"]["due_on"] == "2026-12-23"
    cid = contact["id"]
    response = post(
        api,
        "/api/v1/network/interactions",
        {
            "occurred_on": "2026-11-22",
            "channel": "video",
            "summary": "Promotion case",
            "contact_ids": [cid],
            "help_direction": "received",
            "follow_up_on": "2026-11-29",
        },
    )
    assert response.status_code == 201, response.content
    interaction = response.json()
    assert interaction["contact_ids"] == [cid]
    detail = api.get(f"/api/v1/network/contacts/{cid}").json()
    assert detail["last_interaction_on"] == "2026-11-22"
    assert detail["cadence"]["due_on"] == "2026-12-22"
    found = api.get("/api/v1/network/contacts", {"q": "globex priya"}).json()
    assert found["count"] == 1
    assert (
        api.get("/api/v1/network/interactions", {"contact_id": cid}).json()["count"]
        == 1
    )
    response = api.patch(
        f"/api/v1/network/contacts/{cid}",
        {"title": "VP Data"},
        content_type="application/json",
    )
    assert response.json()["title"] == "VP Data"
    assert (
        api.delete(f"/api/v1/network/interactions/{interaction['id']}").status_code
        == 204
    )
    assert (
        api.get(f"/api/v1/network/contacts/{cid}").json()["last_interaction_on"] is None
    )
    assert api.delete(f"/api/v1/network/contacts/{cid}").status_code == 204
    assert not Contact.objects.exists()


@pytest.mark.parametrize(
    ("path", "body", "field", "message"),
    [
        ("/api/v1/network/contacts", {"name": ""}, "name", "at least 1 character"),
        (
            "/api/v1/network/contacts",
            {"name": "A", "notes": "x" * 20_001},
            "notes",
            "at most 20000 characters",
        ),
        (
            "/api/v1/network/contacts",
            {"name": "A", "relationship_types": ["boss"]},
            "relationship_types.0",
            "Input should be",
        ),
        (
            "/api/v1/network/contacts",
            {"name": "A", "goal_ids": [999999]},
            "goal_ids",
            "Choose your own goals.",
        ),
        (
            "/api/v1/network/contacts",
            {"name": "A", "ideal_interval_days": 60, "max_interval_days": 30},
            "max_interval_days",
            "can't be shorter than the ideal",
        ),
        (
            "/api/v1/network/interactions",
            {
                "occurred_on": "2026-11-20",
                "channel": "call",
                "summary": "x",
                "contact_ids": [],
            },
            "contact_ids",
            "at least 1 item",
        ),
        (
            "/api/v1/network/interactions",
            {
                "occurred_on": "2026-11-20",
                "channel": "call",
                "summary": "x",
                "contact_ids": [999999],
            },
            "contact_ids",
            "Choose your own contacts.",
        ),
        (
            "/api/v1/network/events",
            {"name": "Meetup", "held_on": "2026-11-20", "follow_up_on": "2026-11-01"},
            "follow_up_on",
            "can't be before the event",
        ),
        (
            "/api/v1/network/imports",
            {"content": "hello"},
            "content",
            "neither LinkedIn's Connections.csv",
        ),
    ],
)
def test_bad_input_gets_the_one_error_shape_and_changes_nothing(
    api, alice, path, body, field, message
):
    before = snapshot_owned_rows(alice)
    response = post(api, path, body)
    assert response.status_code == 422, response.content
    data = response.json()
    assert data["detail"] == "The request is not valid; nothing was saved."
    assert any(
        e["field"] == field and message in e["message"] for e in data["errors"]
    ), data
    assert snapshot_owned_rows(alice) == before


def test_follow_up_before_the_interaction_is_refused(api, alice):
    contact = ContactFactory(owner=alice)
    response = post(
        api,
        "/api/v1/network/interactions",
        {
            "occurred_on": "2026-11-20",
            "channel": "call",
            "summary": "x",
            "contact_ids": [contact.pk],
            "follow_up_on": "2026-11-19",
        },
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {
            "field": "follow_up_on",
            "message": "The follow-up can't be before the interaction.",
        }
    ]
    assert not Interaction.objects.exists()


def test_duplicate_contact_is_refused(api, alice):
    ContactFactory(owner=alice, name="Ana Ruiz", company="Globex")
    response = post(
        api, "/api/v1/network/contacts", {"name": "ana ruiz", "company": "GLOBEX"}
    )
    assert response.status_code == 422
    assert (
        response.json()["errors"][0]["message"]
        == "You already have Ana Ruiz (Globex) in your contacts."
    )


def test_event_with_people_met(api, alice):
    response = post(
        api,
        "/api/v1/network/events",
        {
            "name": "PyData London",
            "held_on": "2026-11-20",
            "people_met": [
                {"name": "Ana Ruiz", "company": "Globex"},
                {"name": "Ben Li"},
            ],
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["contacts_created"] == 2
    assert body["follow_up_on"] == "2026-11-27"
    assert len(body["contact_ids"]) == 2
    assert Event.objects.owned_by(alice).count() == 1


def test_import_preview_then_commit(api, alice):
    content = (FIXTURES / "Connections.csv").read_text("utf-8-sig")
    body = {"filename": "Connections.csv", "content": content}
    preview = post(api, "/api/v1/network/imports", body).json()
    assert preview["committed"] is False
    assert (preview["new"], preview["update"], preview["skip"]) == (4, 0, 1)
    assert preview["skipped"] == [{"line": 8, "name": "", "reason": "no name"}]
    assert not Contact.objects.exists()
    done = post(api, "/api/v1/network/imports", {**body, "commit": True}).json()
    assert done["committed"] is True and done["new"] == 4
    again = post(api, "/api/v1/network/imports", {**body, "commit": True}).json()
    assert (again["new"], again["update"]) == (0, 0)
    assert Contact.objects.owned_by(alice).count() == 4


def test_malformed_import_says_line_and_reason(api, alice):
    content = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,B,,,C,D,soon\n"
    response = post(
        api,
        "/api/v1/network/imports",
        {"filename": "Connections.csv", "content": content, "commit": True},
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["message"].startswith(
        "Connections.csv, line 2: Connected On:"
    )
    assert not Contact.objects.exists()


def test_reach_out_and_exports(api, alice):
    ContactFactory(owner=alice, name="Overdue Olga", added_on=datetime.date(2026, 1, 1))
    suggestions = api.get("/api/v1/network/reach-out").json()
    assert suggestions[0]["name"] == "Overdue Olga"
    assert "past your 60-day rhythm" in suggestions[0]["reasons"][0]
    assert "FN:Overdue Olga" in api.get("/api/v1/network/export.vcf").content.decode()
    assert "Overdue Olga" in api.get("/api/v1/network/export.csv").content.decode()
