"""The admin is no way around sign-in, and no sign-in path is a password oracle."""

import importlib

import pyotp
import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.urls import clear_url_caches, reverse

import careerpath.urls
from careerpath.accounts.models import SecurityEvent
from careerpath.accounts.tests.factories import UserFactory
from careerpath.accounts.tests.hashers import CountingHasher

pytestmark = pytest.mark.django_db


def _reload_urls():
    importlib.reload(careerpath.urls)
    clear_url_caches()


@pytest.fixture
def admin_on(settings):
    settings.ADMIN_ENABLED = True
    _reload_urls()
    yield
    settings.ADMIN_ENABLED = False
    _reload_urls()


@pytest.fixture
def staff(db):
    return UserFactory(email="ops@example.org", is_staff=True, is_superuser=True)


def sign_in(client, email, password, next_url=None):
    url = reverse("account_login")
    if next_url:
        url += f"?next={next_url}"
    return client.post(url, {"login": email, "password": password})


def test_admin_is_not_mounted_by_default(client, staff):
    assert client.get("/admin/").status_code == 404
    assert client.get("/admin/login/").status_code == 404
    client.force_login(staff)
    assert client.get("/admin/").status_code == 404


def test_posting_to_the_admin_login_never_signs_in(client, admin_on, staff, password):
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": staff.email, "password": password, "next": "/admin/"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login") + "?next=%2Fadmin%2F"
    assert "_auth_user_id" not in client.session
    assert not SecurityEvent.objects.filter(user=staff, kind="login").exists()
    assert client.get("/admin/").status_code == 302


def test_admin_sign_in_goes_through_allauth_and_its_second_factor(
    client, admin_on, staff, password
):
    secret = generate_totp_secret()
    TOTP.activate(staff, secret)
    login_url = client.get("/admin/login/?next=/admin/")["Location"]
    response = client.post(login_url, {"login": staff.email, "password": password})
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get("/admin/").status_code == 302
    response = client.post(
        reverse("mfa_authenticate"), {"code": pyotp.TOTP(secret).now()}
    )
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert SecurityEvent.objects.filter(user=staff, kind="login").count() == 1


def test_admin_sign_in_is_rate_limited_like_every_sign_in(
    client, admin_on, staff, password
):
    for _ in range(5):
        sign_in(client, staff.email, "wrong password!", next_url="/admin/")
    sign_in(client, staff.email, password, next_url="/admin/")
    assert client.get("/admin/").status_code == 302
    assert SecurityEvent.objects.filter(user=staff, kind="login_failed").count() == 5


def test_people_who_are_not_staff_are_refused(client, admin_on, alice):
    client.force_login(alice)
    assert client.get("/admin/login/").status_code == 403
    assert client.get("/admin/").status_code == 302  # to the admin login, refused


def test_admin_password_change_is_allauths(client, admin_on, staff):
    client.force_login(staff)
    response = client.get("/admin/password_change/")
    assert response["Location"] == reverse("account_change_password")


def test_the_admin_never_shows_two_factor_secrets(client, admin_on, staff, alice):
    secret = generate_totp_secret()
    totp = TOTP.activate(alice, secret).instance
    codes = RecoveryCodes.activate(alice)
    recovery = codes.instance
    stored = [totp.data["secret"], recovery.data["seed"]]
    client.force_login(staff)
    pages = [
        "/admin/mfa/authenticator/",
        f"/admin/mfa/authenticator/{totp.pk}/change/",
        f"/admin/mfa/authenticator/{recovery.pk}/change/",
        f"/admin/mfa/authenticator/{totp.pk}/delete/",
        f"/admin/accounts/user/{alice.pk}/change/",
        f"/admin/accounts/user/{alice.pk}/delete/",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        for value in [secret, *stored, *codes.generate_codes()]:
            assert value not in page, url
    assert client.get("/admin/mfa/authenticator/add/").status_code == 403


def test_removing_a_second_factor_in_the_admin_is_logged(
    client, admin_on, staff, alice
):
    totp = TOTP.activate(alice, generate_totp_secret()).instance
    client.force_login(staff)
    response = client.post(
        f"/admin/mfa/authenticator/{totp.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Authenticator.objects.filter(pk=totp.pk).exists()
    event = SecurityEvent.objects.get(user=alice, kind="mfa_removed")
    assert event.detail == "totp, by an operator"


@pytest.fixture
def counting_hasher(settings):
    settings.PASSWORD_HASHERS = ["careerpath.accounts.tests.hashers.CountingHasher"]


def hashes_for(action):
    before = CountingHasher.computed
    action()
    return CountingHasher.computed - before


def test_right_wrong_and_unknown_passwords_cost_the_same_hashing(
    client, counting_hasher, password
):
    user = UserFactory(email="carol@example.org")
    inactive = UserFactory(email="dan@example.org", is_active=False)
    attempts = {
        "right": (user.email, password),
        "wrong": (user.email, "wrong password!"),
        "unknown account": ("nobody@example.org", password),
        "deactivated account": (inactive.email, password),
    }
    costs = {}
    for name, (email, pw) in attempts.items():
        client.logout()
        costs[name] = hashes_for(lambda e=email, p=pw: sign_in(client, e, p))
    assert costs == dict.fromkeys(attempts, 1)


def test_reauthentication_costs_the_same_hashing_either_way(
    client, counting_hasher, alice, password
):
    client.force_login(alice)
    url = reverse("account_reauthenticate")
    right = hashes_for(lambda: client.post(url, {"password": password}))
    wrong = hashes_for(lambda: client.post(url, {"password": "wrong password!"}))
    assert right == wrong == 1
