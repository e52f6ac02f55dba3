"""Journey: write a goal with the live SMART check, fix it until every letter passes,
add milestones and KPI readings, then find it on the roadmap and the dashboard.

Screenshots land in test-results/goals-<step>-desktop.png / -phone.png.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

STATEMENT = "Run six internal SQL workshops for the analytics team"
FIRST_MILESTONE = "Workshop outline agreed"
SECOND_MILESTONE = "First workshop delivered"
SMART_TIMEOUT_MS = 10_000


def london_today() -> date:
    """The user's today (UserFactory sets time_zone to Europe/London)."""
    return datetime.now(ZoneInfo("Europe/London")).date()


def sign_in(page: Page, base: str, email: str, password: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.locator("main form button[type=submit]").first.click()
    expect(page).to_have_url(f"{base}/dashboard/")


def smart_item(panel: Locator, letter: str) -> Locator:
    return panel.locator("li.smart__item").filter(
        has=panel.page.locator(".smart__letter", has_text=re.compile(f"^{letter}$"))
    )


def smart_summary(panel: Locator) -> str:
    """Every finding as 'S pass: advice…', for assertion messages."""
    lines = []
    for item in panel.locator("li.smart__item").all():
        verdict = re.search(
            r"smart__item--(\w+)", item.get_attribute("class") or ""
        ).group(1)
        letter = item.locator(".smart__letter").inner_text().strip()
        advice = " ".join(item.locator(".smart__advice").all_inner_texts())
        lines.append(f"{letter} {verdict}: {advice}")
    return "\n".join(lines)


def enter(field: Locator, value: str, panel: Locator) -> None:
    """Fill or pick ``value`` at a person's pace: leave the field, then let the check finish.

    The panel uses ``hx-sync="this:replace"``, so a check still in flight when the
    next one starts is aborted, and htmx logs every abort as a console error. A person
    does not change fields faster than the server answers; the test waits likewise.
    """
    if field.evaluate("el => el.tagName") == "SELECT":
        field.select_option(value)
    else:
        field.fill(value)
    field.blur()
    # The "input" trigger fires 500 ms after the last keystroke.
    field.page.wait_for_timeout(650)
    expect(panel).not_to_have_class(re.compile(r"\bhtmx-request\b"))


def expect_all_pass(panel: Locator) -> None:
    try:
        expect(panel.locator("li.smart__item--pass")).to_have_count(
            5, timeout=SMART_TIMEOUT_MS
        )
        expect(
            panel.locator("li.smart__item--warn, li.smart__item--fail")
        ).to_have_count(0)
    except AssertionError as error:
        raise AssertionError(
            f"SMART check did not converge:\n{smart_summary(panel)}"
        ) from error


def phone_screenshot(page_factory, page: Page, url: str, step: str, screenshot):
    phone = page_factory.new_page(PHONE, storage_state=page.context.storage_state())
    phone.goto(url)
    expect(phone.get_by_role("heading", level=1)).to_be_visible()
    screenshot(phone, step, "phone")
    phone.context.close()


@pytest.mark.e2e
def test_goal_smart_check_milestones_readings_roadmap_and_dashboard(
    live_server, page_factory, screenshot
):
    from careerpath.accounts.tests.factories import PASSWORD, UserFactory

    base = live_server.url
    email = "goals-e2e@example.org"
    UserFactory(email=email, password=PASSWORD)
    today = london_today()
    deadline = today + timedelta(days=150)
    first_due = today + timedelta(days=30)
    second_due = today + timedelta(days=14)

    page = page_factory.new_page(DESKTOP)
    sign_in(page, base, email, PASSWORD)

    # --- New goal: a vague statement fails S ----------------------------------------
    page.goto(f"{base}/goals/new/")
    form = page.locator("#goal-form")
    panel = page.locator("#smart-panel")
    expect(form).to_be_visible()
    expect(form.locator("[name=starts_on]")).to_have_value(today.isoformat())

    enter(form.locator("textarea[name=statement]"), "Improve my skills", panel)
    s_item = smart_item(panel, "S")
    # The empty form already fails S; wait for the advice about the typed text.
    expect(s_item).to_contain_text(
        re.compile(r"'improve'.*vague", re.I), timeout=SMART_TIMEOUT_MS
    )
    expect(s_item).to_have_class(re.compile(r"smart__item--fail"))
    screenshot(page, "goals-form-vague", "desktop")

    # --- Fix it step by step ---------------------------------------------------------
    enter(form.locator("textarea[name=statement]"), STATEMENT, panel)
    expect(s_item).to_have_class(
        re.compile(r"smart__item--pass"), timeout=SMART_TIMEOUT_MS
    )

    enter(form.locator("select[name=category]"), "skill", panel)
    enter(form.locator("input[name=metric_name]"), "Workshops run", panel)
    enter(form.locator("input[name=metric_unit]"), "workshops", panel)
    enter(form.locator("input[name=baseline]"), "0", panel)
    enter(form.locator("input[name=target]"), "6", panel)
    enter(form.locator("select[name=direction]"), "increase", panel)
    expect(smart_item(panel, "M")).to_have_class(
        re.compile(r"smart__item--pass"), timeout=SMART_TIMEOUT_MS
    )

    enter(
        form.locator("textarea[name=achievability_note]"),
        "Two hours a week agreed with my manager; room booked.",
        panel,
    )
    enter(form.locator("textarea[name=values]"), "Learning", panel)
    enter(form.locator("input[name=starts_on]"), today.isoformat(), panel)
    enter(form.locator("input[name=deadline]"), deadline.isoformat(), panel)
    expect_all_pass(panel)
    screenshot(page, "goals-form-smart", "desktop")
    phone_screenshot(page_factory, page, f"{base}/goals/new/", "goals-form", screenshot)
    page_factory.assert_no_console_errors()

    enter(form.locator("select[name=status]"), "active", panel)
    page.get_by_role("button", name="Save goal").click()
    expect(page).to_have_url(re.compile(r"/goals/\d+/$"))
    goal_url = page.url
    expect(page.get_by_role("heading", level=1)).to_have_text(STATEMENT)
    expect(page.locator(".page-header .badge")).to_have_text("Active")

    # --- Milestones --------------------------------------------------------------
    milestones = page.locator("#milestones")
    for title, due_on in ((FIRST_MILESTONE, first_due), (SECOND_MILESTONE, second_due)):
        add_form = milestones.locator("form.subform")
        add_form.locator("[name=title]").fill(title)
        add_form.locator("[name=due_on]").fill(due_on.isoformat())
        add_form.get_by_role("button", name="Add milestone").click()
        expect(
            page.locator("#milestones .milestone__title", has_text=title)
        ).to_be_visible()
    expect(page.locator("#milestones li.milestone")).to_have_count(2)

    page.get_by_role(
        "button", name=re.compile(f"^Mark “{FIRST_MILESTONE}” as reached")
    ).click()
    expect(page.get_by_text(re.compile("Milestone reached"))).to_be_visible()
    expect(
        page.get_by_role("button", name=f"Mark “{FIRST_MILESTONE}” as not reached")
    ).to_be_visible()
    expect(page.locator("#milestones li.milestone--done")).to_have_count(1)
    page_factory.assert_no_console_errors()

    # --- KPI readings --------------------------------------------------------------
    for read_on, value in ((today, "0"), (today, "1")):
        reading_form = page.locator(
            "form", has=page.get_by_role("button", name="Record reading")
        )
        reading_form.locator("[name=read_on]").fill(read_on.isoformat())
        reading_form.locator("[name=value]").fill(value)
        reading_form.get_by_role("button", name="Record reading").click()
        expect(page.get_by_text("Reading recorded.")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("No readings yet.")
    expect(page.locator("main")).to_contain_text(re.compile(r"1\s+workshop\s+on"))

    chart = page.locator('figure svg[role="img"]:visible')
    expect(chart).to_have_count(1)
    expect(chart).to_be_visible()
    progress = page.locator("#progress")
    expect(progress.locator(".card__header .badge")).to_be_visible()
    expect(progress.locator(".card__header .badge")).not_to_have_text("No data")
    reason = progress.locator(":scope > p").first
    expect(reason).not_to_be_empty()
    screenshot(page, "goals-detail", "desktop")
    phone_screenshot(page_factory, page, goal_url, "goals-detail", screenshot)
    page_factory.assert_no_console_errors()

    # --- Roadmap -----------------------------------------------------------------
    page.goto(f"{base}/roadmap/")
    main = page.locator("main")
    expect(main).to_contain_text(STATEMENT)
    expect(main).to_contain_text(SECOND_MILESTONE)
    expect(page.locator("text.tl__today-label:visible").first).to_have_text("Today")
    screenshot(page, "goals-roadmap", "desktop")
    phone_screenshot(
        page_factory, page, f"{base}/roadmap/", "goals-roadmap", screenshot
    )
    page_factory.assert_no_console_errors()

    # --- Dashboard ---------------------------------------------------------------
    page.goto(f"{base}/dashboard/")
    due = page.locator("section[aria-labelledby=due-heading]")
    expect(
        due.get_by_role("link", name=f"Milestone: {SECOND_MILESTONE}")
    ).to_be_visible()
    expect(due).not_to_contain_text(f"Milestone: {FIRST_MILESTONE}")
    # The active goal shows with its pace.
    goals_block = page.locator("section[aria-labelledby=goals-heading]")
    expect(goals_block).to_contain_text(" ".join(STATEMENT.split()[:4]))
    expect(goals_block.locator(".badge")).to_have_count(1)
    screenshot(page, "goals-dashboard", "desktop")
    phone_screenshot(
        page_factory, page, f"{base}/dashboard/", "goals-dashboard", screenshot
    )
    page_factory.assert_no_console_errors()


@pytest.mark.e2e
def test_the_smart_check_stays_in_view_while_typing_on_a_phone(
    live_server, page_factory, screenshot
):
    from careerpath.accounts.tests.factories import PASSWORD, UserFactory

    base = live_server.url
    email = "goals-phone-e2e@example.org"
    UserFactory(email=email, password=PASSWORD)
    page = page_factory.new_page(PHONE)
    sign_in(page, base, email, PASSWORD)
    page.goto(f"{base}/goals/new/")
    form = page.locator("#goal-form")
    panel = page.locator("#smart-panel")
    enter(form.locator("textarea[name=statement]"), "Improve my skills", panel)
    # Far down the form, typing: the letters and the advice are on screen.
    note = form.locator("textarea[name=achievability_note]")
    note.scroll_into_view_if_needed()
    note.press_sequentially("Two hours a week")
    strip = panel.locator(".smart-strip")
    expect(strip).to_be_visible()
    expect(strip).to_contain_text("of 5 pass")
    box = strip.bounding_box()
    viewport = page.viewport_size
    assert box is not None and viewport is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"]
    expect(smart_item(panel, "S")).to_be_in_viewport()
    note_box = note.bounding_box()
    assert note_box is not None and note_box["y"] < box["y"]  # the field is not hidden
    screenshot(page, "goals-form-typing", "phone")
