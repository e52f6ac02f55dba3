"""Re-encrypt every stored two-factor secret with the newest key:

    careerpath rotate_mfa_key

Put the new key first in CAREERPATH_MFA_KEYS (or the first line of var/mfa_keys),
keep the old one after it, run this, then remove the old key.
"""

from __future__ import annotations

from typing import Any

from allauth.mfa.models import Authenticator
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from careerpath.accounts.mfa import (
    SECRET_FIELDS,
    UndecryptableSecret,
    reseal_authenticators,
)


class Command(BaseCommand):
    help = "Re-encrypt the stored TOTP secrets and recovery codes with the newest key."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            with transaction.atomic():
                rows = Authenticator.objects.select_for_update().filter(
                    type__in=list(SECRET_FIELDS)
                )
                changed = reseal_authenticators(rows.order_by("pk"))
        except UndecryptableSecret as exc:
            raise CommandError(f"{exc} Nothing was changed.") from None
        methods = "method" if changed == 1 else "methods"
        self.stdout.write(
            f"Re-encrypted the secrets of {changed} two-factor {methods} with the "
            "newest key; the keys after it can now be removed."
        )
