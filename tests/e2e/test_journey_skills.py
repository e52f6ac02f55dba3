"""Journey: build an inventory, paste three postings for a target role, review what was
extracted, read the role profile and the gap analysis, then turn the top gap into a goal
and a course.

Screenshots land in test-results/skills-<step>-desktop.png / -phone.png.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from careerpath.skills.tests.postings import ANALYST_POSTINGS
from tests.e2e.conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


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
def test_postings_role_profile_gaps_goal_and_course(
    live_server, page_factory, screenshot
):
    from careerpath.accounts.tests.factories import PASSWORD, UserFactory
    from careerpath.learning.models import LearningItem

    base = live_server.url
    email = "skills-e2e@example.org"
    user = UserFactory(email=email, password=PASSWORD)
    page = page_factory.new_page(DESKTOP)
    sign_in(page, base, email, PASSWORD)

    # --- Inventory: quick add with autocomplete, then a pasted list -------------------
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Skills"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Skills")
    quick_add = page.locator("form.quick-add__form")
    name = quick_add.locator("input[name=name]")
    name.press_sequentially("Pyth", delay=40)
    expect(page.locator("#skill-suggestions option[value=Python]")).to_have_count(1)
    name.fill("Python")
    quick_add.locator("select[name=level]").select_option("4")
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_text("Python added at level 4.")).to_be_visible()
    page.get_by_role("link", name="Paste a list").click()
    page.locator("textarea[name=text]").fill(
        "- Microsoft Excel\n- Communication\n- SQL"
    )
    page.locator("select[name=level]").select_option("2")
    page.get_by_role("button", name="Add skills").click()
    expect(page.get_by_text("Added 3 skills.")).to_be_visible()
    expect(page.locator("table.skill-table tbody tr")).to_have_count(4)
    screenshot(page, "skills-inventory", "desktop")
    phone_screenshot(
        page_factory, page, f"{base}/skills/", "skills-inventory", screenshot
    )

    # --- A target role and three postings, each reviewed -----------------------------
    page.get_by_role("link", name="Target roles and gaps").click()
    page.get_by_role("link", name="New target role").click()
    page.locator("input[name=title]").fill("Data analyst")
    page.get_by_role("button", name="Save role").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Paste a posting")
    for index, text in enumerate(ANALYST_POSTINGS):
        if index:
            page.get_by_role("link", name="Add a posting").click()
        page.locator("textarea[name=text]").fill(text)
        page.get_by_role("button", name="Analyse posting").click()
        expect(page).to_have_url(re.compile(r"/postings/\d+/$"))
        expect(page.locator(".review-table tbody tr").first).to_be_visible()
        if index == 0:
            # Review: drop one find, make one nice to have, add one that was missed.
            rows = page.locator(".review-table tbody tr")
            communication = rows.filter(
                has=page.locator("input[value='Communication']")
            )
            communication.get_by_role("checkbox").uncheck()
            python = rows.filter(has=page.locator("input[value='Python']"))
            python.locator("select").select_option("nice")
            page.get_by_label("Add skills the extraction missed").fill("Looker")
            page.get_by_label("Added skills are").select_option("nice")
            screenshot(page, "skills-review", "desktop")
            phone_screenshot(page_factory, page, page.url, "skills-review", screenshot)
        page.get_by_role("button", name="Confirm skills").click()
        expect(page.get_by_text("Posting reviewed")).to_be_visible()

    # --- The role profile: ranked bars with a table fallback ------------------------
    expect(page.get_by_role("heading", level=1)).to_have_text("Data analyst")
    expect(page.locator(".lead").first).to_contain_text("3 reviewed postings")
    chart = page.locator("svg.role-chart__svg")
    expect(chart).to_be_visible()
    expect(chart.locator(".role-chart__label").first).to_have_text("SQL")
    page.get_by_text("Show as a table").click()
    expect(page.locator("table").filter(has_text="Share of postings")).to_be_visible()
    role_url = page.url
    screenshot(page, "skills-role-profile", "desktop")
    phone_screenshot(page_factory, page, role_url, "skills-role-profile", screenshot)

    # --- Gap analysis: Tableau is in every posting and not in my inventory ----------
    page.get_by_role("link", name="Gap analysis").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Gap analysis: Data analyst"
    )
    top = page.locator("li.gap").first
    expect(top.locator(".gap__title")).to_have_text("Tableau")
    expect(top).to_contain_text("Asked in 3 of 3 postings, 2 as a must-have")
    expect(top).to_contain_text("Score 1 × 1.67 × 3 = 5.")
    sql = page.locator("li.gap").filter(has=page.locator(".gap__title", has_text="SQL"))
    expect(sql).to_contain_text("you are at 2 (beginner); the role needs 3 (working)")
    gaps_url = page.url
    screenshot(page, "skills-gaps", "desktop")
    phone_screenshot(page_factory, page, gaps_url, "skills-gaps", screenshot)

    top.get_by_role("button", name="Make it a goal").click()
    expect(page).to_have_url(re.compile(r"/goals/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Raise my Tableau level to 3 (working) for the Data analyst role"
    )
    expect(page.get_by_text("Draft goal made for Tableau.")).to_be_visible()
    screenshot(page, "skills-gap-goal", "desktop")

    page.goto(gaps_url)
    top = page.locator("li.gap").first
    expect(top).to_contain_text("Goal: Raise my Tableau level")
    top.get_by_role("button", name="Plan a course").click()
    expect(page.get_by_text("Learning item planned for Tableau")).to_be_visible()
    top = page.locator("li.gap").first
    expect(top).to_contain_text("Learning: Tableau course")
    item = LearningItem.objects.owned_by(user).get()
    assert item.source == "Gap: Tableau for Data analyst"
    assert item.goal is not None

    # --- The page follows the inventory: record Tableau and the gap closes ---------
    top.get_by_label("My level").select_option("3")
    top.get_by_role("button", name=re.compile("^Save")).click()
    expect(page.get_by_text("Tableau is now at level 3")).to_be_visible()
    expect(page.locator("li.gap .gap__title", has_text="Tableau")).to_have_count(0)
    expect(page.locator("#covered-heading + ul")).to_contain_text("Tableau")
    screenshot(page, "skills-gaps-after", "desktop")
    page_factory.assert_no_console_errors()
