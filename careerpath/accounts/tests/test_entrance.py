"""What a new person sees on the way in: the e-mails and the page after sign-up."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "new@example.org",
    "password1": "a long passphrase 42",
    "password2": "a long passphrase 42",
}


def test_account_emails_speak_as_careerpath_not_the_host_name(client, mailoutbox):
    client.post(reverse("account_signup"), SIGNUP)
    (message,) = mailoutbox
    assert message.body.startswith("Hello from careerpath!")
    prose = re.sub(r"https?://\S+", "", message.body)  # the link itself names the host
    assert "testserver" not in prose
    assert "an account on careerpath" in prose
    assert message.subject.startswith("[careerpath] ")


def test_verification_page_points_a_local_operator_to_the_terminal(client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    response = client.post(reverse("account_signup"), SIGNUP, follow=True)
    page = response.content.decode()
    assert "Verify your e-mail address" in page
    assert "prints each" in page and "terminal" in page


def test_verification_page_says_nothing_of_a_terminal_when_mail_is_delivered(client):
    response = client.post(reverse("account_signup"), SIGNUP, follow=True)
    page = response.content.decode()
    assert "Verify your e-mail address" in page
    assert "terminal" not in page
