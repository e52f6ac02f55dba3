"""How a posting is named on its pages."""

import pytest
from django.urls import reverse

from careerpath.skills.models import Posting
from careerpath.skills.tests.factories import PostingFactory


@pytest.mark.parametrize(
    ("title", "company", "shown"),
    [
        ("Lead Data Scientist", "Acme", "Lead Data Scientist at Acme"),
        ("Lead Data Scientist — Acme", "Acme", "Lead Data Scientist — Acme"),
        (
            "Lead Data Scientist, ACME Health",
            "Acme Health",
            "Lead Data Scientist, ACME Health",
        ),
        ("Lead Data Scientist", "", "Lead Data Scientist"),
    ],
)
def test_a_posting_names_its_company_once(title, company, shown):
    assert str(Posting(title=title, company=company)) == shown


@pytest.mark.django_db
def test_the_review_page_heading_does_not_repeat_the_company(alice_client, alice):
    posting = PostingFactory(
        role__owner=alice, title="Analytics Engineer — Northwind", company="Northwind"
    )
    page = alice_client.get(reverse("skills:posting_review", args=[posting.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "<h1>Analytics Engineer — Northwind</h1>" in html
    assert "Northwind at Northwind" not in html
