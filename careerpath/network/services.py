"""Writes to the network, shared by pages, the API, commands and the importer.

Every write that adds, changes or removes an interaction recomputes the last
interaction of each contact involved, so the keep-in-touch clock resets on any
interaction — whichever way it was logged (a call, an event, a mentorship meeting).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from careerpath.accounts.models import User
from careerpath.core.text import squash
from careerpath.network.models import (
    Contact,
    Event,
    Interaction,
    MentorshipMeeting,
    match_key,
)
from careerpath.network.records import (
    normalise_profile_url,
    tidy_list,
    tidy_pairs,
    tidy_tags,
)

CONTACT_FIELDS = (
    "name",
    "company",
    "title",
    "emails",
    "phones",
    "links",
    "profile_url",
    "how_we_met",
    "met_on",
    "relationship_types",
    "tags",
    "notes",
    "keep_in_touch",
    "ideal_interval_days",
    "max_interval_days",
    "advocates_for",
    "advocates_where",
)
INTERACTION_FIELDS = (
    "occurred_on",
    "channel",
    "summary",
    "notes",
    "help_direction",
    "help_what",
    "follow_up_on",
)
EVENT_FIELDS = ("name", "held_on", "place", "online", "notes", "follow_up_on")
EVENT_FOLLOW_UP = timedelta(days=7)


def _assign_contact(contact: Contact, data: Mapping[str, Any]) -> None:
    for name in CONTACT_FIELDS:
        if name in data:
            setattr(contact, name, data[name])
    contact.name = squash(contact.name)
    contact.company = squash(contact.company)
    contact.emails = list(tidy_list(contact.emails))
    contact.phones = [
        {"label": label, "number": number}
        for label, number in tidy_pairs(
            (p.get("label", ""), p.get("number", "")) for p in contact.phones
        )
    ]
    contact.links = [
        {"label": label, "url": url}
        for label, url in tidy_pairs(
            (p.get("label", ""), p.get("url", "")) for p in contact.links
        )
    ]
    contact.profile_url = normalise_profile_url(contact.profile_url)
    contact.tags = list(tidy_tags(contact.tags))
    contact.relationship_types = list(tidy_list(contact.relationship_types))


def _check_duplicates(contact: Contact) -> None:
    """A second contact with the same name and company, profile or e-mail is refused."""
    others = Contact.objects.owned_by(contact.owner)
    if contact.pk:
        others = others.exclude(pk=contact.pk)
    errors: dict[str, str] = {}
    same = others.filter(match_key=match_key(contact.name, contact.company)).first()
    if same:
        errors["name"] = f"You already have {same} in your contacts."
    if contact.profile_url:
        same = others.filter(profile_url=contact.profile_url).first()
        if same:
            errors["profile_url"] = f"{same} already has this profile."
    for email in contact.emails:
        # The search text holds every e-mail in lower case: a cheap pre-filter.
        for other in others.filter(search_text__contains=email.casefold()).only(
            "pk", "name", "company", "emails"
        ):
            if email.casefold() in {e.casefold() for e in other.emails}:
                errors["emails"] = f"{other} already has the e-mail address {email}."
                break
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def save_contact(
    *,
    owner: User,
    data: Mapping[str, Any],
    today: date,
    contact: Contact | None = None,
    goals: Iterable[Any] | None = None,
    source: str = "manual",
) -> Contact:
    """Create or update a contact; duplicates and bad values raise ``ValidationError``."""
    if contact is None:
        contact = Contact(owner=owner, added_on=today, source=source)
    kept = [
        name for name in ("links", "profile_url") if contact.pk and name not in data
    ]
    _assign_contact(contact, data)
    contact.refresh_derived()
    # Links kept as they were are not judged again: one stored before links were
    # checked (or by an older import) does not block changing the rest.
    contact.full_clean(exclude=["match_key", "search_text", *kept])
    _check_duplicates(contact)
    contact.save()
    if goals is not None:
        contact.goals.set(goals)
    return contact


@transaction.atomic
def delete_contact(contact: Contact) -> None:
    """Remove a contact; interactions left with nobody are removed too."""
    interaction_ids = list(contact.interactions.values_list("pk", flat=True))
    contact.delete()
    Interaction.objects.filter(pk__in=interaction_ids, contacts__isnull=True).delete()


def refresh_last_interactions(owner: User, contact_ids: Iterable[int]) -> None:
    """Recompute each contact's last interaction and cadence dates (the reset)."""
    ids = set(contact_ids)
    if not ids:
        return
    through = Interaction.contacts.through
    latest = dict(
        # django-stubs does not follow annotations on an auto-created through model.
        through.objects.filter(contact_id__in=ids, contact__owner=owner)  # type: ignore[misc]
        .values("contact_id")
        .annotate(last=Max("interaction__occurred_on"))
        .values_list("contact_id", "last")
    )
    contacts = list(Contact.objects.owned_by(owner).filter(pk__in=ids))
    for contact in contacts:
        contact.last_interaction_on = latest.get(contact.pk)
        contact.refresh_derived()
    Contact.objects.bulk_update(
        contacts, ["last_interaction_on", "due_on", "overdue_on"], batch_size=500
    )


def _validate_interaction(
    interaction: Interaction, contacts: Sequence[Contact], today: date
) -> None:
    interaction.full_clean(exclude=["contacts"])
    errors: dict[str, str] = {}
    if not contacts:
        errors["contacts"] = "Choose at least one contact."
    if any(c.owner_id != interaction.owner_id for c in contacts):
        errors["contacts"] = "Choose your own contacts."
    if interaction.occurred_on and interaction.occurred_on > today:
        errors["occurred_on"] = (
            "An interaction can't be logged in the future; set a follow-up date instead."
        )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def log_interaction(
    *,
    owner: User,
    contacts: Sequence[Contact],
    data: Mapping[str, Any],
    today: date,
    event: Event | None = None,
) -> Interaction:
    """Log one interaction with one or more contacts and reset their cadence."""
    interaction = Interaction(owner=owner, event=event)
    for name in INTERACTION_FIELDS:
        if name in data:
            setattr(interaction, name, data[name])
    _validate_interaction(interaction, contacts, today)
    interaction.save()
    interaction.contacts.set(contacts)
    refresh_last_interactions(owner, [c.pk for c in contacts])
    return interaction


@transaction.atomic
def update_interaction(
    interaction: Interaction,
    *,
    contacts: Sequence[Contact],
    data: Mapping[str, Any],
    today: date,
) -> Interaction:
    before = set(interaction.contacts.values_list("pk", flat=True))
    for name in INTERACTION_FIELDS:
        if name in data:
            setattr(interaction, name, data[name])
    _validate_interaction(interaction, contacts, today)
    interaction.save()
    interaction.contacts.set(contacts)
    refresh_last_interactions(interaction.owner, before | {c.pk for c in contacts})
    return interaction


@transaction.atomic
def delete_interaction(interaction: Interaction) -> None:
    ids = list(interaction.contacts.values_list("pk", flat=True))
    owner = interaction.owner
    interaction.delete()
    refresh_last_interactions(owner, ids)


def toggle_follow_up(item: Interaction | Event, *, today: date) -> None:
    """Mark a follow-up done, or open again if it was done."""
    item.follow_up_done_on = None if item.follow_up_done_on else today
    item.save(update_fields=["follow_up_done_on", "updated_at"])


@dataclass(frozen=True)
class PersonMet:
    name: str
    company: str = ""
    title: str = ""
    email: str = ""


@transaction.atomic
def log_event(
    *,
    owner: User,
    data: Mapping[str, Any],
    people: Sequence[PersonMet],
    existing: Sequence[Contact] = (),
    today: date,
) -> tuple[Event, int]:
    """Record an event and the people met there in one step.

    New people become contacts ("met at …"); someone already in the contacts (same
    name and company) is reused, not duplicated. One interaction links everyone met,
    which resets their cadence. Without a follow-up date, one is set a week after
    the event. Returns the event and how many contacts were created.
    """
    event = Event(owner=owner)
    for name in EVENT_FIELDS:
        if name in data:
            setattr(event, name, data[name])
    if event.follow_up_on is None and event.held_on:
        event.follow_up_on = event.held_on + EVENT_FOLLOW_UP
    event.full_clean()
    if (people or existing) and event.held_on > today:
        raise ValidationError(
            {"people": "Add the people you met once the event has happened."}
        )
    event.save()
    if not (people or existing):
        return event, 0
    known = {
        c.match_key: c
        for c in Contact.objects.owned_by(owner).filter(
            match_key__in=[match_key(p.name, p.company) for p in people]
        )
    }
    met: dict[int, Contact] = {c.pk: c for c in existing}
    created = 0
    for person in people:
        contact = known.get(match_key(person.name, person.company))
        if contact is None:
            try:
                contact = save_contact(
                    owner=owner,
                    today=today,
                    data={
                        "name": person.name,
                        "company": person.company,
                        "title": person.title,
                        "emails": [person.email] if person.email else [],
                        "how_we_met": f"Met at {event.name}",
                        "met_on": event.held_on,
                        "relationship_types": ["industry"],
                    },
                )
            except ValidationError as error:
                messages = "; ".join(
                    m for ms in error.message_dict.values() for m in ms
                )
                raise ValidationError(
                    {"people": f"{person.name}: {messages}"}
                ) from None
            created += 1
            known[contact.match_key] = contact
        met[contact.pk] = contact
    log_interaction(
        owner=owner,
        contacts=list(met.values()),
        data={
            "occurred_on": event.held_on,
            "channel": Interaction.Channel.EVENT,
            "summary": f"Met at {event.name}",
        },
        today=today,
        event=event,
    )
    return event, created


@transaction.atomic
def log_meeting(
    *,
    owner: User,
    contact: Contact,
    data: Mapping[str, Any],
    goals: Iterable[Any] = (),
    today: date,
) -> MentorshipMeeting:
    """A mentorship or sponsor meeting: an interaction (resetting the cadence) with its
    agenda, takeaways and actions, linked to the goals it served."""
    agenda = (data.get("agenda") or "").strip()
    summary = data.get("summary") or (
        f"Mentorship: {agenda.splitlines()[0][:200]}"
        if agenda
        else "Mentorship meeting"
    )
    interaction = log_interaction(
        owner=owner,
        contacts=[contact],
        data={
            "occurred_on": data.get("occurred_on"),
            "channel": data.get("channel") or Interaction.Channel.MEETING,
            "summary": summary,
            "help_direction": data.get("help_direction") or Interaction.Help.RECEIVED,
            "help_what": data.get("help_what", ""),
            "follow_up_on": data.get("follow_up_on"),
        },
        today=today,
    )
    meeting = MentorshipMeeting(
        owner=owner,
        interaction=interaction,
        contact=contact,
        agenda=agenda,
        takeaways=(data.get("takeaways") or "").strip(),
        actions=(data.get("actions") or "").strip(),
    )
    meeting.full_clean(exclude=["interaction", "contact"])
    meeting.save()
    meeting.goals.set(goals)
    return meeting
