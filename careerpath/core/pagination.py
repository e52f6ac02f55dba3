"""Page numbers for long lists, without a query of their own beyond one COUNT.

``page_window`` clamps whatever ``?page=`` says (missing, garbage, past the end) to a
real page, so a stale or edited link shows the nearest page instead of an error.
``paginate`` is the one pager of every paged page: it counts the rows, clamps the page and
fetches only that page's rows. Its ``Rows`` answer also speaks the names Django's
``Page`` uses in templates (``object_list``, ``previous_page_number``,
``paginator.num_pages`` …).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from django.db.models import QuerySet
from django.http import HttpRequest

T = TypeVar("T")


@dataclass(frozen=True)
class Page:
    number: int  # 1-based
    count: int  # rows in the whole list
    per_page: int

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.count // self.per_page))

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.per_page

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def previous_number(self) -> int:
        return self.number - 1

    @property
    def next_number(self) -> int:
        return self.number + 1

    @property
    def first_row(self) -> int:
        """1-based position of the first row shown (0 for an empty list)."""
        return self.offset + 1 if self.count else 0

    @property
    def last_row(self) -> int:
        return min(self.offset + self.per_page, self.count)


def page_window(*, count: int, requested: str | None, per_page: int) -> Page:
    """The page ``requested`` names, clamped to 1 … last page."""
    try:
        number = int(requested or 1)
    except ValueError:
        number = 1
    page = Page(number=1, count=count, per_page=per_page)
    return Page(
        number=min(max(number, 1), page.num_pages), count=count, per_page=per_page
    )


def query_without_page(request: HttpRequest) -> str:
    """The current query string minus ``page``, for a pager's links to keep filters."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@dataclass(frozen=True)
class Rows(Page, Generic[T]):
    """One page of a list: the page numbers and the rows on it."""

    object_list: list[T] = field(default_factory=list)

    def __iter__(self) -> Iterator[T]:
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    # The names Django's Page and Paginator use, so templates read either.
    @property
    def paginator(self) -> Rows[T]:
        return self

    @property
    def has_other_pages(self) -> bool:
        return self.num_pages > 1

    @property
    def previous_page_number(self) -> int:
        return self.previous_number

    @property
    def next_page_number(self) -> int:
        return self.next_number

    @property
    def start_index(self) -> int:
        return self.first_row

    @property
    def end_index(self) -> int:
        return self.last_row


def paginate(
    rows: QuerySet[Any, T] | Sequence[T], requested: str | None, *, per_page: int
) -> Rows[T]:
    """The page ``requested`` names (clamped) of ``rows``: one COUNT and one slice for a
    query set, a slice for a list."""
    count = rows.count() if isinstance(rows, QuerySet) else len(rows)
    page = page_window(count=count, requested=requested, per_page=per_page)
    return Rows(
        number=page.number,
        count=count,
        per_page=per_page,
        object_list=list(rows[page.offset : page.offset + per_page]),
    )
