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


def test_seed_fills_the_journal_and_two_years_of_balance_check_ins():
    from careerpath.balance.burnout import HIGH
    from careerpath.balance.models import CheckIn
    from careerpath.balance.services import past_warnings, signal_for
    from careerpath.journal.models import Entry, Setback

    call_command("seed_demo_data")
    user = User.objects.get(email="demo@careerpath.local")
    check_ins = list(CheckIn.objects.owned_by(user))
    weeks = {c.week_of for c in check_ins}
    assert len(weeks) == len(check_ins) >= 90
    assert (max(weeks) - min(weeks)).days >= 7 * 100
    # The stressful stretch now is picked up, and so was the launch a year ago.
    signal = signal_for(user, today=user.today())
    assert signal.level == HIGH
    assert {"stress", "hours_rising"} <= {r.rule for r in signal.reasons}
    assert len(past_warnings(check_ins)) >= 2
    entries = Entry.objects.owned_by(user)
    assert entries.count() >= 150
    assert (
        max(e.written_on for e in entries) - min(e.written_on for e in entries)
    ).days >= 700
    setbacks = Setback.objects.owned_by(user)
    assert setbacks.count() == 5
    assert setbacks.filter(goal__isnull=False).count() == 5
    assert setbacks.exclude(outcome="").count() == 3


@pytest.mark.parametrize("scale", [1, 10])
def test_demo_reads_like_one_persons_records(scale):
    import re
    from collections import Counter

    from careerpath.achievements.models import Achievement
    from careerpath.feedback.models import Feedback
    from careerpath.goals.models import Goal, KpiReading
    from careerpath.journal.models import Entry

    call_command("seed_demo_data", scale=scale)
    user = User.objects.get(email="demo@careerpath.local")

    def repeated(values):
        return {v: n for v, n in Counter(values).items() if n > 1}

    wins = Achievement.objects.owned_by(user)
    assert wins.count() == 14 * scale
    titles = list(wins.values_list("title", flat=True))
    numbered = re.compile(r"\((?:round )?\d+\)$")
    assert not [t for t in titles if numbered.search(t)]
    assert not repeated(titles)
    assert not repeated(wins.values_list("what_i_did", flat=True))
    goals = list(Goal.objects.owned_by(user).values_list("statement", flat=True))
    notes = Goal.objects.owned_by(user).values_list("achievability_note", flat=True)
    assert len(set(notes)) >= 8
    assert not [g for g in goals if numbered.search(g)] and not repeated(goals)
    assert not repeated(Entry.objects.owned_by(user).values_list("body", flat=True))
    assert Entry.objects.owned_by(user).count() >= 170 * scale
    assert not repeated(Feedback.objects.owned_by(user).values_list("text", flat=True))
    # Mentors' meetings and contacts' notes are not one sentence copied everywhere.
    from careerpath.network.models import Contact, MentorshipMeeting

    takeaways = list(
        MentorshipMeeting.objects.owned_by(user).values_list("takeaways", flat=True)
    )
    assert len(set(takeaways)) >= len(takeaways) * 0.8
    notes = [
        n for n in Contact.objects.owned_by(user).values_list("notes", flat=True) if n
    ]
    assert max(Counter(notes).values()) <= max(3, len(notes) // 10)
    # People (and talks, incidents) are counted in whole numbers.
    counted = KpiReading.objects.owned_by(user).filter(
        goal__metric_unit__in=["people", "talks", "incidents", "experiments"]
    )
    assert counted.exists()
    assert all(v == v.to_integral() for v in counted.values_list("value", flat=True))


def test_seed_fills_two_years_of_completed_reviews_with_varied_answers():
    from careerpath.reviews.models import Review

    call_command("seed_demo_data")
    user = User.objects.get(email="demo@careerpath.local")
    reviews = list(Review.objects.owned_by(user))
    cadences = {r.cadence for r in reviews}
    assert cadences == {"monthly", "quarterly", "yearly"}
    assert sum(r.cadence == "monthly" for r in reviews) >= 23
    assert all(r.is_completed and r.summary for r in reviews)
    moving = [r.moving_towards for r in reviews]
    assert len(set(moving)) == len(moving)  # no two reviews read the same
    assert all(r.focus_next and r.adjust and r.still_fit for r in reviews)
