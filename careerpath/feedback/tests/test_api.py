import datetime

import pytest
import time_machine
from django.core import mail

from careerpath.accounts.services import create_api_token
from careerpath.core.testing import snapshot_owned_rows
from careerpath.feedback.models import Feedback, FeedbackRequest
from careerpath.feedback.tests.factories import FeedbackFactory, FeedbackRequestFactory
from careerpath.goals.models import Goal
from careerpath.goals.tests.factories import GoalFactory

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


FEEDBACK = {
    "source": "Priya",
    "received_on": "2026-11-20",
    "kind": "constructive",
    "text": "Share drafts earlier.",
    "themes": ["Communication", "communication ", "Delivery"],
    "skills": ["Stakeholder management"],
}


def test_request_answer_and_improvement_area_through_the_api(api, alice):
    response = api.post(
        "/api/v1/feedback-requests",
        {
            "recipient_name": "Priya Raman",
            "about": "the pricing launch",
            "due_on": "2026-11-27",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    asked = response.json()
    assert asked["status"] == "pending" and asked["asked_on"] == "2026-11-23"
    assert asked["message"].startswith("Hi Priya,")
    response = api.post(
        "/api/v1/feedback",
        FEEDBACK | {"request_id": asked["id"]},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["themes"] == ["Communication", "Delivery"]
    assert (
        api.get(f"/api/v1/feedback-requests/{asked['id']}").json()["status"]
        == "received"
    )
    api.post(
        "/api/v1/feedback",
        FEEDBACK | {"source": "Tom", "kind": "mixed"},
        content_type="application/json",
    )
    areas = api.get("/api/v1/improvement-areas").json()["areas"]
    assert [a["theme"] for a in areas] == ["Communication", "Delivery"]
    assert areas[0]["reason"].startswith("Mentioned in 1 constructive and 1 mixed")
    response = api.post(
        "/api/v1/improvement-areas/goal",
        {"theme": "delivery"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert Goal.objects.get(pk=response.json()["goal_id"]).status == "draft"
    areas = api.get("/api/v1/improvement-areas").json()["areas"]
    assert areas[1]["goal_id"] == response.json()["goal_id"]
    listed = api.get("/api/v1/feedback", {"theme": "DELIVERY"}).json()
    assert listed["count"] == 2


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"text": ""}, "text"),
        ({"text": "   "}, "text"),
        ({"received_on": "2026-11-24"}, "received_on"),
        ({"kind": "glowing"}, "kind"),
        ({"source": ""}, "source"),
        ({"themes": ["x" * 81]}, "themes.0"),
        ({"themes": [f"t{i}" for i in range(13)]}, "themes"),
    ],
)
def test_bad_feedback_gets_422_with_field_errors_and_saves_nothing(
    api, alice, overrides, field
):
    before = snapshot_owned_rows(alice)
    response = api.post(
        "/api/v1/feedback", FEEDBACK | overrides, content_type="application/json"
    )
    assert response.status_code == 422, response.content
    body = response.json()
    assert body["detail"] == "The request is not valid; nothing was saved."
    assert field in [e["field"] for e in body["errors"]]
    assert snapshot_owned_rows(alice) == before


def test_future_date_message_is_clear(api):
    response = api.post(
        "/api/v1/feedback",
        FEEDBACK | {"received_on": "2027-01-01"},
        content_type="application/json",
    )
    assert response.json()["errors"] == [
        {"field": "received_on", "message": "Feedback can't be dated in the future."}
    ]


def test_patch_and_delete_feedback(api, alice):
    feedback = FeedbackFactory(owner=alice)
    response = api.patch(
        f"/api/v1/feedback/{feedback.pk}",
        {"kind": "praise", "themes": ["Ownership"]},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["themes"] == ["Ownership"]
    response = api.patch(
        f"/api/v1/feedback/{feedback.pk}",
        {"received_on": "2027-01-01"},
        content_type="application/json",
    )
    assert response.status_code == 422
    feedback.refresh_from_db()
    assert feedback.received_on == datetime.date(2026, 10, 1)
    assert api.delete(f"/api/v1/feedback/{feedback.pk}").status_code == 204
    assert not Feedback.objects.exists()


def test_request_status_and_sending(api, alice):
    asked = FeedbackRequestFactory(owner=alice)
    response = api.post(f"/api/v1/feedback-requests/{asked.pk}/send")
    assert response.status_code == 200, response.content
    assert response.json()["sent_at"] is not None
    assert len(mail.outbox) == 1
    response = api.patch(
        f"/api/v1/feedback-requests/{asked.pk}",
        {"status": "declined"},
        content_type="application/json",
    )
    assert response.json()["status"] == "declined"
    assert response.json()["closed_on"] == "2026-11-23"
    response = api.post(f"/api/v1/feedback-requests/{asked.pk}/send")
    assert response.status_code == 422
    assert (
        response.json()["errors"][0]["message"] == "Only a pending request can be sent."
    )
    response = api.patch(
        f"/api/v1/feedback-requests/{asked.pk}",
        {"status": "maybe", "about": "changed"},
        content_type="application/json",
    )
    assert response.status_code == 422
    asked.refresh_from_db()
    assert asked.about == "the pricing experiment"
    assert (
        api.get("/api/v1/feedback-requests", {"status": "declined"}).json()["count"]
        == 1
    )
    assert api.delete(f"/api/v1/feedback-requests/{asked.pk}").status_code == 204


def test_request_due_before_asked_is_refused(api, alice):
    response = api.post(
        "/api/v1/feedback-requests",
        {"recipient_name": "Tom", "about": "x", "due_on": "2026-11-01"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "due_on"
    assert not FeedbackRequest.objects.exists()


def test_request_for_someone_elses_goal_is_404(api, bob):
    goal = GoalFactory(owner=bob)
    response = api.post(
        "/api/v1/feedback-requests",
        {
            "recipient_name": "Tom",
            "about": "x",
            "due_on": "2026-12-01",
            "goal_id": goal.pk,
        },
        content_type="application/json",
    )
    assert response.status_code == 404
    assert not FeedbackRequest.objects.exists()


def test_unknown_theme_goal_is_422(api):
    response = api.post(
        "/api/v1/improvement-areas/goal",
        {"theme": "juggling"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "theme"
