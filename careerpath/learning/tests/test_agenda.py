"""Certificate renewals on the dashboard: due 60 days before expiry, overdue after."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from careerpath.agenda.today import build_agenda
from careerpath.learning.agenda import due_items
from careerpath.learning.tests.factories import (
    CertificationFactory,
    LearningItemFactory,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 3, 15)


def days(n):
    return TODAY + datetime.timedelta(days=n)


def test_renewal_is_due_sixty_days_before_expiry(alice):
    cert = CertificationFactory(owner=alice, title="CHDA", expires_on=days(64))
    items = due_items(alice, days(-365), days(30))
    assert len(items) == 1
    item = items[0]
    assert item.due_on == days(4)
    assert item.kind == "renewal"
    assert item.area == "Learning"
    assert item.url == cert.get_absolute_url()
    assert "Renew certificate: CHDA" in item.title
    assert "expires 18 May 2026" in item.title


@pytest.mark.parametrize(
    ("expires_in", "group"),
    [
        (95, None),  # due in 35 days: beyond the dashboard's month ahead
        (89, "later"),  # due in 29 days
        (63, "this_week"),  # due in 3 days
        (60, "this_week"),  # due today
        (59, "overdue"),  # due yesterday, not yet expired
        (-10, "overdue"),  # expired
        (-310, None),  # due more than a year ago: off the dashboard
    ],
)
def test_renewal_groups_on_the_dashboard(alice, expires_in, group):
    CertificationFactory(owner=alice, expires_on=days(expires_in))
    agenda = build_agenda(alice, today=TODAY)
    groups = {
        name: [i for i in getattr(agenda, name) if i.kind == "renewal"]
        for name in ("overdue", "this_week", "later")
    }
    found = [name for name, items in groups.items() if items]
    assert found == ([group] if group else [])


def test_dropped_and_undated_certificates_are_not_due(alice, bob):
    CertificationFactory(owner=alice, expires_on=days(30), status="dropped")
    CertificationFactory(owner=alice, expires_on=None)
    LearningItemFactory(owner=alice)
    CertificationFactory(owner=bob, expires_on=days(30))
    assert due_items(alice, days(-365), days(30)) == []


def test_dashboard_shows_the_renewal(alice_client, alice):
    with time_machine.travel(datetime.datetime(2026, 3, 15, 12, tzinfo=datetime.UTC)):
        CertificationFactory(
            owner=alice, title="AWS Cloud Practitioner", expires_on=days(40)
        )
        body = alice_client.get(reverse("agenda:dashboard")).content.decode()
    assert "Renew certificate: AWS Cloud Practitioner" in body
