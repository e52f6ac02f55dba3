import datetime
import io

import pytest
import time_machine
from pypdf import PdfReader

from careerpath.accounts.services import create_api_token
from careerpath.achievements.models import Achievement
from careerpath.achievements.tests.factories import AchievementFactory
from careerpath.core.testing import snapshot_owned_rows
from careerpath.feedback.tests.factories import FeedbackFactory
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


WIN = {
    "title": "Automated the weekly KPI report",
    "achieved_on": "2026-11-20",
    "what_i_did": "Rewrote the extract in SQL.",
    "impact_value": "16",
    "impact_unit": "hours saved a month",
    "skills": ["SQL", "sql", "Automation"],
    "visibility": "team",
}


def test_achievement_lifecycle_and_packet_through_the_api(api, alice):
    praise = FeedbackFactory(
        owner=alice,
        kind="praise",
        skills=["SQL"],
        received_on=datetime.date(2026, 11, 1),
    )
    goal = GoalFactory(owner=alice)
    response = api.post(
        "/api/v1/achievements",
        WIN | {"feedback_ids": [praise.pk], "goal_id": goal.pk},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    win = response.json()
    assert win["skills"] == ["SQL", "Automation"]
    assert win["feedback_ids"] == [praise.pk]
    assert win["goal_id"] == goal.pk
    response = api.patch(
        f"/api/v1/achievements/{win['id']}",
        {"impact_value": None, "impact_unit": "", "feedback_ids": []},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["impact_value"] is None
    assert response.json()["feedback_ids"] == []
    packet = api.get("/api/v1/promotion-packet", {"start": "2026-01-01"}).json()
    # SQL carries more evidence (the win and the praise naming it), so it leads.
    assert packet["skills"] == ["SQL", "Automation"]
    assert f"[A{win['id']}]" in packet["markdown"]
    assert f"[F{praise.pk}]" in packet["markdown"]  # praise naming SQL is cited
    response = api.get("/api/v1/promotion-packet.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Automated the weekly KPI report" in text
    assert api.get("/api/v1/achievements", {"start": "2026-11-21"}).json()["count"] == 0
    assert api.delete(f"/api/v1/achievements/{win['id']}").status_code == 204
    assert not Achievement.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"what_i_did": ""}, "what_i_did"),
        ({"what_i_did": "  "}, "what_i_did"),
        ({"title": ""}, "title"),
        ({"achieved_on": "2026-11-24"}, "achieved_on"),
        ({"impact_value": "-1"}, "impact_value"),
        ({"impact_value": "1e13"}, "impact_value"),
        ({"impact_unit": ""}, "impact_unit"),
        ({"visibility": "everyone"}, "visibility"),
    ],
)
def test_bad_achievement_gets_422_and_saves_nothing(api, alice, overrides, field):
    before = snapshot_owned_rows(alice)
    response = api.post(
        "/api/v1/achievements", WIN | overrides, content_type="application/json"
    )
    assert response.status_code == 422, response.content
    assert field in [e["field"] for e in response.json()["errors"]]
    assert snapshot_owned_rows(alice) == before


def test_someone_elses_feedback_or_milestone_is_404(api, alice, bob):
    theirs = FeedbackFactory(owner=bob)
    milestone = MilestoneFactory(goal=GoalFactory(owner=bob))
    for extra in ({"feedback_ids": [theirs.pk]}, {"milestone_id": milestone.pk}):
        response = api.post(
            "/api/v1/achievements", WIN | extra, content_type="application/json"
        )
        assert response.status_code == 404
    assert not Achievement.objects.exists()


def test_suggestions_list_unclaimed_wins(api, alice):
    goal = GoalFactory(
        owner=alice, status="achieved", achieved_on=datetime.date(2026, 10, 1)
    )
    AchievementFactory(owner=alice, goal=goal)
    MilestoneFactory(goal=goal, title="Reached", completed_on=datetime.date(2026, 9, 1))
    MilestoneFactory(goal=goal, title="Too old", completed_on=datetime.date(2025, 9, 1))
    assert [
        (s["kind"], s["title"])
        for s in api.get("/api/v1/achievements/suggestions").json()
    ] == [("milestone", "Reached")]


def test_packet_period_must_be_in_order(api):
    response = api.get(
        "/api/v1/promotion-packet", {"start": "2026-06-01", "end": "2026-01-01"}
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "start"
