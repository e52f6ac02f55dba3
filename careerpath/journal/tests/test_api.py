import datetime

import pytest
import time_machine

from careerpath.accounts.services import create_api_token
from careerpath.core.testing import snapshot_owned_rows
from careerpath.goals.tests.factories import GoalFactory
from careerpath.journal.models import Entry, Setback
from careerpath.journal.tests.factories import EntryFactory, SetbackFactory

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


ENTRY = {"text": "Good 1:1 with Sam.", "mood": 4, "tags": ["1:1s", "Leadership"]}


def test_entry_and_setback_lifecycle(api, alice):
    response = api.post(
        "/api/v1/journal/entries", ENTRY, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    entry = response.json()
    assert entry["written_on"] == "2026-11-23"
    assert entry["tags"] == ["1:1s", "leadership"]
    assert entry["setback"] is None
    assert entry["text"] == "Good 1:1 with Sam."
    goal = GoalFactory(owner=alice)
    response = api.post(
        "/api/v1/journal/entries",
        {
            **ENTRY,
            "mood": 2,
            "written_on": "2026-06-01",
            "setback": {
                "goal_id": goal.pk,
                "lesson": "Agree stopping rules first.",
                "next_time": "Write them into the plan.",
            },
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    setback = response.json()["setback"]
    assert setback["goal_id"] == goal.pk
    response = api.patch(
        f"/api/v1/journal/setbacks/{setback['id']}",
        {"outcome": "The rerun worked.", "outcome_on": "2026-08-01"},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["outcome"] == "The rerun worked."
    resilience = api.get("/api/v1/journal/resilience").json()
    assert [r["title"] for r in resilience] == ["Good 1:1 with Sam."]
    assert resilience[0]["since"].startswith("Active: no milestone reached since")
    listing = api.get("/api/v1/journal/entries?setbacks=true").json()
    assert listing["count"] == 1
    assert api.get("/api/v1/journal/entries?tag=leadership").json()["count"] == 2
    response = api.patch(
        f"/api/v1/journal/entries/{entry['id']}",
        {"mood": 5},
        content_type="application/json",
    )
    assert response.json()["mood"] == 5
    assert api.delete(f"/api/v1/journal/entries/{entry['id']}").status_code == 204
    assert Entry.objects.count() == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**ENTRY, "mood": 6}, "mood"),
        ({**ENTRY, "mood": 0}, "mood"),
        ({**ENTRY, "text": "  "}, "text"),
        ({**ENTRY, "written_on": "2026-12-01"}, "written_on"),
        ({**ENTRY, "tags": ["x" * 41]}, "tags.0"),
        ({**ENTRY, "setback": {"lesson": "", "next_time": "x"}}, "setback.lesson"),
        (
            {
                **ENTRY,
                "written_on": "2027-01-01",
                "setback": {"lesson": "a", "next_time": "b"},
            },
            "written_on",
        ),
    ],
)
def test_bad_entries_get_422_and_save_nothing(api, alice, body, field):
    before = snapshot_owned_rows(alice)
    response = api.post(
        "/api/v1/journal/entries", body, content_type="application/json"
    )
    assert response.status_code == 422, response.content
    assert any(e["field"] == field for e in response.json()["errors"]), response.json()
    assert snapshot_owned_rows(alice) == before


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"outcome": "Done", "outcome_on": "2026-12-24"}, "outcome_on"),
        ({"outcome": "Done", "outcome_on": "2026-01-01"}, "outcome_on"),
        ({"lesson": ""}, "lesson"),
    ],
)
def test_bad_setback_changes_get_422(api, alice, body, field):
    setback = SetbackFactory(
        entry=EntryFactory(owner=alice, written_on=datetime.date(2026, 6, 1))
    )
    before = snapshot_owned_rows(alice)
    response = api.patch(
        f"/api/v1/journal/setbacks/{setback.pk}", body, content_type="application/json"
    )
    assert response.status_code == 422, response.content
    assert any(e["field"] == field for e in response.json()["errors"]), response.json()
    assert snapshot_owned_rows(alice) == before


def test_a_setback_on_someone_elses_goal_is_not_found(api, alice, bob):
    goal = GoalFactory(owner=bob)
    response = api.post(
        "/api/v1/journal/entries",
        {**ENTRY, "setback": {"goal_id": goal.pk, "lesson": "a", "next_time": "b"}},
        content_type="application/json",
    )
    assert response.status_code == 404
    assert not Entry.objects.exists() and not Setback.objects.exists()
