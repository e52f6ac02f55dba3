"""API authentication: personal access tokens (Bearer) and the browser session."""

from __future__ import annotations

from datetime import timedelta

from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import HttpError
from ninja.security import HttpBearer, SessionAuth
from ninja.utils import check_csrf

from careerpath.accounts.models import ApiToken, User, hash_token

# Recording every use would be a write per API call; once a minute is enough to show
# "last used" in the token list.
LAST_USED_RESOLUTION = timedelta(minutes=1)


class TokenAuth(HttpBearer):
    openapi_description = "A personal access token from Account → API tokens."

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        api_token = (
            ApiToken.objects.select_related("owner")
            .filter(token_hash=hash_token(token), owner__is_active=True)
            .first()
        )
        now = timezone.now()
        if api_token is None or (
            api_token.expires_at is not None and api_token.expires_at <= now
        ):
            return None
        if (
            api_token.last_used_at is None
            or now - api_token.last_used_at > LAST_USED_RESOLUTION
        ):
            ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=now)
        request.user = api_token.owner
        return api_token.owner


CSRF_FAILED = (
    "The CSRF token is missing or wrong: send the session's token in the "
    "`X-CSRFToken` header, or use a personal access token."
)


class BrowserSessionAuth(SessionAuth):
    """The signed-in browser session; unsafe methods need the CSRF token.

    Ninja's session auth checks CSRF before it knows whether there is a session, so
    a script with a wrong token (or none) would hear "CSRF check failed". Here a
    request that carries a token is the token's to decide, and one without a signed-in
    session is simply unauthenticated (401); only a real session is held to CSRF.
    """

    def __call__(self, request: HttpRequest) -> User | None:
        if "HTTP_AUTHORIZATION" in request.META:
            return None
        user = getattr(request, "user", None)
        if not isinstance(user, User) or not user.is_authenticated:
            return None
        if not getattr(request, "_ninja_csrf_exempt", False) and check_csrf(request):
            raise HttpError(403, CSRF_FAILED)
        return user
