"""API for achievements, the suggestions to confirm, and the promotion packet (Markdown, PDF)."""

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal, cast

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import StringConstraints

from careerpath.accounts.models import User
from careerpath.achievements.models import Achievement
from careerpath.achievements.packet import render_markdown, render_pdf
from careerpath.achievements.services import (
    promotion_packet,
    save_achievement,
    suggestions,
    with_evidence,
)
from careerpath.core.access import get_owned_or_404
from careerpath.core.api import Pagination, PatchSchema, omittable
from careerpath.core.http import ApiRequest
from careerpath.feedback.models import Feedback
from careerpath.goals.models import Goal, Milestone

router = Router(tags=["achievements"])

Tag = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)
]
Impact = Annotated[Decimal, Field(max_digits=14, decimal_places=2, ge=0)]
VisibilityName = Literal["private", "manager", "team", "organisation", "public"]
Title = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)
]
What = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)
]


class AchievementOut(Schema):
    id: int
    title: str
    achieved_on: date
    what_i_did: str
    impact_value: Decimal | None
    impact_unit: str
    skills: list[str]
    goal_id: int | None
    milestone_id: int | None
    feedback_ids: list[int]
    visibility: str
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_feedback_ids(obj: Achievement) -> list[int]:
        return [e.feedback_id for e in obj.evidence.all()]


class AchievementIn(Schema):
    title: Title
    achieved_on: date | None = None
    what_i_did: What
    impact_value: Impact | None = None
    impact_unit: str = Field("", max_length=60)
    skills: list[Tag] = Field(default_factory=list, max_length=12)
    goal_id: int | None = None
    milestone_id: int | None = None
    feedback_ids: list[int] = Field(default_factory=list, max_length=50)
    visibility: VisibilityName = "private"


class AchievementPatch(PatchSchema):
    title: Title = omittable()
    achieved_on: date = omittable()
    what_i_did: What = omittable()
    impact_value: Impact | None = None
    impact_unit: str = omittable(max_length=60)
    skills: list[Tag] = omittable(max_length=12)
    goal_id: int | None = None
    milestone_id: int | None = None
    feedback_ids: list[int] = omittable(max_length=50)
    visibility: VisibilityName = omittable()


class AchievementSuggestionOut(Schema):
    kind: str
    id: int
    title: str
    done_on: date
    goal: str


class PacketOut(Schema):
    title: str
    start: date | None
    end: date | None
    achievements: int
    feedback: int
    skills: list[str]
    markdown: str


def _relations(user: User, data: dict[str, object]) -> tuple[dict[str, object], object]:
    """Owned goal, milestone and feedback for the ids given (404 for anyone else's)."""
    if "goal_id" in data:
        pk = data.pop("goal_id")
        data["goal"] = get_owned_or_404(Goal, user, pk=pk) if pk is not None else None
    if "milestone_id" in data:
        pk = data.pop("milestone_id")
        data["milestone"] = (
            get_owned_or_404(Milestone, user, pk=pk) if pk is not None else None
        )
    feedback = None
    if "feedback_ids" in data:
        ids = cast("list[int] | None", data.pop("feedback_ids")) or []
        feedback = [get_owned_or_404(Feedback, user, pk=pk) for pk in ids]
    return data, feedback


def _period(start: date | None, end: date | None) -> None:
    if start and end and start > end:
        raise ValidationError({"start": "start must be on or before end."})


@router.get("/achievements", response=list[AchievementOut], summary="Your achievements")
@paginate(Pagination)
def list_achievements(
    request: ApiRequest, start: date | None = None, end: date | None = None
) -> object:
    _period(start, end)
    rows = with_evidence(Achievement.objects.owned_by(request.auth))
    if start:
        rows = rows.filter(achieved_on__gte=start)
    if end:
        rows = rows.filter(achieved_on__lte=end)
    return rows


@router.post("/achievements", response={201: AchievementOut})
def create_achievement(request: ApiRequest, payload: AchievementIn) -> object:
    user = request.auth
    data, feedback = _relations(user, payload.dict())
    data["achieved_on"] = data["achieved_on"] or user.today()
    achievement = save_achievement(owner=user, data=data, feedback=feedback)  # type: ignore[arg-type]
    return Status(201, achievement)


@router.get(
    "/achievements/suggestions",
    response=list[AchievementSuggestionOut],
    summary="Achieved goals and reached milestones to confirm as achievements",
)
def list_suggestions(request: ApiRequest) -> object:
    user = request.auth
    return [
        {
            "kind": s.kind,
            "id": s.pk,
            "title": s.title,
            "done_on": s.done_on,
            "goal": s.goal_title,
        }
        for s in suggestions(user, today=user.today())
    ]


@router.get("/achievements/{achievement_id}", response=AchievementOut)
def get_achievement(request: ApiRequest, achievement_id: int) -> object:
    return get_owned_or_404(
        with_evidence(Achievement.objects.all()), request.auth, pk=achievement_id
    )


@router.patch("/achievements/{achievement_id}", response=AchievementOut)
def patch_achievement(
    request: ApiRequest, achievement_id: int, payload: AchievementPatch
) -> object:
    user = request.auth
    achievement = get_owned_or_404(Achievement, user, pk=achievement_id)
    raw = payload.dict(exclude_unset=True)
    raw = {
        k: v
        for k, v in raw.items()
        if v is not None or k in {"goal_id", "milestone_id", "impact_value"}
    }
    data, feedback = _relations(user, raw)
    save_achievement(owner=user, data=data, feedback=feedback, achievement=achievement)  # type: ignore[arg-type]
    return get_owned_or_404(
        with_evidence(Achievement.objects.all()), user, pk=achievement.pk
    )


@router.delete("/achievements/{achievement_id}", response={204: None})
def delete_achievement(request: ApiRequest, achievement_id: int) -> object:
    get_owned_or_404(Achievement, request.auth, pk=achievement_id).delete()
    return Status(204, None)


@router.get(
    "/promotion-packet",
    response=PacketOut,
    summary="The promotion packet for a period, with its Markdown",
)
def get_packet(
    request: ApiRequest, start: date | None = None, end: date | None = None
) -> object:
    _period(start, end)
    packet = promotion_packet(request.auth, start=start, end=end)
    return {
        "title": packet.title,
        "start": packet.start,
        "end": packet.end,
        "achievements": packet.win_count,
        "feedback": packet.quote_count,
        "skills": [s.label for s in packet.sections],
        "markdown": render_markdown(packet),
    }


@router.get(
    "/promotion-packet.pdf",
    summary="The promotion packet as a PDF document",
    response={200: None},
)
def get_packet_pdf(
    request: ApiRequest, start: date | None = None, end: date | None = None
) -> HttpResponse:
    _period(start, end)
    packet = promotion_packet(request.auth, start=start, end=end)
    response = HttpResponse(render_pdf(packet), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="promotion-packet.pdf"'
    return response
