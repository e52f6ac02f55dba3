"""The learning log's summary: one read model for the page and the API."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from careerpath.accounts.services import create_api_token
from careerpath.learning.log import learning_log
from careerpath.learning.tests.factories import (
    LearningItemFactory,
    LearningSessionFactory,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 3, 15)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 3, 15, 12, tzinfo=datetime.UTC)):
        yield


@pytest.fixture
def sessions(alice):
    item = LearningItemFactory(owner=alice, skills=["SQL", "Python"])
    LearningSessionFactory(item=item, logged_on=datetime.date(2026, 3, 1), hours="2")
    LearningSessionFactory(
        owner=alice, item=None, skill="Excel", logged_on=datetime.date(2025, 4, 1)
    )
    LearningSessionFactory(
        owner=alice, item=None, logged_on=datetime.date(2025, 3, 31), hours="5"
    )


def test_the_log_counts_the_period_only(alice, sessions, django_assert_num_queries):
    with django_assert_num_queries(1):
        log = learning_log(alice, today=TODAY, months=12)
    assert log.start == datetime.date(2025, 4, 1)
    assert len(log.months) == 12
    assert log.total == Decimal("3.5")
    assert log.per_month[0] == (datetime.date(2025, 4, 1), Decimal("1.5"))
    assert dict(log.per_skill) == {
        "SQL": Decimal(1),
        "Python": Decimal(1),
        "Excel": Decimal("1.5"),
    }


def test_the_page_and_the_api_show_the_same_log(client, alice, sessions):
    log = learning_log(alice, today=TODAY, months=12)
    client.force_login(alice)
    page = client.get(reverse("learning:session_list"))
    assert page.context["total"] == log.total
    _, raw = create_api_token(user=alice, name="tests")
    summary = client.get(
        "/api/v1/learning/summary", HTTP_AUTHORIZATION=f"Bearer {raw}"
    ).json()
    assert Decimal(summary["total_hours"]) == log.total
    assert [Decimal(m["hours"]) for m in summary["per_month"]] == [
        hours for _, hours in log.per_month
    ]
