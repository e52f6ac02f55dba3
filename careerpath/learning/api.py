"""API for learning items, the learning log and its summary (hours per month and skill)."""

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal

from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import StringConstraints

from careerpath.accounts.models import User
from careerpath.core.access import get_owned_or_404
from careerpath.core.api import Pagination, PatchSchema, omittable
from careerpath.core.http import ApiRequest
from careerpath.core.links import Link
from careerpath.goals.models import Goal
from careerpath.learning.log import learning_log
from careerpath.learning.models import LearningItem, LearningSession
from careerpath.learning.renewal import renewal_state
from careerpath.learning.services import (
    complete_learning_item,
    delete_learning_item,
    delete_session,
    log_session,
    save_learning_item,
)

router = Router(tags=["learning"])

KindName = Literal[
    "course",
    "certification",
    "workshop",
    "webinar",
    "book",
    "conference",
    "self_study",
]
StatusName = Literal["planned", "in_progress", "completed", "dropped"]
SkillName = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)
]
Money = Annotated[Decimal, Field(ge=0, max_digits=10, decimal_places=2)]
Hours = Annotated[Decimal, Field(ge=0, max_digits=6, decimal_places=1)]


# --- Schemas -----------------------------------------------------------------


class RenewalOut(Schema):
    state: str
    due_on: date | None
    days_left: int | None


class ItemOut(Schema):
    id: int
    title: str
    kind: str
    provider: str
    url: str
    cost: Decimal | None
    currency: str
    hours: Decimal | None
    starts_on: date | None
    finishes_on: date | None
    status: str
    skills: list[str]
    goal_id: int | None
    issued_on: date | None
    expires_on: date | None
    credential_id: str
    note: str
    source: str
    completed_on: date | None
    created_at: datetime
    updated_at: datetime


class ItemDetailOut(ItemOut):
    logged_hours: Decimal
    renewal: RenewalOut


class ItemIn(Schema):
    title: str = Field(..., min_length=1, max_length=200)
    kind: KindName = "course"
    provider: str = Field("", max_length=120)
    url: Link = ""
    cost: Money | None = None
    currency: str = Field("", max_length=3)
    hours: Hours | None = None
    starts_on: date | None = None
    finishes_on: date | None = None
    status: StatusName = "planned"
    skills: list[SkillName] = Field(default_factory=list, max_length=20)
    goal_id: int | None = None
    issued_on: date | None = None
    expires_on: date | None = None
    credential_id: str = Field("", max_length=120)
    note: str = Field("", max_length=4000)
    source: str = Field("", max_length=300)


class ItemPatch(PatchSchema):
    # kind and status are checked against their choices after the item is found, so a
    # stranger's request gets the same 404 whatever it carries.
    title: str = omittable(min_length=1, max_length=200)
    kind: str = omittable(max_length=16, description="As in ItemIn.")
    provider: str | None = Field(None, max_length=120)
    url: Link | None = None
    cost: Money | None = None
    currency: str | None = Field(None, max_length=3)
    hours: Hours | None = None
    starts_on: date | None = None
    finishes_on: date | None = None
    status: str = omittable(max_length=12, description="As in ItemIn.")
    skills: list[SkillName] = omittable(max_length=20)
    goal_id: int | None = None
    issued_on: date | None = None
    expires_on: date | None = None
    credential_id: str | None = Field(None, max_length=120)
    note: str | None = Field(None, max_length=4000)
    source: str | None = Field(None, max_length=300)


class SessionOut(Schema):
    id: int
    item_id: int | None
    logged_on: date
    hours: Decimal
    skill: str
    note: str


class SessionIn(Schema):
    logged_on: date | None = Field(None, description="Defaults to today.")
    hours: Annotated[Decimal, Field(gt=0, le=24, max_digits=4, decimal_places=2)]
    item_id: int | None = None
    skill: str = Field("", max_length=80)
    note: str = Field("", max_length=500)


class MonthHours(Schema):
    month: str  # "2026-03"
    hours: Decimal


class SkillHours(Schema):
    skill: str
    hours: Decimal


class RenewalItem(Schema):
    item_id: int
    title: str
    expires_on: date
    state: str
    due_on: date


class SummaryOut(Schema):
    months: int
    since: date
    total_hours: Decimal
    per_month: list[MonthHours]
    per_skill: list[SkillHours]
    renewals: list[RenewalItem]


# --- Helpers -----------------------------------------------------------------


# Text fields a JSON null clears (they are blank, never null, in the database).
TEXT_FIELDS = {"provider", "url", "currency", "credential_id", "note", "source"}


def _item_data(user: User, data: dict[str, object]) -> dict[str, object]:
    if "goal_id" in data:
        pk = data.pop("goal_id")
        data["goal"] = get_owned_or_404(Goal, user, pk=pk) if pk is not None else None
    for name in TEXT_FIELDS & data.keys():
        if data[name] is None:
            data[name] = ""
    return data


def _detail(user: User, pk: int) -> dict[str, object]:
    item = get_owned_or_404(LearningItem.objects.with_logged_hours(), user, pk=pk)
    state = item.renewal_state(user.today())
    out = ItemOut.from_orm(item).dict()
    # Two places on every database (SQLite's SUM drops trailing zeros, PostgreSQL's keeps them).
    out["logged_hours"] = (item.logged_hours or Decimal(0)).quantize(Decimal("0.01"))
    out["renewal"] = {
        "state": state.state.value,
        "due_on": state.due_on,
        "days_left": state.days_left,
    }
    return out


# --- Items -------------------------------------------------------------------


@router.get("/learning/items", response=list[ItemOut], summary="Your learning items")
@paginate(Pagination)
def list_items(
    request: ApiRequest,
    status: StatusName | None = None,
    kind: KindName | None = None,
) -> object:
    items = LearningItem.objects.owned_by(request.auth).order_by("-created_at", "-pk")
    if status:
        items = items.filter(status=status)
    if kind:
        items = items.filter(kind=kind)
    return items


@router.post(
    "/learning/items", response={201: ItemDetailOut}, summary="Add a learning item"
)
def create_item(request: ApiRequest, payload: ItemIn) -> object:
    user = request.auth
    item = save_learning_item(
        owner=user, data=_item_data(user, payload.dict()), today=user.today()
    )
    return Status(201, _detail(user, item.pk))


@router.get("/learning/items/{item_id}", response=ItemDetailOut)
def get_item(request: ApiRequest, item_id: int) -> object:
    return _detail(request.auth, item_id)


@router.patch("/learning/items/{item_id}", response=ItemDetailOut)
def patch_item(request: ApiRequest, item_id: int, payload: ItemPatch) -> object:
    user = request.auth
    item = get_owned_or_404(LearningItem, user, pk=item_id)
    save_learning_item(
        owner=user,
        data=_item_data(user, payload.dict(exclude_unset=True)),
        today=user.today(),
        item=item,
    )
    return _detail(user, item.pk)


@router.delete("/learning/items/{item_id}", response={204: None})
def delete_item(request: ApiRequest, item_id: int) -> object:
    delete_learning_item(get_owned_or_404(LearningItem, request.auth, pk=item_id))
    return Status(204, None)


@router.post("/learning/items/{item_id}/complete", response=ItemDetailOut)
def complete_item(request: ApiRequest, item_id: int) -> object:
    user = request.auth
    item = get_owned_or_404(LearningItem, user, pk=item_id)
    complete_learning_item(item, today=user.today())
    return _detail(user, item.pk)


# --- Sessions ----------------------------------------------------------------


@router.get(
    "/learning/sessions",
    response=list[SessionOut],
    summary="Your learning log, newest first",
    tags=["learning log"],
)
@paginate(Pagination)
def list_sessions(
    request: ApiRequest,
    since: date | None = None,
    until: date | None = None,
    item_id: int | None = None,
) -> object:
    sessions = LearningSession.objects.owned_by(request.auth)
    if since:
        sessions = sessions.filter(logged_on__gte=since)
    if until:
        sessions = sessions.filter(logged_on__lte=until)
    if item_id is not None:
        sessions = sessions.filter(item_id=item_id)
    return sessions.order_by("-logged_on", "-pk")


@router.post(
    "/learning/sessions",
    response={201: SessionOut},
    summary="Log hours of learning",
    tags=["learning log"],
)
def create_session(request: ApiRequest, payload: SessionIn) -> object:
    user = request.auth
    item = (
        get_owned_or_404(LearningItem, user, pk=payload.item_id)
        if payload.item_id is not None
        else None
    )
    session = log_session(
        owner=user,
        item=item,
        logged_on=payload.logged_on or user.today(),
        hours=payload.hours,
        skill=payload.skill,
        note=payload.note,
    )
    return Status(201, session)


@router.delete(
    "/learning/sessions/{session_id}", response={204: None}, tags=["learning log"]
)
def delete_session_endpoint(request: ApiRequest, session_id: int) -> object:
    delete_session(get_owned_or_404(LearningSession, request.auth, pk=session_id))
    return Status(204, None)


@router.get(
    "/learning/summary",
    response=SummaryOut,
    summary="Hours per month and per skill, and certificates to renew",
    tags=["learning log"],
)
def summary(
    request: ApiRequest,
    months: Annotated[
        int, Field(ge=1, le=60, description="Months up to this one.")
    ] = 12,
) -> object:
    user = request.auth
    today = user.today()
    log = learning_log(user, today=today, months=months)
    renewals = []
    certificates = (
        LearningItem.objects.owned_by(user)
        .certificates()
        .exclude(status=LearningItem.Status.DROPPED)
        .order_by("expires_on", "pk")
        .only("pk", "title", "expires_on", "status")
    )
    for item in certificates:
        state = renewal_state(item.expires_on, today=today)
        if state.needs_action and state.due_on is not None and item.expires_on:
            renewals.append(
                {
                    "item_id": item.pk,
                    "title": item.title,
                    "expires_on": item.expires_on,
                    "state": state.state.value,
                    "due_on": state.due_on,
                }
            )
    return {
        "months": months,
        "since": log.start,
        "total_hours": log.total,
        "per_month": [
            {"month": f"{month:%Y-%m}", "hours": hours}
            for month, hours in log.per_month
        ],
        "per_skill": [
            {"skill": skill, "hours": hours} for skill, hours in log.per_skill
        ],
        "renewals": renewals,
    }
