"""The REST API at /api/v1/: one NinjaAPI, one error shape, each area's router."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from careerpath.accounts.api_auth import BrowserSessionAuth, TokenAuth
from careerpath.achievements.api import router as achievements_router
from careerpath.balance.api import router as balance_router
from careerpath.feedback.api import router as feedback_router
from careerpath.goals.api import router as goals_router
from careerpath.journal.api import router as journal_router
from careerpath.learning.api import router as learning_router
from careerpath.network.api import router as network_router
from careerpath.profiles.api import router as profiles_router
from careerpath.reviews.api import router as reviews_router
from careerpath.skills.api import router as skills_router

api = NinjaAPI(
    title="careerpath API",
    version="1",
    description=(
        "Everything here belongs to the signed-in person. Authenticate with a personal "
        "access token (`Authorization: Bearer cp_…`) or the browser session. "
        'Errors always look like `{"detail": "…", "errors": [{"field": "…", "message": "…"}]}`.'
    ),
    auth=[TokenAuth(), BrowserSessionAuth()],
    urls_namespace="api",
)


def error_response(
    request: HttpRequest,
    status: int,
    detail: str,
    errors: list[dict[str, str]] | None = None,
) -> HttpResponse:
    return api.create_response(
        request, {"detail": detail, "errors": errors or []}, status=status
    )


def _field_name(loc: tuple[object, ...] | list[object]) -> str:
    # Ninja prefixes locations with where the value came from ("body", "payload", "query").
    parts = [
        str(part) for part in loc if part not in {"body", "payload", "query", "path"}
    ]
    return ".".join(parts) or "request"


@api.exception_handler(NinjaValidationError)
def _invalid_request(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    errors = [
        {
            "field": _field_name(error.get("loc", ())),
            "message": str(error.get("msg", "Invalid value.")),
        }
        for error in exc.errors
    ]
    return error_response(
        request, 422, "The request is not valid; nothing was saved.", errors
    )


@api.exception_handler(DjangoValidationError)
def _invalid_data(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    if hasattr(exc, "error_dict"):
        errors = [
            {"field": "request" if name == "__all__" else name, "message": str(message)}
            for name, messages in exc.message_dict.items()
            for message in messages
        ]
    else:
        errors = [
            {"field": "request", "message": str(message)} for message in exc.messages
        ]
    return error_response(
        request, 422, "The request is not valid; nothing was saved.", errors
    )


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return error_response(
        request,
        401,
        "Authentication required: send `Authorization: Bearer <token>` or sign in.",
    )


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return error_response(request, 404, "Not found.")


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return error_response(request, exc.status_code, str(exc))


api.add_router("/", profiles_router)
api.add_router("/", goals_router)
api.add_router("/", network_router)
api.add_router("/", feedback_router)
api.add_router("/", achievements_router)
api.add_router("/", journal_router)
api.add_router("/", balance_router)
api.add_router("/", skills_router)
api.add_router("/", learning_router)
api.add_router("/", reviews_router)
