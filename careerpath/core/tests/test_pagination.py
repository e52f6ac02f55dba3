import pytest

from careerpath.core.pagination import page_window


@pytest.mark.parametrize(
    ("count", "requested", "number", "num_pages", "first", "last"),
    [
        (0, None, 1, 1, 0, 0),
        (5, None, 1, 1, 1, 5),
        (10, "1", 1, 1, 1, 10),
        (11, "2", 2, 2, 11, 11),
        (25, "3", 3, 3, 21, 25),
        (25, "9", 3, 3, 21, 25),
        (25, "0", 1, 3, 1, 10),
        (25, "-4", 1, 3, 1, 10),
        (25, "two", 1, 3, 1, 10),
        (25, "", 1, 3, 1, 10),
    ],
)
def test_page_window_clamps_and_counts(
    count, requested, number, num_pages, first, last
):
    page = page_window(count=count, requested=requested, per_page=10)
    assert (page.number, page.num_pages, page.first_row, page.last_row) == (
        number,
        num_pages,
        first,
        last,
    )
    assert page.has_previous == (number > 1)
    assert page.has_next == (number < num_pages)
