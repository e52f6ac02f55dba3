"""Journey: ask for feedback, record it with themes, see the improvement areas and turn
one into a goal; then log an achievement backed by that feedback and export the
promotion packet, opening the PDF.

Screenshots land in test-results/feedback-<step>-desktop.png / -phone.png and
test-results/achievements-<step>-….png.
"""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.e2e.conftest import DESKTOP, PHONE
from tests.e2e.test_journey_goals import london_today, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def phone_screenshot(page_factory, page: Page, url: str, step: str, screenshot):
    phone = page_factory.new_page(PHONE, storage_state=page.context.storage_state())
    phone.goto(url)
    expect(phone.get_by_role("heading", level=1)).to_be_visible()
    screenshot(phone, step, "phone")
    phone.context.close()


def record_feedback(
    page: Page, *, source: str, kind: str, text: str, themes: list[str]
):
    form = page.locator("main form.card")
    if source:
        form.get_by_label("From").fill(source)
    form.get_by_label("Kind").select_option(label=kind)
    form.get_by_label("What they said").fill(text)
    for theme in themes:
        chip = form.locator(
            f'button.chip[data-append-to="id_themes"][data-value="{theme}"]'
        )
        if chip.count():
            chip.click()  # the suggestion adds the theme to the field
        else:
            field = form.get_by_label("Themes")
            field.fill((field.input_value() + "\n" + theme).strip())
    form.get_by_role("button", name="Save feedback").click()
    expect(page.get_by_text("Feedback saved.")).to_be_visible()


@pytest.mark.e2e
def test_feedback_themes_goal_achievement_and_promotion_packet(
    live_server, page_factory, screenshot
):
    from careerpath.accounts.tests.factories import PASSWORD, UserFactory

    base = live_server.url
    email = "feedback-e2e@example.org"
    UserFactory(email=email, password=PASSWORD, display_name="Alex Morgan")
    today = london_today()
    page = page_factory.new_page(DESKTOP)
    sign_in(page, base, email, PASSWORD)

    # --- Ask for feedback: the ready-to-send text ------------------------------------
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Feedback"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Feedback")
    page.get_by_role("link", name="Ask for feedback").first.click()
    form = page.locator("main form.card")
    form.get_by_label("Whom").fill("Priya Raman")
    form.get_by_label("Their e-mail").fill("priya@example.org")
    form.get_by_label("About what").fill("the pricing experiment")
    form.get_by_label("What you want to know").fill(
        "Were my updates to stakeholders timely enough?"
    )
    form.get_by_label("By when").fill((today + timedelta(days=4)).isoformat())
    form.get_by_role("button", name="Save and see the text").click()
    expect(page.get_by_text("Request saved: here is the text to send.")).to_be_visible()
    message = page.locator("#request-body")
    expect(message).to_have_value(re.compile(r"^Hi Priya,"))
    expect(message).to_have_value(
        re.compile("Were my updates to stakeholders timely enough\\?")
    )
    expect(message).to_have_value(re.compile(r"Thank you,\nAlex Morgan$"))
    request_url = page.url
    screenshot(page, "feedback-request", "desktop")
    phone_screenshot(page_factory, page, request_url, "feedback-request", screenshot)

    # The pending request is due on the dashboard.
    page.goto(f"{base}/dashboard/")
    expect(
        page.get_by_role(
            "link", name="Reply due from Priya Raman: the pricing experiment"
        )
    ).to_be_visible()

    # --- Record her answer with themes, then a second person's -------------------------
    page.goto(request_url)
    page.get_by_role("link", name="Record their feedback").click()
    expect(page.locator("main form.card").get_by_label("From")).to_have_value(
        "Priya Raman"
    )
    screenshot(page, "feedback-record", "desktop")
    phone_screenshot(page_factory, page, page.url, "feedback-record", screenshot)
    record_feedback(
        page,
        source="",
        kind="Constructive",
        text="The analysis was solid, but stakeholders heard about the delay from someone else.",
        themes=["Communication", "Stakeholder management"],
    )
    page.goto(request_url)
    expect(page.locator(".page-header .badge")).to_have_text("Received")

    page.goto(f"{base}/feedback/new/")
    record_feedback(
        page,
        source="Tom Becker (product lead)",
        kind="Mixed",
        text="Great dashboards. The weekly update e-mails are long; lead with the decision.",
        themes=["Communication", "Delivery"],
    )
    page.goto(f"{base}/feedback/new/")
    record_feedback(
        page,
        source="Lena Fischer",
        kind="Praise",
        text="Your SQL workshops changed how the team works.",
        themes=["Mentoring"],
    )
    expect(page.locator(".feedback-card")).to_have_count(3)
    screenshot(page, "feedback-list", "desktop")
    phone_screenshot(
        page_factory, page, f"{base}/feedback/", "feedback-list", screenshot
    )

    # --- Improvement areas, and one step to a goal ------------------------------------
    page.get_by_role("link", name="Improvement areas").click()
    area = page.locator(".area-card").filter(has_text="Communication")
    expect(page.locator(".area-card")).to_have_count(1)
    expect(area).to_contain_text(
        "Mentioned in 1 constructive and 1 mixed feedback from 2 people"
    )
    screenshot(page, "feedback-improvement-areas", "desktop")
    phone_screenshot(
        page_factory,
        page,
        f"{base}/feedback/themes/",
        "feedback-improvement-areas",
        screenshot,
    )
    area.get_by_role("button", name="Turn into a goal").click()
    expect(
        page.get_by_text(re.compile("Draft goal created from the theme"))
    ).to_be_visible()
    expect(page.locator("[name=statement]")).to_have_value(re.compile("communication"))
    page.goto(f"{base}/feedback/themes/")
    expect(page.locator(".area-card")).to_contain_text("Being worked on")
    page_factory.assert_no_console_errors()

    # --- Log an achievement backed by the praise ---------------------------------------
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Achievements"
    ).click()
    page.get_by_role("link", name="Log an achievement").first.click()
    form = page.locator("main form.card")
    form.get_by_label("Title").fill("Ran three SQL workshops for the analysts")
    form.get_by_label("What I did").fill(
        "Prepared exercises on window functions and paired with each analyst."
    )
    form.get_by_label("Impact (number)").fill("24")
    form.get_by_label("Impact (unit)").fill("analysts trained")
    form.get_by_label("Skills").fill("SQL\nMentoring")
    form.get_by_label(re.compile("^Lena Fischer")).check()
    form.get_by_label("Who knows").select_option("team")
    form.get_by_role("button", name="Save achievement").click()
    expect(page.get_by_text("Achievement added to your brag document.")).to_be_visible()
    card = page.locator(".achievement-card")
    expect(card).to_contain_text("24 analysts trained")
    expect(card).to_contain_text("Backed by feedback from Lena Fischer.")
    screenshot(page, "achievements-brag", "desktop")
    phone_screenshot(
        page_factory, page, f"{base}/achievements/", "achievements-brag", screenshot
    )

    # --- The promotion packet, and its PDF -----------------------------------------------
    page.get_by_role("link", name="Promotion packet").first.click()
    expect(page.get_by_role("heading", name="SQL")).to_be_visible()
    expect(page.locator(".packet-section").first).to_contain_text(
        "Your SQL workshops changed how the team works."
    )
    screenshot(page, "achievements-packet", "desktop")
    phone_screenshot(
        page_factory,
        page,
        f"{base}/achievements/packet/",
        "achievements-packet",
        screenshot,
    )
    pdf_link = page.get_by_role("link", name="Download PDF")
    response = page.request.get(base + pdf_link.get_attribute("href"))
    assert response.ok
    assert response.headers["content-type"] == "application/pdf"
    body = response.body()
    assert body.startswith(b"%PDF-")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(body)).pages)
    assert "Promotion packet: Alex Morgan" in text
    assert "Ran three SQL workshops for the analysts" in text
    assert "24 analysts trained" in text
    assert "Lena Fischer" in text
    with page.expect_download() as download_info:
        pdf_link.click()
    assert download_info.value.suggested_filename.endswith(".pdf")
    page_factory.assert_no_console_errors()
