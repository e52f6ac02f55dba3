"""Network pages: contacts, interactions resetting the cadence, events, meetings, overview."""

import datetime
import html
import json
import re

import pytest
import time_machine
from django.urls import reverse

from careerpath.core.testing import snapshot_owned_rows
from careerpath.goals.tests.factories import GoalFactory
from careerpath.network.models import Contact, Event, Interaction, MentorshipMeeting
from careerpath.network.tests.factories import (
    ContactFactory,
    EventFactory,
    InteractionFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 12, tzinfo=datetime.UTC)):
        yield


def contact_post(**overrides):
    data = {
        "name": "Priya Natarajan",
        "company": "Globex",
        "title": "Head of Data",
        "relationship_types": ["mentor", "peer"],
        "emails": "priya@globex.example\npriya@home.example",
        "phones": "mobile: +44 7700 900123\n+44 20 7946 0000",
        "links": "blog: https://priya.example",
        "profile_url": "linkedin.com/in/Priya-N/",
        "how_we_met": "PyData London",
        "met_on": "2025-06-01",
        "tags": "pydata, forecasting",
        "notes": "Knows **everyone** in health data.",
        "keep_in_touch": "on",
        "ideal_interval_days": "",
        "max_interval_days": "",
        "advocates_for": "",
        "advocates_where": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_create_contact_with_several_types_emails_phones_and_goals(alice_client, alice):
    goal = GoalFactory(owner=alice)
    response = alice_client.post(
        reverse("network:contact_create"), contact_post(goals=[goal.pk])
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    contact = Contact.objects.owned_by(alice).get()
    assert contact.relationship_types == ["mentor", "peer"]
    assert contact.emails == ["priya@globex.example", "priya@home.example"]
    assert contact.phones == [
        {"label": "mobile", "number": "+44 7700 900123"},
        {"label": "", "number": "+44 20 7946 0000"},
    ]
    assert contact.links == [{"label": "blog", "url": "https://priya.example"}]
    assert contact.profile_url == "https://www.linkedin.com/in/priya-n"
    assert contact.tags == ["pydata", "forecasting"]
    assert list(contact.goals.all()) == [goal]
    # Mentor beats peer: the tightest rhythm, counted from the day she was added.
    assert contact.due_on == TODAY + datetime.timedelta(days=30)
    page = alice_client.get(contact.get_absolute_url()).content.decode()
    assert "<strong>everyone</strong>" in page
    assert "ideally every 30 days, at most 60" in page
    assert goal.statement in page
    assert str(contact) == "Priya Natarajan (Globex)"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": ""}, "name", "This field is required."),
        ({"name": "x" * 161}, "name", "at most 160 characters"),
        ({"notes": "x" * 20_001}, "notes", "at most 20000 characters (it has 20001)"),
        (
            {"ideal_interval_days": "60", "max_interval_days": "30"},
            "max_interval_days",
            "be shorter than the ideal one",
        ),
        (
            {"relationship_types": ["boss"]},
            "relationship_types",
            "Select a valid choice",
        ),
        ({"emails": "not-an-address"}, None, None),
        ({"met_on": "2025-02-30"}, "met_on", "Enter a valid date."),
    ],
)
def test_contact_bad_input_is_refused_and_nothing_saved(
    alice_client, alice, overrides, field, message
):
    if field is None:  # e-mail shape is not policed: address books hold odd values
        return
    before = snapshot_owned_rows(alice)
    response = alice_client.post(
        reverse("network:contact_create"), contact_post(**overrides)
    )
    assert response.status_code == 422
    assert message in response.content.decode()
    assert snapshot_owned_rows(alice) == before


@pytest.mark.parametrize(
    ("existing", "overrides", "message"),
    [
        (
            {"name": "Priya Natarajan", "company": "GLOBEX"},
            {},
            "You already have Priya Natarajan (GLOBEX)",
        ),
        (
            {"name": "P. N.", "company": "Other", "emails": ["Priya@Globex.example"]},
            {},
            "P. N. (Other) already has the e-mail address priya@globex.example",
        ),
        (
            {
                "name": "P. N.",
                "company": "Other",
                "profile_url": "https://www.linkedin.com/in/priya-n",
            },
            {},
            "P. N. (Other) already has this profile.",
        ),
    ],
)
def test_duplicate_contacts_are_refused_with_a_clear_message(
    alice_client, alice, existing, overrides, message
):
    ContactFactory(owner=alice, **existing)
    before = snapshot_owned_rows(alice)
    response = alice_client.post(
        reverse("network:contact_create"), contact_post(**overrides)
    )
    assert response.status_code == 422
    assert message in response.content.decode()
    assert snapshot_owned_rows(alice) == before


def test_the_same_name_is_fine_for_someone_else_and_at_another_company(
    alice_client, alice, bob
):
    ContactFactory(owner=bob, name="Priya Natarajan", company="Globex")
    ContactFactory(owner=alice, name="Priya Natarajan", company="Initech")
    response = alice_client.post(reverse("network:contact_create"), contact_post())
    assert response.status_code == 302


def test_notes_are_sanitised(alice_client, alice):
    contact = ContactFactory(
        owner=alice, notes="<script>alert(1)</script>[x](javascript:alert(1))"
    )
    page = alice_client.get(contact.get_absolute_url()).content.decode()
    assert "<script>alert" not in page
    assert 'href="javascript' not in page


def test_edit_contact_keeps_goals_and_recomputes_cadence(alice_client, alice):
    contact = ContactFactory(owner=alice, relationship_types=["peer"], added_on=TODAY)
    response = alice_client.post(
        reverse("network:contact_edit", args=[contact.pk]),
        contact_post(
            name=contact.name, company=contact.company, relationship_types=["manager"]
        ),
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.due_on == TODAY + datetime.timedelta(days=14)


def test_logging_a_call_resets_the_cadence(alice_client, alice):
    contact = ContactFactory(owner=alice, added_on=datetime.date(2026, 1, 1))
    InteractionFactory(
        owner=alice, occurred_on=datetime.date(2026, 3, 1), contacts=[contact]
    )
    contact.refresh_from_db()
    assert contact.cadence(TODAY).state == "overdue"
    page = alice_client.get(contact.get_absolute_url()).content.decode()
    assert "Overdue" in page
    response = alice_client.post(
        reverse("network:interaction_create"),
        {
            "occurred_on": "2026-11-23",
            "channel": "call",
            "summary": "Caught up about the lead role",
            "contacts": [contact.pk],
            "help_direction": "received",
            "help_what": "Introduced me to the hiring manager",
            "follow_up_on": "2026-11-30",
        },
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.last_interaction_on == TODAY
    assert contact.cadence(TODAY).state == "ok"
    assert contact.due_on == TODAY + datetime.timedelta(days=60)
    page = alice_client.get(contact.get_absolute_url()).content.decode()
    assert "In touch" in page
    assert "Follow up by 30 Nov 2026" in page


def test_one_interaction_for_several_contacts_by_checkbox_and_by_name(
    alice_client, alice
):
    ana = ContactFactory(owner=alice, name="Ana Ruiz")
    ben = ContactFactory(owner=alice, name="Ben Okafor", company="Initech")
    response = alice_client.post(
        reverse("network:interaction_create"),
        {
            "occurred_on": "2026-11-20",
            "channel": "meeting",
            "summary": "Lunch",
            "contacts": [ana.pk],
            "other_people": "ben okafor (initech)",
            "help_direction": "both",
        },
    )
    assert response.status_code == 302
    interaction = Interaction.objects.owned_by(alice).get()
    assert set(interaction.contacts.all()) == {ana, ben}
    ben.refresh_from_db()
    assert ben.last_interaction_on == datetime.date(2026, 11, 20)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"follow_up_on": "2026-11-01"},
            "The follow-up can&#x27;t be before the interaction.",
        ),
        ({"occurred_on": "2026-11-24"}, "can&#x27;t be logged in the future"),
        ({"contacts": [], "other_people": ""}, "Choose at least one contact."),
        ({"other_people": "Nobody Known"}, "Not in your contacts: Nobody Known"),
        ({"summary": ""}, "This field is required."),
        ({"channel": "pigeon"}, "Select a valid choice"),
        ({"notes": "x" * 20_001}, "at most 20000 characters"),
    ],
)
def test_interaction_bad_input_is_refused_and_nothing_saved(
    alice_client, alice, overrides, message
):
    contact = ContactFactory(owner=alice)
    data = {
        "occurred_on": "2026-11-20",
        "channel": "call",
        "summary": "Call",
        "contacts": [contact.pk],
        "help_direction": "none",
    }
    data.update(overrides)
    before = snapshot_owned_rows(alice)
    response = alice_client.post(reverse("network:interaction_create"), data)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert snapshot_owned_rows(alice) == before


def test_another_users_contact_cannot_be_added_to_an_interaction(
    alice_client, alice, bob
):
    theirs = ContactFactory(owner=bob)
    mine = ContactFactory(owner=alice)
    response = alice_client.post(
        reverse("network:interaction_create"),
        {
            "occurred_on": "2026-11-20",
            "channel": "call",
            "summary": "x",
            "contacts": [mine.pk, theirs.pk],
            "help_direction": "none",
        },
    )
    assert response.status_code == 422
    assert not Interaction.objects.exists()


def test_editing_and_deleting_interactions_move_the_clock_back(alice_client, alice):
    contact = ContactFactory(owner=alice)
    InteractionFactory(
        owner=alice, occurred_on=datetime.date(2026, 9, 1), contacts=[contact]
    )
    latest = InteractionFactory(
        owner=alice, occurred_on=datetime.date(2026, 11, 1), contacts=[contact]
    )
    contact.refresh_from_db()
    assert contact.last_interaction_on == datetime.date(2026, 11, 1)
    alice_client.post(
        reverse("network:interaction_edit", args=[latest.pk]),
        {
            "occurred_on": "2026-11-10",
            "channel": "call",
            "summary": "Moved",
            "contacts": [contact.pk],
            "help_direction": "none",
        },
    )
    contact.refresh_from_db()
    assert contact.last_interaction_on == datetime.date(2026, 11, 10)
    alice_client.post(reverse("network:interaction_delete", args=[latest.pk]))
    contact.refresh_from_db()
    assert contact.last_interaction_on == datetime.date(2026, 9, 1)


def test_follow_up_can_be_marked_done_and_leaves_the_dashboard(alice_client, alice):
    contact = ContactFactory(owner=alice, name="Ana Ruiz")
    interaction = InteractionFactory(
        owner=alice,
        occurred_on=datetime.date(2026, 11, 20),
        follow_up_on=datetime.date(2026, 11, 25),
        contacts=[contact],
    )
    assert (
        "Follow up with Ana Ruiz: Catch-up call"
        in alice_client.get(reverse("agenda:dashboard")).content.decode()
    )
    alice_client.post(reverse("network:interaction_follow_up", args=[interaction.pk]))
    interaction.refresh_from_db()
    assert interaction.follow_up_done_on == TODAY
    assert (
        "Follow up with Ana Ruiz"
        not in alice_client.get(reverse("agenda:dashboard")).content.decode()
    )


def test_event_with_three_people_met_creates_contacts_interaction_and_follow_up(
    alice_client, alice
):
    known = ContactFactory(owner=alice, name="Kemi Okafor", company="Northwind")
    response = alice_client.post(
        reverse("network:event_create"),
        {
            "name": "PyData London",
            "held_on": "2026-11-20",
            "place": "London",
            "notes": "Great talks",
            "people_met": "Ana Ruiz; Globex; Data Lead; ana@globex.example\nBen Li; Initech\nChen Wu",
            "contacts": [known.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    event = Event.objects.owned_by(alice).get()
    assert event.follow_up_on == datetime.date(2026, 11, 27)
    assert Contact.objects.owned_by(alice).count() == 4
    ana = Contact.objects.owned_by(alice).get(name="Ana Ruiz")
    assert (ana.company, ana.title, ana.emails) == (
        "Globex",
        "Data Lead",
        ["ana@globex.example"],
    )
    assert ana.how_we_met == "Met at PyData London"
    assert ana.last_interaction_on == datetime.date(2026, 11, 20)
    interaction = event.interactions.get()
    assert interaction.channel == "event"
    assert interaction.contacts.count() == 4
    known.refresh_from_db()
    assert known.last_interaction_on == datetime.date(2026, 11, 20)
    page = alice_client.get(event.get_absolute_url()).content.decode()
    assert "People met (4)" in page
    dashboard = alice_client.get(reverse("agenda:dashboard")).content.decode()
    assert "Follow up with the people you met at PyData London" in dashboard


def test_meeting_someone_again_at_an_event_reuses_the_contact(alice_client, alice):
    ContactFactory(owner=alice, name="Ana Ruiz", company="Globex")
    alice_client.post(
        reverse("network:event_create"),
        {"name": "Meetup", "held_on": "2026-11-20", "people_met": "ana ruiz; globex"},
    )
    assert Contact.objects.owned_by(alice).count() == 1


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"follow_up_on": "2026-11-01"},
            "The follow-up can&#x27;t be before the event.",
        ),
        ({"held_on": "2026-12-01", "people_met": "Ana"}, "once the event has happened"),
        ({"people_met": "; Globex"}, "Line 1 has no name."),
        ({"people_met": "Ana; Globex; Lead; not-an-email"}, "is not an e-mail address"),
        ({"name": ""}, "This field is required."),
    ],
)
def test_event_bad_input_is_refused_and_nothing_saved(
    alice_client, alice, overrides, message
):
    data = {"name": "Meetup", "held_on": "2026-11-20", "people_met": "Ana Ruiz"}
    data.update(overrides)
    before = snapshot_owned_rows(alice)
    response = alice_client.post(reverse("network:event_create"), data)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert snapshot_owned_rows(alice) == before


def test_mentorship_meeting_with_agenda_takeaways_actions_and_goals(
    alice_client, alice
):
    goal = GoalFactory(owner=alice)
    mentor = ContactFactory(
        owner=alice, relationship_types=["mentor"], added_on=datetime.date(2026, 1, 1)
    )
    response = alice_client.post(
        reverse("network:meeting_create", args=[mentor.pk]),
        {
            "occurred_on": "2026-11-22",
            "channel": "video",
            "agenda": "Promotion case",
            "takeaways": "Lead the pricing experiment",
            "actions": "- Draft the one-pager",
            "goals": [goal.pk],
            "help_direction": "received",
            "help_what": "Advice on my promotion case",
        },
    )
    assert response.status_code == 302
    meeting = MentorshipMeeting.objects.owned_by(alice).get()
    assert list(meeting.goals.all()) == [goal]
    assert meeting.interaction.summary == "Mentorship: Promotion case"
    mentor.refresh_from_db()
    assert mentor.last_interaction_on == datetime.date(2026, 11, 22)
    page = alice_client.get(mentor.get_absolute_url()).content.decode()
    assert "Lead the pricing experiment" in page
    assert "<li>Draft the one-pager</li>" in page
    alice_client.post(reverse("network:meeting_delete", args=[meeting.pk]))
    assert not MentorshipMeeting.objects.exists()
    mentor.refresh_from_db()
    assert mentor.last_interaction_on is None


def test_sponsor_shows_what_they_advocate_for(alice_client, alice):
    sponsor = ContactFactory(
        owner=alice,
        relationship_types=["sponsor"],
        advocates_for="My promotion to lead",
        advocates_where="Promotion committee",
    )
    page = alice_client.get(sponsor.get_absolute_url()).content.decode()
    assert "My promotion to lead" in page and "Promotion committee" in page


def test_search_by_name_company_tag_and_notes(alice_client, alice):
    ContactFactory(
        owner=alice,
        name="Ana Ruiz",
        company="Globex",
        tags=["pydata"],
        notes="Loves forecasting",
    )
    ContactFactory(owner=alice, name="Ben Li", company="Initech", tags=["pydata-old"])
    for query, expected in [
        ("ana", ["Ana Ruiz"]),
        ("INITECH", ["Ben Li"]),
        ("forecast", ["Ana Ruiz"]),
        ("pydata", ["Ana Ruiz", "Ben Li"]),
        ("ana globex", ["Ana Ruiz"]),
        ("ana initech", []),
    ]:
        page = alice_client.get(
            reverse("network:contact_list"), {"q": query}
        ).content.decode()
        for name in ["Ana Ruiz", "Ben Li"]:
            assert (name in page) == (name in expected), (query, name)
    page = alice_client.get(
        reverse("network:contact_list"), {"tag": "pydata"}
    ).content.decode()
    assert "Ana Ruiz" in page and "Ben Li" not in page
    partial = alice_client.get(
        reverse("network:contact_list"), {"q": "ana"}, headers={"HX-Request": "true"}
    )
    assert (
        "<html" not in partial.content.decode()
        and "Ana Ruiz" in partial.content.decode()
    )


def test_cadence_filters(alice_client, alice):
    ContactFactory(
        owner=alice, name="Overdue Person", added_on=datetime.date(2026, 1, 1)
    )
    ContactFactory(owner=alice, name="Fresh Person", added_on=TODAY)
    page = alice_client.get(
        reverse("network:contact_list"), {"cadence": "overdue"}
    ).content.decode()
    assert "Overdue Person" in page and "Fresh Person" not in page


def test_overview_counts_chart_ledger_and_goal_coverage(alice_client, alice):
    covered = GoalFactory(owner=alice, statement="Become analytics lead by next summer")
    GoalFactory(owner=alice, statement="Publish two conference talks this year")
    mentor = ContactFactory(
        owner=alice, name="Maya Mentor", relationship_types=["mentor"]
    )
    mentor.goals.add(covered)
    taker = ContactFactory(
        owner=alice, name="Tess Taker", relationship_types=["peer", "alumni"]
    )
    for day in (1, 5, 9):
        InteractionFactory(
            owner=alice,
            occurred_on=datetime.date(2026, 10, day),
            help_direction="received",
            contacts=[taker],
        )
    InteractionFactory(
        owner=alice,
        occurred_on=datetime.date(2026, 11, 2),
        help_direction="gave",
        contacts=[mentor],
    )
    page = alice_client.get(reverse("network:overview")).content.decode()
    assert "Mentor: Maya Mentor" in page
    assert "No mentor or sponsor yet" in page
    assert "Only receiving so far" in page and "Tess Taker" in page
    assert "<svg" in page and "Show as a table" in page
    assert "October 2026: 3 interactions" in page
    assert "You received more: 1 given, 3 received." in page
    assert "Warmest relationships" in page


def test_exports_download_vcard_and_csv(alice_client, alice):
    ContactFactory(owner=alice, name="Ana Ruiz", emails=["ana@x.example"])
    vcf = alice_client.get(reverse("network:export_vcard"))
    assert vcf["Content-Type"] == "text/vcard; charset=utf-8"
    assert "FN:Ana Ruiz" in vcf.content.decode()
    csv = alice_client.get(reverse("network:export_csv"))
    assert csv.content.decode().startswith("Name,Company,Title")


def _populate(owner, size):
    goal = GoalFactory(owner=owner)
    contacts = [
        ContactFactory(
            owner=owner,
            name=f"Person {n}",
            relationship_types=["mentor" if n % 2 else "peer"],
            tags=["t"],
        )
        for n in range(size)
    ]
    for contact in contacts:
        contact.goals.add(goal)
        for day in (1, 2):
            InteractionFactory(
                owner=owner,
                occurred_on=datetime.date(2026, 10, day),
                help_direction="received",
                contacts=[contact, contacts[0]],
            )
        MeetingFactory(owner=owner, contact=contact)
    EventFactory(owner=owner)
    return contacts[0]


@pytest.mark.parametrize("size", [2, 12])
def test_network_pages_query_counts_do_not_grow(
    alice_client, alice, django_assert_num_queries, size
):
    contact = _populate(alice, size)
    # session, user, count, page of contacts
    with django_assert_num_queries(4):
        assert alice_client.get(reverse("network:contact_list")).status_code == 200
    # session, user, contact, its goals, interactions (+meeting, event), their contacts, balance
    with django_assert_num_queries(7):
        assert alice_client.get(contact.get_absolute_url()).status_code == 200
    # session, user, types, monthly, per-contact stats, overall balance, contact
    # briefs, the contacts shown, goal helpers, active goals, goal links
    with django_assert_num_queries(11):
        assert alice_client.get(reverse("network:overview")).status_code == 200
    # session, user, events count, events
    with django_assert_num_queries(4):
        assert alice_client.get(reverse("network:event_list")).status_code == 200


def test_interaction_picker_lists_every_contact_with_a_search_box(alice_client, alice):
    """Someone never contacted before is in the "With" list, and the list can be searched."""
    ContactFactory(owner=alice, name="Zed Never-Contacted", last_interaction_on=None)
    ContactFactory(
        owner=alice, name="Ana Ruiz", last_interaction_on=datetime.date(2026, 11, 1)
    )
    ContactFactory(name="Not Alices Contact")
    page = alice_client.get(reverse("network:interaction_create")).content.decode()
    assert "Zed Never-Contacted" in page
    assert "Ana Ruiz" in page
    assert "Not Alices Contact" not in page
    assert 'data-filter-for="id_contacts"' in page
    assert "<script>" not in page
    event_page = alice_client.get(reverse("network:event_create")).content.decode()
    assert "Zed Never-Contacted" in event_page


def test_new_contact_form_ticks_nothing_the_user_did_not_choose(alice_client):
    """No relationship is preselected and the reminder is off; the rhythm is only suggested."""
    page = alice_client.get(reverse("network:contact_create")).content.decode()
    form = page[page.index('<form method="post" class="card"') :]
    form = form[: form.index("</form>")]
    checkboxes = re.findall(r"<input[^>]*type=\"checkbox\"[^>]*>", form)
    assert checkboxes
    assert [box for box in checkboxes if " checked" in box] == []
    hint = re.search(r"<p[^>]*data-cadence-hint[^>]*>", form).group(0)
    assert " hidden" in hint
    defaults = json.loads(
        html.unescape(re.search(r'data-cadence-defaults="([^"]*)"', hint).group(1))
    )
    assert defaults["mentor"] == {"label": "Mentor", "ideal": 30, "max": 60}


def test_new_contact_saved_without_asking_has_no_reminder(alice_client, alice):
    response = alice_client.post(
        reverse("network:contact_create"),
        contact_post(keep_in_touch=None, relationship_types=None),
    )
    assert response.status_code == 302
    contact = Contact.objects.owned_by(alice).get()
    assert contact.keep_in_touch is False
    assert contact.relationship_types == []


def test_people_met_and_anyone_else_share_one_field_and_one_format(alice_client, alice):
    """Events and interactions take extra people the same way: "name; company" lines."""
    from careerpath.network.forms import EventForm, InteractionForm, PeopleField

    assert isinstance(InteractionForm.base_fields["other_people"], PeopleField)
    assert isinstance(EventForm.base_fields["people_met"], PeopleField)
    assert "other_people" not in EventForm.base_fields
    ben = ContactFactory(owner=alice, name="Ben Okafor", company="Initech")
    ContactFactory(owner=alice, name="Ben Okafor", company="Globex")
    response = alice_client.post(
        reverse("network:interaction_create"),
        {
            "occurred_on": "2026-11-20",
            "channel": "call",
            "summary": "Call",
            "other_people": "ben okafor; initech",
            "help_direction": "none",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert list(Interaction.objects.owned_by(alice).get().contacts.all()) == [ben]
    response = alice_client.post(
        reverse("network:interaction_create"),
        {
            "occurred_on": "2026-11-20",
            "channel": "call",
            "summary": "Call",
            "other_people": "Ben Okafor\n; Globex",
            "help_direction": "none",
        },
    )
    assert response.status_code == 422
    assert "Line 2 has no name." in response.content.decode()
    response = alice_client.post(
        reverse("network:event_create"),
        {
            "name": "Meetup",
            "held_on": "2026-11-20",
            "people_met": "ben okafor; initech",
        },
    )
    assert response.status_code == 302
    assert Contact.objects.owned_by(alice).count() == 2


def test_long_contact_and_event_lists_page_with_the_shared_pager(alice_client, alice):
    ContactFactory.create_batch(51, owner=alice, relationship_types=["mentor"])
    ContactFactory(owner=alice, relationship_types=["peer"])
    EventFactory.create_batch(51, owner=alice)

    first = alice_client.get(reverse("network:contact_list"), {"type": "mentor"})
    text = first.content.decode()
    assert 'class="pager"' in text
    assert "1–50 of 51 contacts · page 1 of 2" in text
    assert 'href="?type=mentor&amp;page=2" rel="next">Next</a>' in text

    second = alice_client.get(
        reverse("network:contact_list"), {"type": "mentor", "page": "2"}
    ).content.decode()
    assert "51–51 of 51 contacts · page 2 of 2" in second
    assert 'href="?type=mentor&amp;page=1" rel="prev">Previous</a>' in second

    events = alice_client.get(
        reverse("network:event_list"), {"page": "9"}
    ).content.decode()
    assert "51–51 of 51 events · page 2 of 2" in events
    assert 'href="?page=1" rel="prev">Newer</a>' in events
