"""Request types for views that only signed-in people reach."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from django_htmx.middleware import HtmxDetails

    from careerpath.accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    """What a view behind LoginRequiredMiddleware receives."""

    user: User
    htmx: HtmxDetails


class ApiRequest(HttpRequest):
    """What an API operation receives: every router sits behind token or
    browser-session authentication, which sets ``auth`` to the signed-in person."""

    auth: User
