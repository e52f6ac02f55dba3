"""Journey: import LinkedIn connections, log an event with three people met, see the
follow-ups on the dashboard, log a call with an overdue mentor and watch the cadence reset.

Screenshots land in test-results/network-<step>-desktop.png / -phone.png.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

CONNECTIONS = (
    Path(__file__).resolve().parents[2]
    / "careerpath/network/tests/fixtures/Connections.csv"
)


def london_today() -> date:
    return datetime.now(ZoneInfo("Europe/London")).date()


def sign_in(page: Page, base: str, email: str, password: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.locator("main form button[type=submit]").first.click()
    expect(page).to_have_url(f"{base}/dashboard/")


def phone_screenshot(page_factory, page: Page, url: str, step: str, screenshot):
    phone = page_factory.new_page(PHONE, storage_state=page.context.storage_state())
    phone.goto(url)
    expect(phone.get_by_role("heading", level=1)).to_be_visible()
    screenshot(phone, step, "phone")
    phone.context.close()


def test_import_event_follow_ups_and_cadence_reset(
    live_server, page_factory, screenshot
):
    from careerpath.accounts.tests.factories import PASSWORD, UserFactory
    from careerpath.goals.tests.factories import GoalFactory
    from careerpath.network.tests.factories import ContactFactory, InteractionFactory

    base = live_server.url
    email = "network-e2e@example.org"
    user = UserFactory(email=email, password=PASSWORD)
    today = london_today()
    goal = GoalFactory(
        owner=user,
        statement="Become analytics lead within a year",
        starts_on=today - timedelta(days=30),
        deadline=today + timedelta(days=330),
    )
    mentor = ContactFactory(
        owner=user,
        name="Maya Lindqvist",
        company="Northwind Health",
        title="Director of Analytics",
        relationship_types=["mentor"],
        added_on=today - timedelta(days=400),
    )
    mentor.goals.add(goal)
    InteractionFactory(
        owner=user,
        occurred_on=today - timedelta(days=75),
        channel="meeting",
        summary="Coffee about the lead role",
        help_direction="received",
        contacts=[mentor],
    )

    page = page_factory.new_page(DESKTOP)
    sign_in(page, base, email, PASSWORD)
    expect(page.locator("main")).to_contain_text(
        "Get back in touch with Maya Lindqvist"
    )

    # --- Import LinkedIn connections: preview, then commit ----------------------------
    page.get_by_role("link", name="Network").click()
    page.locator(".subnav").get_by_role("link", name="Import").click()
    page.set_input_files("input[name=file]", str(CONNECTIONS))
    page.get_by_role("button", name="Preview the import").click()
    expect(page).to_have_url(re.compile(r"/network/contacts/import/\d+/$"))
    expect(page.locator(".import-counts")).to_contain_text("4 new contacts")
    expect(page.locator("main")).to_contain_text("no name (1)")
    screenshot(page, "network-import-preview", "desktop")
    phone_screenshot(page_factory, page, page.url, "network-import-preview", screenshot)
    page.get_by_role("button", name="Import 4 contacts").click()
    expect(page).to_have_url(f"{base}/network/contacts/")
    expect(page.locator(".message--success")).to_contain_text(
        "4 new, 0 updated, 1 skipped"
    )
    expect(page.locator(".contact-table")).to_contain_text("Zoë Müller-Øster")

    # Search narrows the list (with and without htmx the page is the same).
    page.fill("input[name=q]", "acme")
    page.get_by_role("button", name="Search").click()
    expect(page.locator(".contact-table tbody tr")).to_have_count(1)
    expect(page.locator(".contact-table")).to_contain_text("Jane Doe")
    page.goto(f"{base}/network/contacts/")
    screenshot(page, "network-contacts", "desktop")
    phone_screenshot(page_factory, page, page.url, "network-contacts", screenshot)

    # --- Log an event with three people met -------------------------------------------
    page.goto(f"{base}/network/events/new/")
    page.fill("input[name=name]", "PyData London")
    page.fill("input[name=held_on]", (today - timedelta(days=2)).isoformat())
    page.fill("input[name=place]", "London")
    page.fill(
        "textarea[name=people_met]",
        "Ana Ruiz; Globex; Data Lead; ana@globex.example\n"
        "Ben Okafor; Initech; ML Engineer\n"
        "Chen Wu; Helix Bio",
    )
    screenshot(page, "network-event-form", "desktop")
    page.get_by_role("button", name="Save event").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("PyData London")
    expect(page.locator("main")).to_contain_text("People met (3)")
    follow_up = today + timedelta(days=5)
    expect(page.locator("main")).to_contain_text(
        f"by {follow_up.day} {follow_up:%b %Y}"
    )
    screenshot(page, "network-event", "desktop")

    # --- The follow-ups are on the dashboard ------------------------------------------
    page.get_by_role("link", name="Dashboard").click()
    due = page.locator("main")
    expect(due).to_contain_text("Follow up with the people you met at PyData London")
    expect(due).to_contain_text("Get back in touch with Maya Lindqvist")
    screenshot(page, "network-dashboard", "desktop")
    phone_screenshot(page_factory, page, page.url, "network-dashboard", screenshot)

    # --- Log a call with the overdue mentor; the cadence resets ------------------------
    page.get_by_role("link", name="Get back in touch with Maya Lindqvist").click()
    cadence = page.locator("#cadence")
    expect(cadence.locator(".badge")).to_have_text("Overdue")
    screenshot(page, "network-contact-overdue", "desktop")
    page.get_by_role("link", name="Log an interaction").first.click()
    page.select_option("select[name=channel]", "call")
    page.fill("input[name=summary]", "Call about the promotion case")
    page.select_option("select[name=help_direction]", "received")
    page.fill("input[name=help_what]", "Advice on the promotion packet")
    page.get_by_role("button", name="Log it").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Maya Lindqvist")
    expect(page.locator("#cadence .badge")).to_have_text("In touch")
    expect(page.locator("#cadence")).to_contain_text("(today)")
    expect(page.locator("#interactions")).to_contain_text(
        "Call about the promotion case"
    )
    screenshot(page, "network-contact-reset", "desktop")
    phone_screenshot(page_factory, page, page.url, "network-contact", screenshot)
    page.get_by_role("link", name="Dashboard").click()
    # No longer overdue: the next catch-up is a month away, under "Coming up".
    next_due = today + timedelta(days=30)
    expect(page.locator("li.overdue", has_text="Maya Lindqvist")).to_have_count(0)
    expect(
        page.locator("li", has_text="Get back in touch with Maya Lindqvist")
    ).to_contain_text(f"{next_due.day} {next_due:%b}")

    # --- The overview --------------------------------------------------------------------
    page.goto(f"{base}/network/")
    expect(page.locator("main")).to_contain_text("Mentor: Maya Lindqvist")
    expect(page.locator(".bar-chart__svg")).to_be_visible()
    screenshot(page, "network-overview", "desktop")
    phone_screenshot(page_factory, page, page.url, "network-overview", screenshot)
