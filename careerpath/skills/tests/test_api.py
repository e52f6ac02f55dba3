import datetime

import pytest
import time_machine

from careerpath.accounts.services import create_api_token
from careerpath.core.testing import snapshot_owned_rows
from careerpath.goals.models import Goal
from careerpath.learning.models import LearningItem
from careerpath.skills.models import GapAction, Posting, UserSkill
from careerpath.skills.tests.factories import UserSkillFactory
from careerpath.skills.tests.postings import ANALYST_POSTINGS

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


def post(api, url, body):
    return api.post(url, body, content_type="application/json")


def test_inventory_crud_and_assessments(api, alice):
    response = post(
        api, "/api/v1/skills", {"name": "python", "level": 2, "target_level": 4}
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["skill_id"] is not None and body["kind"] == "tool"
    skill_url = f"/api/v1/skills/{body['id']}"
    response = api.patch(
        skill_url, {"last_used_on": "2026-11-01"}, content_type="application/json"
    )
    assert response.json()["last_used_on"] == "2026-11-01"
    response = post(
        api,
        f"{skill_url}/assessments",
        {
            "assessed_on": "2026-11-20",
            "source": "feedback",
            "level": 3,
            "note": "Peer review",
        },
    )
    assert response.status_code == 201
    assert api.get(skill_url).json()["level"] == 3
    history = api.get(f"{skill_url}/assessments").json()
    assert [(a["source"], a["level"]) for a in history] == [("feedback", 3)]
    assert api.get("/api/v1/skills").json()["count"] == 1
    assert (
        api.delete(f"/api/v1/skill-assessments/{history[0]['id']}").status_code == 204
    )
    assert api.delete(skill_url).status_code == 204
    assert not UserSkill.objects.exists()


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"name": "SQL", "level": 6}, "level", "less than or equal to 5"),
        ({"name": "SQL", "level": 0}, "level", "greater than or equal to 1"),
        (
            {"name": "SQL", "level": 3, "target_level": 9},
            "target_level",
            "less than or equal to 5",
        ),
        ({"name": "", "level": 3}, "name", "at least 1 character"),
        ({"name": "Existing", "level": 3}, "name", "already in your inventory"),
        ({"name": "existing", "level": 3}, "name", "already in your inventory"),
    ],
)
def test_bad_skills_get_the_error_shape_and_save_nothing(
    api, alice, body, field, message
):
    UserSkillFactory(owner=alice, name="Existing")
    before = snapshot_owned_rows(alice)
    response = post(api, "/api/v1/skills", body)
    assert response.status_code == 422
    payload = response.json()
    assert payload["detail"] == "The request is not valid; nothing was saved."
    assert any(
        e["field"] == field and message in e["message"] for e in payload["errors"]
    ), payload
    assert snapshot_owned_rows(alice) == before


def test_analyse_returns_json_and_saves_nothing(api, alice):
    before = snapshot_owned_rows(alice)
    response = post(api, "/api/v1/postings/analyse", {"text": ANALYST_POSTINGS[0]})
    assert response.status_code == 200
    body = response.json()
    by_label = {s["label"]: s for s in body["skills"]}
    assert by_label["SQL"]["requirement"] == "must"
    assert by_label["dbt"]["requirement"] == "nice"
    sql = by_label["SQL"]
    assert body["text"][sql["start"] : sql["end"]] == sql["text"]
    assert body["years_experience"] == 3
    assert body["education"] == "bachelor"
    assert snapshot_owned_rows(alice) == before


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "The posting is empty"),
        ("x " * 60_000, "the limit is 100 kB"),
        ("\x01\x02\x03\x04 \x05\x06\x07\x08" * 40, "does not look like readable text"),
        (
            "Nous recherchons un analyste de données avec une solide expérience de SQL et "
            "de Python. Vous travaillerez avec les équipes commerciales pour préparer des "
            "tableaux de bord et des analyses pour la direction.",
            "only English postings are supported for now",
        ),
    ],
)
def test_analyse_refuses_bad_postings(api, text, message):
    response = post(api, "/api/v1/postings/analyse", {"text": text})
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert errors[0]["field"] == "text" and message in errors[0]["message"], errors


def test_role_postings_review_profile_gaps_and_actions(api, alice):
    response = post(api, "/api/v1/roles", {"title": "Data analyst"})
    assert response.status_code == 201
    role_id = response.json()["id"]
    assert post(api, "/api/v1/roles", {"title": "DATA analyst"}).status_code == 422
    posting_ids = []
    for text in ANALYST_POSTINGS:
        response = post(api, f"/api/v1/roles/{role_id}/postings", {"text": text})
        assert response.status_code == 201, response.json()
        posting_ids.append(response.json()["id"])
    assert api.get(f"/api/v1/roles/{role_id}/profile").json()["total_postings"] == 0
    for posting_id in posting_ids:
        posting = api.get(f"/api/v1/postings/{posting_id}").json()
        corrections = [
            {
                "id": s["id"],
                "keep": s["label"] != "Communication",
                "requirement": s["requirement"],
                "label": s["label"],
            }
            for s in posting["skills"]
        ]
        response = post(
            api,
            f"/api/v1/postings/{posting_id}/review",
            {
                "skills": corrections,
                "added": [{"label": "Looker", "requirement": "nice"}],
            },
        )
        assert response.status_code == 200, response.json()
        assert response.json()["status"] == "confirmed"
    assert Posting.objects.owned_by(alice).confirmed().count() == 3
    profile = api.get(f"/api/v1/roles/{role_id}/profile").json()
    assert profile["total_postings"] == 3
    top = profile["skills"][0]
    assert (top["label"], top["postings"], top["share"]) == ("SQL", 3, 1.0)
    assert "Communication" not in {s["label"] for s in profile["skills"]}
    assert {s["label"]: s["share"] for s in profile["skills"]}["Looker"] == 1.0
    gaps = api.get(f"/api/v1/roles/{role_id}/gaps").json()
    assert gaps[0]["status"] == "missing" and gaps[0]["score"] > 0
    key = gaps[0]["key"]
    response = post(api, f"/api/v1/roles/{role_id}/gaps/actions", {"key": key})
    assert response.status_code == 201
    assert Goal.objects.owned_by(alice).get().pk == response.json()["goal_id"]
    response = post(
        api, f"/api/v1/roles/{role_id}/gaps/actions", {"key": key, "kind": "book"}
    )
    assert response.status_code == 201
    assert LearningItem.objects.owned_by(alice).get().kind == "book"
    assert GapAction.objects.owned_by(alice).count() == 2
    response = post(api, f"/api/v1/roles/{role_id}/gaps/actions", {"key": "name:nope"})
    assert response.status_code == 422
    assert "not part of this role" in response.json()["errors"][0]["message"]
    assert api.delete(f"/api/v1/postings/{posting_ids[0]}").status_code == 204
    assert api.get(f"/api/v1/roles/{role_id}/profile").json()["total_postings"] == 2
    assert api.delete(f"/api/v1/roles/{role_id}").status_code == 204


def test_review_with_duplicate_skills_is_refused(api, alice):
    role_id = post(api, "/api/v1/roles", {"title": "Analyst"}).json()["id"]
    posting = post(
        api, f"/api/v1/roles/{role_id}/postings", {"text": ANALYST_POSTINGS[0]}
    ).json()
    first, second = posting["skills"][:2]
    before = snapshot_owned_rows(alice)
    response = post(
        api,
        f"/api/v1/postings/{posting['id']}/review",
        {
            "skills": [
                {"id": first["id"], "requirement": "must", "label": "Go"},
                {"id": second["id"], "requirement": "must", "label": "golang"},
            ]
        },
    )
    assert response.status_code == 422, response.json()
    assert snapshot_owned_rows(alice) == before
