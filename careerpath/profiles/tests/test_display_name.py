"""The person's name: asked at sign-up and in the profile, used to title documents."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from careerpath.accounts.models import User
from careerpath.achievements.tests.factories import AchievementFactory

pytestmark = pytest.mark.django_db


def test_signup_asks_for_the_name(client):
    form = client.get(reverse("account_signup")).content.decode()
    assert 'name="display_name"' in form
    response = client.post(
        reverse("account_signup"),
        {
            "email": "maya@example.org",
            "display_name": "  Maya Okafor ",
            "password1": "a long passphrase 42",
            "password2": "a long passphrase 42",
        },
    )
    assert response.status_code == 302
    assert User.objects.get(email="maya@example.org").display_name == "Maya Okafor"


def test_the_profile_form_edits_the_name(alice_client, alice):
    url = reverse("profiles:profile_edit")
    assert 'value="Alice"' in alice_client.get(url).content.decode()
    response = alice_client.post(
        url, {"display_name": "Alice Martin", "current_role": "Data analyst"}
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.display_name == "Alice Martin"
    page = alice_client.get(reverse("profiles:profile_detail")).content.decode()
    assert "Alice Martin" in page
    # A post that leaves the field out (an older form) keeps the name.
    alice_client.post(url, {"current_role": "Data lead"})
    alice.refresh_from_db()
    assert alice.display_name == "Alice Martin"


@pytest.mark.parametrize("name", ["Alice Martin", ""])
def test_the_packet_is_titled_with_the_name_never_the_email(alice_client, alice, name):
    alice.display_name = name
    alice.save()
    AchievementFactory(owner=alice)
    page = alice_client.get(reverse("achievements:packet")).content.decode()
    markdown = alice_client.get(reverse("achievements:packet_markdown")).content
    pdf = PdfReader(
        io.BytesIO(alice_client.get(reverse("achievements:packet_pdf")).content)
    )
    pdf_text = pdf.pages[0].extract_text()
    assert pdf_text.startswith(
        f"Promotion packet: {name}" if name else "Promotion packet"
    )
    for text in (markdown.decode(), pdf_text, pdf.metadata.title):
        assert alice.email not in text
    title = f"# Promotion packet: {name}" if name else "# Promotion packet\n"
    assert markdown.decode().startswith(title)
    assert ("add it to your profile" in page) is not bool(name)
