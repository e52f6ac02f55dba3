"""Page numbers for long lists, without a query of their own beyond one COUNT.

``page_window`` clamps whatever ``?page=`` says (missing, garbage, past the end) to a
real page, so a stale or edited link shows the nearest page instead of an error.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest


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
