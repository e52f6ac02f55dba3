"""The REST API at /api/v1/: one NinjaAPI, one error shape, each area's router."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import (
    PermissionDenied,
    RequestDataTooBig,
    SuspiciousOperation,
)
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Swagger
from ninja.errors import AuthenticationError, HttpError, ValidationErrorContext
from ninja.errors import ValidationError as NinjaValidationError
from ninja.openapi.schema import OpenAPISchema
from pydantic import ValidationError as PydanticValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError

from careerpath.accounts.api_auth import BrowserSessionAuth, TokenAuth
from careerpath.achievements.api import router as achievements_router
from careerpath.balance.api import router as balance_router
from careerpath.core.api import (
    INT_MAX,
    INT_MIN,
    ErrorOut,
    InvalidBody,
    JsonObjectParser,
    bounded_integers,
)
from careerpath.feedback.api import router as feedback_router
from careerpath.goals.api import router as goals_router
from careerpath.journal.api import router as journal_router
from careerpath.learning.api import router as learning_router
from careerpath.network.api import router as network_router
from careerpath.profiles.api import router as profiles_router
from careerpath.skills.api import router as skills_router

logger = logging.getLogger("django.request")
INVALID = "The request is not valid; nothing was saved."
ERROR_REF = {"$ref": "#/components/schemas/ErrorOut"}
ERROR_RESPONSES = {
    400: "The body is not JSON.",
    401: "No credentials, or a token that is wrong, revoked or expired.",
    403: "A browser-session write without the CSRF token.",
    404: "Not found, or not yours.",
    413: "The body is larger than the server accepts.",
    422: "Invalid input; nothing was saved.",
}


NOT_NULL = "This field cannot be null; leave it out to keep its value."


class CareerpathAPI(NinjaAPI):
    def validation_error_from_error_contexts(
        self, error_contexts: list[ValidationErrorContext]
    ) -> NinjaValidationError:
        # Ninja drops the offending input from each error; a null where a value is
        # needed is worth saying in words before it goes.
        for context in error_contexts:
            error = context.pydantic_validation_error
            if any(e.get("input", ...) is None for e in error.errors()):
                context.pydantic_validation_error = _name_nulls(error)
        return super().validation_error_from_error_contexts(error_contexts)

    def get_openapi_schema(
        self,
        *,
        path_prefix: str | None = None,
        path_params: dict[str, Any] | None = None,
    ) -> OpenAPISchema:
        schema = super().get_openapi_schema(
            path_prefix=path_prefix, path_params=path_params
        )
        _document_errors(schema)
        _bound_integers(schema)
        return schema


def _name_nulls(error: PydanticValidationError) -> PydanticValidationError:
    details = [
        InitErrorDetails(
            type=PydanticCustomError("not_null", NOT_NULL)
            if e.get("input", ...) is None and e["type"] != "missing"
            else e["type"],
            loc=e["loc"],
            input=e.get("input"),
            ctx=e.get("ctx", {}),
        )
        for e in error.errors()
    ]
    return PydanticValidationError.from_exception_data(error.title, details)


def _bound_integers(node: object) -> None:
    """Every integer is published with the 64-bit range the API accepts."""
    if isinstance(node, dict):
        if node.get("type") == "integer":
            if "minimum" not in node and "exclusiveMinimum" not in node:
                node["minimum"] = INT_MIN
            if "maximum" not in node and "exclusiveMaximum" not in node:
                node["maximum"] = INT_MAX
        for value in node.values():
            _bound_integers(value)
    elif isinstance(node, list):
        for value in node:
            _bound_integers(value)


def _document_errors(schema: OpenAPISchema) -> None:
    """Every operation lists the errors it can answer, all in the one error shape."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    error_schema = ErrorOut.model_json_schema(
        ref_template="#/components/schemas/{model}"
    )
    components.update(error_schema.pop("$defs", {}))
    components["ErrorOut"] = error_schema
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            parameters = operation.get("parameters", [])
            has_body = "requestBody" in operation
            statuses = {401}
            if parameters or has_body:
                statuses.add(422)
            if (
                "{" in path
                or has_body
                or any(p["name"].endswith("_id") for p in parameters)
            ):
                statuses.add(404)
            if has_body:
                statuses.update({400, 413})
            if method in {"post", "put", "patch", "delete"}:
                statuses.add(403)
            responses = operation.setdefault("responses", {})
            for status in sorted(statuses):
                responses.setdefault(
                    status,
                    {
                        "description": ERROR_RESPONSES[status],
                        "content": {"application/json": {"schema": ERROR_REF}},
                    },
                )


api = CareerpathAPI(
    title="careerpath API",
    version="1",
    description=(
        "Everything here belongs to the signed-in person. Authenticate with a personal "
        "access token (`Authorization: Bearer cp_…`) or the browser session. "
        'Errors always look like `{"detail": "…", "errors": [{"field": "…", "message": "…"}]}`.'
    ),
    auth=[TokenAuth(), BrowserSessionAuth()],
    urls_namespace="api",
    # Without deep links each operation's summary is one button with no link inside it
    # (a link nested in a button is unreachable for keyboard and screen-reader users).
    docs=Swagger(settings={"deepLinking": False}),
    parser=JsonObjectParser(),
)
api.add_decorator(bounded_integers)


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
    return error_response(request, 422, INVALID, errors)


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
    return error_response(request, 422, INVALID, errors)


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
    if isinstance(exc.__cause__, RequestDataTooBig):
        return error_response(request, 413, "The body is too large.")
    if isinstance(exc.__cause__, InvalidBody):
        # Ninja wraps whatever the parser raises as a 400; JSON of the wrong kind
        # is invalid input like any other.
        return error_response(request, 422, INVALID, exc.__cause__.errors)
    if exc.status_code == 400 and exc.__cause__ is not None:
        return error_response(request, 400, "The body is not valid JSON.")
    return error_response(request, exc.status_code, str(exc))


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return error_response(request, 403, "You may not do that.")


@api.exception_handler(SuspiciousOperation)
def _bad_request(request: HttpRequest, exc: SuspiciousOperation) -> HttpResponse:
    # What Django itself answers with 400 (a malformed or oversized request).
    if isinstance(exc, RequestDataTooBig):
        return error_response(request, 413, "The body is too large.")
    return error_response(request, 400, "The request is malformed.")


@api.exception_handler(Exception)
def _server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    # Logged like Django logs an unhandled error (so it still reaches the log and
    # the admins), but answered in the API's shape, never as the HTML page.
    logger.error(
        "Internal Server Error: %s",
        request.path,
        exc_info=exc,
        extra={"status_code": 500, "request": request},
    )
    response = error_response(
        request,
        500,
        "Something went wrong on the server. It is logged for the administrator.",
    )
    # Django would log the 500 again, without the traceback (and mail the admins twice).
    response._has_been_logged = True  # type: ignore[attr-defined]
    return response


api.add_router("/", profiles_router)
api.add_router("/", goals_router)
api.add_router("/", network_router)
api.add_router("/", feedback_router)
api.add_router("/", achievements_router)
api.add_router("/", journal_router)
api.add_router("/", balance_router)
api.add_router("/", skills_router)
api.add_router("/", learning_router)
