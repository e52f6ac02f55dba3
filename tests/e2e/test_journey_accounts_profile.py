"""Journey: sign up, confirm the e-mail, write a profile and a self-assessment, turn on
two-factor authentication, sign out and sign back in with password + TOTP code.

Screenshots land in test-results/accounts-<step>-desktop.png / -phone.png.
"""

from __future__ import annotations

import re
import time
import uuid

import pyotp
import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from tests.e2e.conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "Quiet-lantern-orbit-58"
CONFIRM_LINK = re.compile(r"https?://[^\s/]+/accounts/confirm-email/[^\s/]+/")


def path_of(page: Page) -> str:
    return re.sub(r"^https?://[^/]+", "", page.url).split("?")[0]


def submit_main_form(page: Page) -> None:
    """Press the submit button of the page's own form (the header has a "Sign out" form)."""
    page.locator("main form button[type=submit]").first.click()


def fresh_code(totp: pyotp.TOTP, avoid: str | None = None) -> str:
    """A code from a time step that is not about to end and differs from ``avoid``."""
    deadline = time.time() + 2 * totp.interval + 5
    while time.time() < deadline:
        remaining = totp.interval - time.time() % totp.interval
        code = totp.now()
        if remaining > 4 and code != avoid:
            return code
        time.sleep(remaining + 0.2)
    raise AssertionError("pyotp never produced a fresh code")


@pytest.mark.e2e
def test_sign_up_profile_assessment_and_two_factor_sign_in(
    live_server, page_factory, screenshot
):
    base = live_server.url
    email = f"e2e-{uuid.uuid4().hex[:10]}@example.org"
    page = page_factory.new_page(DESKTOP)

    # --- Sign up ---------------------------------------------------------------
    page.goto(f"{base}/accounts/signup/")
    expect(page.locator("input[name=email]")).to_be_visible()
    screenshot(page, "accounts-signup", "desktop")
    phone = page_factory.new_page(PHONE)
    phone.goto(f"{base}/accounts/signup/")
    screenshot(phone, "accounts-signup", "phone")
    phone.context.close()

    page.fill("input[name=email]", email)
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.locator("form button[type=submit]").click()

    expect(page).to_have_url(re.compile(r"/accounts/confirm-email/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        re.compile("verify", re.I)
    )
    expect(page.locator("main")).to_contain_text(re.compile(r"e-?mail", re.I))
    screenshot(page, "accounts-verify-email", "desktop")
    page_factory.assert_no_console_errors()

    # --- Confirm the e-mail address ---------------------------------------------
    assert mail.outbox, "no confirmation e-mail was sent"
    message = mail.outbox[-1]
    assert message.to == [email]
    match = CONFIRM_LINK.search(message.body)
    assert match, f"no confirmation link in:\n{message.body}"
    page.goto(match.group(0))
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        re.compile("confirm", re.I)
    )
    screenshot(page, "accounts-confirm-email", "desktop")
    page.locator("main form button[type=submit]").click()

    # ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION: signed in and on the dashboard.
    expect(page).to_have_url(f"{base}/dashboard/")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^\s*Hello"))
    expect(page.locator("main")).to_contain_text("Start with where you are")
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    screenshot(page, "accounts-dashboard-empty", "desktop")
    page_factory.assert_no_console_errors()

    # --- Profile ---------------------------------------------------------------
    page.goto(f"{base}/profile/edit/")
    page.fill("[name=current_role]", "Data analyst")
    page.fill("[name=organisation]", "Northwind Health")
    page.fill("[name=industry]", "Healthcare")
    page.fill("[name=years_experience]", "6")
    page.fill("[name=aspiration]", "Head of analytics at a mission-driven organisation")
    page.fill("[name=aspiration_horizon_years]", "5")
    page.fill("textarea[name=values]", "Autonomy\nLearning\nFairness")
    page.get_by_role("button", name="Save profile").click()

    expect(page).to_have_url(f"{base}/profile/")
    main = page.locator("main")
    for text in (
        "Data analyst",
        "Northwind Health",
        "Healthcare",
        "6 years",
        "Head of analytics at a mission-driven organisation",
        "Horizon: 5 years",
    ):
        expect(main).to_contain_text(text)
    values = page.locator("section[aria-labelledby=values-heading] .tags li")
    expect(values).to_have_text(["Autonomy", "Learning", "Fairness"])
    screenshot(page, "accounts-profile", "desktop")
    page_factory.assert_no_console_errors()

    # --- Self-assessment ---------------------------------------------------------
    page.goto(f"{base}/assessments/new/")
    expect(page.locator("input[name=assessed_on]")).not_to_have_value("")
    page.fill("textarea[name=strengths]", "SQL\nStakeholder communication")
    page.fill("textarea[name=weaknesses]", "Public speaking")
    page.check("input[name=job_satisfaction][value='4']")
    page.check("input[name=goal_alignment][value='3']")
    page.fill("input[name=resp-0-name]", "Weekly reporting")
    page.select_option("select[name=resp-0-energy]", "2")
    page.fill("input[name=resp-1-name]", "Mentoring juniors")
    page.select_option("select[name=resp-1-energy]", "5")
    screenshot(page, "accounts-assessment-form", "desktop")
    page.get_by_role("button", name="Save self-assessment").click()

    expect(page).to_have_url(re.compile(r"/assessments/\d+/$"))
    assessment_url = page.url
    main = page.locator("main")
    expect(main).to_contain_text("50 % of responsibilities")
    expect(main.get_by_role("img", name="4 out of 5")).to_be_visible()
    expect(main.get_by_role("img", name="3 out of 5")).to_be_visible()
    expect(main).to_contain_text("Stakeholder communication")
    expect(main).to_contain_text("Public speaking")
    expect(page.locator("table tbody tr")).to_have_count(2)
    expect(main).to_contain_text("Mentoring juniors")
    screenshot(page, "accounts-assessment", "desktop")

    # Dashboard now summarises profile and assessment.
    page.goto(f"{base}/dashboard/")
    expect(page.locator("main")).not_to_contain_text("Start with where you are")
    expect(page.locator("main")).to_contain_text("Data analyst at Northwind Health")
    expect(page.locator("main")).to_contain_text("50 %")
    screenshot(page, "accounts-dashboard", "desktop")
    page_factory.assert_no_console_errors()

    # Same pages on a phone, sharing the session.
    phone = page_factory.new_page(PHONE, storage_state=page.context.storage_state())
    for step, url in (
        ("accounts-dashboard", f"{base}/dashboard/"),
        ("accounts-profile", f"{base}/profile/"),
        ("accounts-assessment-form", f"{base}/assessments/new/"),
        ("accounts-assessment", assessment_url),
    ):
        phone.goto(url)
        expect(phone.get_by_role("heading", level=1)).to_be_visible()
        screenshot(phone, step, "phone")
    phone.context.close()
    page_factory.assert_no_console_errors()

    # --- Turn on two-factor authentication ---------------------------------------
    page.goto(f"{base}/accounts/2fa/totp/activate/")
    if path_of(page).startswith("/accounts/reauthenticate/"):
        page.fill("input[name=password]", PASSWORD)
        submit_main_form(page)
        expect(page).to_have_url(re.compile(r"/accounts/2fa/totp/activate/"))
    secret_input = page.locator("#authenticator_secret")
    expect(secret_input).to_be_visible()
    secret = secret_input.get_attribute("value")
    assert secret and re.fullmatch(r"[A-Z2-7]+=*", secret), secret
    screenshot(page, "accounts-totp-activate", "desktop")
    totp = pyotp.TOTP(secret)
    activation_code = fresh_code(totp)
    page.fill("input[name=code]", activation_code)
    submit_main_form(page)
    expect(page).to_have_url(re.compile(r"/accounts/2fa/(recovery-codes/)?$"))
    screenshot(page, "accounts-totp-activated", "desktop")
    page_factory.assert_no_console_errors()

    # --- Sign out, then sign in with password + code -----------------------------
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)
    screenshot(page, "accounts-login", "desktop")
    phone = page_factory.new_page(PHONE)
    phone.goto(f"{base}/accounts/login/")
    expect(phone.locator("input[name=login]")).to_be_visible()
    screenshot(phone, "accounts-login", "phone")
    phone.context.close()

    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    submit_main_form(page)
    expect(page).to_have_url(f"{base}/accounts/2fa/authenticate/")
    expect(page.locator("input[name=code]")).to_be_visible()
    screenshot(page, "accounts-2fa", "desktop")
    phone = page_factory.new_page(PHONE, storage_state=page.context.storage_state())
    phone.goto(f"{base}/accounts/2fa/authenticate/")
    expect(phone.locator("input[name=code]")).to_be_visible()
    screenshot(phone, "accounts-2fa", "phone")
    phone.context.close()

    # The password alone never yields a session.
    page.goto(f"{base}/dashboard/")
    assert path_of(page) != "/dashboard/", "the dashboard opened before the TOTP code"
    expect(page.get_by_role("heading", name=re.compile(r"^\s*Hello"))).to_have_count(0)
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)
    if path_of(page) != "/accounts/2fa/authenticate/":
        page.goto(f"{base}/accounts/2fa/authenticate/")
    expect(page).to_have_url(f"{base}/accounts/2fa/authenticate/")

    page.fill("input[name=code]", fresh_code(totp, avoid=activation_code))
    page.get_by_role("button", name="Sign In").click()
    expect(page).to_have_url(f"{base}/dashboard/")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^\s*Hello"))
    expect(page.locator("main")).to_contain_text("Data analyst at Northwind Health")
    screenshot(page, "accounts-dashboard-after-2fa", "desktop")
    page_factory.assert_no_console_errors()
