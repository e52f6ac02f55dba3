"""Account-wide writes used by the web pages, the API and commands."""

from __future__ import annotations

import logging
from datetime import datetime

from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.db import connection, transaction
from django.http import HttpRequest

from careerpath.accounts.models import ApiToken, SecurityEvent, User
from careerpath.accounts.signals import record

logger = logging.getLogger(__name__)


def delete_account(*, user: User) -> None:
    """Remove the person and every row they own; end all their sessions.

    Every owned model's ``owner`` cascades from the user, so one delete removes the
    whole account; sessions are ended explicitly because they hold no foreign key.

    On SQLite the deleted text must not stay readable in the files: the delete runs
    with ``secure_delete`` on (freed space is overwritten with zeros instead of left
    as it was), and once it is committed the write-ahead log, which still holds the
    pages as they were before, is checkpointed into the database and truncated.
    """
    sqlite = connection.vendor == "sqlite"
    with transaction.atomic():
        previous = _pragma("secure_delete") if sqlite else 0
        if sqlite:
            _pragma("secure_delete", 1)
        try:
            session_keys = list(
                UserSession.objects.filter(user=user).values_list(
                    "session_key", flat=True
                )
            )
            Session.objects.filter(session_key__in=session_keys).delete()
            user.delete()
        finally:
            if sqlite:
                _pragma("secure_delete", previous)
    if sqlite:
        # After the outermost commit: a checkpoint inside a transaction cannot
        # copy the uncommitted pages, and the log must outlive the commit.
        transaction.on_commit(_truncate_wal)


def _pragma(name: str, value: int | None = None) -> int:
    """Read (or set, then read) one of SQLite's whole-number pragmas."""
    with connection.cursor() as cursor:
        assignment = "" if value is None else f" = {int(value)}"
        cursor.execute(f"PRAGMA {name}{assignment}")
        row = cursor.fetchone()
    return int(row[0]) if row else 0


def _truncate_wal() -> None:
    """Copy the log into the database and empty it; waits out readers (busy timeout)."""
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        busy, log_frames, copied = cursor.fetchone()
    if busy:
        logger.warning(
            "After an account deletion the write-ahead log could not be emptied "
            "(%s of %s pages copied; another connection was busy): the deleted "
            "text stays in it until its space is reused.",
            copied,
            log_frames,
        )


def create_api_token(
    *,
    user: User,
    name: str,
    request: HttpRequest | None = None,
    expires_at: datetime | None = None,
) -> tuple[ApiToken, str]:
    """Create a personal access token; the raw value is returned once and never stored."""
    token, raw = ApiToken.generate(owner=user, name=name, expires_at=expires_at)
    record(SecurityEvent.Kind.TOKEN_CREATED, user=user, request=request, detail=name)
    return token, raw


def revoke_api_token(*, token: ApiToken, request: HttpRequest | None = None) -> None:
    """Delete a token so it stops working at once."""
    record(
        SecurityEvent.Kind.TOKEN_REVOKED,
        user=token.owner,
        request=request,
        detail=token.name,
    )
    token.delete()


def record_export(*, user: User, request: HttpRequest | None = None, what: str) -> None:
    """Log that data left the app (``what`` names the kind and format, never content)."""
    record(SecurityEvent.Kind.DATA_EXPORTED, user=user, request=request, detail=what)


def record_import(*, user: User, request: HttpRequest | None = None, what: str) -> None:
    """Log that data came in (``what`` names the kind, format and counts, never content)."""
    record(SecurityEvent.Kind.DATA_IMPORTED, user=user, request=request, detail=what)
