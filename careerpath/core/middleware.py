"""Request-wide policies: login by default, no caching of private pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.middleware import (
    LoginRequiredMiddleware as DjangoLoginRequired,
)
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.utils.cache import add_never_cache_headers


class LoginRequiredMiddleware(DjangoLoginRequired):
    """Django's login-by-default, except under /api/, where Ninja authenticates every
    operation itself (session or token) and answers 401 instead of a redirect."""

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponseBase | None:
        if request.path_info.startswith("/api/"):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


class NoStoreMiddleware:
    """A signed-in person's pages must not linger in shared or browser caches."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and "Cache-Control" not in response
        ):
            add_never_cache_headers(response)
        return response


class ApiErrorShapeMiddleware:
    """Errors under /api/ that Django or Ninja answer before our handlers run (an
    unknown path, a method an endpoint does not accept) get the API's one error shape."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path_info.startswith("/api/"):
            return response
        if response.get("Content-Type", "").startswith("application/json"):
            return response
        if response.status_code == 404:
            return JsonResponse({"detail": "Not found.", "errors": []}, status=404)
        if response.status_code == 405:
            allowed = ", ".join(
                sorted(
                    m.strip() for m in response.get("Allow", "").split(",") if m.strip()
                )
            )
            shaped = JsonResponse(
                {
                    "detail": f"Method not allowed; this endpoint accepts {allowed}.",
                    "errors": [],
                },
                status=405,
            )
            shaped["Allow"] = allowed
            return shaped
        return response
