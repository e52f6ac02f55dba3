"""API for weekly check-ins and the burnout signal; only ever the caller's own."""

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from careerpath.balance.burnout import week_start
from careerpath.balance.models import CheckIn
from careerpath.balance.services import (
    delete_check_in,
    record_check_in,
    signal_for,
)
from careerpath.core.access import get_owned_or_404
from careerpath.core.api import Pagination
from careerpath.core.http import ApiRequest

router = Router(tags=["balance"])

Score = Annotated[int, Field(ge=1, le=5)]


class CheckInOut(Schema):
    id: int
    week_of: date
    hours_worked: Decimal
    energy: int
    stress: int
    satisfaction: int
    personal_time: int
    sleep_hours: Decimal
    note: str
    created_at: datetime
    updated_at: datetime


class CheckInIn(Schema):
    week_of: date | None = Field(
        None,
        description="Any day of the week (default: this week); filed under its Monday.",
    )
    hours_worked: Decimal = Field(..., ge=0, le=100, max_digits=4, decimal_places=1)
    energy: Score
    stress: Score
    satisfaction: Score
    personal_time: Score
    sleep_hours: Decimal = Field(..., ge=0, le=14, max_digits=3, decimal_places=1)
    note: str = Field("", max_length=300)


class ReasonOut(Schema):
    rule: str
    points: int
    text: str


class SignalOut(Schema):
    level: str
    label: str
    summary: str
    points: int
    weeks_considered: int
    latest_week: date | None
    reasons: list[ReasonOut]


@router.get("/balance/check-ins", response=list[CheckInOut], summary="Your check-ins")
@paginate(Pagination)
def list_check_ins(request: ApiRequest) -> object:
    return CheckIn.objects.owned_by(request.auth).order_by("-week_of")


@router.post(
    "/balance/check-ins",
    response={200: CheckInOut, 201: CheckInOut},
    summary="Check in for a week (a second check-in for the same week updates it: 200)",
)
def create_check_in(request: ApiRequest, payload: CheckInIn) -> object:
    user = request.auth
    data = payload.dict()
    week_of = data.pop("week_of") or week_start(user.today())
    check_in, created = record_check_in(owner=user, week_of=week_of, data=data)
    return Status(201 if created else 200, check_in)


@router.get("/balance/check-ins/{check_in_id}", response=CheckInOut)
def get_check_in(request: ApiRequest, check_in_id: int) -> object:
    return get_owned_or_404(CheckIn, request.auth, pk=check_in_id)


@router.delete("/balance/check-ins/{check_in_id}", response={204: None})
def delete_check_in_endpoint(request: ApiRequest, check_in_id: int) -> object:
    delete_check_in(get_owned_or_404(CheckIn, request.auth, pk=check_in_id))
    return Status(204, None)


@router.get(
    "/balance/signal",
    response=SignalOut,
    summary="The burnout signal from your latest check-ins, with its reasons",
)
def get_signal(request: ApiRequest) -> object:
    user = request.auth
    signal = signal_for(user, today=user.today())
    return {
        "level": signal.level,
        "label": signal.label,
        "summary": signal.summary,
        "points": signal.points,
        "weeks_considered": signal.weeks_considered,
        "latest_week": signal.latest_week,
        "reasons": [
            {"rule": r.rule, "points": r.points, "text": r.text} for r in signal.reasons
        ],
    }
