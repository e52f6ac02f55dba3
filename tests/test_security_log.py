"""Exports are written to the security log, naming what left, never its content."""

import pytest
from django.urls import reverse

from careerpath.accounts.models import SecurityEvent
from careerpath.achievements.tests.factories import AchievementFactory
from careerpath.network.tests.factories import ContactFactory

SECRET = "Private note 81d2"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url_name", "detail"),
    [
        ("network:export_vcard", "contacts as vCard"),
        ("network:export_csv", "contacts as CSV"),
        ("achievements:packet_markdown", "promotion packet (Markdown)"),
        ("achievements:packet_pdf", "promotion packet (PDF)"),
    ],
)
def test_each_export_is_logged_without_content(alice_client, alice, url_name, detail):
    ContactFactory(owner=alice, notes=SECRET)
    AchievementFactory(owner=alice, title=SECRET)
    response = alice_client.get(reverse(url_name))
    assert response.status_code == 200
    event = SecurityEvent.objects.get(user=alice, kind="data_exported")
    assert event.detail == detail
    assert SECRET not in event.detail
    log = alice_client.get(reverse("accounts:security_log")).content.decode()
    assert "Data exported" in log
