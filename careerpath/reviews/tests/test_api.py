"""Reviews API: open (or get the existing), answer, complete, compare, adjust, bad input."""

import datetime

import pytest
import time_machine

from careerpath.accounts.services import create_api_token
from careerpath.achievements.tests.factories import AchievementFactory
from careerpath.goals.models import GoalChange
from careerpath.goals.tests.factories import GoalFactory
from careerpath.reviews.models import Review

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 11, 26, 12, tzinfo=datetime.UTC)):
        yield


@pytest.fixture
def api(client, alice):
    _, raw = create_api_token(user=alice, name="tests")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    return client


def _post(api, path, body):
    return api.post(path, body, content_type="application/json")


def test_open_answer_complete_and_compare(api, alice):
    AchievementFactory(owner=alice, achieved_on=datetime.date(2026, 10, 3))
    october = _post(
        api,
        "/api/v1/reviews",
        {
            "cadence": "monthly",
            "day": "2026-10-15",
            "moving_towards": "Yes",
            "complete": True,
        },
    )
    assert october.status_code == 201, october.content
    body = october.json()
    assert body["label"] == "October 2026" and body["completed_at"]
    wins = next(s for s in body["summary"] if s["key"] == "achievements")
    assert wins["stats"] == [{"label": "Wins", "value": "1"}]

    november = _post(
        api, "/api/v1/reviews", {"cadence": "monthly", "day": "2026-11-02"}
    )
    assert november.status_code == 201
    nov_id = november.json()["id"]
    patched = api.patch(
        f"/api/v1/reviews/{nov_id}",
        {"focus_next": "Ship the pricing study", "complete": True},
        content_type="application/json",
    )
    assert patched.json()["focus_next"] == "Ship the pricing study"
    rows = api.get(f"/api/v1/reviews/{nov_id}/compare/{body['id']}").json()
    assert {
        "section": "Achievements",
        "label": "Wins",
        "before": "1",
        "after": "0",
        "changed": True,
    } in rows
    listed = api.get("/api/v1/reviews").json()
    assert [r["label"] for r in listed["items"]] == ["November 2026", "October 2026"]


def test_a_second_review_of_a_period_returns_the_existing_one_unchanged(api, alice):
    first = _post(
        api,
        "/api/v1/reviews",
        {"cadence": "quarterly", "day": "2026-10-01", "adjust": "Keep"},
    )
    again = _post(
        api,
        "/api/v1/reviews",
        {"cadence": "quarterly", "day": "2026-11-20", "adjust": "Overwrite"},
    )
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["adjust"] == "Keep"
    assert Review.objects.count() == 1


def test_a_future_period_is_refused(api):
    response = _post(api, "/api/v1/reviews", {"cadence": "yearly", "day": "2027-02-01"})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {
            "field": "period_start",
            "message": "2027 has not started yet; you can review a period once it has begun.",
        }
    ]
    assert not Review.objects.exists()


def test_an_answer_over_the_limit_is_refused(api):
    response = _post(
        api,
        "/api/v1/reviews",
        {"cadence": "weekly", "day": "2026-11-23", "still_fit": "x" * 5001},
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "still_fit"
    assert not Review.objects.exists()


def test_adjusting_a_goal_from_a_review(api, alice):
    review = _post(
        api, "/api/v1/reviews", {"cadence": "monthly", "day": "2026-11-01"}
    ).json()
    goal = GoalFactory(owner=alice)
    response = _post(
        api,
        f"/api/v1/reviews/{review['id']}/goal-adjustments",
        {
            "goal_id": goal.pk,
            "status": "paused",
            "reason": "Parental leave until March",
        },
    )
    assert response.status_code == 200, response.content
    change = GoalChange.objects.get(goal=goal)
    assert change.source_label == "the review of November 2026"
    assert response.json()["decisions"][0]["url"] == goal.get_absolute_url()


def test_schedules(api):
    response = api.put(
        "/api/v1/review-schedules",
        {"cadence": "weekly", "weekday": 4},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert api.get("/api/v1/review-schedules").json() == [
        {"cadence": "weekly", "enabled": True, "weekday": 4, "days_before_end": 6}
    ]
    bad = api.put(
        "/api/v1/review-schedules",
        {"cadence": "daily"},
        content_type="application/json",
    )
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "cadence"
