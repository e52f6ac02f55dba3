"""Every route is private unless it is listed here as public, with the reason."""

import re

import pytest
from django.urls import reverse

from tests.routes import api_operations, site_routes

PUBLIC_VIEWS = {
    "agenda:home": "tells visitors what careerpath is; sends signed-in people to their dashboard",
    "healthz": "the load balancer's probe; says only whether the database answers",
    "account_login": "signing in",
    "account_logout": "signing out must work from any state",
    "account_inactive": "tells a deactivated person why they cannot sign in",
    "account_signup": "creating an account",
    "account_email_verification_sent": "shown between sign-up and e-mail verification",
    "account_confirm_email": "the link in the verification e-mail",
    "account_confirm_login_code": "second step of signing in by code",
    "account_reset_password": "asking for a password reset",
    "account_reset_password_done": "after asking for a reset",
    "account_reset_password_from_key": "the link in the reset e-mail",
    "account_reset_password_from_key_done": "after a reset",
    "mfa_authenticate": "second step of signing in with two-factor authentication",
}

# The API authenticates each operation itself; only its self-description is open.
# /api/v1/openapi.json and /api/v1/docs are open: they describe the API, never anyone's data.


def test_public_views_are_exactly_the_listed_ones():
    public = {
        r.name
        for r in site_routes()
        if getattr(r.pattern.callback, "login_required", True) is False
    }
    assert public == set(PUBLIC_VIEWS)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "route",
    [r for r in site_routes() if r.name not in PUBLIC_VIEWS],
    ids=lambda r: r.name,
)
def test_private_routes_send_anonymous_visitors_to_sign_in(client, route):
    kwargs = {name: "1" for name in route.kwargs_names}
    url = reverse(route.name, kwargs=kwargs)
    for method in ("get", "post"):
        response = getattr(client, method)(url)
        assert response.status_code == 302, (method, url)
        assert response["Location"].startswith(reverse("account_login")), (method, url)


def test_every_api_operation_declares_authentication():
    for path, method, operation in api_operations():
        assert operation.get("security"), f"{method} {path} has no authentication"


@pytest.mark.django_db
def test_anonymous_api_requests_get_401(client):
    for path, method, _ in api_operations():
        url = re.sub(r"\{[^}]+\}", "1", path)
        response = client.generic(method, url, "{}", content_type="application/json")
        assert response.status_code == 401, (method, url)
        assert response.json()["detail"].startswith("Authentication required")
