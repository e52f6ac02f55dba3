"""The contacts CSV opens safely in a spreadsheet and still reads back exactly.

Reading back applies ``core.csvcells.unescape_cell`` to every cell: that is the
contract between the writer and ``parse_csv``, the reader of our own files.
"""

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from careerpath.core.csvcells import FORMULA_TRIGGERS, unescape_cell
from careerpath.network import csvfile
from careerpath.network.records import ContactRecord

# Text that often starts with what spreadsheets evaluate (or with a quote before it).
TEXT = st.one_of(
    st.text(max_size=20),
    st.builds(
        "".join,
        st.tuples(
            st.text(alphabet="'", max_size=2),
            st.sampled_from(FORMULA_TRIGGERS),
            st.text(max_size=20),
        ),
    ),
)
records = st.builds(
    ContactRecord,
    name=TEXT.filter(lambda t: t.strip() != ""),
    company=TEXT,
    title=TEXT,
    emails=st.lists(
        st.from_regex(r"[a-z0-9._+=-]{1,12}@[a-z]{1,10}\.example", fullmatch=True),
        max_size=2,
    ).map(tuple),
    phones=st.lists(st.tuples(TEXT, TEXT), max_size=2).map(tuple),
    links=st.lists(st.tuples(TEXT, TEXT), max_size=2).map(tuple),
    how_we_met=TEXT,
    tags=st.lists(TEXT, max_size=3).map(tuple),
    notes=TEXT,
)


def cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def values(record: ContactRecord) -> dict[str, str]:
    """What each column must say for ``record`` once a reader removes the quotes."""
    cells = {
        "Name": record.name,
        "Company": record.company,
        "Title": record.title,
        "LinkedIn": record.profile_url,
        "How we met": record.how_we_met,
        "Met on": record.met_on.isoformat() if record.met_on else "",
        "Relationship types": ", ".join(record.relationship_types),
        "Tags": ", ".join(record.tags),
        "Notes": record.notes,
    }
    for i, email in enumerate(record.emails, start=1):
        cells[f"E-mail {i}"] = email
    for kind, pairs in (("Phone", record.phones), ("Website", record.links)):
        for i, (label, value) in enumerate(pairs, start=1):
            cells[f"{kind} {i} - Label"] = label
            cells[f"{kind} {i} - Value"] = value
    return cells


def read_back(text: str) -> list[dict[str, str]]:
    header, *rows = cells(text)
    return [
        {
            column: unescape_cell(cell)
            for column, cell in zip(header, row, strict=True)
            if cell
        }
        for row in rows
    ]


@settings(max_examples=150, deadline=None)
@given(st.lists(records, min_size=1, max_size=3))
def test_no_exported_cell_starts_with_a_formula_trigger(batch):
    for row in cells(csvfile.write_csv(batch)):
        for cell in row:
            assert not cell.startswith(FORMULA_TRIGGERS), cell


@settings(max_examples=100, deadline=None)
@given(st.lists(records, min_size=1, max_size=3))
def test_every_exported_value_reads_back_exactly_through_unescape_cell(batch):
    expected = [{k: v for k, v in values(r).items() if v} for r in batch]
    assert read_back(csvfile.write_csv(batch)) == expected


def test_formula_names_and_international_phones_are_quoted_and_read_back():
    record = ContactRecord(
        name='=HYPERLINK("http://evil.example","click")',
        company="-Minus Ltd",
        title="+1 engineer",
        emails=("-ada@x.example",),
        phones=(("mobile", "+44 20 7946 0958"),),
        tags=("@home",),
        notes="\tindented",
    )
    text = csvfile.write_csv([record])
    header, row = cells(text)
    written = dict(zip(header, row, strict=True))
    assert written["Name"] == '\'=HYPERLINK("http://evil.example","click")'
    assert written["Company"] == "'-Minus Ltd"
    assert written["Title"] == "'+1 engineer"
    assert written["E-mail 1"] == "'-ada@x.example"
    assert written["Phone 1 - Value"] == "'+44 20 7946 0958"
    assert written["Tags"] == "'@home"
    assert read_back(text) == [{k: v for k, v in values(record).items() if v}]
