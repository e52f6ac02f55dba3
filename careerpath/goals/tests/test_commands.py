import datetime
import json
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command

from careerpath.goals.models import KpiReading
from careerpath.goals.tests.factories import GoalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 12, tzinfo=datetime.UTC)):
        yield


def test_add_kpi_reading_records_and_prints_the_pace(alice):
    goal = GoalFactory(owner=alice)
    out = StringIO()
    call_command(
        "add_kpi_reading", user="ALICE@example.org", goal=goal.pk, value="5", stdout=out
    )
    assert KpiReading.objects.get(goal=goal).read_on == datetime.date(2026, 11, 23)
    assert "Recorded 5 workshops on 2026-11-23." in out.getvalue()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"value": "five"}, "--value must be a number"),
        ({"value": "NaN"}, "--value must be a number"),
        ({"value": "3", "date": "23/11/2026"}, "--date must be YYYY-MM-DD"),
        ({"value": "3", "date": "2027-01-01"}, "in the future"),
        ({"value": "3", "user": "nobody@example.org"}, "No active account"),
    ],
)
def test_add_kpi_reading_refuses_bad_input(alice, options, message):
    goal = GoalFactory(owner=alice)
    kwargs = {"user": "alice@example.org", "goal": goal.pk, **options}
    with pytest.raises(CommandError, match=message):
        call_command("add_kpi_reading", **kwargs)
    assert not KpiReading.objects.exists()


def test_someone_elses_goal_is_not_found(alice, bob):
    goal = GoalFactory(owner=bob)
    with pytest.raises(CommandError, match="has no goal with id"):
        call_command(
            "add_kpi_reading", user="alice@example.org", goal=goal.pk, value="1"
        )


def test_list_goals_as_json(alice, bob):
    GoalFactory(owner=alice, statement="Mine")
    GoalFactory(owner=bob, statement="Not mine")
    out = StringIO()
    call_command("list_goals", user="alice@example.org", format="json", stdout=out)
    rows = json.loads(out.getvalue())
    assert [r["statement"] for r in rows] == ["Mine"]
    assert rows[0]["pace"] in {"no_data", "behind", "at_risk", "on_track"}
