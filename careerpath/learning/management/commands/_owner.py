"""Shared argument handling for the learning commands: whose learning to act on."""

from __future__ import annotations

from django.core.management.base import CommandError

from careerpath.accounts.models import User


def owner_by_email(email: str) -> User:
    user = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if user is None:
        raise CommandError(f"No active account with the e-mail address {email!r}.")
    return user
