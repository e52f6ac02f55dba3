"""Two-factor secrets are stored encrypted, under keys the operator can rotate.

allauth keeps each TOTP secret and recovery-code seed in ``Authenticator.data`` and
passes it through the MFA adapter's ``encrypt`` and ``decrypt``. Here they are sealed
with Fernet (AES-128-CBC with an HMAC-SHA256 tag) under ``MFA_ENCRYPTION_KEYS``: the
first key encrypts, every key decrypts, so an operator puts a new key in front, runs
``careerpath rotate_mfa_key`` to re-encrypt every row with it, then drops the old one.

A sealed value carries the ``fernet:`` prefix, which tells it from a plaintext value
written before encryption was turned on; the migration that introduced this (and the
rotation command) encrypt any such value, and until then it is still read as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from allauth.mfa.adapter import DefaultMFAAdapter
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PREFIX = "fernet:"

# The keys of Authenticator.data that allauth passes through encrypt(), per type.
SECRET_FIELDS = {"totp": ("secret",), "recovery_codes": ("seed",)}
# Recovery codes carried over from django-allauth-2fa: a list, each one encrypted.
SECRET_LISTS = {"recovery_codes": ("migrated_codes",)}


class UndecryptableSecret(ImproperlyConfigured):
    """A stored secret that none of the configured keys opens."""


@lru_cache(maxsize=8)
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("MFA_ENCRYPTION_KEYS is empty.")
    return MultiFernet([Fernet(key) for key in keys])


def _keys() -> MultiFernet:
    return _fernet(tuple(settings.MFA_ENCRYPTION_KEYS))


def is_encrypted(value: str) -> bool:
    return value.startswith(PREFIX)


def encrypt(text: str) -> str:
    return PREFIX + _keys().encrypt(text.encode()).decode("ascii")


def decrypt(value: str) -> str:
    if not is_encrypted(value):
        return value  # stored before encryption; `rotate_mfa_key` seals it
    try:
        return _keys().decrypt(value.removeprefix(PREFIX).encode()).decode()
    except InvalidToken:
        raise UndecryptableSecret(
            "A two-factor secret cannot be decrypted with any key in "
            "CAREERPATH_MFA_KEYS: was a key removed before `careerpath rotate_mfa_key` "
            "re-encrypted the secrets with the newest one?"
        ) from None


def reseal(value: str) -> str:
    """The value encrypted with the newest key, whether it was plaintext or sealed."""
    if not is_encrypted(value):
        return encrypt(value)
    try:
        token = _keys().rotate(value.removeprefix(PREFIX).encode())
    except InvalidToken:
        decrypt(value)  # raises the explanation
        raise
    return PREFIX + token.decode("ascii")


def transform_secrets(
    kind: str, data: dict[str, Any], change: Callable[[str], str]
) -> dict[str, Any]:
    """A copy of an authenticator's ``data`` with ``change`` applied to each secret."""
    out = dict(data)
    for field in SECRET_FIELDS.get(kind, ()):
        if isinstance(out.get(field), str):
            out[field] = change(out[field])
    for field in SECRET_LISTS.get(kind, ()):
        if isinstance(out.get(field), list):
            out[field] = [change(item) for item in out[field]]
    return out


def reseal_authenticators(authenticators: Iterable[Any]) -> int:
    """Re-encrypt every secret of these rows with the newest key; returns rows changed.

    Works on the live ``Authenticator`` model and on a migration's historical one.
    """
    changed = 0
    for authenticator in authenticators:
        try:
            data = transform_secrets(authenticator.type, authenticator.data, reseal)
        except UndecryptableSecret as exc:
            raise UndecryptableSecret(
                f"{exc} (authenticator {authenticator.pk}, {authenticator.type} "
                f"of user {authenticator.user_id})"
            ) from None
        if data != authenticator.data:
            authenticator.data = data
            authenticator.save(update_fields=["data"])
            changed += 1
    return changed


class EncryptingMFAAdapter(DefaultMFAAdapter):
    """allauth's MFA adapter with its encryption hooks filled in."""

    def encrypt(self, text: str) -> str:
        return encrypt(text)

    def decrypt(self, encrypted_text: str) -> str:
        return decrypt(encrypted_text)
