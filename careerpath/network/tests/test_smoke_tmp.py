import datetime, re
import pytest
from django.urls import reverse
from django.core.management import call_command
from careerpath.accounts.models import User

@pytest.mark.django_db
def test_smoke(client, alice):
    from careerpath.demo.seeders import seed_all
    counts = seed_all(alice, scale=1, today=datetime.date(2026, 11, 23))
    print(counts)
    client.force_login(alice)
    from careerpath.network.models import Contact, Event, Interaction, ContactImport
    c = Contact.objects.owned_by(alice).first()
    ev = Event.objects.owned_by(alice).first()
    i = Interaction.objects.owned_by(alice).first()
    urls = ["/network/", "/network/contacts/", "/network/contacts/?q=python", "/network/contacts/?cadence=due", "/network/contacts/new/", c.get_absolute_url(), f"/network/contacts/{c.pk}/edit/", f"/network/contacts/{c.pk}/meetings/new/", "/network/interactions/new/", i.get_absolute_url(), "/network/events/", "/network/events/new/", ev.get_absolute_url(), "/network/contacts/import/", "/network/contacts/export.vcf", "/network/contacts/export.csv", "/dashboard/", "/api/v1/network/contacts?limit=3", "/api/v1/network/reach-out", "/api/v1/network/interactions?limit=2"]
    for u in urls:
        r = client.get(u)
        assert r.status_code == 200, (u, r.content[:3000])
    page = client.get("/dashboard/").content.decode(); print([l for l in page.splitlines() if "network" in l.lower()][:20]); print(client.get("/network/").content.decode()[:200])
