"""LinkedIn, vCard and CSV readers and writers: real-format fixtures, bad files, round trips."""

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerpath.network import csvfile, linkedin, vcard
from careerpath.network.records import ContactRecord, FormatError, normalise_profile_url

FIXTURES = Path(__file__).parent / "fixtures"


def read(name: str) -> str:
    return (FIXTURES / name).read_bytes().decode("utf-8-sig")


# --- LinkedIn ---------------------------------------------------------------------------


def test_linkedin_connections_with_bom_preamble_and_quoted_commas():
    records = linkedin.parse_connections(read("Connections.csv"))
    assert [r.name for r in records] == [
        "Jane Doe",
        "Bob Li",
        "Zoë Müller-Øster",
        "",
        "Priya Natarajan",
    ]
    jane, bob, zoe, nameless, priya = records
    assert jane.company == "Acme, Inc."
    assert jane.emails == ()
    assert jane.met_on == date(2024, 3, 12)
    assert jane.profile_url == "https://www.linkedin.com/in/jane-doe-12ab3"
    assert jane.how_we_met == "LinkedIn"
    assert jane.line == 5
    assert bob.title == "VP, Sales & Partnerships"
    assert bob.emails == ("bob.li@beta.example",)
    assert bob.met_on == date(2022, 2, 7)
    assert zoe.title == 'Analyst "Data"'
    assert nameless.name == "" and nameless.met_on == date(2023, 6, 15)
    assert priya.met_on == date(2019, 11, 28)


def test_the_raw_bom_is_tolerated_even_when_not_decoded_away():
    text = (FIXTURES / "Connections.csv").read_bytes().decode("utf-8")
    assert text.startswith("\ufeff")
    assert len(linkedin.parse_connections(text)) == 5


def test_linkedin_file_without_preamble_is_read_too():
    text = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,B,,,,,01 Jan 2020\n"
    assert linkedin.parse_connections(text)[0].name == "A B"


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        (
            "Notes:\nsomething\n",
            None,
            "no header row starting with “First Name,Last Name”",
        ),
        ("Name,Email\nA,b@c\n", None, "is this LinkedIn's Connections.csv?"),
        (
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            "Jane,Doe,,,Acme, Inc.,Head,12 Mar 2024\n",
            2,
            "this row has 8 fields but the header has 7",
        ),
        (
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            "Jane,Doe,,,Acme,Head,yesterday\n",
            2,
            "Connected On: “yesterday” is not a date",
        ),
        (
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            "Jane,Doe,,,Acme,Head,31 Feb 2024\n",
            2,
            "is not a date",
        ),
        (
            'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nJane,"Doe\n',
            None,
            "not valid CSV",
        ),
    ],
)
def test_malformed_linkedin_files_say_file_line_and_reason(text, line, reason):
    with pytest.raises(FormatError) as caught:
        linkedin.parse_connections(text, filename="Connections.csv")
    assert reason in caught.value.reason
    if line is not None:
        assert caught.value.line == line
        assert str(caught.value).startswith(f"Connections.csv, line {line}: ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 Mar 2024", date(2024, 3, 12)),
        ("03 Jan 2025", date(2025, 1, 3)),
        ("7-Feb-22", date(2022, 2, 7)),
        ("7-Feb-2022", date(2022, 2, 7)),
        ("2024-03-12", date(2024, 3, 12)),
        ("", None),
        ("  ", None),
    ],
)
def test_connected_on_formats(text, expected):
    assert linkedin.parse_connected_on(text) == expected


# --- vCard --------------------------------------------------------------------------------


def test_apple_vcard_keeps_every_email_phone_label_and_grouped_item():
    priya, kemi = vcard.parse_vcards(read("apple.vcf"))
    assert priya.name == "Dr. Priya Natarajan"
    assert priya.company == "Globex Analytics, Data Science"
    assert priya.title == "Senior Data Scientist"
    assert priya.emails == ("priya@globex.example", "priya.n@home.example")
    assert priya.phones == (
        ("cell", "+44 7700 900123"),
        ("work", "+44 20 7946 0000"),
        ("Assistant", "+44 20 7946 0999"),
    )
    # item2.URL labelled linkedin becomes the profile; the blog keeps its label.
    assert priya.profile_url == "https://www.linkedin.com/in/priya-n"
    assert priya.links == (("blog", "https://priya.example/blog"),)
    # The folded NOTE is unfolded and unescaped; related names are kept, not dropped.
    assert priya.notes == (
        "Met at PyData London 2024, talked about forecasting\n"
        "She offered to review my talk abstract before the deadline.\n"
        "Related: Partner: Sam Natarajan"
    )
    assert priya.tags == ("pydata", "mentoring")
    assert kemi.name == "Kemi Okafor"
    assert kemi.company == "Northwind Health"
    assert len(kemi.emails) == 3
    assert kemi.line == 24


def test_vcard_4_from_google_with_uri_phones_and_social_profile():
    (hiro,) = vcard.parse_vcards(read("google-v4.vcf"))
    assert hiro.phones == (("cell", "+81-90-1234-5678"), ("work", "+81-3-1234-5678"))
    assert hiro.profile_url == "https://www.linkedin.com/in/hirotanaka"
    assert hiro.links == (("home", "https://hiro.example"),)
    assert hiro.notes == "Speaker at ML Week.\nRelated: colleague: Ines Silva"
    assert hiro.tags == ("ml", "python")


def test_vcard_without_fn_uses_n():
    text = "BEGIN:VCARD\nVERSION:3.0\nN:Silva;Ines;Maria;;PhD\nEND:VCARD\n"
    assert vcard.parse_vcards(text)[0].name == "Ines Maria Silva PhD"


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("", None, "contains no vCard"),
        ("hello\n", 1, "expected BEGIN:VCARD"),
        ("BEGIN:VCARD\nVERSION:3.0\nFN:A\n", 1, "has no END:VCARD"),
        ("BEGIN:VCARD\nFN:A\nBEGIN:VCARD\nFN:B\nEND:VCARD\n", 3, "missing END:VCARD"),
        (
            "BEGIN:VCARD\nVERSION:3.0\nFN:A\nthis line has no colon\nEND:VCARD\n",
            4,
            "no colon",
        ),
        (
            "BEGIN:VCARD\nVERSION:3.0\nBAD NAME:x\nEND:VCARD\n",
            3,
            "not a vCard property name",
        ),
        (
            "BEGIN:VCARD\nVERSION:2.1\nFN:A\nEND:VCARD\n",
            1,
            "vCard version 2.1 is not supported",
        ),
        (
            "BEGIN:VCARD\nVERSION:4.0\nFN:A\nX-CAREERPATH-MET-ON:soon\nEND:VCARD\n",
            4,
            "is not a date",
        ),
        (
            "BEGIN:VCARD\nVERSION:3.0\nFN:A\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:B\nNOTE:x\n y\n",
            5,
            "has no END:VCARD",
        ),
    ],
)
def test_malformed_vcards_say_file_line_and_reason(text, line, reason):
    with pytest.raises(FormatError) as caught:
        vcard.parse_vcards(text, filename="contacts.vcf")
    assert reason in caught.value.reason
    assert caught.value.line == line


def test_written_vcard_is_4_0_folded_at_75_octets_with_crlf():
    record = ContactRecord(
        name="Zoë Müller",
        company="Acme; Inc.",
        emails=("a@x.example", "b@x.example"),
        phones=(("cell", "+1 555"), ("Assistant", "+1 556")),
        notes="ü" * 100,
    )
    text = vcard.write_vcard(record)
    lines = text.split("\r\n")
    assert lines[:2] == ["BEGIN:VCARD", "VERSION:4.0"]
    assert all(len(line.encode()) <= 75 for line in lines)
    assert "ORG:Acme\\; Inc." in lines
    assert "TEL;VALUE=text;TYPE=cell:+1 555" in lines
    assert "item1.X-ABLabel:Assistant" in lines
    assert vcard.parse_vcards(text) == [record]


# --- profile URLs --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://www.linkedin.com/in/jane-doe",
            "https://www.linkedin.com/in/jane-doe",
        ),
        ("http://linkedin.com/in/Jane-Doe/", "https://www.linkedin.com/in/jane-doe"),
        ("linkedin.com/in/jane-doe?trk=public", "https://www.linkedin.com/in/jane-doe"),
        (
            "https://uk.linkedin.com/in/jane-doe/details",
            "https://www.linkedin.com/in/jane-doe",
        ),
        ("https://example.org/me/", "https://example.org/me"),
        ("", ""),
    ],
)
def test_profile_urls_have_one_spelling(url, expected):
    assert normalise_profile_url(url) == expected


# --- round trips ------------------------------------------------------------------------------

# Printable text with the characters formats trip over: commas, semicolons, quotes,
# backslashes, colons, carets, accents and emoji.
TEXT = st.text(
    alphabet=st.characters(
        codec="utf-8",
        categories=("L", "N", "P", "S", "Zs"),
        # Line and paragraph separators are ordinary characters in a value.
        include_characters="\x85\u2028\u2029",
    ),
    max_size=40,
)
NOTES = st.text(
    alphabet=st.characters(
        codec="utf-8",
        categories=("L", "N", "P", "S", "Zs", "Cc"),
        include_characters="\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029",
        exclude_characters="\r",
    ),
    max_size=200,
)
LABEL = TEXT.filter(lambda t: not t.strip().startswith("_$!<"))
records = st.builds(
    ContactRecord,
    name=TEXT.filter(lambda t: t.strip() != ""),
    company=TEXT,
    title=TEXT,
    emails=st.lists(
        st.from_regex(r"[a-z0-9._+-]{1,12}@[a-z]{1,10}\.example", fullmatch=True),
        max_size=3,
    ).map(tuple),
    phones=st.lists(st.tuples(LABEL, TEXT), max_size=3).map(tuple),
    links=st.lists(
        st.tuples(
            LABEL,
            st.from_regex(
                r"https://[a-z]{1,10}\.example/[a-z0-9;,]{0,10}", fullmatch=True
            ),
        ),
        max_size=3,
    ).map(tuple),
    profile_url=st.one_of(
        st.just(""),
        st.from_regex(r"https://www\.linkedin\.com/in/[a-z0-9-]{1,20}", fullmatch=True),
    ),
    how_we_met=TEXT,
    met_on=st.one_of(
        st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))
    ),
    relationship_types=st.lists(
        st.sampled_from(["peer", "mentor", "sponsor", "alumni"]),
        max_size=3,
        unique=True,
    ).map(tuple),
    tags=st.lists(TEXT, max_size=4).map(tuple),
    notes=NOTES,
)


@settings(max_examples=60, deadline=None)
@given(st.lists(records, min_size=1, max_size=4))
def test_vcard_export_then_import_gives_the_same_records(batch):
    assert vcard.parse_vcards(vcard.write_vcards(batch)) == batch


@settings(max_examples=60, deadline=None)
@given(st.lists(records, min_size=1, max_size=4))
def test_csv_export_then_import_gives_the_same_records(batch):
    assert csvfile.parse_csv(csvfile.write_csv(batch)) == batch


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("Email,Name\n", 1, "the first column must be “Name”"),
        ("Name,Company\nA,B,C\n", 2, "this row has 3 fields but the header has 2"),
        ("Name,Met on\nA,last week\n", 2, "Met on: “last week” is not a date"),
    ],
)
def test_malformed_csv_says_line_and_reason(text, line, reason):
    with pytest.raises(FormatError) as caught:
        csvfile.parse_csv(text)
    assert caught.value.line == line
    assert reason in caught.value.reason
