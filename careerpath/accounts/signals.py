"""Write the security event log from Django's and allauth's account signals."""

from __future__ import annotations

import logging
from typing import Any

from allauth.account.signals import email_changed, password_changed, password_reset
from allauth.mfa.signals import authenticator_added, authenticator_removed
from django.contrib import messages
from django.contrib.auth.signals import (
    user_logged_in,
    user_logged_out,
    user_login_failed,
)
from django.core.mail import send_mail
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.http import HttpRequest

from careerpath.accounts.models import ApiToken, SecurityEvent, User

logger = logging.getLogger(__name__)
TOKENS_REVOKED = (
    "Your password changed, so your {count} API token{s} {were} revoked: scripts "
    "using {them} stop working now. Create new ones under Account → API tokens."
)


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


@receiver(pre_save, sender=User)
def _note_password_change(sender: Any, instance: User, **kwargs: Any) -> None:
    update_fields = kwargs.get("update_fields")
    if not instance.pk or (
        update_fields is not None and "password" not in update_fields
    ):
        return
    stored = User.objects.filter(pk=instance.pk).values_list("password", flat=True)
    instance._password_changed = stored.first() not in (None, instance.password)  # type: ignore[attr-defined]


@receiver(post_save, sender=User)
def _revoke_tokens_on_password_change(
    sender: Any, instance: User, created: bool, **kwargs: Any
) -> None:
    """A new password (changed, reset, or set by an administrator) ends every API
    token: whoever knew the old password may have made one."""
    if created or not getattr(instance, "_password_changed", False):
        return
    instance._password_changed = False  # type: ignore[attr-defined]
    tokens = ApiToken.objects.owned_by(instance)
    names = list(tokens.values_list("name", flat=True))
    instance._api_tokens_revoked = len(names)  # type: ignore[attr-defined]
    if not names:
        return
    tokens.delete()
    record(
        SecurityEvent.Kind.TOKEN_REVOKED,
        user=instance,
        request=None,
        detail=f"all {len(names)} (password changed): " + ", ".join(names),
    )
    _tell_about_revoked_tokens(instance, len(names))


def _revoked_message(count: int) -> str:
    return TOKENS_REVOKED.format(
        count=count,
        s="" if count == 1 else "s",
        were="was" if count == 1 else "were",
        them="it" if count == 1 else "them",
    )


def _tell_about_revoked_tokens(user: User, count: int) -> None:
    # An e-mail too, so the owner learns of it even when someone else changed it.
    try:
        send_mail(
            "careerpath: your API tokens were revoked",
            _revoked_message(count) + "\n\nIf you did not change your password, "
            "reset it now and check Account → Security log.",
            None,
            [user.email],
        )
    except Exception:  # the password change itself must not fail over an e-mail
        logger.exception("Could not send the token revocation notice")


def _flash_revoked_tokens(request: HttpRequest | None, user: User) -> None:
    count = getattr(user, "_api_tokens_revoked", 0)
    if count and request is not None and hasattr(request, "_messages"):
        messages.warning(request, _revoked_message(count))


@receiver(password_changed)
def _password_changed(
    sender: Any, request: HttpRequest, user: User, **kwargs: Any
) -> None:
    record(SecurityEvent.Kind.PASSWORD_CHANGED, user=user, request=request)
    _flash_revoked_tokens(request, user)


@receiver(password_reset)
def _password_reset(
    sender: Any, request: HttpRequest, user: User, **kwargs: Any
) -> None:
    record(SecurityEvent.Kind.PASSWORD_RESET, user=user, request=request)
    _flash_revoked_tokens(request, user)


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
