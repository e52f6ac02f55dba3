import hashlib
import re

import pyotp
import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.sessions.models import Session
from django.urls import reverse

from careerpath.accounts.models import ApiToken, SecurityEvent, User
from careerpath.accounts.services import create_api_token
from careerpath.core.models import owned_models
from careerpath.profiles.tests.factories import ProfileFactory, SelfAssessmentFactory

pytestmark = pytest.mark.django_db


def login(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_login_with_password_reaches_the_dashboard_and_is_logged(
    client, alice, password
):
    response = login(client, alice.email, password)
    assert response.status_code == 302
    assert client.get(reverse("agenda:dashboard")).status_code == 200
    assert SecurityEvent.objects.filter(user=alice, kind="login").count() == 1


def test_with_totp_a_password_alone_never_yields_a_session(client, alice, password):
    secret = generate_totp_secret()
    TOTP.activate(alice, secret)
    response = login(client, alice.email, password)
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get(reverse("agenda:dashboard")).status_code == 302
    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert client.get(reverse("agenda:dashboard")).status_code == 302
    response = client.post(
        reverse("mfa_authenticate"), {"code": pyotp.TOTP(secret).now()}
    )
    assert response.status_code == 302
    assert client.get(reverse("agenda:dashboard")).status_code == 200


def test_failed_logins_are_rate_limited_even_with_the_right_password(
    client, alice, password
):
    for _ in range(5):
        assert login(client, alice.email, "wrong password!").status_code == 200
    response = login(client, alice.email, password)
    assert response.status_code in {200, 429}
    assert client.get(reverse("agenda:dashboard")).status_code == 302
    assert SecurityEvent.objects.filter(user=alice, kind="login_failed").count() == 5


def test_unknown_account_and_wrong_password_look_the_same(client, alice):
    a = login(client, alice.email, "wrong password!")
    b = login(client, "nobody@example.org", "wrong password!")
    assert a.status_code == b.status_code == 200

    def strip(response):
        return re.sub(
            r'(csrfmiddlewaretoken" value="|X-CSRFToken": ")[^"]+',
            "",
            response.content.decode(),
        )

    assert strip(a).replace(alice.email, "") == strip(b).replace(
        "nobody@example.org", ""
    )


def test_signup_sends_a_verification_email_and_blocks_login_until_verified(
    client, mailoutbox
):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "new@example.org",
            "password1": "a long passphrase 42",
            "password2": "a long passphrase 42",
        },
    )
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert "confirm-email" in mailoutbox[0].body
    assert client.get(reverse("agenda:dashboard")).status_code == 302


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {
                "email": "not-an-email",
                "password1": "a long passphrase 42",
                "password2": "a long passphrase 42",
            },
            "valid email",
        ),
        (
            {"email": "x@example.org", "password1": "short", "password2": "short"},
            "at least 10 characters",
        ),
        (
            {
                "email": "x@example.org",
                "password1": "password123",
                "password2": "password123",
            },
            "too common",
        ),
        (
            {
                "email": "x@example.org",
                "password1": "a long passphrase 42",
                "password2": "different phrase 42",
            },
            "same password",
        ),
        (
            {
                "email": "alice@example.org",
                "password1": "a long passphrase 42",
                "password2": "a long passphrase 42",
            },
            "",
        ),
    ],
)
def test_signup_bad_input_creates_no_account(client, alice, data, message, mailoutbox):
    count = User.objects.count()
    response = client.post(reverse("account_signup"), data)
    assert User.objects.count() == count
    if message:
        assert response.status_code == 200
        assert message in response.content.decode()


def test_time_zone_preference_is_saved_and_used(alice_client, alice):
    response = alice_client.post(
        reverse("accounts:account_settings"),
        {"display_name": "Al", "time_zone": "Asia/Tokyo"},
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.time_zone == "Asia/Tokyo"


def test_unknown_time_zone_is_refused(alice_client, alice):
    response = alice_client.post(
        reverse("accounts:account_settings"),
        {"display_name": "Al", "time_zone": "Mars/Olympus"},
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    alice.refresh_from_db()
    assert alice.time_zone == "Europe/London"


def test_token_is_shown_once_and_stored_hashed(client, alice, password):
    # Creating a token asks for the password again.
    login(client, alice.email, password)
    client.post(reverse("account_reauthenticate"), {"password": password})
    alice_client = client
    response = alice_client.post(
        reverse("accounts:token_list"), {"name": "laptop cron"}
    )
    page = response.content.decode()
    token = ApiToken.objects.get(owner=alice)
    raw = page.split('id="new-token-value">')[1].split("<")[0]
    assert raw.startswith("cp_")
    assert token.token_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert raw not in alice_client.get(reverse("accounts:token_list")).content.decode()
    assert (
        alice_client.get(
            "/api/v1/profile", HTTP_AUTHORIZATION=f"Bearer {raw}"
        ).status_code
        == 200
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [("", "This field is required"), ("laptop", "already have a token")],
)
def test_token_bad_input_creates_nothing(client, alice, password, name, message):
    login(client, alice.email, password)
    client.post(reverse("account_reauthenticate"), {"password": password})
    alice_client = client
    create_api_token(user=alice, name="laptop")
    response = alice_client.post(reverse("accounts:token_list"), {"name": name})
    assert response.status_code == 422
    assert message in response.content.decode()
    assert ApiToken.objects.owned_by(alice).count() == 1


def test_revoked_token_stops_working_at_once(client, alice):
    token, raw = create_api_token(user=alice, name="laptop")
    client.force_login(alice)
    client.post(reverse("accounts:token_revoke", args=[token.pk]))
    client.logout()
    assert (
        client.get("/api/v1/profile", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code
        == 401
    )
    assert SecurityEvent.objects.filter(user=alice, kind="token_revoked").exists()


def test_tokens_of_a_deactivated_user_stop_working(client, alice):
    _, raw = create_api_token(user=alice, name="laptop")
    alice.is_active = False
    alice.save()
    assert (
        client.get("/api/v1/profile", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code
        == 401
    )


def test_account_deletion_requires_reauthentication(alice_client, alice):
    response = alice_client.post(
        reverse("accounts:account_delete"), {"confirm_email": alice.email}
    )
    assert response.status_code == 302
    assert reverse("account_reauthenticate") in response["Location"]
    assert User.objects.filter(pk=alice.pk).exists()


def test_account_deletion_removes_every_owned_row_and_ends_sessions(
    client, alice, bob, password
):
    ProfileFactory(owner=alice)
    SelfAssessmentFactory(owner=alice)
    create_api_token(user=alice, name="laptop")
    ProfileFactory(owner=bob)
    login(client, alice.email, password)
    assert Session.objects.count() == 1
    assert (
        client.post(
            reverse("account_reauthenticate"), {"password": "wrong password!"}
        ).status_code
        == 200
    )
    assert (
        client.post(
            reverse("accounts:account_delete"), {"confirm_email": alice.email}
        ).status_code
        == 302
    )
    assert User.objects.filter(pk=alice.pk).exists()
    client.post(reverse("account_reauthenticate"), {"password": password})
    wrong = client.post(
        reverse("accounts:account_delete"), {"confirm_email": "someone@else.org"}
    )
    assert wrong.status_code == 422
    assert User.objects.filter(pk=alice.pk).exists()
    response = client.post(
        reverse("accounts:account_delete"), {"confirm_email": "ALICE@example.org"}
    )
    assert response.status_code == 302
    assert not User.objects.filter(pk=alice.pk).exists()
    for model in owned_models():
        assert not model.objects.filter(owner_id=alice.pk).exists(), model
    assert ProfileFactory._meta.model.objects.filter(owner=bob).exists()
    assert Session.objects.count() == 0
    assert client.get(reverse("agenda:dashboard")).status_code == 302


def test_security_log_lists_only_my_events(client, alice, bob, password):
    login(client, bob.email, "wrong password!")
    login(client, alice.email, password)
    page = client.get(reverse("accounts:security_log")).content.decode()
    assert "Signed in" in page
    assert "Sign-in failed" not in page
