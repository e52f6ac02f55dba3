import datetime
from decimal import Decimal
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command

from careerpath.balance.models import CheckIn
from careerpath.balance.tests.factories import CheckInFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 11, 25, 12, tzinfo=datetime.UTC)):
        yield


def test_check_in_from_the_command_line_fills_gaps_from_last_week(alice):
    CheckInFactory(
        owner=alice, week_of=datetime.date(2026, 11, 16), energy=2, sleep_hours=6
    )
    out = StringIO()
    call_command(
        "check_in", user="ALICE@example.org", hours="45", stress="4", stdout=out
    )
    check_in = CheckIn.objects.owned_by(alice).get(week_of=datetime.date(2026, 11, 23))
    assert (check_in.hours_worked, check_in.stress, check_in.energy) == (
        Decimal("45"),
        4,
        2,
    )
    assert check_in.sleep_hours == Decimal("6")
    text = out.getvalue()
    assert "Saved the check-in for the week of 2026-11-23" in text
    assert "Burnout signal:" in text


def test_a_second_command_check_in_updates(alice):
    call_command("check_in", user="alice@example.org", stress="2", stdout=StringIO())
    out = StringIO()
    call_command("check_in", user="alice@example.org", stress="5", stdout=out)
    assert CheckIn.objects.owned_by(alice).get().stress == 5
    assert "Updated the check-in" in out.getvalue()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"stress": "6"}, "--stress must be a whole number from 1 to 5"),
        ({"personal_time": "0"}, "--personal-time must be a whole number from 1 to 5"),
        ({"energy": "three"}, "--energy must be a whole number"),
        ({"hours": "lots"}, "--hours must be a number"),
        ({"hours": "NaN"}, "--hours must be a number"),
        ({"hours": "150"}, "less than or equal to 100"),
        ({"sleep": "-1"}, "greater than or equal to 0"),
        ({"week": "2026-12-07"}, "has not started yet"),
        ({"week": "25/11/2026"}, "--week must be YYYY-MM-DD"),
        ({"user": "nobody@example.org"}, "No active account"),
    ],
)
def test_bad_command_input_is_refused(alice, options, message):
    kwargs = {"user": "alice@example.org", **options}
    with pytest.raises(CommandError, match=message):
        call_command("check_in", **kwargs, stdout=StringIO())
    assert not CheckIn.objects.exists()
