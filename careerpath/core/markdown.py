"""Markdown for text people write: raw HTML off, then an allow-list sanitiser.

Stored XSS is impossible by construction: markdown-it never passes raw HTML through,
and nh3 removes any element, attribute or URL scheme outside the allow-list.
"""

from __future__ import annotations

import re
from html import unescape

import nh3
from markdown_it import MarkdownIt

from careerpath.core.text import squash

_md = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable(
    "strikethrough"
)

ALLOWED_TAGS = {
    "p",
    "a",
    "em",
    "strong",
    "del",
    "ul",
    "ol",
    "li",
    "code",
    "pre",
    "blockquote",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "br",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}


def render_markdown(text: str) -> str:
    """Return safe HTML for ``text``; headings 1–2 are demoted so pages keep their outline."""
    html = _md.render(text or "")
    html = html.replace("<h1>", "<h3>").replace("</h1>", "</h3>")
    html = html.replace("<h2>", "<h4>").replace("</h2>", "</h4>")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )


_BLOCK_ENDS = re.compile(r"</(?:p|li|h[1-6]|blockquote|pre)>|<br\s*/?>|<hr\s*/?>")


def markdown_to_text(text: str) -> str:
    """``text`` as plain text: the Markdown rendered, then every tag dropped, so
    ``**great**`` reads as ``great``; blocks become lines, runs of blanks one space."""
    html = _BLOCK_ENDS.sub("\n", _md.render(text or ""))
    plain = unescape(nh3.clean(html, tags=set()))
    lines = (squash(line) for line in plain.splitlines())
    return "\n".join(line for line in lines if line)


def one_paragraph(text: str) -> str | None:
    """``text`` on one line if it is a single paragraph of Markdown (bold, links, code
    and the like, no lists or headings), so it can sit inside a line of another
    Markdown document; None when it has any block structure."""
    tokens = _md.parse(text or "")
    if [t.type for t in tokens] != ["paragraph_open", "inline", "paragraph_close"]:
        return None
    return squash(tokens[1].content)
