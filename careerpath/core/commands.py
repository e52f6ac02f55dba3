"""What the management commands share: whose data to act on, date options, refusals.

Every command that acts for a person takes ``--user EMAIL`` and reads it with
``owner_by_email``; dates are ISO (YYYY-MM-DD) and a bad one names its option.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

if TYPE_CHECKING:
    from careerpath.accounts.models import User


def owner_by_email(email: str) -> User:
    """The active account with this e-mail address (any case), or a CommandError."""
    email = email.strip()
    user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
    if user is None:
        raise CommandError(f"No active account with the e-mail address {email!r}.")
    return user


def parse_date(value: str, option: str) -> date:
    """``value`` as a date; ``option`` ("--date") names it in the error."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{option} must be YYYY-MM-DD, not {value!r}.") from None


def optional_date(value: str | None, option: str, *, default: date) -> date:
    """``value`` as a date, or ``default`` when the option was not given."""
    return parse_date(value, option) if value else default


def refused(error: ValidationError) -> CommandError:
    """A command error listing every message of a refused write."""
    if hasattr(error, "error_dict"):
        text = "; ".join(m for ms in error.message_dict.values() for m in ms)
    else:
        text = "; ".join(error.messages)
    return CommandError(f"Nothing saved: {text}")
