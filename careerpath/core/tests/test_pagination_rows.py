"""paginate: the one pager, over a query set or a list."""

from __future__ import annotations

import pytest

from careerpath.accounts.models import User
from careerpath.core.pagination import paginate


@pytest.mark.parametrize(
    ("requested", "number", "rows"),
    [
        (None, 1, [0, 1, 2]),
        ("2", 2, [3, 4, 5]),
        ("4", 4, [9]),
        ("99", 4, [9]),
        ("x", 1, [0, 1, 2]),
        ("-3", 1, [0, 1, 2]),
    ],
)
def test_a_list_is_paged_and_the_page_clamped(requested, number, rows):
    page = paginate(list(range(10)), requested, per_page=3)
    assert (page.number, list(page), page.num_pages) == (number, rows, 4)
    assert page.paginator.num_pages == 4 and page.paginator.count == 10
    assert page.has_other_pages
    assert page.start_index == page.first_row == 3 * (number - 1) + 1


def test_an_empty_list_is_one_empty_page():
    page = paginate([], "3", per_page=5)
    assert (page.number, len(page), page.has_other_pages, page.start_index) == (
        1,
        0,
        False,
        0,
    )


@pytest.mark.django_db
def test_a_query_set_costs_a_count_and_a_slice(django_assert_num_queries):
    for n in range(5):
        User.objects.create_user(email=f"u{n}@example.org", password="x" * 12)
    with django_assert_num_queries(2):
        page = paginate(User.objects.order_by("email"), "2", per_page=2)
    assert [u.email for u in page] == ["u2@example.org", "u3@example.org"]
    assert (page.has_previous, page.has_next, page.next_page_number) == (True, True, 3)
