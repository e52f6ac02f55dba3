from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from careerpath.core.markdown import render_markdown

FORBIDDEN = {
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "form",
    "svg",
    "img",
    "input",
}

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<svg onload=alert(1)>",
    "<iframe src=//evil.example></iframe>",
    "<style>body{display:none}</style>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    '![x](x" onerror="alert(1))',
    '<a href="http://ok.example" onclick="alert(1)">x</a>',
    "[x](vbscript:msgbox(1))",
]


class Audit(HTMLParser):
    def __init__(self):
        super().__init__()
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag in FORBIDDEN:
            self.problems.append(tag)
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.problems.append(f"{tag}[{name}]")
            if (
                name in {"href", "src"}
                and value
                and value.split(":")[0].lower() not in {"http", "https", "mailto"}
                and ":" in value
            ):
                self.problems.append(f"{tag}[{name}={value}]")


def audit(text):
    parser = Audit()
    parser.feed(render_markdown(text))
    return parser.problems


def test_hostile_corpus_renders_harmless():
    for sample in HOSTILE:
        assert audit(sample) == [], sample


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("<>\"'=:/()[]!&#;ajvscriptonerrhf xX1")),
        max_size=80,
    )
)
def test_generated_text_never_produces_active_content(text):
    assert audit(text) == []


def test_ordinary_markdown_survives():
    html = render_markdown(
        "# Title\n\n**bold** and [a link](https://example.org)\n\n- one\n- two"
    )
    assert "<h3>Title</h3>" in html
    assert "<strong>bold</strong>" in html
    assert 'href="https://example.org"' in html
    assert "<li>one</li>" in html
