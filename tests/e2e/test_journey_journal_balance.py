"""Journey: write a journal entry and a setback, see the resilience view and note an
outcome; then do the weekly check-in with the keyboard alone and see the trends and
the burnout signal explain itself; the dashboard's check-in reminder goes away.

Screenshots land in test-results/journal-<step>-… and balance-<step>-desktop/-phone.png.
"""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import DESKTOP
from tests.e2e.test_journey_goals import london_today, phone_screenshot, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

GOAL = "Get promoted to lead analyst by the spring cycle"
SETBACK_TITLE = "Promotion deferred to the next cycle"


@pytest.mark.e2e
def test_journal_setback_resilience_and_weekly_check_in(
    live_server, page_factory, screenshot
):
    from careerpath.accounts.tests.factories import PASSWORD, UserFactory
    from careerpath.balance.burnout import week_start
    from careerpath.balance.tests.factories import CheckInFactory
    from careerpath.goals.tests.factories import GoalFactory, MilestoneFactory

    base = live_server.url
    email = "journal-e2e@example.org"
    user = UserFactory(email=email, password=PASSWORD)
    today = london_today()
    goal = GoalFactory(
        owner=user,
        statement=GOAL,
        starts_on=today - timedelta(days=120),
        deadline=today + timedelta(days=150),
    )
    MilestoneFactory(
        goal=goal,
        title="Led the reporting rework",
        due_on=today,
        completed_on=today,
    )
    # Seven calm weeks, then two stressful ones: this week's answers decide the signal.
    this_week = week_start(today)
    for back in range(9, 0, -1):
        stressed = back <= 2
        CheckInFactory(
            owner=user,
            week_of=this_week - timedelta(weeks=back),
            hours_worked=Decimal(48 if stressed else 40),
            stress=4 if stressed else 2,
            energy=3 if stressed else 4,
        )

    page = page_factory.new_page(DESKTOP)
    sign_in(page, base, email, PASSWORD)
    due = page.locator("section[aria-labelledby=due-heading]")
    expect(due.get_by_role("link", name="Weekly balance check-in")).to_be_visible()

    # --- A journal entry -----------------------------------------------------------
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Journal"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Journal")
    page.get_by_role("link", name="New entry").click()
    page.get_by_label("Title").fill("Good 1:1 with my manager")
    page.locator("label.choice", has_text="4 Good").click()
    page.get_by_label("Entry").fill(
        "We agreed I lead the **quarterly review** deck.\n\n- ask Sam for the data\n- draft by Friday"
    )
    page.get_by_label("Tags").fill("1:1s, visibility")
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Good 1:1 with my manager"
    )
    expect(page.locator("main strong", has_text="quarterly review")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Mood 4/5 · Good")
    page_factory.assert_no_console_errors()

    # --- A setback against the goal ------------------------------------------------
    page.goto(f"{base}/journal/")
    page.get_by_role("link", name="Log a setback").click()
    page.get_by_label("Title").fill(SETBACK_TITLE)
    page.locator("label.choice", has_text="2 Low").click()
    page.get_by_label("What happened").fill(
        "My manager said the case was close but lacked evidence of leading others."
    )
    page.get_by_label("Goal it set back").select_option(label=GOAL)
    page.get_by_label("What I learned").fill("Nobody sees what I don't write down.")
    page.get_by_label("What I will do differently").fill(
        "Keep a brag document every week and ask for a stretch project with a team."
    )
    screenshot(page, "journal-setback-form", "desktop")
    page.get_by_role("button", name="Save setback").click()
    expect(
        page.get_by_text(re.compile("Setback logged with its lesson"))
    ).to_be_visible()
    expect(page.locator(".page-header .badge")).to_have_text("Setback")
    setback_url = page.url
    phone_screenshot(page_factory, page, setback_url, "journal-setback", screenshot)

    page.goto(f"{base}/journal/")
    expect(page.locator("main")).to_contain_text(SETBACK_TITLE)
    expect(page.locator("main")).to_contain_text("Good 1:1 with my manager")
    screenshot(page, "journal-list", "desktop")
    phone_screenshot(page_factory, page, f"{base}/journal/", "journal-list", screenshot)
    page_factory.assert_no_console_errors()

    # --- Resilience: the lesson, the goal's story since, then the outcome ------------
    page.get_by_role("link", name="Resilience").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Resilience")
    card = page.locator("article", has_text=SETBACK_TITLE)
    expect(card).to_contain_text("Nobody sees what I don't write down.")
    expect(card).to_contain_text("Since then: Active: 1 milestone reached since")
    expect(card).to_contain_text("milestone reached, “Led the reporting rework”")
    expect(page.locator("main")).to_contain_text("1 still without an outcome")
    card.locator("summary", has_text="Add the outcome").click()
    card.get_by_label("How it turned out").fill(
        "Led the reporting rework with two analysts; the case is much stronger now."
    )
    card.get_by_role("button", name="Save outcome").click()
    expect(page.get_by_text("Outcome noted.")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/journal/resilience/#setback-\d+$"))
    expect(page.locator("main")).not_to_contain_text("still without an outcome")
    screenshot(page, "journal-resilience", "desktop")
    phone_screenshot(
        page_factory,
        page,
        f"{base}/journal/resilience/",
        "journal-resilience",
        screenshot,
    )
    page_factory.assert_no_console_errors()

    # --- The weekly check-in, keyboard only ------------------------------------------
    page.goto(f"{base}/dashboard/")
    page.locator("section[aria-labelledby=due-heading]").get_by_role(
        "link", name="Weekly balance check-in"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("This week's check-in")
    hours = page.get_by_label("Hours worked")
    expect(hours).to_be_focused()
    expect(hours).to_have_value("48")  # last week's answer
    screenshot(page, "balance-checkin", "desktop")
    phone_screenshot(
        page_factory, page, f"{base}/balance/check-in/", "balance-checkin", screenshot
    )
    page.keyboard.press("Control+A")
    page.keyboard.type("52")
    page.keyboard.press("Tab")  # sleep
    page.keyboard.press("Control+A")
    page.keyboard.type("6")
    page.keyboard.press("Tab")  # energy: into the group at its checked radio (3)
    page.keyboard.press("ArrowLeft")  # 2
    page.keyboard.press("Tab")  # stress (4)
    page.keyboard.press("ArrowRight")  # 5
    expect(page.locator("input[name=stress][value='5']")).to_be_checked()
    expect(page.locator("input[name=energy][value='2']")).to_be_checked()
    page.keyboard.press("Enter")

    expect(page).to_have_url(f"{base}/balance/#signal")
    expect(
        page.get_by_text(re.compile("Check-in saved for the week of"))
    ).to_be_visible()
    signal = page.locator("#signal")
    expect(signal.locator(".badge")).to_have_text("High")
    expect(signal).to_contain_text(
        "Stress has been 4 or more out of 5 for 3 weeks in a row (4, 4, 5)."
    )
    expect(signal).to_contain_text("Energy has fallen from 4 to 2 out of 5")
    expect(page.locator("main")).to_contain_text("Private to you.")
    charts = page.locator("svg.trend-chart__svg")
    expect(charts).to_have_count(6)
    expect(charts.first).to_be_visible()
    expect(page.locator("table.checkin-table tbody tr")).to_have_count(10)
    screenshot(page, "balance-overview", "desktop")
    phone_screenshot(
        page_factory, page, f"{base}/balance/", "balance-overview", screenshot
    )
    page_factory.assert_no_console_errors()

    # --- A second check-in this week updates it; the reminder is gone ----------------
    page.get_by_role("link", name="Update this week's check-in").click()
    expect(page.get_by_label("Hours worked")).to_have_value("52")
    page.get_by_label("Hours worked").fill("50")
    page.get_by_role("button", name="Save check-in").click()
    expect(
        page.get_by_text(re.compile("Check-in updated for the week of"))
    ).to_be_visible()
    expect(page.locator("table.checkin-table tbody tr")).to_have_count(10)
    page.goto(f"{base}/dashboard/")
    expect(page.locator("main")).not_to_contain_text("Weekly balance check-in")
    page_factory.assert_no_console_errors()
