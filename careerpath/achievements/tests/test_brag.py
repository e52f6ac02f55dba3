"""Brag-document grouping and the promotion packet's citations, no database."""

import io
from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader

from careerpath.achievements.brag import (
    NO_SKILL,
    Quote,
    Win,
    build_packet,
    group_by_period,
    group_by_skill,
    period_of,
)
from careerpath.achievements.packet import pdf_text, render_markdown, render_pdf


def win(id, day, *skills, title=None, impact=None, unit="", feedback=(), goal=""):
    return Win(
        id=id,
        title=title or f"Win {id}",
        achieved_on=day,
        what=f"What I did for win {id}.",
        impact_value=None if impact is None else Decimal(impact),
        impact_unit=unit,
        skills=skills,
        goal=goal,
        feedback_ids=feedback,
    )


def quote(id, day, kind, *skills, text="Great work", source="Priya"):
    return Quote(
        id=id, source=source, received_on=day, kind=kind, text=text, skills=skills
    )


@pytest.mark.parametrize(
    ("day", "granularity", "expected"),
    [
        (date(2026, 1, 1), "year", ("2026", "2026")),
        (date(2026, 6, 30), "half", ("2026-H1", "H1 2026")),
        (date(2026, 7, 1), "half", ("2026-H2", "H2 2026")),
        (date(2026, 3, 31), "quarter", ("2026-Q1", "Q1 2026")),
        (date(2026, 4, 1), "quarter", ("2026-Q2", "Q2 2026")),
        (date(2026, 12, 31), "quarter", ("2026-Q4", "Q4 2026")),
        (date(2026, 9, 5), "month", ("2026-09", "September 2026")),
    ],
)
def test_period_of(day, granularity, expected):
    assert period_of(day, granularity) == expected


def test_unknown_period_is_refused():
    with pytest.raises(ValueError, match="Unknown period"):
        period_of(date(2026, 1, 1), "week")


def test_group_by_period_newest_first():
    wins = [
        win(1, date(2025, 2, 1)),
        win(2, date(2026, 8, 1)),
        win(3, date(2026, 9, 30)),
        win(4, date(2025, 12, 31)),
    ]
    groups = group_by_period(wins, "quarter")
    assert [(g.label, [w.id for w in g.wins]) for g in groups] == [
        ("Q3 2026", [3, 2]),
        ("Q4 2025", [4]),
        ("Q1 2025", [1]),
    ]
    assert [g.label for g in group_by_period(wins, "year")] == ["2026", "2025"]
    assert group_by_period([], "year") == []


def test_group_by_skill_merges_spellings_and_lists_unskilled_last():
    wins = [
        win(1, date(2026, 1, 1), "sql"),
        win(2, date(2026, 2, 1), "SQL", "Mentoring"),
        win(3, date(2026, 3, 1), "Mentoring"),
        win(4, date(2026, 4, 1), "SQL"),
        win(5, date(2026, 5, 1)),
    ]
    groups = group_by_skill(wins)
    assert [(g.label, [w.id for w in g.wins]) for g in groups] == [
        ("SQL", [4, 2, 1]),
        ("Mentoring", [3, 2]),
        (NO_SKILL, [5]),
    ]


def test_packet_cites_wins_and_feedback_per_skill():
    wins = [
        win(1, date(2026, 3, 1), "SQL", impact="16", unit="hours saved", feedback=[9]),
        win(2, date(2026, 5, 1), "Leadership", goal="Lead the guild"),
        win(3, date(2026, 6, 1)),
    ]
    quotes = [
        quote(7, date(2026, 4, 1), "praise", "sql"),  # names the skill: cited
        quote(8, date(2026, 4, 2), "constructive", "SQL"),  # criticism: not cited
        quote(9, date(2026, 2, 1), "constructive"),  # attached as evidence: cited
        quote(10, date(2026, 4, 3), "mixed", "Leadership"),
        quote(11, date(2026, 4, 4), "praise", "Cooking"),  # no win shows it
    ]
    packet = build_packet(wins, quotes, title="Packet")
    sections = {s.label: s for s in packet.sections}
    assert [w.id for w in sections["SQL"].wins] == [1]
    assert [q.id for q in sections["SQL"].quotes] == [7, 9]
    assert [q.id for q in sections["Leadership"].quotes] == [10]
    assert "Cooking" not in sections
    assert [w.id for w in packet.unskilled] == [3]
    assert [s.label for s in packet.sections] == ["SQL", "Leadership"]
    assert (packet.win_count, packet.quote_count) == (3, 3)


def test_packet_keeps_only_the_period():
    wins = [win(1, date(2025, 12, 31), "SQL"), win(2, date(2026, 1, 1), "SQL")]
    quotes = [
        quote(7, date(2025, 12, 1), "praise", "SQL"),
        quote(8, date(2026, 6, 1), "praise", "SQL"),
    ]
    packet = build_packet(
        wins, quotes, title="P", start=date(2026, 1, 1), end=date(2026, 12, 31)
    )
    assert [w.id for w in packet.sections[0].wins] == [2]
    assert [q.id for q in packet.sections[0].quotes] == [8]


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        ("16", "hours saved", "16 hours saved"),
        ("1200000", "€", "1,200,000 €"),
        ("4.20", "% uplift", "4.2 % uplift"),
        ("0", "repeat incidents", "0 repeat incidents"),
        (None, "", ""),
    ],
)
def test_impact_in_words(value, unit, text):
    assert win(1, date(2026, 1, 1), impact=value, unit=unit).impact == text


def _packet():
    return build_packet(
        [
            win(
                12,
                date(2026, 3, 1),
                "SQL",
                title="Automated the “KPI” report — for good",
                impact="16",
                unit="hours saved",
                goal="Cut report time",
            ),
            win(13, date(2026, 4, 1), title="# Not a heading"),
        ],
        [quote(7, date(2026, 4, 1), "praise", "SQL", text="Clear *and* fast → great")],
        title="Promotion packet: Alice",
        start=date(2026, 1, 1),
        end=date(2026, 12, 31),
    )


def test_markdown_packet_cites_evidence_under_each_skill():
    text = render_markdown(_packet())
    assert text.startswith("# Promotion packet: Alice\n")
    assert "Period: 1 January 2026 to 31 December 2026." in text
    sql = text.index("## SQL")
    assert (
        text.index("[A12]", sql) < text.index("### Feedback", sql) < text.index("[F7]")
    )
    assert "impact 16 hours saved" in text
    assert "served “Cut report time”" in text
    assert "“Clear *and* fast → great”" in text  # feedback keeps its own Markdown
    assert "## Other achievements\n\n- 1 Apr 2026: \\# Not a heading [A13]" in text


def test_empty_packet_says_so():
    packet = build_packet([], [], title="P")
    assert "No achievements in this period yet." in render_markdown(packet)
    assert "No achievements in this period yet." in _pdf_text(render_pdf(packet))


def _pdf_text(body: bytes) -> str:
    reader = PdfReader(io.BytesIO(body))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_pdf_packet_is_a_valid_pdf_with_the_text():
    body = render_pdf(_packet())
    assert body.startswith(b"%PDF-")
    assert body.rstrip().endswith(b"%%EOF")
    text = _pdf_text(body)
    assert "Promotion packet: Alice" in text
    assert "SQL" in text
    assert '"KPI" report - for good' in text  # transliterated, not dropped
    assert "[A12]" in text and "[F7]" in text
    assert "16 hours saved" in text


def test_long_packets_span_pages():
    wins = [win(i, date(2026, 1, 1 + i % 28), "SQL") for i in range(1, 120)]
    reader = PdfReader(io.BytesIO(render_pdf(build_packet(wins, [], title="P"))))
    assert len(reader.pages) > 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", "plain"),
        ("café", "café"),
        ("“quoted” ‘single’", "\"quoted\" 'single'"),
        ("a – b — c", "a - b - c"),
        ("10 €", "10 EUR"),
        ("Łódź", "Łódź".replace("Ł", "L").replace("ź", "z")),
        ("Œuvre", "OEuvre"),
        ("日本", "??"),
        ("wait…", "wait..."),
    ],
)
def test_pdf_text_fits_the_core_font(text, expected):
    assert pdf_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "short",
        "a sentence that is certainly longer than the narrow column it is drawn in",
        "first paragraph\nsecond paragraph after a line break",
        "https://example.org/" + "x" * 120,
        "   spaced    out   words   ",
    ],
)
def test_pdf_lines_fit_the_column_and_keep_every_character(text):
    from fpdf import FPDF

    from careerpath.achievements.packet import _wrap

    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    lines = _wrap(pdf, text, 60)
    assert all(pdf.get_string_width(line) <= 60 for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())
