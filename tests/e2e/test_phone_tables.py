"""Every page of a demo account fits a 390 px phone: the page never scrolls sideways and
no table (including a chart's table inside <details>, opened) is wider than the box it
sits in. Wide tables stack their rows into cards (``.table--stack``) or hide their
secondary columns behind a visible cue (``.col-optional``), both in app.css.

Set CAREERPATH_AUDIT_ONLY=text to check only the pages whose path contains that text.
"""

from __future__ import annotations

import os

import pytest

from tests.e2e.conftest import HEIGHTS, PHONE
from tests.e2e.test_page_audit import _cookie_for, demo_account_pages

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Opens every <details> (so chart tables are measured too), then lists what is too wide.
MEASURE = """() => {
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const out = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > window.innerWidth) {
    out.push(`page ${doc.scrollWidth}px > ${window.innerWidth}px`);
  }
  document.querySelectorAll('table').forEach((table, index) => {
    const parent = table.parentElement;
    if (!parent || table.offsetParent === null) return;
    const hidden = [...table.querySelectorAll('thead .col-optional')]
      .filter(cell => getComputedStyle(cell).display === 'none');
    const cue = parent.querySelector('.table-cue');
    if (hidden.length && !(cue && cue.offsetParent !== null && cue.textContent.trim())) {
      out.push(`table #${index} hides ${hidden.length} columns without a visible .table-cue`);
    }
    if (table.scrollWidth > parent.clientWidth) {
      const name = table.className || table.closest('[class]')?.className || '';
      out.push(`table #${index} .${name}: ${table.scrollWidth}px > ${parent.clientWidth}px`);
    }
  });
  return out;
}"""


def _import_preview(client) -> str:
    """The preview of a LinkedIn connections import (reached only by uploading a file)."""
    from django.urls import reverse

    from tests.e2e.test_journey_network import CONNECTIONS

    with CONNECTIONS.open("rb") as upload:
        response = client.post(reverse("network:import_start"), {"file": upload})
    assert response.status_code == 302, response.content[:500]
    return response["Location"]


def _taxonomy_pages() -> list[str]:
    """A search that finds skills, and the detail pages of a skill and an O*NET-style
    occupation that needs it (the crawl reaches only the empty search form)."""
    from decimal import Decimal

    from django.urls import reverse

    from careerpath.taxonomy.models import Occupation, OccupationSkill, Skill

    skill = Skill.objects.order_by("label").first()
    assert skill is not None, "the starter taxonomy has skills"
    occupation = Occupation.objects.create(
        source="onet",
        external_id="15-1252.00",
        code="15-1252.00",
        title="Software Developers, Systems and Applications Integration Specialists",
    )
    OccupationSkill.objects.create(
        occupation=occupation,
        skill=skill,
        relation="essential",
        importance=Decimal("4.25"),
        level=Decimal("5.38"),
    )
    return [
        reverse("taxonomy:browse") + "?q=" + skill.label.split()[0],
        reverse("taxonomy:skill_detail", args=[skill.pk]),
        reverse("taxonomy:occupation_detail", args=[occupation.pk]),
    ]


def test_every_page_fits_a_phone_without_sideways_scrolling(live_server, browser):
    client, pages = demo_account_pages("phone-tables@example.org")
    only = os.environ.get("CAREERPATH_AUDIT_ONLY", "")
    urls = sorted(pages.values()) + _taxonomy_pages() + [_import_preview(client)]
    urls = [url for url in urls if only in url]

    context = browser.new_context(
        viewport={"width": PHONE, "height": HEIGHTS[PHONE]},
        is_mobile=True,
        has_touch=True,
        device_scale_factor=1,
        locale="en-GB",
        timezone_id="Europe/London",
    )
    context.add_cookies(_cookie_for(client, live_server.url))
    page = context.new_page()
    offenders: list[str] = []
    tables_seen = 0
    try:
        for url in urls:
            response = page.goto(live_server.url + url)
            assert response is not None and response.ok, url
            tables_seen += page.locator("table").count()
            offenders += [f"{url}: {problem}" for problem in page.evaluate(MEASURE)]
    finally:
        context.close()
    if not only:
        assert tables_seen >= 15, tables_seen
    assert not offenders, f"{len(offenders)} too wide at {PHONE}px:\n" + "\n".join(
        offenders
    )
