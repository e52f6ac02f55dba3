"""The promotion packet as Markdown and as PDF, from a ``brag.Packet``.

Both renderings say the same thing in the same order; the PDF is drawn with fpdf2's
built-in Helvetica, which covers Latin-1, so other characters are transliterated
(curly quotes become straight ones, an en dash a hyphen) rather than dropped.
"""

from __future__ import annotations

import unicodedata
from datetime import date

from fpdf import FPDF

from careerpath.achievements.brag import Packet, Quote, Win
from careerpath.core.markdown import markdown_to_text, one_paragraph
from careerpath.core.text import squash

QUOTE_CHARS = 280
_REPLACEMENTS = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2026": "...",
    "\u2192": "->",
    "\u2022": "-",
    "\u00a0": " ",
    "\u2212": "-",
    "\u20ac": "EUR",
    # Letters that Unicode does not decompose into a base letter and an accent.
    "\u0141": "L",
    "\u0142": "l",
    "\u0110": "D",
    "\u0111": "d",
    "\u0152": "OE",
    "\u0153": "oe",
}


def _period(packet: Packet) -> str:
    if packet.start and packet.end:
        return f"{packet.start:%-d %B %Y} to {packet.end:%-d %B %Y}"
    if packet.start:
        return f"since {packet.start:%-d %B %Y}"
    if packet.end:
        return f"until {packet.end:%-d %B %Y}"
    return "all time"


def _day(day: date) -> str:
    return f"{day:%-d %b %Y}"


def _short(text: str) -> str:
    """Markdown the person wrote as plain text on one line, cut at ``QUOTE_CHARS``."""
    flat = squash(markdown_to_text(text))
    return flat if len(flat) <= QUOTE_CHARS else flat[: QUOTE_CHARS - 1].rstrip() + "…"


def _md_text(text: str) -> str:
    """Markdown the person wrote, for one line of the Markdown packet: kept as written
    (so **bold** stays bold) when it is one short paragraph, else as escaped plain text."""
    inline = one_paragraph(text)
    if inline is not None and len(markdown_to_text(text)) <= QUOTE_CHARS:
        return inline
    return _md_escape(_short(text))


def win_line(win: Win) -> str:
    parts = [f"{_day(win.achieved_on)}: {win.title}"]
    if win.impact:
        parts.append(f"impact {win.impact}")
    if win.goal:
        parts.append(f"served “{win.goal}”")
    return " — ".join(parts) + f" [{win.cite}]"


def quote_line(quote: Quote, *, text: str | None = None) -> str:
    shown = _short(quote.text) if text is None else text
    return f"“{shown}” — {quote.source}, {_day(quote.received_on)} [{quote.cite}]"


def _md_quote_line(quote: Quote) -> str:
    return (
        f"“{_md_text(quote.text)}” — {_md_escape(quote.source)}, "
        f"{_day(quote.received_on)} [{quote.cite}]"
    )


def counted(count: int, singular: str, plural: str) -> str:
    """ "1 achievement", "2 achievements"."""
    return f"{count} {singular if count == 1 else plural}"


def evidence_count(packet: Packet) -> str:
    """ "2 achievements and 1 piece of feedback"."""
    return (
        f"{counted(packet.win_count, 'achievement', 'achievements')} and "
        f"{counted(packet.quote_count, 'piece', 'pieces')} of feedback"
    )


def _md_escape(text: str) -> str:
    # Keep user text from turning into headings or lists when the file is rendered.
    return (
        text.replace("\\", "\\\\")
        .replace("#", "\\#")
        .replace("*", "\\*")
        .replace("_", "\\_")
    )


def render_markdown(packet: Packet) -> str:
    """The packet as a Markdown document."""
    lines = [
        f"# {_md_escape(packet.title)}",
        "",
        f"Period: {_period(packet)}. {evidence_count(packet)} cited, by skill.",
        "Citations: A = achievement, F = feedback, followed by its number in your records.",
        "",
    ]
    for section in packet.sections:
        lines += [f"## {_md_escape(section.label)}", "", "### Achievements", ""]
        for win in section.wins:
            lines.append(f"- {_md_escape(win_line(win))}")
            if _short(win.what):
                lines.append(f"  - What I did: {_md_text(win.what)}")
        lines.append("")
        if section.quotes:
            lines += ["### Feedback", ""]
            lines += [f"- {_md_quote_line(q)}" for q in section.quotes]
            lines.append("")
    if packet.unskilled:
        lines += ["## Other achievements", ""]
        lines += [f"- {_md_escape(win_line(w))}" for w in packet.unskilled]
        lines.append("")
    if not packet.sections and not packet.unskilled:
        lines += ["No achievements in this period yet.", ""]
    return "\n".join(lines)


def pdf_text(text: str) -> str:
    """``text`` in the PDF core font's character set (Latin-1), transliterated where needed."""
    for old, new in _REPLACEMENTS.items():
        text = text.replace(old, new)
    out = []
    for char in text:
        if ord(char) < 256:
            out.append(char)
            continue
        folded = (
            unicodedata.normalize("NFKD", char)
            .encode("latin-1", "ignore")
            .decode("latin-1")
        )
        out.append(folded or "?")
    return "".join(out)


def _wrap(pdf: FPDF, text: str, width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` in the current font.

    fpdf2's own line breaker re-measures the whole line for every character, which
    makes a packet of a few hundred wins take seconds; measuring each word once keeps
    the export fast.
    """
    space = pdf.get_string_width(" ")
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line: list[str] = []
        used = 0.0
        for word in paragraph.split():
            size = pdf.get_string_width(word)
            while size > width:  # a word longer than the line: cut it
                cut = len(word)
                while cut > 1 and pdf.get_string_width(word[:cut]) > width:
                    cut -= 1
                if line:
                    lines.append(" ".join(line))
                    line, used = [], 0.0
                lines.append(word[:cut])
                word = word[cut:]
                size = pdf.get_string_width(word)
            needed = size if not line else used + space + size
            if line and needed > width:
                lines.append(" ".join(line))
                line, used = [word], size
            else:
                line.append(word)
                used = needed
        lines.append(" ".join(line))
    return lines


class _PacketPDF(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", size=8)
        self.set_text_color(110)
        self.cell(0, 6, f"Page {self.page_no()}", align="C")


def render_pdf(packet: Packet) -> bytes:
    """The packet as a PDF document (A4)."""
    pdf = _PacketPDF(format="A4")
    pdf.set_title(pdf_text(packet.title))
    pdf.set_creator("careerpath")
    pdf.set_auto_page_break(auto=True, margin=16)
    pdf.set_margins(18, 18, 18)
    pdf.add_page()
    width = pdf.epw

    def para(
        text: str,
        *,
        size: float = 10.5,
        style: str = "",
        gap: float = 1.5,
        indent: float = 0,
    ) -> None:
        pdf.set_font("Helvetica", style=style, size=size)
        for line in _wrap(pdf, pdf_text(text), width - indent):
            pdf.set_x(pdf.l_margin + indent)
            pdf.cell(width - indent, size * 0.5, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    para(packet.title, size=18, style="B", gap=2)
    pdf.set_text_color(90)
    para(
        f"Period: {_period(packet)}. {evidence_count(packet)} cited, by skill. "
        "Citations: A = achievement, F = feedback, followed by its number in your records.",
        size=9.5,
        gap=4,
    )
    pdf.set_text_color(0)
    for section in packet.sections:
        para(section.label, size=14, style="B", gap=1)
        para("Achievements", size=10.5, style="B", gap=0.5)
        for win in section.wins:
            para(f"- {win_line(win)}", indent=2, gap=0.5)
            what = _short(win.what)
            if what:
                pdf.set_text_color(70)
                para(f"What I did: {what}", size=9.5, indent=6, gap=1)
                pdf.set_text_color(0)
        if section.quotes:
            para("Feedback", size=10.5, style="B", gap=0.5)
            for quote in section.quotes:
                para(f"- {quote_line(quote)}", size=9.5, indent=2, gap=0.8)
        pdf.ln(3)
    if packet.unskilled:
        para("Other achievements", size=14, style="B", gap=1)
        for win in packet.unskilled:
            para(f"- {win_line(win)}", indent=2, gap=0.5)
    if not packet.sections and not packet.unskilled:
        para("No achievements in this period yet.")
    return bytes(pdf.output())
