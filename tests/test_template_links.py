"""A stored link reaches an href only through ``safe_href``: a lint rule, not a convention.

Templates may put into ``href``/``src``/``action`` a value filtered by ``safe_href``
(directly, or through ``{% with name=…|safe_href %}``), a ``get_absolute_url`` or
``{% url %}``, or one of the few variables listed below that views fill with the
app's own addresses. Python that writes HTML may not interpolate into an href at all,
except where listed.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "careerpath"

_ATTRIBUTE = re.compile(
    r"""\b(?:href|src|action|formaction|xlink:href|poster)\s*=\s*["']?\{\{\s*(.*?)\s*\}\}""",
    re.IGNORECASE | re.DOTALL,
)
_BOUND = re.compile(r"\{%\s*with\b([^%]*)%\}")
_BINDING = re.compile(r"(\w+)\s*=\s*(\S+)")

# (template, expression): the app's own pages, built by reverse() or get_absolute_url().
INTERNAL = {
    ("agenda/templates/agenda/dashboard.html", "item.url"),  # agenda items' own pages
    ("agenda/templates/agenda/dashboard.html", "more.url"),  # an area's overdue list
    ("goals/templates/goals/goal_detail.html", "c.source_url"),  # reverse() of a review
    # A review's summary lines and decisions link to the rows behind them; the links
    # are get_absolute_url()s written by the server when the summary is built.
    ("reviews/templates/reviews/review_detail.html", "i.url"),
    ("reviews/templates/reviews/review_detail.html", "d.url"),
    ("goals/templates/goals/roadmap.html", "item.url"),  # roadmap rows' own pages
    ("templates/components/empty_state.html", "action_url"),  # {% url %} from callers
    ("templates/components/empty_state.html", "second_url"),  # {% url %} from callers
    # {% url %} or get_absolute_url from every confirm-delete page.
    ("templates/components/confirm_delete.html", "cancel_url"),
    ("templates/components/tabs.html", "tab.url"),  # {% url %} in each area's tabs
}
# Python files that interpolate into an href, and why that is safe.
PYTHON_HREFS = {
    # Timeline rows link to goals, milestones and aspirations: get_absolute_url().
    "core/charts.py",
}


def template_violations(text: str, name: str) -> list[str]:
    """Expressions put into a link attribute without ``safe_href``."""
    safe_names = {
        variable
        for block in _BOUND.findall(text)
        for variable, value in _BINDING.findall(block)
        if value.replace(" ", "").endswith("|safe_href")
    }
    found = []
    for expression in _ATTRIBUTE.findall(text):
        compact = expression.replace(" ", "")
        if (
            compact.endswith("|safe_href")
            or compact in safe_names
            or compact.endswith(".get_absolute_url")
            or (name, compact) in INTERNAL
        ):
            continue
        found.append(expression)
    return found


_PYTHON_HREF = re.compile(r"""\b(?:href|src)=\\?["']\{(?!\{)""")


def python_violations(text: str) -> list[str]:
    return _PYTHON_HREF.findall(text)


def test_the_rule_catches_a_stored_link_put_into_an_href():
    assert template_violations('<a href="{{ contact.profile_url }}">', "x.html") == [
        "contact.profile_url"
    ]
    assert template_violations("<img src={{ item.url }}>", "x.html") == ["item.url"]
    assert template_violations(
        '{% with href=item.url %}<a href="{{ href }}">{% endwith %}', "x.html"
    ) == ["href"]
    assert template_violations('<a href="{{ link|safe_href }}">', "x.html") == []
    assert (
        template_violations(
            '{% with href=l.url|safe_href %}<a href="{{ href }}">{% endwith %}',
            "x.html",
        )
        == []
    )
    assert template_violations('<a href="{{ goal.get_absolute_url }}">', "x.html") == []
    assert template_violations('<a href="mailto:{{ e }}">', "x.html") == []
    assert python_violations("f'<a href=\"{url}\">'") == ['href="{']
    assert python_violations("format_html('<a href=\"{}\">', url)") == ['href="{']
    assert python_violations('"<a href=\\"{{ href }}\\">"') == []


def test_no_template_puts_a_stored_link_into_an_href_unfiltered():
    problems = {}
    for path in sorted(PACKAGE.rglob("*.html")):
        name = path.relative_to(PACKAGE).as_posix()
        found = template_violations(path.read_text(encoding="utf-8"), name)
        if found:
            problems[name] = found
    assert not problems, (
        "Put stored links through |safe_href (see careerpath/core/links.py): "
        f"{problems}"
    )


def test_no_python_builds_an_href_from_a_value_except_where_listed():
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if "/tests/" in f"/{name}" or name in PYTHON_HREFS:
            continue
        if python_violations(path.read_text(encoding="utf-8")):
            problems.append(name)
    assert not problems, (
        "HTML built in Python must pass stored links through safe_href "
        f"(careerpath/core/links.py), or be listed with a reason: {problems}"
    )
