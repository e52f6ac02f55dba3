"""The API's promises in docs/api.md, checked against the running application: no input
answers 500, every error has the one JSON shape, credentials problems answer 401, and
the published OpenAPI document describes every operation truthfully."""

import collections
import json

import pytest
from django.test import Client
from ninja.openapi.schema import OpenAPISchema

from careerpath.accounts.services import create_api_token
from careerpath.api import api as ninja_api
from careerpath.goals.tests.factories import GoalFactory
from careerpath.profiles.tests.factories import SelfAssessmentFactory

pytestmark = pytest.mark.django_db

HUGE = 2**63
ERROR_KEYS = {"detail", "errors"}


@pytest.fixture
def api(client, alice):
    _, raw = create_api_token(user=alice, name="tests")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    return client


def assert_error_shape(response, status):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == ERROR_KEYS
    assert isinstance(body["detail"], str) and body["detail"]
    for error in body["errors"]:
        assert set(error) == {"field", "message"}
    return body


def send_json(client, method, path, data):
    return getattr(client, method)(
        path,
        data=data if isinstance(data, str) else json.dumps(data),
        content_type="application/json",
    )


def published_document():
    # As served: JSON, where status codes are strings.
    return json.loads(
        json.dumps(ninja_api.get_openapi_schema(path_prefix="/api/v1/"), default=str)
    )


# --- schema names -------------------------------------------------------------------


def test_every_schema_name_in_the_openapi_document_means_one_schema():
    # Ninja files each model under its class name in components and keeps the last
    # one it sees, so two classes with one name make every operation using the other
    # one documented wrongly.
    seen = collections.defaultdict(set)

    class Recording(OpenAPISchema):
        def add_schema_definitions(self, definitions):
            for name, definition in definitions.items():
                seen[name].add(json.dumps(definition, sort_keys=True, default=str))
            super().add_schema_definitions(definitions)

    Recording(ninja_api, "/api/v1/")
    collisions = sorted(name for name, versions in seen.items() if len(versions) > 1)
    assert collisions == []


def test_every_operation_documents_its_errors_in_the_error_shape():
    document = published_document()
    components = document["components"]["schemas"]
    assert set(components["ErrorOut"]["required"]) == ERROR_KEYS
    missing = []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            expected = {"401"}
            if operation.get("parameters") or "requestBody" in operation:
                expected.add("422")
            if "{" in path:
                expected.add("404")
            for status in sorted(expected - set(responses)):
                missing.append(f"{method.upper()} {path}: {status}")
            for status in expected & set(responses):
                ref = responses[status]["content"]["application/json"]["schema"]
                assert ref == {"$ref": "#/components/schemas/ErrorOut"}
    assert missing == []


# --- integers the database cannot hold -----------------------------------------------


def test_every_integer_is_published_with_the_range_the_api_accepts():
    unbounded = []

    def walk(node, where):
        if isinstance(node, dict):
            if node.get("type") == "integer" and not (
                "maximum" in node and "minimum" in node
            ):
                unbounded.append(where)
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}/{index}")

    document = published_document()
    walk(document, "")
    assert unbounded == []
    limit = document["paths"]["/api/v1/goals"]["get"]["parameters"]
    assert {p["name"]: p["schema"].get("maximum") for p in limit}["limit"] == 500


@pytest.mark.parametrize("param", ["limit", "offset"])
def test_a_huge_page_parameter_is_a_422(api, param):
    body = assert_error_shape(api.get(f"/api/v1/assessments?{param}={HUGE}"), 422)
    assert body["errors"][0]["field"] == param


def test_a_negative_or_zero_limit_is_a_422(api):
    assert_error_shape(api.get("/api/v1/goals?limit=0"), 422)
    assert_error_shape(api.get("/api/v1/goals?offset=-1"), 422)


def test_a_limit_above_the_maximum_is_a_422(api):
    assert_error_shape(api.get("/api/v1/goals?limit=100000"), 422)


@pytest.mark.parametrize(
    "path",
    [
        f"/api/v1/assessments/{HUGE}",
        f"/api/v1/goals/{HUGE}",
        f"/api/v1/network/contacts/{HUGE}",
        f"/api/v1/learning/items/{HUGE}",
        f"/api/v1/achievements/{-HUGE - 1}",
    ],
)
def test_a_huge_id_in_the_path_is_a_422(api, path):
    assert_error_shape(api.get(path), 422)


def test_a_huge_id_in_the_query_is_a_422(api):
    assert_error_shape(api.get(f"/api/v1/learning/sessions?item_id={HUGE}"), 422)
    assert_error_shape(api.get(f"/api/v1/network/interactions?contact_id={HUGE}"), 422)


def test_a_huge_id_in_a_list_is_a_422_and_saves_nothing(api, alice):
    from careerpath.achievements.models import Achievement

    response = send_json(
        api,
        "post",
        "/api/v1/achievements",
        {"title": "Shipped", "what_i_did": "Shipped it", "feedback_ids": [HUGE]},
    )
    body = assert_error_shape(response, 422)
    assert body["errors"][0]["field"].startswith("feedback_ids")
    assert not Achievement.objects.owned_by(alice).exists()


def test_a_huge_integer_anywhere_in_a_body_is_a_422(api):
    response = send_json(
        api,
        "post",
        "/api/v1/network/events",
        {"name": "Meetup", "held_on": "2026-01-05", "contact_ids": [1, HUGE]},
    )
    assert_error_shape(response, 422)
    response = send_json(
        api,
        "post",
        "/api/v1/journal/entries",
        {
            "written_on": "2026-01-05",
            "text": "It went wrong",
            "setback": {"goal_id": HUGE, "lesson": "Plan", "next_time": "Earlier"},
        },
    )
    assert_error_shape(response, 422)


# --- null in PATCH -------------------------------------------------------------------


def test_null_for_a_required_field_in_patch_is_a_422_and_changes_nothing(api, alice):
    goal = GoalFactory(owner=alice, statement="Run a 10k")
    body = assert_error_shape(
        send_json(api, "patch", f"/api/v1/goals/{goal.pk}", {"statement": None}), 422
    )
    assert body["errors"] == [
        {
            "field": "statement",
            "message": "This field cannot be null; leave it out to keep its value.",
        }
    ]
    goal.refresh_from_db()
    assert goal.statement == "Run a 10k"


def test_null_for_a_score_in_an_assessment_patch_is_a_422(api, alice):
    assessment = SelfAssessmentFactory(owner=alice)
    response = send_json(
        api,
        "patch",
        f"/api/v1/assessments/{assessment.pk}",
        {"job_satisfaction": None},
    )
    assert_error_shape(response, 422)


def test_null_for_a_field_that_may_be_empty_clears_it(api, alice):
    response = send_json(api, "patch", "/api/v1/profile", {"years_experience": None})
    assert response.status_code == 200
    assert response.json()["years_experience"] is None


def test_patch_schemas_publish_null_only_where_it_is_accepted():
    document = published_document()
    schemas = document["components"]["schemas"]
    goal_patch = schemas["GoalPatch"]["properties"]
    assert goal_patch["statement"].get("type") == "string"
    assert "anyOf" not in goal_patch["statement"]
    assert "default" not in goal_patch["statement"]


# --- bodies that are not objects -----------------------------------------------------


@pytest.mark.parametrize("raw", ["[]", "42", '"x"', "null", "true", "[{}]"])
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/api/v1/assessments"),
        ("put", "/api/v1/profile"),
        ("patch", "/api/v1/profile"),
        ("post", "/api/v1/smart-check"),
        ("post", "/api/v1/network/imports"),
    ],
)
def test_a_body_that_is_not_an_object_is_a_422(api, method, path, raw):
    body = assert_error_shape(send_json(api, method, path, raw), 422)
    assert body["errors"] == [
        {"field": "request", "message": "The body must be a JSON object."}
    ]


@pytest.mark.parametrize("text", ["nul\u0000byte", "half a pair \ud83d"])
def test_text_no_database_can_store_is_a_422_naming_the_field(api, alice, text):
    raw = json.dumps({"industry": "Retail", "values": ["ok", text]})
    body = assert_error_shape(send_json(api, "put", "/api/v1/profile", raw), 422)
    assert body["errors"] == [
        {
            "field": "values.1",
            "message": "Text cannot contain NUL characters or unpaired surrogates.",
        }
    ]
    assert api.get("/api/v1/profile").json()["industry"] == ""


def test_a_nul_in_a_query_is_a_422(api):
    body = assert_error_shape(api.get("/api/v1/network/contacts?q=a%00b"), 422)
    assert body["errors"][0]["field"] == "q"


def test_a_body_over_the_size_limit_is_a_413_in_the_error_shape(api, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    text = json.dumps({"text": "x" * 2000})
    response = send_json(api, "post", "/api/v1/postings/analyse", text)
    assert assert_error_shape(response, 413)["detail"] == "The body is too large."


def test_a_body_that_is_not_json_is_a_400_in_the_error_shape(api):
    assert_error_shape(send_json(api, "post", "/api/v1/assessments", "{nope"), 400)


# --- errors are JSON, never the HTML page --------------------------------------------


def test_an_unknown_api_path_is_a_json_404(api):
    assert_error_shape(api.get("/api/v1/no-such-thing"), 404)
    assert_error_shape(api.get("/api/nothing-here"), 404)


def test_a_method_not_allowed_is_a_json_405(api):
    response = api.delete("/api/v1/profile")
    assert_error_shape(response, 405)
    assert "GET" in response["Allow"]


def test_an_unexpected_failure_is_a_json_500_and_is_logged(alice, monkeypatch, caplog):
    import careerpath.profiles.api as profiles_api

    def broken(owner):
        raise RuntimeError("the disk is on fire")

    monkeypatch.setattr(profiles_api, "get_profile", broken)
    _, raw = create_api_token(user=alice, name="tests")
    client = Client(raise_request_exception=False)
    response = client.get("/api/v1/profile", HTTP_AUTHORIZATION=f"Bearer {raw}")
    body = assert_error_shape(response, 500)
    assert "fire" not in body["detail"]
    logged = [r for r in caplog.records if r.levelname == "ERROR"]
    assert len(logged) == 1  # once, with the traceback
    assert str(logged[0].exc_info[1]) == "the disk is on fire"


# --- credentials: 401, not a CSRF failure --------------------------------------------


def test_a_write_without_credentials_is_a_401():
    client = Client(enforce_csrf_checks=True)
    response = send_json(client, "post", "/api/v1/smart-check", {"statement": "x"})
    assert_error_shape(response, 401)


def test_a_write_with_a_wrong_token_is_a_401():
    client = Client(enforce_csrf_checks=True)
    client.defaults["HTTP_AUTHORIZATION"] = "Bearer cp_nope"
    response = send_json(client, "patch", "/api/v1/profile", {"industry": "Retail"})
    assert_error_shape(response, 401)


def test_a_write_with_a_wrong_token_and_a_session_is_still_a_401(alice):
    alice_client = Client(enforce_csrf_checks=True)
    alice_client.force_login(alice)
    # A script's token decides; a browser session alongside does not rescue it.
    alice_client.defaults["HTTP_AUTHORIZATION"] = "Bearer cp_nope"
    response = send_json(alice_client, "patch", "/api/v1/profile", {"industry": "R"})
    assert_error_shape(response, 401)


def test_a_session_write_without_the_csrf_token_is_a_403_in_the_error_shape(alice):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    response = send_json(client, "patch", "/api/v1/profile", {"industry": "Retail"})
    body = assert_error_shape(response, 403)
    assert "CSRF" in body["detail"]


def test_a_session_write_with_the_csrf_token_works(alice):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    client.get("/accounts/settings/")
    token = client.cookies["csrftoken"].value
    response = client.patch(
        "/api/v1/profile",
        data=json.dumps({"industry": "Retail"}),
        content_type="application/json",
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 200
    assert response.json()["industry"] == "Retail"
