import datetime

import pytest
import time_machine

from careerpath.accounts.services import create_api_token
from careerpath.balance.models import CheckIn
from careerpath.balance.tests.factories import CheckInFactory
from careerpath.core.testing import snapshot_owned_rows

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 11, 25, 12, tzinfo=datetime.UTC)):
        yield


@pytest.fixture
def api(client, alice):
    _, raw = create_api_token(user=alice, name="tests")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {raw}"
    return client


BODY = {
    "hours_worked": "46.5",
    "energy": 3,
    "stress": 4,
    "satisfaction": 3,
    "personal_time": 2,
    "sleep_hours": "6.5",
}


def test_check_in_then_update_the_same_week(api, alice):
    response = api.post(
        "/api/v1/balance/check-ins", BODY, content_type="application/json"
    )
    assert response.status_code == 201, response.content
    first = response.json()
    assert first["week_of"] == "2026-11-23"
    response = api.post(
        "/api/v1/balance/check-ins",
        {**BODY, "stress": 5, "week_of": "2026-11-27"},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert response.json()["id"] == first["id"]
    assert response.json()["stress"] == 5
    assert CheckIn.objects.owned_by(alice).count() == 1
    assert api.get(f"/api/v1/balance/check-ins/{first['id']}").json()["stress"] == 5
    assert api.delete(f"/api/v1/balance/check-ins/{first['id']}").status_code == 204
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**BODY, "stress": 6}, "stress"),
        ({**BODY, "energy": 0}, "energy"),
        ({**BODY, "satisfaction": "high"}, "satisfaction"),
        ({**BODY, "hours_worked": "-3"}, "hours_worked"),
        ({**BODY, "hours_worked": "120"}, "hours_worked"),
        ({**BODY, "sleep_hours": "30"}, "sleep_hours"),
        ({**BODY, "week_of": "2026-12-01"}, "week_of"),
        ({**BODY, "week_of": "next week"}, "week_of"),
        ({k: v for k, v in BODY.items() if k != "personal_time"}, "personal_time"),
    ],
)
def test_bad_check_ins_get_422_and_save_nothing(api, alice, body, field):
    CheckInFactory(owner=alice, week_of=datetime.date(2026, 11, 23))
    before = snapshot_owned_rows(alice)
    response = api.post(
        "/api/v1/balance/check-ins", body, content_type="application/json"
    )
    assert response.status_code == 422, response.content
    payload = response.json()
    assert payload["detail"] == "The request is not valid; nothing was saved."
    assert any(e["field"] == field for e in payload["errors"]), payload
    assert snapshot_owned_rows(alice) == before


def test_list_holds_only_my_check_ins(api, alice, bob):
    CheckInFactory.create_batch(3, owner=alice)
    CheckInFactory.create_batch(2, owner=bob, note="bob's")
    listing = api.get("/api/v1/balance/check-ins").json()
    assert listing["count"] == 3
    assert all(item["note"] != "bob's" for item in listing["items"])


def test_signal_explains_itself(api, alice):
    for back in range(3):
        CheckInFactory(
            owner=alice,
            week_of=datetime.date(2026, 11, 23) - datetime.timedelta(weeks=back),
            stress=4,
        )
    signal = api.get("/api/v1/balance/signal").json()
    assert signal["level"] == "elevated"
    assert signal["reasons"] == [
        {
            "rule": "stress",
            "points": 2,
            "text": "Stress has been 4 or more out of 5 for 3 weeks in a row (4, 4, 4).",
        }
    ]
