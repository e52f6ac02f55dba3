"""Journey: add a certification with an expiry date, see its renewal on the dashboard,
log hours on it and on standalone practice, and see the learning log's charts.

Screenshots land in test-results/learning-<step>-desktop.png / -phone.png.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TITLE = "AWS Certified Cloud Practitioner"


def london_today() -> date:
    """The user's today (UserFactory sets time_zone to Europe/London)."""
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


@pytest.mark.e2e
def test_certification_renewal_log_hours_and_charts(
    live_server, page_factory, screenshot
):
    from careerpath.accounts.tests.factories import PASSWORD, UserFactory

    base = live_server.url
    email = "learner@example.org"
    UserFactory(email=email, password=PASSWORD)
    today = london_today()
    expires_on = today + timedelta(days=40)

    page = page_factory.new_page(DESKTOP)
    sign_in(page, base, email, PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Learning"
    ).click()
    expect(page.get_by_role("heading", level=1, name="Learning")).to_be_visible()
    page.get_by_role("link", name="Add learning").first.click()

    # A certification taken three years ago that expires in 40 days.
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Kind").select_option("certification")
    page.get_by_label("Status").select_option("completed")
    page.get_by_label("Provider").fill("Amazon Web Services")
    page.get_by_label("Cost").fill("100")
    page.get_by_label("Currency").fill("USD")
    page.get_by_label("Expected hours").fill("25")
    page.get_by_label("Skills it builds").fill("Cloud computing")
    # Suggestions come from the skill vocabulary as the person types.
    add_skill = page.get_by_label("Add a skill")
    add_skill.press_sequentially("amazon web", delay=30)
    expect(
        page.locator("#learning-skill-suggestions option[value='Amazon Web Services']")
    ).to_have_count(1)
    add_skill.fill("Amazon Web Services")
    page.get_by_label("Certificate issued").fill(
        (expires_on - timedelta(days=3 * 365)).isoformat()
    )
    page.get_by_label("Certificate expires").fill(expires_on.isoformat())
    screenshot(page, "learning-form", "desktop")
    phone_screenshot(
        page_factory,
        page,
        f"{base}/learning/new/?kind=certification",
        "learning-form",
        screenshot,
    )
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("heading", level=1, name=TITLE)).to_be_visible()
    certificate = page.locator("section#certificate")
    expect(certificate).to_contain_text("Renew: expires in 40 days")
    expect(certificate).to_contain_text(
        (expires_on - timedelta(days=60)).strftime("%-d %b %Y")
    )
    item_url = page.url

    # Bad input is refused with a clear message and nothing is logged.
    log = page.locator("section#log")
    log.get_by_label("Date").fill((today + timedelta(days=1)).isoformat())
    log.get_by_label("Hours").fill("1.5")
    log.get_by_role("button", name="Log hours").click()
    expect(page.locator("section#log")).to_contain_text(
        "You can't log hours in the future."
    )
    # The browser logs the refusal's 422 status as a console error: expected here, and
    # only here.
    expected = [e for e in page_factory.console_errors if "status of 422" in e]
    assert len(expected) == 1, page_factory.console_errors
    page_factory.console_errors.remove(expected[0])
    log = page.locator("section#log")
    log.get_by_label("Date").fill(today.isoformat())
    log.get_by_label("Hours").fill("1.5")
    log.get_by_label("Skill practised").fill("Amazon Web Services")
    log.get_by_label("Note").fill("Practice exam: 78 %")
    log.get_by_role("button", name="Log hours").click()
    expect(page.locator("section#log li")).to_contain_text("1.5 h")
    expect(page.get_by_role("status")).to_contain_text("Hours logged.")
    screenshot(page, "learning-detail", "desktop")
    phone_screenshot(page_factory, page, item_url, "learning-detail", screenshot)

    # The dashboard shows the renewal: due 60 days before expiry, so already overdue.
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Dashboard"
    ).click()
    renewal = page.get_by_role("link", name=re.compile(f"Renew certificate: {TITLE}"))
    expect(renewal).to_be_visible()
    screenshot(page, "learning-dashboard", "desktop")
    phone_screenshot(
        page_factory, page, f"{base}/dashboard/", "learning-dashboard", screenshot
    )
    renewal.click()
    expect(page).to_have_url(item_url)

    # Standalone practice on the learning log, then the charts.
    page.goto(f"{base}/learning/log/")
    form = page.locator("section#log-form")
    form.get_by_label("Date").fill((today - timedelta(days=1)).isoformat())
    form.get_by_label("Hours").fill("2")
    form.get_by_label("Skill practised").fill("SQL")
    form.get_by_role("button", name="Log hours").click()
    expect(page.get_by_role("status")).to_contain_text("Hours logged.")
    expect(page.locator(".lead")).to_contain_text("3.5 h of learning")
    month_chart = page.get_by_role("img", name="Hours of learning per month")
    expect(month_chart).to_be_visible()
    skill_chart = page.get_by_role("img", name="Hours of learning per skill")
    expect(skill_chart).to_be_visible()
    expect(skill_chart.locator("text.hours-chart__label")).to_have_count(2)
    # The table fallback carries the same figures.
    page.get_by_text("Show as a table").last.click()
    expect(page.locator("table").last).to_contain_text("SQL")
    screenshot(page, "learning-log", "desktop")
    phone_screenshot(
        page_factory, page, f"{base}/learning/log/", "learning-log", screenshot
    )

    # The list finds it by skill, with its renewal badge.
    page.goto(f"{base}/learning/?status=all&skill=aws")
    card = page.locator(".learning-card", has_text=TITLE)
    expect(card).to_contain_text("Renew: expires in 40 days")
    screenshot(page, "learning-list", "desktop")
    phone_screenshot(
        page_factory, page, f"{base}/learning/?status=all", "learning-list", screenshot
    )
    page_factory.assert_no_console_errors()
