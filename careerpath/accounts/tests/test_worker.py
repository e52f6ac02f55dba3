import datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from careerpath.accounts.models import SecurityEvent
from careerpath.accounts.tasks import prune_security_events
from careerpath.cli import main

pytestmark = pytest.mark.django_db(transaction=True)


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_careerpath_worker_runs_queued_tasks(alice):
    old = SecurityEvent.objects.create(
        user=alice, kind="login", at=timezone.now() - datetime.timedelta(days=500)
    )
    recent = SecurityEvent.objects.create(user=alice, kind="login")
    from django_tasks_db.models import DBTaskResult

    result = prune_security_events.enqueue()
    assert DBTaskResult.objects.get(id=result.id).status == "READY"
    main(["careerpath", "worker", "--batch", "--no-startup-delay"])
    assert DBTaskResult.objects.get(id=result.id).status == "SUCCESSFUL"
    assert not SecurityEvent.objects.filter(pk=old.pk).exists()
    assert SecurityEvent.objects.filter(pk=recent.pk).exists()
