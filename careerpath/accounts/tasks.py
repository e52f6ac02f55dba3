"""Background work for accounts, run by ``careerpath worker``."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from careerpath.accounts.models import SecurityEvent

SECURITY_LOG_RETENTION = timedelta(days=400)


@task()
def prune_security_events() -> int:
    """Delete security events older than the retention period; returns how many."""
    cutoff = timezone.now() - SECURITY_LOG_RETENTION
    deleted, _ = SecurityEvent.objects.filter(at__lt=cutoff).delete()
    return deleted
