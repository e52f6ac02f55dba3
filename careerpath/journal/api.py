"""API for journal entries, setbacks and the resilience view."""

from datetime import date, datetime
from typing import Annotated

from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import StringConstraints

from careerpath.accounts.models import User
from careerpath.core.access import get_owned_or_404
from careerpath.core.api import Pagination, PatchSchema, omittable
from careerpath.core.http import ApiRequest
from careerpath.goals.models import Goal
from careerpath.journal.models import Entry, Setback
from careerpath.journal.services import (
    delete_entry,
    goal_story,
    note_outcome,
    record_setback,
    setbacks_for_resilience,
    update_entry,
    write_entry,
)

router = Router(tags=["journal"])

Tag = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)
]
Mood = Annotated[int, Field(ge=1, le=5)]
LongText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)
]


class SetbackOut(Schema):
    id: int
    goal_id: int | None
    lesson: str
    next_time: str
    outcome: str
    outcome_on: date | None


class EntryOut(Schema):
    id: int
    written_on: date
    title: str
    text: str = Field(..., alias="body", description="Markdown.")
    mood: int
    tags: list[str]
    setback: SetbackOut | None
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_setback(obj: Entry) -> Setback | None:
        return getattr(obj, "setback", None)


class SetbackIn(Schema):
    goal_id: int | None = None
    lesson: LongText
    next_time: LongText


class EntryIn(Schema):
    written_on: date | None = Field(None, description="Default: today.")
    title: str = Field("", max_length=160)
    # "text", not "body": the error shape names fields by path, where "body" is the request.
    text: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20000)
    ]
    mood: Mood
    tags: list[Tag] = Field(default_factory=list, max_length=12)
    setback: SetbackIn | None = Field(
        None, description="Makes the entry a setback: what it taught you."
    )


class EntryPatch(PatchSchema):
    written_on: date = omittable()
    title: str = omittable(max_length=160)
    text: Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=20000),
    ] = omittable()
    mood: Mood = omittable()
    tags: list[Tag] = omittable(max_length=12)


class SetbackPatch(PatchSchema):
    goal_id: int | None = None
    lesson: LongText = omittable()
    next_time: LongText = omittable()
    outcome: LongText = omittable()
    outcome_on: date | None = None


class ResilienceOut(SetbackOut):
    entry_id: int
    happened_on: date
    title: str
    goal_status: str | None
    since: str | None
    since_events: list[str]


def _goal(user: User, goal_id: int | None) -> Goal | None:
    return get_owned_or_404(Goal, user, pk=goal_id) if goal_id is not None else None


@router.get("/journal/entries", response=list[EntryOut], summary="Your journal entries")
@paginate(Pagination)
def list_entries(
    request: ApiRequest, tag: str | None = None, setbacks: bool = False
) -> object:
    entries = Entry.objects.owned_by(request.auth).with_setback()
    if tag:
        entries = entries.tagged(tag)
    if setbacks:
        entries = entries.setbacks()
    return entries


@router.post(
    "/journal/entries",
    response={201: EntryOut},
    summary="Write an entry (with `setback` for a setback)",
)
def create_entry(request: ApiRequest, payload: EntryIn) -> object:
    user = request.auth
    data = payload.dict(exclude={"setback"})
    data["body"] = data.pop("text")
    data["written_on"] = data["written_on"] or user.today()
    if payload.setback is None:
        entry = write_entry(owner=user, data=data)
    else:
        setback_data = payload.setback.dict()
        setback_data["goal"] = _goal(user, setback_data.pop("goal_id"))
        entry = record_setback(
            owner=user, entry_data=data, setback_data=setback_data
        ).entry
    return Status(201, Entry.objects.with_setback().get(pk=entry.pk))


@router.get("/journal/entries/{entry_id}", response=EntryOut)
def get_entry(request: ApiRequest, entry_id: int) -> object:
    return get_owned_or_404(Entry.objects.with_setback(), request.auth, pk=entry_id)


@router.patch("/journal/entries/{entry_id}", response=EntryOut)
def patch_entry(request: ApiRequest, entry_id: int, payload: EntryPatch) -> object:
    user = request.auth
    entry = get_owned_or_404(Entry.objects.with_setback(), user, pk=entry_id)
    data = {k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None}
    if "text" in data:
        data["body"] = data.pop("text")
    update_entry(entry, data=data)
    return Entry.objects.with_setback().get(pk=entry.pk)


@router.delete("/journal/entries/{entry_id}", response={204: None})
def delete_entry_endpoint(request: ApiRequest, entry_id: int) -> object:
    delete_entry(get_owned_or_404(Entry, request.auth, pk=entry_id))
    return Status(204, None)


@router.patch(
    "/journal/setbacks/{setback_id}",
    response=SetbackOut,
    summary="Change a setback's lesson or goal, or note how it turned out",
)
def patch_setback(
    request: ApiRequest, setback_id: int, payload: SetbackPatch
) -> object:
    user = request.auth
    setback = get_owned_or_404(
        Setback.objects.select_related("entry"), user, pk=setback_id
    )
    data = payload.dict(exclude_unset=True)
    outcome = data.pop("outcome", None)
    outcome_on = data.pop("outcome_on", None)
    if "goal_id" in data:
        data["goal"] = _goal(user, data.pop("goal_id"))
    entry = setback.entry
    entry.setback = setback
    if outcome is not None or outcome_on is not None:
        note_outcome(
            setback,
            outcome=outcome if outcome is not None else setback.outcome,
            outcome_on=outcome_on or user.today(),
        )
    if data:
        update_entry(entry, data={}, setback_data=data)
    return setback


@router.get(
    "/journal/resilience",
    response=list[ResilienceOut],
    summary="Setbacks with their lessons, outcomes and what happened to the goal since",
)
def get_resilience(request: ApiRequest) -> object:
    user = request.auth
    today = user.today()
    rows = []
    for setback in setbacks_for_resilience(user):
        story = goal_story(setback, today=today)
        rows.append(
            {
                "id": setback.pk,
                "entry_id": setback.entry_id,
                "happened_on": setback.entry.written_on,
                "title": setback.entry.display_title,
                "goal_id": setback.goal_id,
                "goal_status": setback.goal.status if setback.goal else None,
                "lesson": setback.lesson,
                "next_time": setback.next_time,
                "outcome": setback.outcome,
                "outcome_on": setback.outcome_on,
                "since": story.headline if story else None,
                "since_events": list(story.events) if story else [],
            }
        )
    return rows
