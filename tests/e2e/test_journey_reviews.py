"""Journey: choose a monthly review rhythm, follow the dashboard's "Review due" link,
read the pre-filled summary, answer the questions, adjust a goal from the review and
complete it; the goal's history says where it changed.

Screenshots land in test-results/reviews-<step>-desktop.png / -phone.png.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import DESKTOP
from tests.e2e.test_journey_goals import london_today, phone_screenshot, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

GOAL = "Run six internal SQL workshops for the analytics team"


@pytest.mark.e2e
def test_schedule_open_answer_adjust_and_complete_a_review(
    live_server, page_factory, screenshot
):
    from careerpath.accounts.tests.factories import PASSWORD, UserFactory
    from careerpath.goals.tests.factories import GoalFactory, MilestoneFactory
    from careerpath.reviews import periods

    base = live_server.url
    email = "reviews-e2e@example.org"
    user = UserFactory(email=email, password=PASSWORD)
    today = london_today()
    start, _end = periods.period_of("monthly", today)
    goal = GoalFactory(
        owner=user,
        statement=GOAL,
        starts_on=today - timedelta(days=60),
        deadline=today + timedelta(days=120),
    )
    MilestoneFactory(
        goal=goal, title="Outline agreed", due_on=start, completed_on=start
    )
    label = periods.period_label("monthly", start)

    page = page_factory.new_page(DESKTOP)
    sign_in(page, base, email, PASSWORD)
    page.goto(f"{base}/reviews/schedule/")
    page.locator("#id_monthly-enabled").check()
    # Due from the first day of the month, so the link is on the dashboard today.
    page.locator("#id_monthly-days_before_end").fill("31")
    page.get_by_role("button", name="Save the schedule").click()
    expect(page.get_by_text("Review schedule saved")).to_be_visible()

    page.goto(f"{base}/dashboard/")
    page.get_by_role("link", name=f"Review due: {label}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Monthly review of {label}"
    )
    expect(page.get_by_role("link", name="Outline agreed")).to_be_visible()
    screenshot(page, "reviews-summary", "desktop")

    page.get_by_label("Am I moving towards my goals?").fill(
        "Yes: the outline is agreed."
    )
    page.get_by_label("What will I focus on next period?").fill(
        "Deliver the first workshop."
    )
    page.get_by_role("button", name="Save answers").click()
    expect(page.get_by_text(f"Review of {label} saved as a draft.")).to_be_visible()

    page.locator("#id_goal").select_option(label=GOAL)
    page.locator("#id_deadline").fill((today + timedelta(days=150)).isoformat())
    page.locator("#id_reason").fill("The team offsite moved the pilot")
    page.get_by_role("button", name="Adjust").click()
    expect(
        page.get_by_text("its history says it changed in the review of")
    ).to_be_visible()

    page.get_by_role("button", name="Complete the review").click()
    expect(page.get_by_text("Review completed")).to_be_visible()
    review_url = page.url
    phone_screenshot(page_factory, page, review_url, "reviews-completed", screenshot)

    page.get_by_role("link", name=GOAL).first.click()
    history = page.locator(
        "section", has=page.get_by_role("heading", name="History of changes")
    )
    expect(history).to_contain_text(f"changed in the review of {label}")
    screenshot(page, "reviews-goal-history", "desktop")
    page_factory.assert_no_console_errors()
