import datetime

import pytest
import time_machine

from careerpath.accounts.services import create_api_token
from careerpath.core.testing import snapshot_owned_rows
from careerpath.profiles.models import Profile, SelfAssessment
from careerpath.profiles.tests.factories import SelfAssessmentFactory

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


def body(**overrides):
    data = {
        "assessed_on": "2026-11-01",
        "strengths": ["SQL", "sql", "Writing"],
        "weaknesses": ["Delegation"],
        "job_satisfaction": 4,
        "goal_alignment": 2,
        "notes": "",
        "responsibilities": [
            {"name": "Reporting", "energy": 2},
            {"name": "Mentoring", "energy": 5},
        ],
    }
    data.update(overrides)
    return data


rows = snapshot_owned_rows


def test_requests_without_credentials_get_401_in_the_error_shape(client):
    response = client.get("/api/v1/profile")
    assert response.status_code == 401
    assert response.json() == {
        "detail": "Authentication required: send `Authorization: Bearer <token>` or sign in.",
        "errors": [],
    }


def test_a_wrong_token_gets_401(client):
    assert (
        client.get("/api/v1/profile", HTTP_AUTHORIZATION="Bearer cp_nope").status_code
        == 401
    )


def test_profile_round_trip(api, alice):
    assert api.get("/api/v1/profile").json()["current_role"] == ""
    response = api.put(
        "/api/v1/profile",
        {
            "current_role": "Analyst",
            "values": ["Autonomy", "autonomy", "Impact"],
            "aspiration_horizon_years": 5,
        },
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["values"] == ["Autonomy", "Impact"]
    response = api.patch(
        "/api/v1/profile", {"industry": "Health"}, content_type="application/json"
    )
    assert response.json()["current_role"] == "Analyst"
    assert Profile.objects.get(owner=alice).industry == "Health"


def test_assessment_create_list_get_patch_delete(api, alice):
    response = api.post("/api/v1/assessments", body(), content_type="application/json")
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["strengths"] == ["SQL", "Writing"]
    assert created["energising_share"] == 0.5
    listing = api.get("/api/v1/assessments").json()
    assert listing["count"] == 1
    assert listing["items"][0]["id"] == created["id"]
    url = f"/api/v1/assessments/{created['id']}"
    patched = api.patch(
        url, {"job_satisfaction": 5}, content_type="application/json"
    ).json()
    assert patched["job_satisfaction"] == 5
    assert [r["name"] for r in patched["responsibilities"]] == [
        "Reporting",
        "Mentoring",
    ]
    assert api.delete(url).status_code == 204
    assert not SelfAssessment.objects.owned_by(alice).exists()


def test_session_auth_needs_csrf_for_writes(client, alice):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(alice)
    assert strict.get("/api/v1/profile").status_code == 200
    response = strict.put(
        "/api/v1/profile", {"current_role": "X"}, content_type="application/json"
    )
    assert response.status_code in {401, 403}
    assert not Profile.objects.owned_by(alice).exists()


@pytest.mark.parametrize(
    ("overrides", "field", "fragment"),
    [
        ({"job_satisfaction": 6}, "job_satisfaction", "less than or equal to 5"),
        ({"goal_alignment": 0}, "goal_alignment", "greater than or equal to 1"),
        ({"assessed_on": "2026-13-01"}, "assessed_on", "date"),
        ({"assessed_on": "2027-01-01"}, "assessed_on", "future"),
        ({"strengths": ["x" * 81]}, "strengths.0", "at most 80"),
        ({"strengths": [f"s{i}" for i in range(21)]}, "strengths", "at most 20"),
        (
            {"responsibilities": [{"name": "A", "energy": 7}]},
            "responsibilities.0.energy",
            "less than or equal to 5",
        ),
        (
            {
                "responsibilities": [
                    {"name": "A", "energy": 3},
                    {"name": "a", "energy": 4},
                ]
            },
            "responsibilities",
            "appear once",
        ),
        ({"job_satisfaction": "lots"}, "job_satisfaction", "integer"),
        ({"notes": "n" * 10_001}, "notes", "at most 10000"),
    ],
)
def test_bad_assessment_input_gets_422_and_nothing_is_saved(
    api, alice, overrides, field, fragment
):
    before = rows(alice)
    response = api.post(
        "/api/v1/assessments", body(**overrides), content_type="application/json"
    )
    assert response.status_code == 422, response.content
    payload = response.json()
    assert payload["detail"] == "The request is not valid; nothing was saved."
    assert any(
        e["field"] == field and fragment in e["message"] for e in payload["errors"]
    ), payload
    assert rows(alice) == before


def test_duplicate_date_gets_422(api, alice):
    SelfAssessmentFactory(owner=alice, assessed_on=datetime.date(2026, 11, 1))
    before = rows(alice)
    response = api.post("/api/v1/assessments", body(), content_type="application/json")
    assert response.status_code == 422
    assert "already have a self-assessment for this date" in str(
        response.json()["errors"]
    )
    assert rows(alice) == before


def test_malformed_json_gets_a_clear_error(api, alice):
    response = api.post(
        "/api/v1/assessments", "{not json", content_type="application/json"
    )
    assert response.status_code in {400, 422}
    assert "detail" in response.json()
    assert not SelfAssessment.objects.owned_by(alice).exists()


def test_bad_profile_input_gets_422(api, alice):
    response = api.put(
        "/api/v1/profile", {"years_experience": -3}, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "years_experience"
    assert not Profile.objects.owned_by(alice).exists()


@pytest.mark.parametrize("count", [2, 20])
def test_assessment_list_query_count_does_not_grow(
    api, alice, django_assert_num_queries, count
):
    for n in range(count):
        SelfAssessmentFactory(
            owner=alice,
            assessed_on=datetime.date(2024, 1, 1) + datetime.timedelta(days=n),
        )
    # token lookup, its last-used stamp, count, page of assessments, their responsibilities
    with django_assert_num_queries(5):
        assert api.get("/api/v1/assessments").status_code == 200


def test_unknown_paths_and_methods_get_the_error_shape(api):
    response = api.delete("/api/v1/profile")
    assert response.status_code == 405
    assert response.json() == {
        "detail": "Method not allowed; this endpoint accepts GET, PATCH, PUT.",
        "errors": [],
    }
    response = api.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found.", "errors": []}
