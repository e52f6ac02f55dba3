"""What every area's API shares: the error schema, the one pagination, PATCH bodies,
the request-body parser and the bounds on integers the database can hold."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterator
from typing import Any

from django.http import HttpRequest
from django.utils.datastructures import MultiValueDict
from ninja import Field, Schema
from ninja.errors import ValidationError as NinjaValidationError
from ninja.pagination import LimitOffsetPagination
from ninja.parser import Parser
from pydantic import BaseModel, ConfigDict

# A 64-bit signed integer: what every id and count column holds, on SQLite and PostgreSQL.
INT_MIN = -(2**63)
INT_MAX = 2**63 - 1
PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
OUT_OF_RANGE = f"Input should be between {INT_MIN} and {INT_MAX}."
NOT_AN_OBJECT = "The body must be a JSON object."


class FieldError(Schema):
    field: str = Field(..., description="Dotted path of the input, or `request`.")
    message: str


class ErrorOut(Schema):
    """Every error the API answers, whatever its status."""

    detail: str
    errors: list[FieldError]


class Pagination(LimitOffsetPagination):
    """`limit` and `offset`, bounded so that no page request can reach the database
    with a number it cannot hold."""

    class Input(Schema):
        limit: int = Field(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)
        offset: int = Field(0, ge=0, le=INT_MAX)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_limit=MAX_PAGE_SIZE, **kwargs)


def _drop_null_defaults(schema: dict[str, Any]) -> None:
    # A field that may be left out but not sent as null: published without the
    # `"default": null` pydantic writes, which its own type would not allow.
    for prop in schema.get("properties", {}).values():
        if prop.get("default", ...) is None and "anyOf" not in prop:
            prop.pop("default")


class PatchSchema(Schema):
    """A PATCH body: every field may be left out; only fields typed ``X | None``
    accept null (to clear them). Declare the others ``x: T = omittable(…)`` so
    null for them is a 422 instead of reaching the database."""

    model_config = ConfigDict(json_schema_extra=_drop_null_defaults)


def omittable(**constraints: Any) -> Any:
    """A PatchSchema field that may be left out but not sent as null: ``x: T =
    omittable(…)``. Its default, None, is never validated, so leaving it out is fine,
    while null fails ``T``. Typed ``Any`` so that ``T`` can stay what the field
    accepts."""
    return Field(None, **constraints)


# NUL, which no PostgreSQL text or jsonb value can hold, and halves of UTF-16
# surrogate pairs, which are not Unicode text at all (JSON's "\\ud83d" alone).
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
UNSTORABLE_MESSAGE = "Text cannot contain NUL characters or unpaired surrogates."


class InvalidBody(ValueError):
    """The request body is JSON, but not what any operation accepts."""

    def __init__(self, errors: list[dict[str, str]]) -> None:
        super().__init__(errors[0]["message"])
        self.errors = errors


def _unstorable(node: object, loc: tuple[str, ...]) -> Iterator[str]:
    if isinstance(node, str):
        if UNSTORABLE.search(node):
            yield ".".join(loc) or "request"
    elif isinstance(node, dict):
        for key, value in node.items():
            if UNSTORABLE.search(key):
                yield ".".join(loc) or "request"
            else:
                yield from _unstorable(value, (*loc, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _unstorable(value, (*loc, str(index)))


class JsonObjectParser(Parser):
    """Request bodies are JSON objects of storable text; anything else is refused
    before validation, so it can reach neither a view nor the database."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        data = json.loads(request.body)
        if not isinstance(data, dict):
            raise InvalidBody([{"field": "request", "message": NOT_AN_OBJECT}])
        fields = list(dict.fromkeys(_unstorable(data, ())))
        if fields:
            raise InvalidBody(
                [{"field": field, "message": UNSTORABLE_MESSAGE} for field in fields]
            )
        return data

    def parse_querydict(
        self, data: MultiValueDict, list_fields: list[str], request: HttpRequest
    ) -> dict[str, Any]:
        bad = [
            key
            for key, values in data.lists()
            if any(UNSTORABLE.search(value) for value in values)
        ]
        if bad:
            raise NinjaValidationError(
                [
                    {"loc": ("query", key), "msg": UNSTORABLE_MESSAGE, "type": "text"}
                    for key in bad
                ]
            )
        return super().parse_querydict(data, list_fields, request)


def _out_of_range(value: object, loc: tuple[str | int, ...]) -> Iterator[tuple]:
    if isinstance(value, bool):
        return
    if isinstance(value, int):
        if not INT_MIN <= value <= INT_MAX:
            yield loc
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _out_of_range(getattr(value, name), (*loc, name))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _out_of_range(item, (*loc, key))
    elif isinstance(value, list | tuple | set | frozenset):
        for index, item in enumerate(value):
            yield from _out_of_range(item, (*loc, index))


def bounded_integers(view_func: Callable[..., Any]) -> Callable[..., Any]:
    """An operation decorator: any integer input (path, query or body, however deep)
    that a 64-bit column cannot hold is a 422 naming it, before the view runs."""

    @functools.wraps(view_func)
    def checked(request: HttpRequest, *args: Any, **values: Any) -> Any:
        errors = [
            {"loc": loc, "msg": OUT_OF_RANGE, "type": "int_out_of_range"}
            for name, value in values.items()
            for loc in _out_of_range(value, (name,))
        ]
        if errors:
            raise NinjaValidationError(errors)
        return view_func(request, *args, **values)

    return checked
