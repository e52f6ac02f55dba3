"""Demo data: two years of learning, a certificate due for renewal, scale multiplies."""

import datetime
import random

import pytest

from careerpath.learning.agenda import due_items
from careerpath.learning.demo import seed
from careerpath.learning.models import LearningItem, LearningSession

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 3, 15)


def test_demo_learning_history(alice):
    counts = seed(alice, rng=random.Random(1), scale=1, today=TODAY)
    items = LearningItem.objects.owned_by(alice)
    sessions = LearningSession.objects.owned_by(alice)
    assert counts == {
        "learning items": items.count(),
        "learning sessions": sessions.count(),
    }
    assert set(items.values_list("kind", flat=True)) == set(LearningItem.Kind.values)
    assert set(items.values_list("status", flat=True)) == set(
        LearningItem.Status.values
    )
    oldest = sessions.order_by("logged_on").first().logged_on
    assert (TODAY - oldest).days >= 700
    assert not sessions.filter(logged_on__gt=TODAY).exists()
    for item in items:
        item.full_clean()  # the demo obeys the same rules as the forms
    renewals = due_items(
        alice, TODAY - datetime.timedelta(days=365), TODAY + datetime.timedelta(days=30)
    )
    assert [r.due_on for r in renewals] == [TODAY + datetime.timedelta(days=4)]


def test_scale_multiplies_the_history(alice, bob):
    one = seed(alice, rng=random.Random(1), scale=1, today=TODAY)
    three = seed(bob, rng=random.Random(1), scale=3, today=TODAY)
    assert three["learning items"] == 3 * one["learning items"]
    assert three["learning sessions"] > 2 * one["learning sessions"]
