"""Personal access tokens: re-authentication to create one, expiry, and revocation of
every token when the password changes."""

import datetime

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse

from careerpath.accounts.models import ApiToken, SecurityEvent
from careerpath.accounts.services import create_api_token

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 23, 12, tzinfo=datetime.UTC)


def login(client, user, password):
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": password}
    )
    assert response.status_code == 302
    return client


def reauthenticated(client, user, password):
    login(client, user, password)
    client.post(reverse("account_reauthenticate"), {"password": password})
    return client


def create(client, **fields):
    return client.post(
        reverse("accounts:token_list"),
        {"name": "laptop cron", "expires_in_days": "365", **fields},
    )


def api_status(client, raw):
    return client.get("/api/v1/profile", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code


def test_the_token_list_opens_without_reauthentication(alice_client):
    assert alice_client.get(reverse("accounts:token_list")).status_code == 200


def test_creating_a_token_needs_a_recent_authentication(client, alice, password):
    # Signing in is not enough, and a re-authentication lasts a few minutes.
    login(client, alice, password)
    assert create(client).status_code == 302
    with time_machine.travel(NOW, tick=False) as traveller:
        reauthenticated(client, alice, password)
        traveller.shift(datetime.timedelta(minutes=6))
        response = create(client)
        assert response.status_code == 302
        assert reverse("account_reauthenticate") in response["Location"]
        assert not ApiToken.objects.owned_by(alice).exists()

        client.post(reverse("account_reauthenticate"), {"password": "wrong password"})
        assert create(client).status_code == 302
        assert not ApiToken.objects.owned_by(alice).exists()

        client.post(reverse("account_reauthenticate"), {"password": password})
        response = create(client)
        assert response.status_code == 200
        assert ApiToken.objects.owned_by(alice).count() == 1


def test_a_new_token_expires_after_a_year_by_default_and_the_list_says_when(
    client, alice, password
):
    with time_machine.travel(NOW, tick=False):
        reauthenticated(client, alice, password)
        form_page = client.get(reverse("accounts:token_list")).content.decode()
        assert 'value="365" selected' in form_page
        # Left out (a script posting the form), it is a year too.
        page = client.post(
            reverse("accounts:token_list"), {"name": "laptop cron"}
        ).content.decode()
    token = ApiToken.objects.get(owner=alice)
    assert token.expires_at == NOW + datetime.timedelta(days=365)
    assert "It works until 23 Nov 2027" in page
    assert '<td data-label="Expires">23 Nov 2027</td>' in page


def test_a_token_may_never_expire(client, alice, password):
    reauthenticated(client, alice, password)
    page = create(client, expires_in_days="0").content.decode()
    assert ApiToken.objects.get(owner=alice).expires_at is None
    assert "It never expires" in page


def test_an_expired_token_answers_401_and_is_marked_in_the_list(
    client, alice, password
):
    with time_machine.travel(NOW, tick=False) as traveller:
        reauthenticated(client, alice, password)
        page = create(client, expires_in_days="30").content.decode()
        raw = page.split('id="new-token-value">')[1].split("<")[0]
        assert api_status(client, raw) == 200
        traveller.shift(datetime.timedelta(days=30, seconds=1))
        assert api_status(client, raw) == 401
        client.force_login(alice)
        listed = client.get(reverse("accounts:token_list")).content.decode()
    assert "<strong>expired</strong> 23 Dec 2026" in listed


def test_changing_the_password_revokes_every_token_and_says_so(
    client, alice, bob, password
):
    _, first = create_api_token(user=alice, name="laptop")
    _, second = create_api_token(user=alice, name="server")
    _, bobs = create_api_token(user=bob, name="bob's")
    login(client, alice, password)
    mail.outbox.clear()
    response = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": password,
            "password1": "a brand new passphrase 42",
            "password2": "a brand new passphrase 42",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert api_status(client, first) == 401
    assert api_status(client, second) == 401
    assert api_status(client, bobs) == 200
    assert not ApiToken.objects.owned_by(alice).exists()
    notices = [str(m) for m in get_messages(response.wsgi_request)] + [
        response.content.decode()
    ]
    assert any("your 2 API tokens were revoked" in n for n in notices)
    revoked = [m for m in mail.outbox if "API tokens were revoked" in m.subject]
    assert [m.to for m in revoked] == [[alice.email]]
    event = SecurityEvent.objects.get(user=alice, kind="token_revoked")
    assert event.detail == "all 2 (password changed): server, laptop" or (
        event.detail == "all 2 (password changed): laptop, server"
    )


def test_a_password_set_any_other_way_revokes_the_tokens_too(alice):
    # A reset, an administrator, or `manage.py changepassword`: all save a new hash.
    create_api_token(user=alice, name="laptop")
    alice.set_password("another long passphrase 7")
    alice.save()
    assert not ApiToken.objects.owned_by(alice).exists()


def test_signing_in_or_saving_settings_keeps_the_tokens(client, alice, password):
    _, raw = create_api_token(user=alice, name="laptop")
    login(client, alice, password)
    alice.refresh_from_db()
    alice.display_name = "Al"
    alice.save()
    assert api_status(client, raw) == 200
    assert not SecurityEvent.objects.filter(user=alice, kind="token_revoked").exists()
