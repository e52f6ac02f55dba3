import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from careerpath.accounts.models import User
from careerpath.profiles.models import Profile, Responsibility, SelfAssessment

pytestmark = pytest.mark.django_db


def test_seed_creates_a_demo_account_that_can_sign_in(capsys):
    call_command("seed_demo_data", password="demo password 2026")
    out = capsys.readouterr().out
    assert "demo@careerpath.local" in out
    assert "demo password 2026" in out
    user = User.objects.get(email="demo@careerpath.local")
    assert Profile.objects.owned_by(user).get().current_role
    assert SelfAssessment.objects.owned_by(user).count() == 8
    assert Responsibility.objects.owned_by(user).count() >= 24
    client = Client()
    response = client.post(
        "/accounts/login/",
        {"login": "demo@careerpath.local", "password": "demo password 2026"},
    )
    assert response.status_code == 302
    assert "Senior Data Analyst" in client.get("/dashboard/").content.decode()


def test_reseeding_replaces_rather_than_duplicates_and_scale_multiplies():
    call_command("seed_demo_data")
    call_command("seed_demo_data", scale=3)
    user = User.objects.get(email="demo@careerpath.local")
    assert User.objects.filter(email="demo@careerpath.local").count() == 1
    assert SelfAssessment.objects.owned_by(user).count() == 24


@pytest.mark.parametrize("scale", [0, 101])
def test_scale_out_of_range_is_refused(scale):
    with pytest.raises(CommandError, match="between 1 and 100"):
        call_command("seed_demo_data", scale=scale)
    assert not User.objects.exists()
