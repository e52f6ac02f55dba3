import datetime
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from careerpath.balance.models import CheckIn
from careerpath.balance.tests.factories import CheckInFactory
from careerpath.core.testing import snapshot_owned_rows

pytestmark = pytest.mark.django_db

THIS_WEEK = datetime.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def _today():
    # Wednesday 25 November 2026; the week started on Monday the 23rd.
    with time_machine.travel(datetime.datetime(2026, 11, 25, 12, tzinfo=datetime.UTC)):
        yield


def check_in_post(**overrides):
    data = {
        "week_of": "2026-11-25",
        "hours_worked": "44",
        "sleep_hours": "7",
        "energy": "3",
        "stress": "3",
        "satisfaction": "4",
        "personal_time": "3",
        "note": "",
    }
    data.update(overrides)
    return data


def test_check_in_is_filed_under_monday_and_shows_on_the_overview(alice_client, alice):
    response = alice_client.post(reverse("balance:checkin_create"), check_in_post())
    assert response.status_code == 302
    assert response["Location"].endswith("/balance/#signal")
    check_in = CheckIn.objects.owned_by(alice).get()
    assert check_in.week_of == THIS_WEEK
    assert check_in.hours_worked == Decimal("44")
    page = alice_client.get(response["Location"]).content.decode()
    assert "Check-in saved for the week of 23 November 2026." in page
    assert "Update this week's check-in" in page
    assert "Private to you." in page


def test_a_second_check_in_for_the_same_week_updates_it(alice_client, alice):
    alice_client.post(reverse("balance:checkin_create"), check_in_post())
    response = alice_client.post(
        reverse("balance:checkin_create"),
        check_in_post(week_of="2026-11-29", stress="5", note="Deadline week"),
        follow=True,
    )
    assert "Check-in updated for the week of 23 November 2026." in (
        response.content.decode()
    )
    check_in = CheckIn.objects.owned_by(alice).get()
    assert (check_in.stress, check_in.note) == (5, "Deadline week")


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"stress": "6"},
            "Select a valid choice. 6 is not one of the available choices.",
        ),
        (
            {"energy": "0"},
            "Select a valid choice. 0 is not one of the available choices.",
        ),
        ({"satisfaction": ""}, "This field is required."),
        ({"personal_time": "lots"}, "Select a valid choice."),
        ({"hours_worked": "-1"}, "greater than or equal to 0"),
        ({"hours_worked": "168"}, "less than or equal to 100"),
        ({"hours_worked": "many"}, "Enter a number."),
        ({"sleep_hours": "15"}, "less than or equal to 14"),
        ({"week_of": "2026-11-30"}, "That week has not started yet"),
        ({"week_of": "2026-02-30"}, "Enter a valid date."),
        ({"note": "x" * 301}, "at most 300 characters"),
    ],
)
def test_bad_check_ins_are_refused_and_nothing_saved(
    alice_client, alice, overrides, message
):
    CheckInFactory(owner=alice, week_of=THIS_WEEK, stress=2)
    before = snapshot_owned_rows(alice)
    response = alice_client.post(
        reverse("balance:checkin_create"), check_in_post(**overrides)
    )
    assert response.status_code == 422
    assert message in response.content.decode()
    assert snapshot_owned_rows(alice) == before


def test_the_form_starts_from_last_weeks_answers(alice_client, alice):
    CheckInFactory(
        owner=alice,
        week_of=THIS_WEEK - datetime.timedelta(weeks=1),
        hours_worked=Decimal("47.5"),
        stress=4,
        note="Last week's note",
    )
    page = alice_client.get(reverse("balance:checkin_create")).content.decode()
    assert 'value="47.5"' in page
    assert 'name="stress" value="4" id="id_stress_3" required checked' in page
    assert "Last week&#x27;s note" not in page
    assert 'value="2026-11-23"' in page
    assert "autofocus" in page


def test_first_check_in_starts_from_middling_defaults(alice_client):
    page = alice_client.get(reverse("balance:checkin_create")).content.decode()
    assert 'value="40"' in page
    assert 'value="7"' in page


def test_a_past_week_can_be_filled_in(alice_client, alice):
    url = reverse("balance:checkin_create") + "?week=2026-11-11"
    page = alice_client.get(url).content.decode()
    assert "Check-in for the week of 9 Nov 2026" in page
    alice_client.post(url, check_in_post(week_of="2026-11-11"))
    assert CheckIn.objects.owned_by(alice).get().week_of == datetime.date(2026, 11, 9)


def test_edit_keeps_the_week_and_delete_asks_first(alice_client, alice):
    check_in = CheckInFactory(owner=alice, week_of=datetime.date(2026, 11, 9))
    url = reverse("balance:checkin_edit", args=[check_in.pk])
    assert "disabled" in alice_client.get(url).content.decode()
    response = alice_client.post(url, check_in_post(week_of="2026-11-23", stress="5"))
    assert response.status_code == 302
    check_in.refresh_from_db()
    assert (check_in.week_of, check_in.stress) == (datetime.date(2026, 11, 9), 5)
    assert CheckIn.objects.owned_by(alice).count() == 1
    delete_url = reverse("balance:checkin_delete", args=[check_in.pk])
    assert "cannot be undone" in alice_client.get(delete_url).content.decode()
    assert alice_client.post(delete_url).status_code == 302
    assert not CheckIn.objects.exists()


def test_overview_shows_the_signal_with_reasons_and_the_trends(alice_client, alice):
    for back in range(8):
        CheckInFactory(
            owner=alice,
            week_of=THIS_WEEK - datetime.timedelta(weeks=back),
            stress=5 if back < 3 else 2,
            hours_worked=Decimal(52 if back < 4 else 40),
        )
    page = alice_client.get(reverse("balance:balance_overview")).content.decode()
    assert "Burnout signal" in page
    assert "badge--signal-high" in page
    assert "Stress has been 4 or more out of 5 for 3 weeks in a row (5, 5, 5)." in page
    assert "Hours worked are up 30 % over four weeks" in page
    assert page.count('class="trend-chart__svg"') == 6
    assert "Show as a table" not in page  # the history table is the fallback
    assert '<table class="checkin-table table--stack">' in page
    assert "How this is worked out" in page
    assert "Warning stretches" in page


def test_a_first_hard_week_is_too_early_to_tell_and_named(alice_client):
    alice_client.post(
        reverse("balance:checkin_create"),
        check_in_post(hours_worked="52", stress="4", energy="2", sleep_hours="6"),
    )
    page = alice_client.get(reverse("balance:balance_overview")).content.decode()
    assert "Too early to tell" in page
    assert "badge--signal-low" not in page
    assert "No warning signs" not in page
    assert (
        "was a hard one on its own: 52 hours worked, stress 4 out of 5, "
        "energy 2 out of 5 and 6 hours of sleep a night." in page
    )


def test_overview_without_check_ins_invites_the_first(alice_client):
    page = alice_client.get(reverse("balance:balance_overview")).content.decode()
    assert "No check-in for this week yet." in page
    assert "Not enough check-ins" in page
    assert "trend-chart__svg" not in page


def test_overview_range_filter(alice_client, alice):
    for back in range(30):
        CheckInFactory(owner=alice, week_of=THIS_WEEK - datetime.timedelta(weeks=back))
    short = alice_client.get(reverse("balance:balance_overview") + "?range=12")
    assert short.content.decode().count('<th scope="row">') == 12
    everything = alice_client.get(reverse("balance:balance_overview") + "?range=104")
    assert everything.content.decode().count('<th scope="row">') == 30
    odd = alice_client.get(reverse("balance:balance_overview") + "?range=9999")
    assert odd.content.decode().count('<th scope="row">') == 26


@pytest.mark.parametrize("weeks", [3, 40])
def test_overview_query_count_does_not_grow(
    alice_client, alice, django_assert_num_queries, weeks
):
    for back in range(weeks):
        CheckInFactory(owner=alice, week_of=THIS_WEEK - datetime.timedelta(weeks=back))
    # session, user, check-ins
    with django_assert_num_queries(3):
        response = alice_client.get(reverse("balance:balance_overview") + "?range=104")
        assert response.status_code == 200
    # session, user, this week's check-in, the suggested values
    with django_assert_num_queries(4):
        assert alice_client.get(reverse("balance:checkin_create")).status_code == 200


def test_dashboard_shows_the_check_in_as_due_until_it_is_done(alice_client, alice):
    page = alice_client.get(reverse("agenda:dashboard")).content.decode()
    assert "Weekly balance check-in" in page
    assert reverse("balance:checkin_create") in page
    alice_client.post(reverse("balance:checkin_create"), check_in_post())
    page = alice_client.get(reverse("agenda:dashboard")).content.decode()
    assert "Weekly balance check-in" not in page


def test_last_weeks_check_in_does_not_count_for_this_week(alice_client, alice):
    CheckInFactory(owner=alice, week_of=THIS_WEEK - datetime.timedelta(weeks=1))
    page = alice_client.get(reverse("agenda:dashboard")).content.decode()
    assert "Weekly balance check-in" in page


def test_check_ins_are_private_to_their_owner(client, alice, bob):
    CheckInFactory(owner=alice, week_of=THIS_WEEK, note="Alice's private week")
    client.force_login(bob)
    page = client.get(reverse("balance:balance_overview")).content.decode()
    assert "Alice&#x27;s private week" not in page
    assert "No check-in for this week yet." in page
    dashboard = client.get(reverse("agenda:dashboard")).content.decode()
    assert "Weekly balance check-in" in dashboard  # bob's own is still missing


def test_weeks_outside_the_range_are_not_drawn(alice_client, alice):
    CheckInFactory(owner=alice, week_of=THIS_WEEK, note="Now")
    CheckInFactory(owner=alice, week_of=datetime.date(2025, 1, 6), note="Long ago")
    page = alice_client.get(reverse("balance:balance_overview")).content.decode()
    assert "Now" in page and "Long ago" not in page
    page = alice_client.get(
        reverse("balance:balance_overview") + "?range=104"
    ).content.decode()
    assert "Long ago" in page
