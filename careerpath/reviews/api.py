"""API for reviews: list by period, open (or get the existing one), answer, complete,
compare two, adjust a goal from a review, and the review schedule."""

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import StringConstraints

from careerpath.accounts.models import User
from careerpath.core.access import get_owned_or_404
from careerpath.core.api import Pagination
from careerpath.goals.models import Goal
from careerpath.reviews import services
from careerpath.reviews.models import ANSWER_MAX, Review, ReviewSchedule

router = Router(tags=["reviews"])

CadenceName = Literal["weekly", "monthly", "quarterly", "yearly"]
Answer = Annotated[str, StringConstraints(strip_whitespace=True, max_length=ANSWER_MAX)]


def _user(request: HttpRequest) -> User:
    user = request.auth  # type: ignore[attr-defined]
    assert isinstance(user, User)
    return user


class ReviewAnswers(Schema):
    moving_towards: Answer | None = Field(
        None, description="Am I moving towards my goals?"
    )
    still_fit: Answer | None = Field(
        None, description="Do my goals still fit my values and aspiration?"
    )
    setbacks_taught: Answer | None = Field(
        None, description="What did the setbacks teach me?"
    )
    adjust: Answer | None = Field(None, description="What will I adjust?")
    focus_next: Answer | None = Field(
        None, description="What will I focus on next period?"
    )

    def given(self) -> dict[str, str]:
        return {
            k: v
            for k, v in self.dict().items()
            if k in Review.ANSWER_FIELDS and v is not None
        }


class ReviewOpenIn(ReviewAnswers):
    cadence: CadenceName
    day: date = Field(
        ...,
        description="Any day in the period to review; the period must have started.",
    )
    complete: bool = Field(
        False, description="Complete now: the summary is frozen as it is today."
    )


class ReviewPatch(ReviewAnswers):
    complete: bool = False


class ReviewOut(Schema):
    id: int
    cadence: str
    period_start: date
    period_end: date
    label: str
    moving_towards: str
    still_fit: str
    setbacks_taught: str
    adjust: str
    focus_next: str
    completed_at: datetime | None
    decisions: list[dict[str, str]]


class ReviewDetailOut(ReviewOut):
    summary: list[dict[str, Any]] = Field(
        ..., description="Every area's part: frozen when completed, live while a draft."
    )


class ReviewStatChange(Schema):
    section: str
    label: str
    before: str
    after: str
    changed: bool


class ReviewGoalAdjustIn(Schema):
    goal_id: int
    target: Decimal | None = None
    deadline: date | None = None
    status: Literal["draft", "active", "paused", "achieved", "abandoned"] | None = None
    reason: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)
    ]


class ReviewScheduleOut(Schema):
    cadence: str
    enabled: bool
    weekday: int
    days_before_end: int


class ReviewScheduleIn(Schema):
    cadence: CadenceName
    enabled: bool = True
    weekday: int = Field(
        4, ge=0, le=6, description="0 = Monday … 6 = Sunday (weekly reviews)."
    )
    days_before_end: int = Field(6, ge=0, le=60)


def _detail(review: Review) -> dict[str, Any]:
    data = ReviewOut.from_orm(review).dict()
    data["summary"] = services.summary_of(review)
    return data


@router.get(
    "/reviews", response=list[ReviewOut], summary="Your reviews, latest period first"
)
@paginate(Pagination)
def list_reviews(request: HttpRequest, cadence: CadenceName | None = None) -> Any:
    reviews = Review.objects.owned_by(_user(request))
    return reviews.filter(cadence=cadence) if cadence else reviews


@router.post(
    "/reviews",
    response={200: ReviewDetailOut, 201: ReviewDetailOut},
    summary="Open the review of a period",
    description="Creates it with the answers given; when you already have a review of "
    "that period, returns it unchanged (200).",
)
def open_review(request: HttpRequest, payload: ReviewOpenIn) -> Any:
    user = _user(request)
    today = user.today()
    start, _end = services.check_period(payload.cadence, payload.day, today=today)
    existing = services.find_review(user, payload.cadence, start)
    if existing is not None:
        return Status(200, _detail(existing))
    review, _ = services.save_review(
        owner=user,
        cadence=payload.cadence,
        day=payload.day,
        answers=payload.given(),
        today=today,
        complete=payload.complete,
    )
    return Status(201, _detail(review))


@router.get("/reviews/{review_id}", response=ReviewDetailOut)
def get_review(request: HttpRequest, review_id: int) -> Any:
    return _detail(get_owned_or_404(Review, _user(request), pk=review_id))


@router.patch(
    "/reviews/{review_id}",
    response=ReviewDetailOut,
    summary="Answer or complete a review",
)
def patch_review(request: HttpRequest, review_id: int, payload: ReviewPatch) -> Any:
    review = get_owned_or_404(Review, _user(request), pk=review_id)
    services.update_review(review, answers=payload.given(), complete=payload.complete)
    return _detail(review)


@router.delete("/reviews/{review_id}", response={204: None})
def delete_review(request: HttpRequest, review_id: int) -> Any:
    services.delete_review(get_owned_or_404(Review, _user(request), pk=review_id))
    return Status(204, None)


@router.get(
    "/reviews/{review_id}/compare/{other_id}",
    response=list[ReviewStatChange],
    summary="Each headline figure of two reviews side by side",
)
def compare_reviews(request: HttpRequest, review_id: int, other_id: int) -> Any:
    user = _user(request)
    first = get_owned_or_404(Review, user, pk=review_id)
    second = get_owned_or_404(Review, user, pk=other_id)
    return [
        {
            "section": r.section,
            "label": r.label,
            "before": r.before,
            "after": r.after,
            "changed": r.changed,
        }
        for r in services.compare_reviews(first, second)
    ]


@router.post(
    "/reviews/{review_id}/goal-adjustments",
    response=ReviewDetailOut,
    summary="Adjust a goal from a review; its history links to the review",
)
def adjust_goal(
    request: HttpRequest, review_id: int, payload: ReviewGoalAdjustIn
) -> Any:
    user = _user(request)
    review = get_owned_or_404(Review, user, pk=review_id)
    goal = get_owned_or_404(Goal, user, pk=payload.goal_id)
    data = {
        k: v
        for k, v in payload.dict().items()
        if k in ("target", "deadline", "status") and v is not None
    }
    services.adjust_goal_in_review(
        review, goal, data=data, reason=payload.reason, today=user.today()
    )
    return _detail(review)


@router.get("/review-schedules", response=list[ReviewScheduleOut])
def list_schedules(request: HttpRequest) -> Any:
    return ReviewSchedule.objects.owned_by(_user(request))


@router.put(
    "/review-schedules",
    response=ReviewScheduleOut,
    summary="Set when one cadence falls due",
)
def put_schedule(request: HttpRequest, payload: ReviewScheduleIn) -> Any:
    return services.save_schedule(owner=_user(request), **payload.dict())
