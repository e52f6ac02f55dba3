"""One rule for every stored link: web addresses (and mailto: where allowed), nothing else."""

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from pydantic import ValidationError as PydanticError

from careerpath.core.links import (
    ContactLink,
    Link,
    LinkFormField,
    LinkListFormField,
    LinkListValidator,
    LinkValidator,
    ProfileLink,
    clean_link,
    runs_script,
    safe_href,
    safe_url,
)

# Each is refused everywhere; the browser would run or load most of them.
HOSTILE = [
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    " JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\x01javascript:alert(1)",
    "\x00javascript:alert(1)",
    "\u200bjavascript:alert(1)",
    "javascript:1",
    "javascript://example.org/%0aalert(1)",
    "data:text/html,<script>alert(1)</script>",
    "DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    " VBScript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.org/file",
    "https://example.org/a b",
    "https://exa\x0bmple.org",
    "/relative/path",
    "ｊａｖａｓｃｒｉｐｔ:alert(1)",
]


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("mailto", [False, True])
def test_hostile_links_are_refused(value, mailto):
    with pytest.raises(ValidationError) as error:
        clean_link(value, mailto=mailto)
    assert error.value.code == "invalid_link"
    assert safe_url(value, mailto=mailto) is None
    assert safe_href(value) == ""


def test_refusals_name_the_scheme_and_what_is_allowed():
    with pytest.raises(ValidationError) as error:
        clean_link(" JaVaScRiPt:alert(1)")
    assert error.value.messages == [
        "“javascript:” links are not allowed: a link starts with https:// or http://."
    ]
    with pytest.raises(ValidationError) as error:
        clean_link("java\tscript:alert(1)")
    assert "invisible characters" in error.value.messages[0]


@pytest.mark.parametrize(
    ("value", "stored"),
    [
        ("https://example.org/talk", "https://example.org/talk"),
        ("  http://example.org  ", "http://example.org"),
        ("HTTPS://Example.org/A", "https://Example.org/A"),
        ("example.org/talk", "https://example.org/talk"),
        ("www.example.org", "https://www.example.org"),
        ("//example.org/x", "https://example.org/x"),
        ("localhost:8000/x", "https://localhost:8000/x"),
        ("example.org:8080/x", "https://example.org:8080/x"),
        (
            "https://example.org/search?q=a,b;c#top",
            "https://example.org/search?q=a,b;c#top",
        ),
    ],
)
def test_web_addresses_are_stored_with_their_scheme(value, stored):
    assert clean_link(value) == stored
    assert safe_href(value) == stored


def test_mailto_only_where_the_field_allows_it():
    assert clean_link("mailto:ana@example.org", mailto=True) == "mailto:ana@example.org"
    assert clean_link("MailTo:ana@example.org?subject=Hi", mailto=True) == (
        "mailto:ana@example.org?subject=Hi"
    )
    with pytest.raises(ValidationError, match="“mailto:” links are not allowed"):
        clean_link("mailto:ana@example.org")
    with pytest.raises(ValidationError, match="not an e-mail link"):
        clean_link("mailto:javascript:alert(1)", mailto=True)
    assert safe_href("mailto:ana@example.org") == "mailto:ana@example.org"


@settings(max_examples=300, deadline=None)
@given(
    st.text(max_size=40) | st.from_regex(r"\A[\x00-\x20]{0,3}[A-Za-z]{1,10}:.{0,20}")
)
def test_whatever_is_typed_the_result_is_a_web_or_mail_link(value):
    for result in (safe_url(value), safe_url(value, mailto=True), safe_href(value)):
        assert result in (None, "") or result.startswith(
            ("https://", "http://", "mailto:")
        )


def test_model_validators_refuse_and_deconstruct():
    LinkValidator()("")
    LinkValidator()("https://example.org")
    with pytest.raises(ValidationError):
        LinkValidator()("data:text/html,x")
    LinkListValidator(key="url", mailto=True)(
        [{"url": "mailto:a@example.org", "label": ""}]
    )
    with pytest.raises(ValidationError, match="vbscript"):
        LinkListValidator()(["https://example.org", "vbscript:msgbox(1)"])
    with pytest.raises(ValidationError):
        LinkListValidator(key="url")([{"label": "no url"}])
    assert LinkListValidator(key="url") == LinkListValidator(key="url")
    assert LinkValidator(mailto=True) != LinkValidator()


def test_form_fields_clean_and_refuse():
    field = LinkFormField(required=False)
    assert field.clean("") == ""
    assert field.clean(" example.org ") == "https://example.org"
    with pytest.raises(ValidationError, match="javascript"):
        field.clean("javascript:alert(1)")
    lines = LinkListFormField()
    assert lines.clean("https://a.example/x,y\n\nb.example\nhttps://a.example/x,y") == [
        "https://a.example/x,y",
        "https://b.example",
    ]
    with pytest.raises(ValidationError, match="data"):
        lines.clean("https://a.example\ndata:text/html,x")
    with pytest.raises(ValidationError, match="2 links or fewer"):
        LinkListFormField(max_items=2).clean("a.example\nb.example\nc.example")


class Payload(BaseModel):
    url: Link = ""
    contact: ContactLink = "https://example.org"
    profile: ProfileLink | None = None


def test_api_types_refuse_with_the_field_and_message():
    assert Payload(url="example.org").url == "https://example.org"
    assert Payload(url="").url == ""
    assert Payload(contact="mailto:a@example.org").contact == "mailto:a@example.org"
    with pytest.raises(PydanticError) as error:
        Payload(url="javascript:alert(1)", profile="\x01javascript:x")
    errors = {e["loc"][0]: e for e in error.value.errors()}
    assert errors["url"]["msg"].startswith("“javascript:” links are not allowed")
    assert "invisible characters" in errors["profile"]["msg"]
    with pytest.raises(PydanticError, match="at most 300 characters"):
        Payload(profile="https://example.org/" + "x" * 290)
    # The stored form counts: https:// makes this one too long.
    with pytest.raises(PydanticError, match="300 characters or fewer"):
        Payload(profile="example.org/" + "x" * 285)


def test_safe_href_filter_leaves_bad_links_as_text():
    template = Template(
        "{% load careerpath %}{% with href=link|safe_href %}"
        '{% if href %}<a href="{{ href }}">{{ link }}</a>{% else %}{{ link }}{% endif %}'
        "{% endwith %}"
    )
    assert (
        template.render(Context({"link": "https://example.org/?a=1&b=2"}))
        == '<a href="https://example.org/?a=1&amp;b=2">https://example.org/?a=1&amp;b=2</a>'
    )
    assert template.render(Context({"link": "javascript:alert(1)"})) == (
        "javascript:alert(1)"
    )


@pytest.mark.parametrize(
    ("value", "runs"),
    [
        ("javascript:alert(1)", True),
        (" JaVaScRiPt:alert(1)", True),
        ("java\tscr\nipt:alert(1)", True),
        ("\x01\x00 javascript:alert(1)", True),
        ("data:text/html,x", True),
        ("VBSCRIPT:msgbox(1)", True),
        ("https://example.org/javascript:", False),
        ("example.org", False),
        ("ftp://example.org", False),
        ("\u200bjavascript:alert(1)", False),  # a relative link to browsers: inert
        (None, False),
    ],
)
def test_runs_script_sees_schemes_as_browsers_do(value, runs):
    assert runs_script(value) is runs
