"""Journey: after an ESCO and O*NET import, look a skill up by the abbreviation a posting
uses, read its other names, and follow it to an occupation and that occupation's skills.

Screenshots land in test-results/taxonomy-<step>-desktop.png / -phone.png.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.e2e.conftest import DESKTOP, PHONE
from tests.e2e.test_journey_goals import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

FIXTURES = Path(__file__).resolve().parents[2] / "careerpath/taxonomy/tests/fixtures"


def test_look_up_a_skill_and_an_occupation(live_server, page_factory, screenshot):
    from careerpath.accounts.tests.factories import PASSWORD, UserFactory

    call_command(
        "import_taxonomy", "esco", str(FIXTURES / "esco"), stdout=io.StringIO()
    )
    call_command(
        "import_taxonomy", "onet", str(FIXTURES / "onet_text"), stdout=io.StringIO()
    )
    base = live_server.url
    UserFactory(email="tax@example.org", password=PASSWORD)

    for width, device in ((DESKTOP, "desktop"), (PHONE, "phone")):
        page = page_factory.new_page(width)
        sign_in(page, base, "tax@example.org", PASSWORD)
        page.goto(f"{base}/taxonomy/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Skill taxonomy")
        expect(page.get_by_text("5 skills, 2 occupations, 7 links")).to_be_visible()
        screenshot(page, "taxonomy-overview", device)

        page.get_by_label("Search skills and occupations").fill("JS")
        page.get_by_role("button", name="Search").click()
        expect(page).to_have_url(re.compile(r"/taxonomy/\?q=JS$"))
        screenshot(page, "taxonomy-search", device)
        page.get_by_role("link", name="JavaScript", exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text("JavaScript")
        expect(page.locator(".tags")).to_contain_text("ECMAScript")

        page.goto(f"{base}/taxonomy/?q=python")
        page.get_by_role("link", name="Python (computer programming)").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Python (computer programming)"
        )
        screenshot(page, "taxonomy-skill", device)
        page.get_by_role("link", name="software developer").click()
        expect(
            page.get_by_role("heading", name=re.compile("Essential skills"))
        ).to_be_visible()

        page.goto(f"{base}/taxonomy/?q=data scientists")
        page.get_by_role("link", name="Data Scientists").click()
        expect(page.get_by_text("job zone 4 of 5")).to_be_visible()
        expect(page.get_by_role("link", name="Software Developers")).to_be_visible()
        screenshot(page, "taxonomy-occupation", device)
        page_factory.assert_no_console_errors()
        page.close()
