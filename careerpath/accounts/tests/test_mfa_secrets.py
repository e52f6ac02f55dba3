"""TOTP secrets and recovery codes are stored encrypted, under keys that rotate."""

import importlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pyotp
import pytest
from allauth.mfa.models import Authenticator
from cryptography.fernet import Fernet
from django.apps import apps
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.urls import reverse

from careerpath.accounts.mfa import decrypt, encrypt

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[3]
migration = importlib.import_module(
    "careerpath.accounts.migrations.0003_encrypt_mfa_secrets"
)


def sign_in(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def enable_totp(client, user, password):
    """Turn on TOTP the way a person does; returns the secret and recovery codes."""
    sign_in(client, user.email, password)
    client.post(reverse("account_reauthenticate"), {"password": password})
    secret = client.get(reverse("mfa_activate_totp")).context["form"].secret
    response = client.post(
        reverse("mfa_activate_totp"), {"code": pyotp.TOTP(secret).now()}
    )
    assert response["Location"] == reverse("mfa_view_recovery_codes")
    codes = client.get(reverse("mfa_view_recovery_codes")).context["unused_codes"]
    client.logout()
    cache.clear()  # the activation code may be used again to sign in
    return secret, codes


def second_factor(client, user, password, code):
    """Sign in with the password, then ``code`` (a string, or a callable that makes the
    code once the password step is done, so a slow step cannot outlive a TOTP window)."""
    response = sign_in(client, user.email, password)
    assert response["Location"] == reverse("mfa_authenticate")
    client.post(
        reverse("mfa_authenticate"), {"code": code() if callable(code) else code}
    )
    return client.get(reverse("agenda:dashboard")).status_code == 200


def stored(user, kind):
    return Authenticator.objects.get(user=user, type=kind).data


def test_enabling_totp_stores_neither_secret_nor_seed_in_the_clear(
    client, alice, password
):
    secret, codes = enable_totp(client, alice, password)
    totp = stored(alice, "totp")
    recovery = stored(alice, "recovery_codes")
    assert totp["secret"].startswith("fernet:")
    assert secret not in json.dumps(totp)
    assert recovery["seed"].startswith("fernet:")
    assert len(decrypt(recovery["seed"])) == 80
    assert decrypt(recovery["seed"]) not in json.dumps(recovery)
    assert decrypt(totp["secret"]) == secret
    assert len(codes) == 10


def test_sign_in_with_an_encrypted_totp_secret(client, alice, password):
    secret, _ = enable_totp(client, alice, password)
    assert not second_factor(client, alice, password, "000000")
    client.logout()
    assert second_factor(client, alice, password, pyotp.TOTP(secret).now)


def test_sign_in_with_a_recovery_code_from_an_encrypted_seed(client, alice, password):
    _, codes = enable_totp(client, alice, password)
    assert second_factor(client, alice, password, codes[0])
    client.logout()
    assert not second_factor(client, alice, password, codes[0])  # used up
    client.logout()
    assert second_factor(client, alice, password, codes[1])


def test_rotating_the_key_keeps_sign_in_working_without_the_old_key(
    client, alice, password, settings
):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.MFA_ENCRYPTION_KEYS = [old]
    secret, codes = enable_totp(client, alice, password)
    before = stored(alice, "totp")["secret"]

    settings.MFA_ENCRYPTION_KEYS = [new, old]
    out = io.StringIO()
    call_command("rotate_mfa_key", stdout=out)
    assert "Re-encrypted the secrets of 2 two-factor methods" in out.getvalue()

    settings.MFA_ENCRYPTION_KEYS = [new]
    after = stored(alice, "totp")["secret"]
    assert after != before
    assert Fernet(new).decrypt(after.removeprefix("fernet:")).decode() == secret
    assert second_factor(client, alice, password, pyotp.TOTP(secret).now)
    client.logout()
    assert second_factor(client, alice, password, codes[0])


def test_rotating_without_the_key_in_use_changes_nothing_and_says_why(
    client, alice, password, settings
):
    enable_totp(client, alice, password)
    before = {a.pk: a.data for a in Authenticator.objects.all()}
    settings.MFA_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(CommandError, match="was a key removed before"):
        call_command("rotate_mfa_key")
    assert {a.pk: a.data for a in Authenticator.objects.all()} == before


def test_rotation_also_seals_a_secret_left_in_the_clear(alice):
    secret = pyotp.random_base32()
    row = Authenticator.objects.create(user=alice, type="totp", data={"secret": secret})
    call_command("rotate_mfa_key", stdout=io.StringIO())
    row.refresh_from_db()
    assert row.data["secret"].startswith("fernet:")
    assert decrypt(row.data["secret"]) == secret


def test_the_migration_encrypts_plaintext_rows_once_and_reverses(alice, bob):
    secret = pyotp.random_base32()
    seed = "ab" * 40
    totp = Authenticator.objects.create(
        user=alice, type="totp", data={"secret": secret}
    )
    recovery = Authenticator.objects.create(
        user=alice,
        type="recovery_codes",
        data={"seed": seed, "used_mask": 5, "migrated_codes": ["12345678"]},
    )
    already = Authenticator.objects.create(
        user=bob, type="totp", data={"secret": encrypt(secret)}
    )
    sealed_before = already.data["secret"]

    migration.encrypt_plaintext(apps, None)
    for row in (totp, recovery, already):
        row.refresh_from_db()
    assert totp.data["secret"].startswith("fernet:")
    assert recovery.data["seed"].startswith("fernet:")
    assert recovery.data["used_mask"] == 5
    assert recovery.data["migrated_codes"][0].startswith("fernet:")
    assert already.data["secret"] == sealed_before
    assert totp.wrap().validate_code(pyotp.TOTP(secret).now())
    assert recovery.wrap().validate_code("12345678")

    snapshot = {a.pk: a.data for a in Authenticator.objects.all()}
    migration.encrypt_plaintext(apps, None)
    assert {a.pk: a.data for a in Authenticator.objects.all()} == snapshot

    migration.decrypt_sealed(apps, None)
    totp.refresh_from_db()
    assert totp.data == {"secret": secret}


def run_check(data_dir, **env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("CAREERPATH_", "DJANGO_"))
    }
    clean["DATABASE_URL"] = os.environ.get("DATABASE_URL", "")
    clean.update(CAREERPATH_DATA_DIR=str(data_dir), **env)
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_fresh_local_install_makes_its_own_key_and_keeps_it(tmp_path):
    result = run_check(tmp_path)
    assert result.returncode == 0, result.stderr
    key_file = tmp_path / "mfa_keys"
    key = key_file.read_text().strip()
    Fernet(key)
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert run_check(tmp_path).returncode == 0
    assert key_file.read_text().strip() == key


PRODUCTION = {
    "CAREERPATH_ENV": "production",
    "CAREERPATH_SECRET_KEY": "k" * 20 + "Zq8-x_Y3vP0aLm4RtB7nW2cE5uH9jK1gF6dS0",
    "CAREERPATH_HOSTS": "careers.example.org",
}


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        ("", "needs CAREERPATH_MFA_KEYS"),
        ("not-a-key", "Key 1 in CAREERPATH_MFA_KEYS is not a Fernet key"),
        # A fixed (valid) first key: parameters must be the same in every test worker.
        (
            "x7Yb0mQ1pLr2sNt3uVw4xZa5bCd6eFg7hIj8kLm9nOo=,short",
            "Key 2 in CAREERPATH_MFA_KEYS",
        ),
    ],
    ids=["missing", "not-a-key", "second-key-short"],
)
def test_production_refuses_to_start_without_a_usable_key(tmp_path, keys, message):
    result = run_check(tmp_path, CAREERPATH_MFA_KEYS=keys, **PRODUCTION)
    assert result.returncode != 0
    assert message in result.stderr
    assert not (tmp_path / "mfa_keys").exists()


def test_production_takes_its_keys_from_a_file(tmp_path):
    key_file = tmp_path / "keys"
    key_file.write_text(
        Fernet.generate_key().decode() + "\n" + Fernet.generate_key().decode() + "\n"
    )
    result = run_check(tmp_path, CAREERPATH_MFA_KEYS_FILE=str(key_file), **PRODUCTION)
    assert result.returncode == 0, result.stderr
