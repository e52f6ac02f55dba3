"""API authentication: personal access tokens (Bearer) and the browser session."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer, SessionAuth

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
        if api_token is None:
            return None
        now = timezone.now()
        if (
            api_token.last_used_at is None
            or now - api_token.last_used_at > LAST_USED_RESOLUTION
        ):
            ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=now)
        request.user = api_token.owner
        return api_token.owner


class BrowserSessionAuth(SessionAuth):
    """The signed-in browser session; unsafe methods need the CSRF token."""

    def authenticate(self, request: HttpRequest, key: Any) -> User | None:
        user = super().authenticate(request, key)
        return user if isinstance(user, User) else None
