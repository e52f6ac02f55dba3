"""escape_cell makes spreadsheet formulas inert; unescape_cell gives the value back."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerpath.core.csvcells import FORMULA_TRIGGERS, escape_cell, unescape_cell


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (
            '=HYPERLINK("http://x.example","hi")',
            '\'=HYPERLINK("http://x.example","hi")',
        ),
        ("+44 20 7946 0958", "'+44 20 7946 0958"),
        ("-Ada-", "'-Ada-"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Ada Lovelace", "Ada Lovelace"),
        ("a=b", "a=b"),
        ("", ""),
        ("'quoted", "'quoted"),
        # Already quoted before a trigger: one more quote, so reading it back is exact.
        ("'=x", "''=x"),
        ("''+1", "'''+1"),
    ],
)
def test_cells_starting_with_a_formula_trigger_get_a_leading_quote(value, written):
    assert escape_cell(value) == written
    assert unescape_cell(written) == value


def test_cells_not_written_by_escape_cell_are_read_as_they_are():
    assert unescape_cell("'quoted") == "'quoted"
    assert unescape_cell("plain") == "plain"
    assert unescape_cell("=1+1") == "=1+1"


CELL = st.text(
    alphabet=st.one_of(
        st.sampled_from([*FORMULA_TRIGGERS, "'", "a", " "]), st.characters()
    ),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(CELL)
def test_escaped_cells_never_start_with_a_trigger_and_read_back_exactly(value):
    written = escape_cell(value)
    assert not written.startswith(FORMULA_TRIGGERS)
    assert unescape_cell(written) == value
