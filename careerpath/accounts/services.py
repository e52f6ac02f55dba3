"""Account-wide writes used by the web pages, the API and commands."""

from __future__ import annotations

from datetime import datetime

from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.db import transaction

from careerpath.accounts.models import ApiToken, SecurityEvent, User
from careerpath.accounts.signals import record


@transaction.atomic
def delete_account(*, user: User) -> None:
    """Remove the person and every row they own; end all their sessions.

    Every owned model's ``owner`` cascades from the user, so one delete removes the
    whole account; sessions are ended explicitly because they hold no foreign key.
    """
    session_keys = list(
        UserSession.objects.filter(user=user).values_list("session_key", flat=True)
    )
    Session.objects.filter(session_key__in=session_keys).delete()
    user.delete()


def create_api_token(
    *,
    user: User,
    name: str,
    request: object = None,
    expires_at: datetime | None = None,
) -> tuple[ApiToken, str]:
    """Create a personal access token; the raw value is returned once and never stored."""
    token, raw = ApiToken.generate(owner=user, name=name, expires_at=expires_at)
    record(SecurityEvent.Kind.TOKEN_CREATED, user=user, request=request, detail=name)  # type: ignore[arg-type]
    return token, raw


def revoke_api_token(*, token: ApiToken, request: object = None) -> None:
    """Delete a token so it stops working at once."""
    record(
        SecurityEvent.Kind.TOKEN_REVOKED,
        user=token.owner,
        request=request,
        detail=token.name,
    )  # type: ignore[arg-type]
    token.delete()


def record_export(*, user: User, request: object = None, what: str) -> None:
    """Log that data left the app (``what`` names the kind and format, never content)."""
    record(SecurityEvent.Kind.DATA_EXPORTED, user=user, request=request, detail=what)  # type: ignore[arg-type]


def record_import(*, user: User, request: object = None, what: str) -> None:
    """Log that data came in (``what`` names the kind, format and counts, never content)."""
    record(SecurityEvent.Kind.DATA_IMPORTED, user=user, request=request, detail=what)  # type: ignore[arg-type]
