"""Write the security event log from Django's and allauth's account signals."""

from __future__ import annotations

from typing import Any

from allauth.account.signals import email_changed, password_changed, password_reset
from allauth.mfa.signals import authenticator_added, authenticator_removed
from django.contrib.auth.signals import (
    user_logged_in,
    user_logged_out,
    user_login_failed,
)
from django.dispatch import receiver
from django.http import HttpRequest

from careerpath.accounts.models import SecurityEvent, User


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def record(
    kind: str, *, user: User | None, request: HttpRequest | None, detail: str = ""
) -> None:
    SecurityEvent.objects.create(
        kind=kind, user=user, ip_address=client_ip(request), detail=detail[:200]
    )


@receiver(user_logged_in)
def _logged_in(sender: Any, request: HttpRequest, user: User, **kwargs: Any) -> None:
    record(SecurityEvent.Kind.LOGIN, user=user, request=request)


@receiver(user_logged_out)
def _logged_out(
    sender: Any, request: HttpRequest, user: User | None, **kwargs: Any
) -> None:
    if user is not None and user.pk:
        record(SecurityEvent.Kind.LOGOUT, user=user, request=request)


@receiver(user_login_failed)
def _login_failed(
    sender: Any,
    credentials: dict[str, Any],
    request: HttpRequest | None = None,
    **kwargs: Any,
) -> None:
    # The attempt is attached to the account it named, so its owner can see it;
    # the password (already masked by Django) is never stored.
    email = str(credentials.get("email") or credentials.get("username") or "")
    user = User.objects.filter(email__iexact=email).first() if email else None
    record(SecurityEvent.Kind.LOGIN_FAILED, user=user, request=request)


@receiver(password_changed)
def _password_changed(
    sender: Any, request: HttpRequest, user: User, **kwargs: Any
) -> None:
    record(SecurityEvent.Kind.PASSWORD_CHANGED, user=user, request=request)


@receiver(password_reset)
def _password_reset(
    sender: Any, request: HttpRequest, user: User, **kwargs: Any
) -> None:
    record(SecurityEvent.Kind.PASSWORD_RESET, user=user, request=request)


@receiver(email_changed)
def _email_changed(
    sender: Any, request: HttpRequest, user: User, **kwargs: Any
) -> None:
    record(SecurityEvent.Kind.EMAIL_CHANGED, user=user, request=request)


@receiver(authenticator_added)
def _mfa_added(
    sender: Any, request: HttpRequest, user: User, authenticator: Any, **kwargs: Any
) -> None:
    record(
        SecurityEvent.Kind.MFA_ADDED,
        user=user,
        request=request,
        detail=authenticator.type,
    )


@receiver(authenticator_removed)
def _mfa_removed(
    sender: Any, request: HttpRequest, user: User, authenticator: Any, **kwargs: Any
) -> None:
    record(
        SecurityEvent.Kind.MFA_REMOVED,
        user=user,
        request=request,
        detail=authenticator.type,
    )
