"""API for contacts, interactions, events, keep-in-touch suggestions, imports and exports."""

from datetime import date, datetime
from typing import Annotated, Any, Literal, cast

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import StringConstraints

from careerpath.accounts.models import User
from careerpath.core.access import get_owned_or_404
from careerpath.core.api import Pagination, PatchSchema, omittable
from careerpath.core.http import ApiRequest
from careerpath.core.links import ContactLink, ProfileLink
from careerpath.goals.models import Goal
from careerpath.network import portability
from careerpath.network.models import NOTES_MAX, Contact, Interaction
from careerpath.network.overview import build_overview
from careerpath.network.records import FormatError
from careerpath.network.services import (
    PersonMet,
    delete_contact,
    delete_interaction,
    log_event,
    log_interaction,
    save_contact,
    update_interaction,
)

router = Router(tags=["network"])

Short = Annotated[str, StringConstraints(strip_whitespace=True, max_length=160)]
Name = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=160)
]
Item = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=254)
]
RelationshipName = Literal[
    "peer",
    "manager",
    "mentor",
    "sponsor",
    "mentee",
    "recruiter",
    "alumni",
    "industry",
    "other",
]
ChannelName = Literal["meeting", "call", "video", "email", "message", "event", "social"]
HelpName = Literal["none", "gave", "received", "both"]


# --- Schemas -----------------------------------------------------------------


class PhoneSchema(Schema):
    number: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)
    ]
    label: Annotated[str, StringConstraints(strip_whitespace=True, max_length=60)] = ""


class LinkSchema(Schema):
    url: ContactLink
    label: Annotated[str, StringConstraints(strip_whitespace=True, max_length=60)] = ""


class LinkOut(Schema):
    # As stored: a link kept from before links were checked is shown, not refused.
    url: str
    label: str = ""


class CadenceOut(Schema):
    state: str
    label: str
    due_on: date | None
    overdue_on: date | None
    days_since: int | None


class ContactOut(Schema):
    id: int
    name: str
    company: str
    title: str
    emails: list[str]
    phones: list[PhoneSchema]
    links: list[LinkOut]
    profile_url: str
    how_we_met: str
    met_on: date | None
    relationship_types: list[str]
    tags: list[str]
    notes: str
    goal_ids: list[int]
    keep_in_touch: bool
    ideal_interval_days: int | None
    max_interval_days: int | None
    advocates_for: str
    advocates_where: str
    last_interaction_on: date | None
    cadence: CadenceOut
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_goal_ids(obj: Contact) -> list[int]:
        return [g.pk for g in obj.goals.all()]

    @staticmethod
    def resolve_phones(obj: Contact) -> list[dict[str, str]]:
        return obj.phones

    @staticmethod
    def resolve_cadence(obj: Contact, context: dict[str, Any]) -> dict[str, object]:
        request: ApiRequest = context["request"]
        state = obj.cadence(request.auth.today())
        return {
            "state": str(state.state),
            "label": state.label,
            "due_on": state.due_on,
            "overdue_on": state.overdue_on,
            "days_since": state.days_since,
        }


class ContactIn(Schema):
    name: Name
    company: Short = ""
    title: Short = ""
    emails: list[Item] = Field(default_factory=list, max_length=10)
    phones: list[PhoneSchema] = Field(default_factory=list, max_length=20)
    links: list[LinkSchema] = Field(default_factory=list, max_length=20)
    profile_url: ProfileLink = ""
    how_we_met: str = Field("", max_length=300)
    met_on: date | None = None
    relationship_types: list[RelationshipName] = Field(
        default_factory=list, max_length=9
    )
    tags: list[
        Annotated[
            str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)
        ]
    ] = Field(default_factory=list, max_length=20)
    notes: str = Field("", max_length=NOTES_MAX)
    goal_ids: list[int] = Field(default_factory=list, max_length=50)
    keep_in_touch: bool = True
    ideal_interval_days: int | None = Field(None, ge=1, le=3650)
    max_interval_days: int | None = Field(None, ge=1, le=3650)
    advocates_for: str = Field("", max_length=2000)
    advocates_where: str = Field("", max_length=300)


class ContactPatch(PatchSchema):
    name: Name = omittable()
    company: Short = omittable()
    title: Short = omittable()
    emails: list[Item] = omittable(max_length=10)
    phones: list[PhoneSchema] = omittable(max_length=20)
    links: list[LinkSchema] = omittable(max_length=20)
    profile_url: ProfileLink = Field(None)
    how_we_met: str = omittable(max_length=300)
    met_on: date | None = None
    relationship_types: list[RelationshipName] = omittable(max_length=9)
    tags: list[
        Annotated[
            str,
            StringConstraints(strip_whitespace=True, min_length=1, max_length=40),
        ]
    ] = omittable(max_length=20)
    notes: str = omittable(max_length=NOTES_MAX)
    goal_ids: list[int] = omittable(max_length=50)
    keep_in_touch: bool = omittable()
    ideal_interval_days: int | None = Field(None, ge=1, le=3650)
    max_interval_days: int | None = Field(None, ge=1, le=3650)
    advocates_for: str = omittable(max_length=2000)
    advocates_where: str = omittable(max_length=300)


class InteractionOut(Schema):
    id: int
    occurred_on: date
    channel: str
    summary: str
    notes: str
    help_direction: str
    help_what: str
    follow_up_on: date | None
    follow_up_done_on: date | None
    contact_ids: list[int]
    event_id: int | None

    @staticmethod
    def resolve_contact_ids(obj: Interaction) -> list[int]:
        return [c.pk for c in obj.contacts.all()]


class InteractionIn(Schema):
    occurred_on: date
    channel: ChannelName
    summary: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)
    ]
    contact_ids: list[int] = Field(..., min_length=1, max_length=200)
    notes: str = Field("", max_length=NOTES_MAX)
    help_direction: HelpName = "none"
    help_what: str = Field("", max_length=300)
    follow_up_on: date | None = None


class PersonIn(Schema):
    name: Name
    company: Short = ""
    title: Short = ""
    email: str = Field("", max_length=254)


class EventIn(Schema):
    name: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)
    ]
    held_on: date
    place: str = Field("", max_length=200)
    online: bool = False
    notes: str = Field("", max_length=NOTES_MAX)
    follow_up_on: date | None = Field(
        None, description="Default: a week after the event."
    )
    people_met: list[PersonIn] = Field(default_factory=list, max_length=100)
    contact_ids: list[int] = Field(default_factory=list, max_length=100)


class EventOut(Schema):
    id: int
    name: str
    held_on: date
    place: str
    online: bool
    follow_up_on: date | None
    contacts_created: int
    contact_ids: list[int]


class ReachOutSuggestionOut(Schema):
    contact_id: int
    name: str
    reasons: list[str]


class ImportIn(Schema):
    filename: str = Field("contacts", max_length=200)
    content: str = Field(
        ...,
        description="The file's text: Connections.csv, a .vcf, or a careerpath CSV.",
    )
    commit: bool = Field(False, description="False: only preview the counts.")


class SkippedOut(Schema):
    line: int | None
    name: str
    reason: str


class ImportOut(Schema):
    kind: str
    committed: bool
    new: int
    update: int
    skip: int
    skipped: list[SkippedOut]


# --- helpers ------------------------------------------------------------------


def _contact_data(
    user: User, data: dict[str, object]
) -> tuple[dict[str, object], list[Goal] | None]:
    goal_ids = cast("list[int] | None", data.pop("goal_ids", None))
    goals = None
    if goal_ids is not None:
        goals = list(Goal.objects.owned_by(user).filter(pk__in=goal_ids))
        if len(goals) != len(set(goal_ids)):
            raise ValidationError({"goal_ids": "Choose your own goals."})
    return data, goals


def _owned_contacts(user: User, ids: list[int]) -> list[Contact]:
    contacts = list(Contact.objects.owned_by(user).filter(pk__in=ids))
    if len(contacts) != len(set(ids)):
        raise ValidationError({"contact_ids": "Choose your own contacts."})
    return contacts


# --- contacts -----------------------------------------------------------------


@router.get(
    "/network/contacts", response=list[ContactOut], summary="Your contacts, searchable"
)
@paginate(Pagination)
def list_contacts(
    request: ApiRequest,
    q: str = "",
    relationship: RelationshipName | None = None,
    tag: str = "",
    due: bool = False,
) -> object:
    """``q``: words in the name, company, title, tags, e-mails or notes; ``due``: only
    people due a catch-up."""
    user = request.auth
    today = user.today()
    contacts = Contact.objects.owned_by(user).prefetch_related("goals")
    if q:
        contacts = contacts.search(q[:200])
    if relationship:
        contacts = contacts.of_type(relationship)
    if tag:
        contacts = contacts.tagged(tag[:40])
    if due:
        contacts = contacts.needing_attention(today)
    return contacts.order_by("name", "pk")


@router.post("/network/contacts", response={201: ContactOut}, summary="Add a contact")
def create_contact_endpoint(request: ApiRequest, payload: ContactIn) -> object:
    user = request.auth
    data, goals = _contact_data(user, payload.dict())
    contact = save_contact(owner=user, data=data, today=user.today(), goals=goals)
    return Status(201, contact)


@router.get(
    "/network/contacts/{contact_id}",
    response=ContactOut,
    summary="One contact with its cadence",
)
def get_contact(request: ApiRequest, contact_id: int) -> object:
    user = request.auth
    return get_owned_or_404(Contact, user, pk=contact_id)


@router.patch(
    "/network/contacts/{contact_id}", response=ContactOut, summary="Change a contact"
)
def patch_contact(
    request: ApiRequest, contact_id: int, payload: ContactPatch
) -> object:
    user = request.auth
    contact = get_owned_or_404(Contact, user, pk=contact_id)
    data, goals = _contact_data(user, payload.dict(exclude_unset=True))
    save_contact(
        owner=user, contact=contact, data=data, today=user.today(), goals=goals
    )
    return contact


@router.delete(
    "/network/contacts/{contact_id}", response={204: None}, summary="Delete a contact"
)
def delete_contact_endpoint(request: ApiRequest, contact_id: int) -> object:
    delete_contact(get_owned_or_404(Contact, request.auth, pk=contact_id))
    return Status(204, None)


# --- interactions ---------------------------------------------------------------


@router.get(
    "/network/interactions",
    response=list[InteractionOut],
    summary="Your interactions, newest first",
)
@paginate(Pagination)
def list_interactions(request: ApiRequest, contact_id: int | None = None) -> object:
    interactions = Interaction.objects.owned_by(request.auth).with_contacts()
    if contact_id is not None:
        interactions = interactions.filter(contacts__pk=contact_id)
    return interactions.order_by("-occurred_on", "-pk")


@router.post(
    "/network/interactions",
    response={201: InteractionOut},
    summary="Log an interaction with one or more contacts (resets their cadence)",
)
def create_interaction(request: ApiRequest, payload: InteractionIn) -> object:
    user = request.auth
    data = payload.dict()
    contacts = _owned_contacts(user, data.pop("contact_ids"))
    interaction = log_interaction(
        owner=user, contacts=contacts, data=data, today=user.today()
    )
    return Status(201, interaction)


@router.put(
    "/network/interactions/{interaction_id}",
    response=InteractionOut,
    summary="Replace an interaction",
)
def put_interaction(
    request: ApiRequest, interaction_id: int, payload: InteractionIn
) -> object:
    user = request.auth
    interaction = get_owned_or_404(Interaction, user, pk=interaction_id)
    data = payload.dict()
    contacts = _owned_contacts(user, data.pop("contact_ids"))
    update_interaction(interaction, contacts=contacts, data=data, today=user.today())
    return interaction


@router.delete(
    "/network/interactions/{interaction_id}",
    response={204: None},
    summary="Delete an interaction",
)
def delete_interaction_endpoint(request: ApiRequest, interaction_id: int) -> object:
    delete_interaction(get_owned_or_404(Interaction, request.auth, pk=interaction_id))
    return Status(204, None)


# --- events, suggestions ------------------------------------------------------------


@router.post(
    "/network/events",
    response={201: EventOut},
    summary="Log an event with the people met (new ones become contacts)",
)
def create_event(request: ApiRequest, payload: EventIn) -> object:
    user = request.auth
    data = payload.dict()
    people = [PersonMet(**p) for p in data.pop("people_met")]
    existing = _owned_contacts(user, data.pop("contact_ids"))
    event, created = log_event(
        owner=user, data=data, people=people, existing=existing, today=user.today()
    )
    ids = sorted({c.pk for i in event.interactions.all() for c in i.contacts.all()})
    return Status(
        201,
        {
            "id": event.pk,
            "name": event.name,
            "held_on": event.held_on,
            "place": event.place,
            "online": event.online,
            "follow_up_on": event.follow_up_on,
            "contacts_created": created,
            "contact_ids": ids,
        },
    )


@router.get(
    "/network/reach-out",
    response=list[ReachOutSuggestionOut],
    summary="Whom to reach out to first, and why",
)
def reach_out(request: ApiRequest) -> object:
    user = request.auth
    overview = build_overview(user, today=user.today())
    return [
        {
            "contact_id": row.contact.pk,
            "name": row.contact.name,
            "reasons": list(row.reasons),
        }
        for row in overview.reach_out
    ]


# --- import and export -----------------------------------------------------------------


@router.post(
    "/network/imports",
    response=ImportOut,
    summary="Preview or commit a LinkedIn Connections.csv, vCard or careerpath CSV import",
)
def import_contacts(request: ApiRequest, payload: ImportIn) -> object:
    user = request.auth
    try:
        data = payload.content.encode()
    except UnicodeEncodeError as error:  # a lone surrogate such as "\ud800" in the JSON
        line = payload.content.count("\n", 0, error.start) + 1
        raise ValidationError(
            {
                "content": f"{payload.filename}, line {line}: the content is not "
                "valid Unicode (a lone surrogate escape such as \\ud800)"
            }
        ) from None
    try:
        text = portability.decode_upload(data, filename=payload.filename)
        kind = portability.detect_kind(text, filename=payload.filename)
        records = portability.parse_file(kind, text, filename=payload.filename)
    except FormatError as error:
        raise ValidationError({"content": str(error)}) from None
    plan = portability.plan_import(user, records)
    counts = plan.counts
    if payload.commit:
        counts = portability.commit_import(
            user, records, source=kind, today=user.today()
        )
    return {
        "kind": kind,
        "committed": payload.commit,
        **counts,
        "skipped": [
            {"line": row.record.line, "name": row.record.name, "reason": row.reason}
            for row in plan.of("skip")
        ],
    }


@router.get(
    "/network/export.vcf", summary="Every contact as vCard 4.0", response={200: None}
)
def export_vcard_endpoint(request: ApiRequest) -> HttpResponse:
    return HttpResponse(
        portability.export_vcard(request.auth),
        content_type="text/vcard; charset=utf-8",
    )


@router.get("/network/export.csv", summary="Every contact as CSV", response={200: None})
def export_csv_endpoint(request: ApiRequest) -> HttpResponse:
    return HttpResponse(
        portability.export_csv(request.auth), content_type="text/csv; charset=utf-8"
    )
