import datetime
import io
from decimal import Decimal

import pytest
import time_machine
from django.db.models import F
from django.urls import reverse
from pypdf import PdfReader

from careerpath.achievements.models import Achievement, Evidence
from careerpath.achievements.tests.factories import AchievementFactory, EvidenceFactory
from careerpath.core.testing import snapshot_owned_rows
from careerpath.feedback.models import Feedback
from careerpath.feedback.tests.factories import FeedbackFactory
from careerpath.goals.tests.factories import GoalFactory, MilestoneFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 12, tzinfo=datetime.UTC)):
        yield


def achievement_post(**overrides):
    data = {
        "title": "Automated the weekly KPI report",
        "achieved_on": "2026-11-20",
        "what_i_did": "Rewrote the extract in SQL.",
        "impact_value": "16",
        "impact_unit": "hours saved a month",
        "skills": "SQL\nAutomation",
        "goal": "",
        "milestone": "",
        "visibility": "team",
    }
    data.update(overrides)
    return data


def test_log_an_achievement_with_supporting_feedback(alice_client, alice):
    praise = FeedbackFactory(
        owner=alice, kind="praise", text="The report is a joy now."
    )
    response = alice_client.post(
        reverse("achievements:achievement_create"),
        achievement_post(supporting_feedback=[str(praise.pk)]),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    achievement = Achievement.objects.owned_by(alice).get()
    assert achievement.skills == ["SQL", "Automation"]
    assert achievement.impact_value == Decimal("16")
    evidence = Evidence.objects.get()
    assert (evidence.owner, evidence.feedback) == (alice, praise)
    page = alice_client.get(reverse("achievements:achievement_list")).content.decode()
    assert "16 hours saved a month" in page
    assert "Backed by feedback from" in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"what_i_did": "  "}, "This field is required."),
        ({"title": ""}, "This field is required."),
        (
            {"achieved_on": "2026-11-24"},
            "An achievement can&#x27;t be dated in the future.",
        ),
        ({"impact_value": "-5"}, "The impact must be between 0 and 999,999,999,999"),
        (
            {"impact_value": "1000000000000"},
            "no more than 12 digits before the decimal point",
        ),
        ({"impact_value": "lots"}, "Enter a number."),
        ({"impact_value": "16", "impact_unit": ""}, "Give the number a unit"),
        ({"impact_value": "", "impact_unit": "hours"}, "Give the unit a number"),
        ({"visibility": "everyone"}, "Select a valid choice"),
        ({"skills": "\n".join(f"s{i}" for i in range(13))}, "Keep it to 12 items"),
    ],
)
def test_bad_achievement_is_refused_and_nothing_saved(
    alice_client, alice, overrides, message
):
    before = snapshot_owned_rows(alice)
    response = alice_client.post(
        reverse("achievements:achievement_create"), achievement_post(**overrides)
    )
    assert response.status_code == 422
    assert message in response.content.decode()
    if "impact_unit" not in overrides:
        assert "Give the unit a number" not in response.content.decode()
    assert snapshot_owned_rows(alice) == before


def test_cannot_cite_someone_elses_goal_or_feedback(alice_client, alice, bob):
    goal = GoalFactory(owner=bob)
    theirs = FeedbackFactory(owner=bob)
    for overrides in (
        {"goal": str(goal.pk)},
        {"supporting_feedback": [str(theirs.pk)]},
    ):
        response = alice_client.post(
            reverse("achievements:achievement_create"), achievement_post(**overrides)
        )
        assert response.status_code == 422
    assert not Achievement.objects.exists()


def test_achieved_goals_and_milestones_are_offered_to_confirm(alice_client, alice):
    goal = GoalFactory(
        owner=alice,
        status="achieved",
        achieved_on=datetime.date(2026, 10, 1),
        statement="Run six SQL workshops",
        target=Decimal("6"),
    )
    milestone = MilestoneFactory(
        goal=GoalFactory(owner=alice, statement="Lead the guild"),
        title="First guild meeting",
        completed_on=datetime.date(2026, 9, 1),
    )
    MilestoneFactory(goal=goal, title="Still open")
    page = alice_client.get(reverse("achievements:achievement_list")).content.decode()
    assert "Goal achieved 1 Oct 2026: <strong>Run six SQL workshops</strong>" in page
    assert "Milestone reached 1 Sep 2026: <strong>First guild meeting</strong>" in page
    assert "Still open" not in page
    form = alice_client.get(
        reverse("achievements:achievement_create"), {"goal": goal.pk}
    ).content.decode()
    assert 'value="Run six SQL workshops"' in form
    assert 'value="2026-10-01"' in form
    assert 'value="6"' in form and 'value="workshops"' in form
    form = alice_client.get(
        reverse("achievements:achievement_create"), {"milestone": milestone.pk}
    ).content.decode()
    assert 'value="First guild meeting"' in form and 'value="2026-09-01"' in form
    # Confirming the milestone takes it off the list.
    alice_client.post(
        reverse("achievements:achievement_create"),
        achievement_post(
            title="First guild meeting",
            milestone=str(milestone.pk),
            achieved_on="2026-09-01",
        ),
    )
    achievement = Achievement.objects.get()
    assert achievement.goal == milestone.goal  # the milestone's goal is served too
    page = alice_client.get(reverse("achievements:achievement_list")).content.decode()
    assert "First guild meeting</strong>" not in page
    assert "Run six SQL workshops</strong>" in page


def test_milestone_must_belong_to_the_goal_served(alice_client, alice):
    milestone = MilestoneFactory(goal=GoalFactory(owner=alice))
    other_goal = GoalFactory(owner=alice)
    response = alice_client.post(
        reverse("achievements:achievement_create"),
        achievement_post(milestone=str(milestone.pk), goal=str(other_goal.pk)),
    )
    assert response.status_code == 422
    assert "This milestone belongs to another goal." in response.content.decode()
    assert not Achievement.objects.exists()


def test_someone_elses_goal_is_not_prefilled(alice_client, bob):
    goal = GoalFactory(owner=bob, statement="Bob's secret goal")
    form = alice_client.get(
        reverse("achievements:achievement_create"), {"goal": goal.pk}
    ).content.decode()
    assert "secret" not in form


def test_brag_document_by_period_and_by_skill(alice_client, alice):
    AchievementFactory(
        owner=alice,
        title="Spring win",
        achieved_on=datetime.date(2026, 4, 2),
        skills=["SQL"],
    )
    AchievementFactory(
        owner=alice,
        title="Autumn win",
        achieved_on=datetime.date(2026, 10, 2),
        skills=["sql", "Mentoring"],
    )
    AchievementFactory(
        owner=alice, title="Old win", achieved_on=datetime.date(2025, 3, 2), skills=[]
    )
    url = reverse("achievements:achievement_list")
    page = alice_client.get(url).content.decode()
    assert '<option value="quarter" selected>' in page  # the default grouping shows
    assert (
        page.index("Q4 2026")
        < page.index("Autumn win")
        < page.index("Q2 2026")
        < page.index("Spring win")
    )
    by_year = alice_client.get(url, {"period": "year"}).content.decode()
    assert '<h2 id="group-1">2026' in by_year
    by_skill = alice_client.get(url, {"view": "skill"}).content.decode()
    assert (
        by_skill.index("sql")
        < by_skill.index("Mentoring")
        < by_skill.index("No skill named")
    )
    ranged = alice_client.get(
        url, {"start": "2026-01-01", "end": "2026-06-30"}
    ).content.decode()
    assert (
        "Spring win" in ranged
        and "Autumn win" not in ranged
        and "Old win" not in ranged
    )
    bad = alice_client.get(
        url, {"start": "2026-06-30", "end": "2026-01-01"}
    ).content.decode()
    assert "“From” must be on or before “To”." in bad


def _packet_data(alice):
    praise = FeedbackFactory(
        owner=alice,
        kind="praise",
        source="Lena Fischer",
        text="Your SQL workshops changed how the team works.",
        skills=["SQL"],
        received_on=datetime.date(2026, 10, 5),
    )
    win = AchievementFactory(
        owner=alice,
        title="Ran three SQL workshops",
        skills=["SQL", "Mentoring"],
        achieved_on=datetime.date(2026, 10, 1),
    )
    EvidenceFactory(achievement=win, feedback=praise)
    return win, praise


def test_promotion_packet_page_and_markdown(alice_client, alice):
    win, praise = _packet_data(alice)
    page = alice_client.get(reverse("achievements:packet")).content.decode()
    assert win.cite in page and praise.cite in page
    response = alice_client.get(reverse("achievements:packet_markdown"))
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    assert (
        'filename="promotion-packet-2026-11-23.md"' in response["Content-Disposition"]
    )
    text = response.content.decode()
    assert "## SQL" in text and "## Mentoring" in text
    assert f"Lena Fischer, 5 Oct 2026 [{praise.cite}]" in text


def test_promotion_packet_pdf_is_valid_and_cites_the_evidence(alice_client, alice):
    win, praise = _packet_data(alice)
    response = alice_client.get(
        reverse("achievements:packet_pdf"), {"start": "2026-01-01"}
    )
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Promotion packet: Alice" in text
    assert "Ran three SQL workshops" in text
    assert f"[{win.cite}]" in text and f"[{praise.cite}]" in text
    assert "since 1 January 2026" in text


def test_citations_count_per_person_not_by_database_id(alice_client, alice, bob):
    for _ in range(14):
        AchievementFactory(owner=bob)
        FeedbackFactory(owner=bob, kind="praise", skills=["SQL"])
    win, praise = _packet_data(alice)
    assert win.pk > 1 and praise.pk > 1
    assert (win.cite, praise.cite) == ("A1", "F1")
    page = alice_client.get(reverse("achievements:packet")).content.decode()
    assert '<span class="cite">A1</span>' in page
    assert '<span class="cite">F1</span>' in page
    assert "A15" not in page and "F15" not in page
    markdown = alice_client.get(reverse("achievements:packet_markdown")).content
    assert "[A1]" in markdown.decode() and "[F1]" in markdown.decode()
    # Links still use the record itself; numbers are kept when another is deleted.
    assert (
        f'href="/achievements/{win.pk}/'
        in alice_client.get(reverse("achievements:achievement_list")).content.decode()
    )
    alice_client.post(reverse("achievements:achievement_create"), achievement_post())
    second = Achievement.objects.owned_by(alice).latest("pk")
    assert second.cite == "A2"
    win.delete()
    assert AchievementFactory(owner=alice).cite == "A3"
    second.refresh_from_db()
    assert second.cite == "A2"


def test_existing_rows_are_numbered_per_person_in_the_order_made(alice, bob):
    from importlib import import_module

    from django.apps import apps

    rows = [
        AchievementFactory(owner=owner) for owner in (alice, bob, alice, bob, alice)
    ]
    feedback = [FeedbackFactory(owner=owner) for owner in (bob, alice, bob)]
    Achievement.objects.update(number=F("pk") + 100)
    Feedback.objects.update(number=F("pk") + 100)
    for app, name in (
        ("achievements", "0003_achievement_number_per_owner"),
        ("feedback", "0003_feedback_number_per_owner"),
    ):
        import_module(f"careerpath.{app}.migrations.{name}").number_per_owner(
            apps, None
        )
    numbers = [Achievement.objects.get(pk=r.pk).number for r in rows]
    assert numbers == [1, 1, 2, 2, 3]
    assert [Feedback.objects.get(pk=f.pk).number for f in feedback] == [1, 1, 2]


def test_markdown_in_feedback_is_rendered_never_shown_raw(alice_client, alice):
    win, praise = _packet_data(alice)
    praise.text = "Your **SQL** workshops changed _how_ the team works."
    praise.save()
    win.what_i_did = "Ran them on `Fridays`, with **exercises**."
    win.save()
    listed = FeedbackFactory(
        owner=alice,
        kind="praise",
        skills=["SQL"],
        text="Three things:\n\n- **clear** slides\n- good *pace*",
    )
    page = alice_client.get(reverse("achievements:packet")).content.decode()
    assert "Your <strong>SQL</strong> workshops changed <em>how</em>" in page
    assert "<strong>clear</strong> slides" in page
    assert "**" not in page
    markdown = alice_client.get(reverse("achievements:packet_markdown")).content
    markdown = markdown.decode()
    # One paragraph stays Markdown, so it renders; a list becomes plain text.
    assert "“Your **SQL** workshops changed _how_ the team works.”" in markdown
    assert "What I did: Ran them on `Fridays`, with **exercises**." in markdown
    assert "“Three things: clear slides good pace”" in markdown
    assert "\\*" not in markdown
    pdf = PdfReader(
        io.BytesIO(alice_client.get(reverse("achievements:packet_pdf")).content)
    )
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert "Your SQL workshops changed how the team works." in text
    assert "Three things: clear slides good pace" in text
    assert "*" not in text and "`" not in text
    form = alice_client.get(
        reverse("achievements:achievement_edit", args=[win.pk])
    ).content.decode()
    assert "Your SQL workshops changed how the team works." in form
    assert "Three things: clear slides good pace" in form
    picker = form[form.index('name="supporting_feedback"') :]
    assert "**" not in picker[: picker.index("</fieldset>")]
    assert listed.cite in page


def test_edit_replaces_evidence_and_delete(alice_client, alice):
    win, praise = _packet_data(alice)
    other = FeedbackFactory(owner=alice, kind="praise")
    url = reverse("achievements:achievement_edit", args=[win.pk])
    form = alice_client.get(url).content.decode()
    assert f'value="{praise.pk}" id="id_supporting_feedback_' in form
    alice_client.post(url, achievement_post(supporting_feedback=[str(other.pk)]))
    assert list(Evidence.objects.values_list("feedback_id", flat=True)) == [other.pk]
    alice_client.post(reverse("achievements:achievement_delete", args=[win.pk]))
    assert not Achievement.objects.exists()
    assert not Evidence.objects.exists()


def _populate(alice, n):
    goal = GoalFactory(
        owner=alice, status="achieved", achieved_on=datetime.date(2026, 10, 1)
    )
    for i in range(n):
        feedback = FeedbackFactory(owner=alice, kind="praise", skills=["SQL"])
        win = AchievementFactory(
            owner=alice,
            goal=goal,
            milestone=MilestoneFactory(
                goal=goal, completed_on=datetime.date(2026, 9, 1)
            ),
            achieved_on=datetime.date(2026, 1 + i % 10, 1),
            skills=["SQL", f"Skill {i % 3}"],
        )
        EvidenceFactory(achievement=win, feedback=feedback)
        MilestoneFactory(goal=goal, completed_on=datetime.date(2026, 8, 1))
    return win


@pytest.mark.parametrize("n", [2, 20])
def test_achievement_pages_query_counts_do_not_grow(
    alice_client, alice, django_assert_num_queries, n
):
    win = _populate(alice, n)
    # session, user, page count, achievements (+goal, milestone), evidence (+feedback),
    # claimed ids, achieved goals, completed milestones (+goal)
    with django_assert_num_queries(8):
        assert (
            alice_client.get(reverse("achievements:achievement_list")).status_code
            == 200
        )
    # the same without the page count
    with django_assert_num_queries(7):
        assert (
            alice_client.get(
                reverse("achievements:achievement_list"), {"view": "skill"}
            ).status_code
            == 200
        )
    # session, user, achievements (+goal, milestone), evidence (+feedback), feedback
    with django_assert_num_queries(5):
        assert alice_client.get(reverse("achievements:packet")).status_code == 200
    # … plus the security log entry for the export
    with django_assert_num_queries(6):
        assert alice_client.get(reverse("achievements:packet_pdf")).status_code == 200
    # session, user, achievement, evidence, goals, milestones (+goal), offered feedback
    # ids, offered feedback, used skills, vocabulary
    with django_assert_num_queries(10):
        assert (
            alice_client.get(
                reverse("achievements:achievement_edit", args=[win.pk])
            ).status_code
            == 200
        )
