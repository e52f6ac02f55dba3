"""Walk every URL pattern and every API operation, for the policy and isolation suites."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver


@dataclass(frozen=True)
class Route:
    path: str  # the pattern as written, e.g. "assessments/<int:pk>/"
    name: str  # namespaced URL name, e.g. "profiles:assessment_detail"
    pattern: URLPattern

    @property
    def kwargs_names(self) -> set[str]:
        return set(self.pattern.pattern.regex.groupindex)

    @property
    def is_api(self) -> bool:
        return self.path.startswith("api/")

    @property
    def is_admin(self) -> bool:
        return self.path.startswith("admin/")


def walk(
    patterns=None, prefix: str = "", namespace: str | None = None
) -> Iterator[Route]:
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            ns = namespace
            if entry.namespace:
                ns = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        else:
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            yield Route(prefix + str(entry.pattern), name, entry)


def site_routes() -> list[Route]:
    """Every HTML route (not the API, not the operator's admin)."""
    return [r for r in walk() if not r.is_api and not r.is_admin]


def api_operations() -> list[tuple[str, str, dict]]:
    """(path, METHOD, OpenAPI operation) for every API operation, from the live schema."""
    from careerpath.api import api

    schema = api.get_openapi_schema()
    found = [
        (path, method.upper(), operation)
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    ]
    assert found, "no API operations found"
    return found
