"""Shared argument handling for the feedback and achievement commands."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError


def parse_date(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{option} must be YYYY-MM-DD, not {value!r}.") from None


def refused(error: ValidationError) -> CommandError:
    """A command error listing every message of a refused write."""
    if hasattr(error, "error_dict"):
        text = "; ".join(m for ms in error.message_dict.values() for m in ms)
    else:
        text = "; ".join(error.messages)
    return CommandError(f"Nothing saved: {text}")
