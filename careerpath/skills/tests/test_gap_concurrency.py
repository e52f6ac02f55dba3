"""Two posts at once on one gap make one goal, not two."""

import datetime
import threading

import pytest
from django.db import connection, connections

from careerpath.goals.models import Goal
from careerpath.learning.models import LearningItem
from careerpath.skills.models import GapAction
from careerpath.skills.role_analysis import role_gaps
from careerpath.skills.services import turn_gap_into_goal, turn_gap_into_learning_item
from careerpath.skills.tests.test_views import reviewed_role

pytestmark = pytest.mark.django_db(transaction=True)

TODAY = datetime.date(2026, 11, 25)


def _at_once(action, times=4):
    """Run ``action`` in ``times`` threads released together; returns what each got."""
    barrier = threading.Barrier(times)
    results, errors = [], []

    def run():
        try:
            barrier.wait()
            results.append(action())
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    return results


def test_concurrent_posts_make_one_goal_and_one_course(alice):
    if connection.vendor == "sqlite" and connection.creation.is_in_memory_db(
        connection.settings_dict["NAME"]
    ):
        pytest.skip("threads share an in-memory SQLite database only with table locks")
    role = reviewed_role(alice)
    key = role_gaps(role)[0].key
    goals = _at_once(lambda: turn_gap_into_goal(role=role, key=key, today=TODAY))
    assert Goal.objects.owned_by(alice).count() == 1
    assert sum(a.made_now for a in goals) == 1
    assert len({a.pk for a in goals}) == 1
    _at_once(lambda: turn_gap_into_learning_item(role=role, key=key, today=TODAY))
    assert LearningItem.objects.owned_by(alice).count() == 1
    assert GapAction.objects.owned_by(alice).count() == 2
