"""API for aspirations, goals, milestones, action steps, KPI readings and the SMART check."""

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
from careerpath.goals.models import ActionStep, Aspiration, Goal, KpiReading, Milestone
from careerpath.goals.services import (
    add_milestone,
    add_reading,
    add_step,
    adjust_goal,
    complete_milestone,
    create_goal,
    delete_goal,
    save_aspiration,
    smart_report,
    toggle_step,
    update_milestone,
)
from careerpath.goals.smart import GoalDraft, check_smart
from careerpath.goals.tracking import goal_pace

router = Router(tags=["goals"])

Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)
]
Amount = Annotated[Decimal, Field(max_digits=14, decimal_places=2)]
ValueItem = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)
]
StatusName = Literal["draft", "active", "paused", "achieved", "abandoned"]
CategoryName = Literal[
    "role", "skill", "learning", "project", "network", "balance", "other"
]


# --- Schemas -----------------------------------------------------------------


class FindingOut(Schema):
    letter: str
    verdict: str
    advice: list[str]


class PaceOut(Schema):
    status: str
    reason: str
    expected_today: Decimal | None
    actual: Decimal | None
    difference: Decimal | None


class GoalOut(Schema):
    id: int
    parent_id: int | None
    aspiration_id: int | None
    category: str
    statement: str
    is_binary: bool
    metric_name: str
    metric_unit: str
    baseline: Decimal | None
    target: Decimal | None
    direction: str
    achievability_note: str
    values: list[str]
    relevance_note: str
    starts_on: date
    deadline: date | None
    status: str
    priority: int
    achieved_on: date | None
    created_at: datetime
    updated_at: datetime


class GoalDetailOut(GoalOut):
    smart: list[FindingOut]
    pace: PaceOut


class GoalIn(Schema):
    statement: str = Field(..., min_length=1, max_length=300)
    category: CategoryName = "other"
    parent_id: int | None = None
    aspiration_id: int | None = None
    is_binary: bool = False
    metric_name: str = Field("", max_length=80)
    metric_unit: str = Field("", max_length=24)
    baseline: Amount | None = None
    target: Amount | None = None
    direction: Literal["increase", "decrease"] = "increase"
    achievability_note: str = Field("", max_length=2000)
    values: list[ValueItem] = Field(default_factory=list, max_length=20)
    relevance_note: str = Field("", max_length=2000)
    starts_on: date | None = None
    deadline: date | None = None
    status: Literal["draft", "active"] = "draft"
    priority: Literal[1, 2, 3] = 2
    confirm_failing: bool = Field(
        False, description="Activate even if the SMART check fails."
    )


class GoalPatch(PatchSchema):
    statement: str = omittable(min_length=1, max_length=300)
    category: CategoryName = omittable()
    parent_id: int | None = None
    aspiration_id: int | None = None
    is_binary: bool = omittable()
    metric_name: str = omittable(max_length=80)
    metric_unit: str = omittable(max_length=24)
    baseline: Amount | None = None
    target: Amount | None = None
    direction: Literal["increase", "decrease"] = omittable()
    achievability_note: str = omittable(max_length=2000)
    values: list[ValueItem] = omittable(max_length=20)
    relevance_note: str = omittable(max_length=2000)
    starts_on: date = omittable()
    deadline: date | None = None
    status: StatusName = omittable()
    priority: Literal[1, 2, 3] = omittable()
    reason: str = Field(
        "",
        max_length=500,
        description="Required when statement, target, deadline or status change.",
    )
    confirm_failing: bool = False


class SmartDraftIn(Schema):
    statement: str = Field("", max_length=300)
    is_binary: bool = False
    metric_name: str = Field("", max_length=80)
    metric_unit: str = Field("", max_length=24)
    baseline: Amount | None = None
    target: Amount | None = None
    direction: Literal["increase", "decrease"] = "increase"
    achievability_note: str = Field("", max_length=2000)
    aspiration_id: int | None = None
    values: list[ValueItem] = Field(default_factory=list, max_length=20)
    relevance_note: str = Field("", max_length=2000)
    starts_on: date | None = None
    deadline: date | None = None
    milestone_dates: list[date] = Field(default_factory=list, max_length=100)


class MilestoneOut(Schema):
    id: int
    goal_id: int
    title: str
    due_on: date
    completed_on: date | None


class MilestoneIn(Schema):
    title: Text
    due_on: date


class MilestonePatch(PatchSchema):
    title: Text = omittable()
    due_on: date = omittable()
    completed: bool = omittable()


class StepOut(Schema):
    id: int
    goal_id: int
    milestone_id: int | None
    title: str
    due_on: date | None
    done_on: date | None


class StepIn(Schema):
    title: Text
    due_on: date | None = None
    milestone_id: int | None = None


class ReadingOut(Schema):
    id: int
    goal_id: int
    read_on: date
    value: Decimal
    note: str


class ReadingIn(Schema):
    read_on: date | None = None
    value: Amount
    note: str = Field("", max_length=200)


class AspirationOut(Schema):
    id: int
    title: str
    description: str
    starts_on: date
    horizon_years: int
    values: list[str]


class AspirationIn(Schema):
    title: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=160)
    ]
    description: str = Field("", max_length=4000)
    starts_on: date | None = None
    horizon_years: int = Field(5, ge=1, le=30)
    values: list[ValueItem] = Field(default_factory=list, max_length=20)


# --- Helpers --------------------------------------------------------------------


def _relations(user: User, data: dict[str, object]) -> dict[str, object]:
    """Turn parent_id / aspiration_id into the person's own objects (404 for anyone else's)."""
    if "parent_id" in data:
        pk = data.pop("parent_id")
        data["parent"] = get_owned_or_404(Goal, user, pk=pk) if pk is not None else None
    if "aspiration_id" in data:
        pk = data.pop("aspiration_id")
        data["aspiration"] = (
            get_owned_or_404(Aspiration, user, pk=pk) if pk is not None else None
        )
    return data


def _detail(request: ApiRequest, pk: int) -> dict[str, object]:
    user = request.auth
    goal = get_owned_or_404(Goal.objects.with_progress(), user, pk=pk)
    today = user.today()
    report = smart_report(goal, today=today)
    out = GoalOut.from_orm(goal).dict()
    out["smart"] = [
        {"letter": f.letter, "verdict": f.verdict, "advice": list(f.advice)}
        for f in report.findings
    ]
    pace = goal_pace(goal, today=today)
    out["pace"] = {
        "status": pace.status,
        "reason": pace.reason,
        "expected_today": pace.expected_today,
        "actual": pace.actual,
        "difference": pace.difference,
    }
    return out


# --- Goals ----------------------------------------------------------------------


@router.get("/goals", response=list[GoalOut], summary="Your goals")
@paginate(Pagination)
def list_goals(
    request: ApiRequest,
    status: StatusName | None = None,
    category: CategoryName | None = None,
) -> object:
    goals = Goal.objects.owned_by(request.auth).order_by("deadline", "pk")
    if status:
        goals = goals.filter(status=status)
    if category:
        goals = goals.filter(category=category)
    return goals


@router.post("/goals", response={201: GoalDetailOut}, summary="Create a goal")
def create_goal_endpoint(request: ApiRequest, payload: GoalIn) -> object:
    user = request.auth
    data = _relations(user, payload.dict())
    confirm = bool(data.pop("confirm_failing"))
    if data.get("starts_on") is None:
        data.pop("starts_on", None)
    goal = create_goal(
        owner=user, data=data, today=user.today(), confirm_failing=confirm
    )
    return Status(201, _detail(request, goal.pk))


@router.get(
    "/goals/{goal_id}",
    response=GoalDetailOut,
    summary="A goal with its SMART check and pace",
)
def get_goal(request: ApiRequest, goal_id: int) -> object:
    return _detail(request, goal_id)


@router.patch(
    "/goals/{goal_id}",
    response=GoalDetailOut,
    summary="Adjust a goal (a reason is kept for tracked changes)",
)
def patch_goal(request: ApiRequest, goal_id: int, payload: GoalPatch) -> object:
    user = request.auth
    goal = get_owned_or_404(Goal, user, pk=goal_id)
    data = _relations(user, payload.dict(exclude_unset=True))
    reason = str(data.pop("reason", ""))
    confirm = bool(data.pop("confirm_failing", False))
    adjust_goal(
        goal, data=data, reason=reason, today=user.today(), confirm_failing=confirm
    )
    return _detail(request, goal.pk)


@router.delete(
    "/goals/{goal_id}", response={204: None}, summary="Delete a goal and its parts"
)
def delete_goal_endpoint(request: ApiRequest, goal_id: int) -> object:
    delete_goal(get_owned_or_404(Goal, request.auth, pk=goal_id))
    return Status(204, None)


@router.post(
    "/smart-check",
    response=list[FindingOut],
    summary="Check a draft goal without saving it",
)
def smart_check_endpoint(request: ApiRequest, payload: SmartDraftIn) -> object:
    user = request.auth
    aspiration = (
        get_owned_or_404(Aspiration, user, pk=payload.aspiration_id)
        if payload.aspiration_id
        else None
    )
    others = Goal.objects.owned_by(user).active().values_list("starts_on", "deadline")
    today = user.today()
    draft = GoalDraft(
        statement=payload.statement,
        is_binary=payload.is_binary,
        metric_name=payload.metric_name,
        metric_unit=payload.metric_unit,
        baseline=payload.baseline,
        target=payload.target,
        direction=payload.direction,
        achievability_note=payload.achievability_note,
        has_aspiration=aspiration is not None,
        values=tuple(payload.values),
        relevance_note=payload.relevance_note,
        starts_on=payload.starts_on or today,
        deadline=payload.deadline,
        aspiration_horizon_end=aspiration.horizon_end if aspiration else None,
        milestone_dates=tuple(payload.milestone_dates),
        other_active_goals=tuple(others),
    )
    report = check_smart(draft, today=today)
    return [
        {"letter": f.letter, "verdict": f.verdict, "advice": list(f.advice)}
        for f in report.findings
    ]


# --- Milestones -------------------------------------------------------------------


@router.get(
    "/goals/{goal_id}/milestones", response=list[MilestoneOut], tags=["milestones"]
)
def list_milestones(request: ApiRequest, goal_id: int) -> object:
    goal = get_owned_or_404(Goal, request.auth, pk=goal_id)
    return list(goal.milestones.all())


@router.post(
    "/goals/{goal_id}/milestones", response={201: MilestoneOut}, tags=["milestones"]
)
def create_milestone(request: ApiRequest, goal_id: int, payload: MilestoneIn) -> object:
    goal = get_owned_or_404(Goal, request.auth, pk=goal_id)
    return Status(201, add_milestone(goal, title=payload.title, due_on=payload.due_on))


@router.patch("/milestones/{milestone_id}", response=MilestoneOut, tags=["milestones"])
def patch_milestone(
    request: ApiRequest, milestone_id: int, payload: MilestonePatch
) -> object:
    user = request.auth
    milestone = get_owned_or_404(
        Milestone.objects.select_related("goal"), user, pk=milestone_id
    )
    if payload.title is not None or payload.due_on is not None:
        update_milestone(
            milestone,
            title=payload.title if payload.title is not None else milestone.title,
            due_on=payload.due_on if payload.due_on is not None else milestone.due_on,
        )
    if payload.completed is not None and payload.completed != milestone.is_done:
        complete_milestone(milestone, today=user.today())
    return milestone


@router.delete("/milestones/{milestone_id}", response={204: None}, tags=["milestones"])
def delete_milestone(request: ApiRequest, milestone_id: int) -> object:
    get_owned_or_404(Milestone, request.auth, pk=milestone_id).delete()
    return Status(204, None)


# --- Action steps -------------------------------------------------------------------


@router.get("/goals/{goal_id}/steps", response=list[StepOut], tags=["action steps"])
def list_steps(request: ApiRequest, goal_id: int) -> object:
    goal = get_owned_or_404(Goal, request.auth, pk=goal_id)
    return list(goal.steps.all())


@router.post("/goals/{goal_id}/steps", response={201: StepOut}, tags=["action steps"])
def create_step(request: ApiRequest, goal_id: int, payload: StepIn) -> object:
    user = request.auth
    goal = get_owned_or_404(Goal, user, pk=goal_id)
    milestone = (
        get_owned_or_404(Milestone, user, pk=payload.milestone_id, goal=goal)
        if payload.milestone_id
        else None
    )
    return Status(
        201,
        add_step(goal, title=payload.title, due_on=payload.due_on, milestone=milestone),
    )


@router.post("/steps/{step_id}/toggle", response=StepOut, tags=["action steps"])
def toggle_step_endpoint(request: ApiRequest, step_id: int) -> object:
    user = request.auth
    return toggle_step(
        get_owned_or_404(ActionStep, user, pk=step_id), today=user.today()
    )


@router.delete("/steps/{step_id}", response={204: None}, tags=["action steps"])
def delete_step(request: ApiRequest, step_id: int) -> object:
    get_owned_or_404(ActionStep, request.auth, pk=step_id).delete()
    return Status(204, None)


# --- KPI readings ---------------------------------------------------------------------


@router.get("/goals/{goal_id}/readings", response=list[ReadingOut], tags=["readings"])
def list_readings(request: ApiRequest, goal_id: int) -> object:
    goal = get_owned_or_404(Goal, request.auth, pk=goal_id)
    return list(goal.readings.all())


@router.post("/goals/{goal_id}/readings", response={201: ReadingOut}, tags=["readings"])
def create_reading(request: ApiRequest, goal_id: int, payload: ReadingIn) -> object:
    user = request.auth
    goal = get_owned_or_404(Goal, user, pk=goal_id)
    reading = add_reading(
        goal,
        read_on=payload.read_on or user.today(),
        value=payload.value,
        note=payload.note,
    )
    return Status(201, reading)


@router.delete("/readings/{reading_id}", response={204: None}, tags=["readings"])
def delete_reading(request: ApiRequest, reading_id: int) -> object:
    get_owned_or_404(KpiReading, request.auth, pk=reading_id).delete()
    return Status(204, None)


# --- Aspirations ------------------------------------------------------------------------


@router.get("/aspirations", response=list[AspirationOut], tags=["aspirations"])
def list_aspirations(request: ApiRequest) -> object:
    return list(Aspiration.objects.owned_by(request.auth))


@router.post("/aspirations", response={201: AspirationOut}, tags=["aspirations"])
def create_aspiration(request: ApiRequest, payload: AspirationIn) -> object:
    user = request.auth
    data = payload.dict()
    data["starts_on"] = data["starts_on"] or user.today()
    return Status(201, save_aspiration(owner=user, data=data))


@router.get(
    "/aspirations/{aspiration_id}", response=AspirationOut, tags=["aspirations"]
)
def get_aspiration(request: ApiRequest, aspiration_id: int) -> object:
    return get_owned_or_404(Aspiration, request.auth, pk=aspiration_id)


@router.put(
    "/aspirations/{aspiration_id}", response=AspirationOut, tags=["aspirations"]
)
def put_aspiration(
    request: ApiRequest, aspiration_id: int, payload: AspirationIn
) -> object:
    user = request.auth
    aspiration = get_owned_or_404(Aspiration, user, pk=aspiration_id)
    data = payload.dict()
    data["starts_on"] = data["starts_on"] or aspiration.starts_on
    return save_aspiration(owner=user, data=data, aspiration=aspiration)


@router.delete(
    "/aspirations/{aspiration_id}", response={204: None}, tags=["aspirations"]
)
def delete_aspiration(request: ApiRequest, aspiration_id: int) -> object:
    get_owned_or_404(Aspiration, request.auth, pk=aspiration_id).delete()
    return Status(204, None)
