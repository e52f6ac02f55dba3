"""API for feedback requests, feedback received and the improvement areas drawn from it."""

from datetime import date, datetime
from typing import Annotated, Literal

from django.core.exceptions import ValidationError
from django.db import transaction
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import StringConstraints

from careerpath.accounts.models import User
from careerpath.core.access import get_owned_or_404
from careerpath.core.api import Pagination, PatchSchema, omittable
from careerpath.core.http import ApiRequest
from careerpath.feedback.improvement import theme_goals, theme_report
from careerpath.feedback.models import Feedback, FeedbackRequest
from careerpath.feedback.services import (
    record_feedback,
    request_text,
    save_request,
    send_request,
    set_request_status,
    turn_theme_into_goal,
)
from careerpath.feedback.themes import ThemeSummary, theme_key
from careerpath.goals.models import Goal
from careerpath.network.models import Contact

router = Router(tags=["feedback"])

Tag = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)
]
KindName = Literal["praise", "constructive", "mixed"]
StatusName = Literal["pending", "received", "declined"]
AboutName = Literal["goal", "skill", "project", "other"]


# --- Schemas -----------------------------------------------------------------


class FeedbackOut(Schema):
    id: int
    request_id: int | None
    source: str
    received_on: date
    context: str
    kind: str
    text: str
    themes: list[str]
    skills: list[str]
    created_at: datetime
    updated_at: datetime


class FeedbackIn(Schema):
    source: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)
    ]
    received_on: date | None = None
    context: str = Field("", max_length=200)
    kind: KindName
    text: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)
    ]
    themes: list[Tag] = Field(default_factory=list, max_length=12)
    skills: list[Tag] = Field(default_factory=list, max_length=12)
    request_id: int | None = None


class FeedbackPatch(PatchSchema):
    source: Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=120),
    ] = omittable()
    received_on: date = omittable()
    context: str = omittable(max_length=200)
    kind: KindName = omittable()
    text: Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=5000),
    ] = omittable()
    themes: list[Tag] = omittable(max_length=12)
    skills: list[Tag] = omittable(max_length=12)


class RequestOut(Schema):
    id: int
    recipient_name: str
    recipient_email: str
    about_kind: str
    about: str
    goal_id: int | None
    contact_id: int | None
    question: str
    asked_on: date
    due_on: date
    status: str
    sent_at: datetime | None
    closed_on: date | None


class RequestDetailOut(RequestOut):
    subject: str
    message: str


class RequestIn(Schema):
    # Either a name or a contact (whose name fills in).
    recipient_name: Annotated[
        str, StringConstraints(strip_whitespace=True, max_length=120)
    ] = ""
    contact_id: int | None = None
    recipient_email: str = Field("", max_length=254)
    about_kind: AboutName = "project"
    about: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)
    ]
    goal_id: int | None = None
    question: str = Field("", max_length=1000)
    asked_on: date | None = None
    due_on: date


class RequestPatch(PatchSchema):
    recipient_name: str = omittable(min_length=1, max_length=120)
    recipient_email: str = omittable(max_length=254)
    contact_id: int | None = None
    about_kind: AboutName = omittable()
    about: str = omittable(min_length=1, max_length=200)
    goal_id: int | None = None
    question: str = omittable(max_length=1000)
    due_on: date = omittable()
    # Checked by the service after the request is found, so a stranger's id is a 404
    # whatever the body says.
    status: str = omittable(max_length=10, description="pending, received or declined")


class AreaOut(Schema):
    theme: str
    key: str
    weight: float
    mentions: int
    constructive: int
    mixed: int
    praise: int
    sources: int
    first_on: date | None
    last_on: date | None
    reason: str
    goal_id: int | None


class ThemesOut(Schema):
    areas: list[AreaOut]
    strengths: list[AreaOut]
    themes: list[AreaOut]


class ThemeGoalIn(Schema):
    theme: Tag


class ThemeGoalOut(Schema):
    goal_id: int
    statement: str
    status: str


# --- Helpers -------------------------------------------------------------------


def _request_detail(feedback_request: FeedbackRequest) -> dict[str, object]:
    out = RequestOut.from_orm(feedback_request).dict()
    text = request_text(feedback_request)
    out |= {"subject": text.subject, "message": text.body}
    return out


def _resolve_links(user: User, data: dict[str, object]) -> dict[str, object]:
    """Turn ``goal_id`` / ``contact_id`` into the owner's objects (404 for anyone else's)."""
    if "goal_id" in data:
        pk = data.pop("goal_id")
        data["goal"] = get_owned_or_404(Goal, user, pk=pk) if pk is not None else None
    if "contact_id" in data:
        pk = data.pop("contact_id")
        data["contact"] = (
            get_owned_or_404(Contact, user, pk=pk) if pk is not None else None
        )
    return data


# --- Feedback ----------------------------------------------------------------------


@router.get("/feedback", response=list[FeedbackOut], summary="Feedback you received")
@paginate(Pagination)
def list_feedback(
    request: ApiRequest, kind: KindName | None = None, theme: str = ""
) -> object:
    rows = Feedback.objects.owned_by(request.auth)
    if kind:
        rows = rows.filter(kind=kind)
    key = theme_key(theme)
    if key:
        return [f for f in rows if key in {theme_key(t) for t in f.themes}]
    return rows


@router.post("/feedback", response={201: FeedbackOut}, summary="Record feedback")
def create_feedback(request: ApiRequest, payload: FeedbackIn) -> object:
    user = request.auth
    data = payload.dict()
    pk = data.pop("request_id")
    data["request"] = (
        get_owned_or_404(FeedbackRequest, user, pk=pk) if pk is not None else None
    )
    data["received_on"] = data["received_on"] or user.today()
    return Status(201, record_feedback(owner=user, data=data))


@router.get("/feedback/{feedback_id}", response=FeedbackOut)
def get_feedback(request: ApiRequest, feedback_id: int) -> object:
    return get_owned_or_404(Feedback, request.auth, pk=feedback_id)


@router.patch("/feedback/{feedback_id}", response=FeedbackOut)
def patch_feedback(
    request: ApiRequest, feedback_id: int, payload: FeedbackPatch
) -> object:
    user = request.auth
    feedback = get_owned_or_404(Feedback, user, pk=feedback_id)
    data = {k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None}
    return record_feedback(owner=user, data=data, feedback=feedback)


@router.delete("/feedback/{feedback_id}", response={204: None})
def delete_feedback(request: ApiRequest, feedback_id: int) -> object:
    get_owned_or_404(Feedback, request.auth, pk=feedback_id).delete()
    return Status(204, None)


# --- Requests ----------------------------------------------------------------------------


@router.get(
    "/feedback-requests", response=list[RequestOut], summary="Your feedback requests"
)
@paginate(Pagination)
def list_requests(request: ApiRequest, status: StatusName | None = None) -> object:
    rows = FeedbackRequest.objects.owned_by(request.auth)
    return rows.filter(status=status) if status else rows


@router.post(
    "/feedback-requests",
    response={201: RequestDetailOut},
    summary="Ask for feedback (the answer includes the ready-to-send text)",
)
def create_request(request: ApiRequest, payload: RequestIn) -> object:
    user = request.auth
    data = _resolve_links(user, payload.dict())
    data["asked_on"] = data["asked_on"] or user.today()
    return Status(201, _request_detail(save_request(owner=user, data=data)))


@router.get("/feedback-requests/{request_id}", response=RequestDetailOut)
def get_request(request: ApiRequest, request_id: int) -> object:
    return _request_detail(
        get_owned_or_404(
            FeedbackRequest.objects.select_related("owner"),
            request.auth,
            pk=request_id,
        )
    )


@router.patch("/feedback-requests/{request_id}", response=RequestDetailOut)
def patch_request(
    request: ApiRequest, request_id: int, payload: RequestPatch
) -> object:
    user = request.auth
    feedback_request = get_owned_or_404(FeedbackRequest, user, pk=request_id)
    data = _resolve_links(user, payload.dict(exclude_unset=True))
    status = data.pop("status", None)
    if status is not None and status not in FeedbackRequest.Status.values:
        raise ValidationError(
            {"status": "Use pending, received or declined."}, code="invalid"
        )
    data = {k: v for k, v in data.items() if v is not None or k == "goal"}
    with transaction.atomic():
        save_request(owner=user, data=data, request=feedback_request)
        if status and status != feedback_request.status:
            set_request_status(feedback_request, status=str(status), today=user.today())
    return _request_detail(feedback_request)


@router.delete("/feedback-requests/{request_id}", response={204: None})
def delete_request(request: ApiRequest, request_id: int) -> object:
    get_owned_or_404(FeedbackRequest, request.auth, pk=request_id).delete()
    return Status(204, None)


@router.post(
    "/feedback-requests/{request_id}/send",
    response=RequestDetailOut,
    summary="E-mail the request (only when the server has e-mail set up)",
)
def send_request_endpoint(request: ApiRequest, request_id: int) -> object:
    feedback_request = get_owned_or_404(FeedbackRequest, request.auth, pk=request_id)
    return _request_detail(send_request(feedback_request))


# --- Themes --------------------------------------------------------------------------------


@router.get(
    "/improvement-areas",
    response=ThemesOut,
    summary="Recurring themes ranked as areas for improvement, with reasons",
)
def improvement_areas(request: ApiRequest) -> object:
    user = request.auth
    report = theme_report(user)
    goals = theme_goals(user)

    def row(s: ThemeSummary) -> dict[str, object]:
        return {
            "theme": s.label,
            "key": s.key,
            "weight": s.weight,
            "mentions": s.mentions,
            "constructive": s.constructive,
            "mixed": s.mixed,
            "praise": s.praise,
            "sources": s.source_count,
            "first_on": s.first_on,
            "last_on": s.last_on,
            "reason": s.reason,
            "goal_id": goals[s.key].pk if s.key in goals else None,
        }

    return {
        "areas": [row(s) for s in report.areas],
        "strengths": [row(s) for s in report.strengths],
        "themes": [row(s) for s in report.all_themes],
    }


@router.post(
    "/improvement-areas/goal",
    response={201: ThemeGoalOut},
    summary="Turn a feedback theme into a draft goal",
)
def theme_goal(request: ApiRequest, payload: ThemeGoalIn) -> object:
    user = request.auth
    goal = turn_theme_into_goal(owner=user, theme=payload.theme, today=user.today())
    return Status(
        201, {"goal_id": goal.pk, "statement": goal.statement, "status": goal.status}
    )
