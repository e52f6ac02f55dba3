"""Encrypt the TOTP secrets and recovery-code seeds stored before encryption.

Values already carrying the ``fernet:`` prefix are left alone, so running this again
changes nothing. Reversing it writes the plaintext back, for a return to a release
that stored it that way.
"""

from django.db import migrations

from careerpath.accounts.mfa import decrypt, encrypt, is_encrypted, transform_secrets


def _change_all(apps, change):
    Authenticator = apps.get_model("mfa", "Authenticator")
    for authenticator in Authenticator.objects.filter(
        type__in=["totp", "recovery_codes"]
    ).iterator():
        data = transform_secrets(authenticator.type, authenticator.data, change)
        if data != authenticator.data:
            authenticator.data = data
            authenticator.save(update_fields=["data"])


def encrypt_plaintext(apps, schema_editor):
    _change_all(apps, lambda value: value if is_encrypted(value) else encrypt(value))


def decrypt_sealed(apps, schema_editor):
    _change_all(apps, decrypt)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_security_event_data_kinds"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [migrations.RunPython(encrypt_plaintext, decrypt_sealed)]
