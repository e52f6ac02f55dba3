"""Goal pages: list, detail with SMART check and progress, form, action plan, roadmap."""

from __future__ import annotations

import copy
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from careerpath.core.access import get_owned_or_404
from careerpath.core.forms import apply_validation_error
from careerpath.core.http import AuthenticatedHttpRequest
from careerpath.goals import roadmap as roadmap_model
from careerpath.goals.forms import (
    ActionStepForm,
    AspirationForm,
    GoalForm,
    GoalStatusForm,
    KpiReadingForm,
    MilestoneForm,
)
from careerpath.goals.models import ActionStep, Aspiration, Goal, KpiReading, Milestone
from careerpath.goals.profile_link import default_aspiration, profile_values
from careerpath.goals.services import (
    add_milestone,
    add_reading,
    add_step,
    adjust_goal,
    complete_milestone,
    create_goal,
    delete_goal,
    reached_target,
    save_aspiration,
    smart_report,
    toggle_step,
    update_milestone,
)
from careerpath.goals.smart import LETTER_NAMES
from careerpath.goals.tracking import goal_pace, pace_chart_for

CELEBRATE = "celebrate"


def goal_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = request.user.today()
    status = request.GET.get("status", "open")
    category = request.GET.get("category", "")
    goals = Goal.objects.owned_by(request.user).with_progress()
    if status == "open":
        goals = goals.open()
    elif status in Goal.Status.values:
        goals = goals.filter(status=status)
    if category in Goal.Category.values:
        goals = goals.filter(category=category)
    rows = [{"goal": goal, "pace": goal_pace(goal, today=today)} for goal in goals]
    counts = dict(
        Goal.objects.owned_by(request.user)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return TemplateResponse(
        request,
        "goals/goal_list.html",
        {
            "rows": rows,
            "status": status,
            "category": category,
            "statuses": Goal.Status.choices,
            "categories": Goal.Category.choices,
            "counts": counts,
            "open_count": sum(counts.get(s, 0) for s in Goal.OPEN_STATUSES),
            "today": today,
        },
    )


def _detail_context(request: AuthenticatedHttpRequest, goal: Goal) -> dict[str, Any]:
    today = request.user.today()
    milestones = list(goal.milestones.all())
    readings = list(goal.readings.all())
    return {
        "goal": goal,
        "today": today,
        "report": smart_report(
            goal, today=today, milestone_dates=[m.due_on for m in milestones]
        ),
        "letter_names": LETTER_NAMES,
        "pace": goal_pace(goal, today=today),
        "chart": pace_chart_for(goal, today=today) if goal.is_metric else None,
        "milestones": milestones,
        "steps": list(goal.steps.select_related("milestone")),
        "readings": list(reversed(readings)),
        "changes": list(goal.changes.all()),
        "children": list(goal.children.all()),
        "reached_target": reached_target(goal, readings)
        and goal.status == Goal.Status.ACTIVE,
        "milestone_form": MilestoneForm(goal=goal),
        "step_form": ActionStepForm(goal=goal),
        "reading_form": KpiReadingForm(goal=goal, initial={"read_on": today}),
        "status_form": GoalStatusForm(initial={"status": goal.status}),
    }


def _goal_for_detail(request: AuthenticatedHttpRequest, pk: int) -> Goal:
    return get_owned_or_404(Goal.objects.with_progress(), request.user, pk=pk)


def goal_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    goal = _goal_for_detail(request, pk)
    return TemplateResponse(
        request, "goals/goal_detail.html", _detail_context(request, goal)
    )


def _render_detail_with(
    request: AuthenticatedHttpRequest, goal: Goal, **forms: Any
) -> HttpResponse:
    context = _detail_context(request, goal)
    context.update(forms)
    return TemplateResponse(request, "goals/goal_detail.html", context, status=422)


@require_http_methods(["GET", "POST"])
def goal_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = request.user.today()
    aspiration = default_aspiration(request.user)
    initial: dict[str, Any] = {
        "starts_on": today,
        # The profile's long-term aspiration and values, offered: the person changes them.
        "aspiration": aspiration.pk if aspiration else None,
        "values": profile_values(request.user),
    }
    parent_id = request.GET.get("parent", "")
    if parent_id.isdigit():
        parent = Goal.objects.owned_by(request.user).filter(pk=int(parent_id)).first()
        if parent:
            initial |= {
                "parent": parent,
                "aspiration": parent.aspiration_id,
                "category": parent.category,
            }
    data = request.POST if request.method == "POST" else None
    form = GoalForm(data, owner=request.user, initial=initial)
    if data is not None and form.is_valid():
        try:
            goal = create_goal(
                owner=request.user,
                data=form.cleaned_data,
                today=today,
                confirm_failing=form.cleaned_data["confirm_activation"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Goal saved.")
            return redirect(goal)
    return TemplateResponse(
        request,
        "goals/goal_form.html",
        {
            "form": form,
            "report": _form_report(request, form),
            "letter_names": LETTER_NAMES,
        },
        status=422 if data is not None else 200,
    )


@require_http_methods(["GET", "POST"])
def goal_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    goal = get_owned_or_404(Goal.objects.with_progress(), request.user, pk=pk)
    data = request.POST if request.method == "POST" else None
    # The form validates a copy, so the service still sees the goal as it was
    # and can record what changed.
    form = GoalForm(data, owner=request.user, instance=copy.copy(goal))
    if data is not None and form.is_valid():
        try:
            changes = adjust_goal(
                goal,
                data=form.cleaned_data,
                reason=form.cleaned_data.get("reason", ""),
                today=request.user.today(),
                confirm_failing=form.cleaned_data["confirm_activation"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            _announce(request, goal, changes)
            return redirect(goal)
    return TemplateResponse(
        request,
        "goals/goal_form.html",
        {
            "form": form,
            "goal": goal,
            "report": _form_report(request, form),
            "letter_names": LETTER_NAMES,
        },
        status=422 if data is not None else 200,
    )


def _announce(
    request: AuthenticatedHttpRequest, goal: Goal, changes: list[Any]
) -> None:
    if goal.status == Goal.Status.ACHIEVED and any(
        c.field == "status" for c in changes
    ):
        messages.success(
            request,
            f"Goal achieved: “{goal.statement}”. Well done!",
            extra_tags=CELEBRATE,
        )
    elif changes:
        messages.success(
            request, "Goal updated; the change and your reason are in its history."
        )
    else:
        messages.success(request, "Goal saved.")


def _form_report(request: AuthenticatedHttpRequest, form: GoalForm) -> Any:
    """The SMART check of whatever the form holds, valid or not."""
    goal = _draft_goal(request, form)
    milestone_dates = [m.due_on for m in goal.milestones.all()] if goal.pk else []
    return smart_report(
        goal, today=request.user.today(), milestone_dates=milestone_dates
    )


def _draft_goal(request: AuthenticatedHttpRequest, form: GoalForm) -> Goal:
    # ModelForm validation has already copied every valid field onto the instance;
    # a statement that failed validation (too long, say) is still worth checking.
    goal = copy.copy(form.instance)
    if form.is_bound and "statement" not in getattr(form, "cleaned_data", {}):
        goal.statement = form.data.get("statement", "")
    return goal


@require_POST
def smart_check(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The live SMART panel for the goal form (htmx posts the form as the person types)."""
    goal_pk = request.POST.get("goal_pk", "")
    instance = None
    if goal_pk.isdigit():
        instance = copy.copy(get_owned_or_404(Goal, request.user, pk=int(goal_pk)))
    form = GoalForm(request.POST, owner=request.user, instance=instance)
    form.is_valid()
    return TemplateResponse(
        request,
        "goals/goal_form.html#smart-panel",
        {"report": _form_report(request, form), "letter_names": LETTER_NAMES},
    )


@require_POST
def goal_status(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    goal = _goal_for_detail(request, pk)
    form = GoalStatusForm(request.POST)
    if form.is_valid():
        try:
            changes = adjust_goal(
                goal,
                data={"status": form.cleaned_data["status"]},
                reason=form.cleaned_data["reason"],
                today=request.user.today(),
                confirm_failing=form.cleaned_data["confirm_activation"],
            )
        except ValidationError as error:
            goal.refresh_from_db()
            apply_validation_error(form, error)
        else:
            _announce(request, goal, changes)
            return redirect(goal)
    goal = _goal_for_detail(request, pk)
    return _render_detail_with(request, goal, status_form=form, status_open=True)


@require_http_methods(["GET", "POST"])
def goal_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    goal = get_owned_or_404(Goal.objects.with_counts(), request.user, pk=pk)
    if request.method == "POST":
        delete_goal(goal)
        messages.success(request, f"Deleted “{goal.statement}”.")
        return redirect("goals:goal_list")
    return TemplateResponse(
        request,
        "goals/goal_confirm_delete.html",
        {
            "goal": goal,
            "step_count": goal.steps.count(),
            "reading_count": goal.readings.count(),
            "child_count": goal.children.count(),
        },
    )


def goal_plan(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The action plan: milestones in order, each with its steps, then loose steps."""
    goal = get_owned_or_404(
        Goal.objects.select_related("aspiration", "parent").prefetch_related(
            Prefetch(
                "milestones", queryset=Milestone.objects.prefetch_related("steps")
            ),
            Prefetch(
                "steps", queryset=ActionStep.objects.filter(milestone__isnull=True)
            ),
        ),
        request.user,
        pk=pk,
    )
    milestones = list(goal.milestones.all())
    loose = list(goal.steps.all())
    steps_total = sum(len(m.steps.all()) for m in milestones) + len(loose)
    steps_done = sum(1 for m in milestones for s in m.steps.all() if s.is_done) + sum(
        1 for s in loose if s.is_done
    )
    return TemplateResponse(
        request,
        "goals/goal_plan.html",
        {
            "goal": goal,
            "milestones": milestones,
            "loose_steps": loose,
            "today": request.user.today(),
            "steps_total": steps_total,
            "steps_done": steps_done,
        },
    )


# --- Milestones ------------------------------------------------------------


@require_POST
def milestone_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    goal = _goal_for_detail(request, pk)
    form = MilestoneForm(request.POST, goal=goal)
    if form.is_valid():
        add_milestone(
            goal, title=form.cleaned_data["title"], due_on=form.cleaned_data["due_on"]
        )
        messages.success(request, "Milestone added.")
        return redirect(reverse("goals:goal_detail", args=[goal.pk]) + "#milestones")
    return _render_detail_with(request, goal, milestone_form=form)


@require_http_methods(["GET", "POST"])
def milestone_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    milestone = get_owned_or_404(
        Milestone.objects.select_related("goal"), request.user, pk=pk
    )
    data = request.POST if request.method == "POST" else None
    form = MilestoneForm(data, goal=milestone.goal, instance=copy.copy(milestone))
    if data is not None and form.is_valid():
        update_milestone(
            milestone,
            title=form.cleaned_data["title"],
            due_on=form.cleaned_data["due_on"],
        )
        messages.success(request, "Milestone updated.")
        return redirect(milestone.goal)
    return TemplateResponse(
        request,
        "goals/milestone_form.html",
        {
            "form": form,
            "milestone": milestone,
            "goal": milestone.goal,
            "today": request.user.today(),
        },
        status=422 if data is not None else 200,
    )


@require_POST
def milestone_complete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    milestone = get_owned_or_404(
        Milestone.objects.select_related("goal"), request.user, pk=pk
    )
    complete_milestone(milestone, today=request.user.today())
    if milestone.is_done:
        messages.success(
            request, f"Milestone reached: “{milestone.title}”. 🎉", extra_tags=CELEBRATE
        )
    else:
        messages.info(request, f"“{milestone.title}” is open again.")
    return redirect(request.POST["next"] if _safe_next(request) else milestone.goal)


@require_POST
def milestone_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    milestone = get_owned_or_404(
        Milestone.objects.select_related("goal"), request.user, pk=pk
    )
    milestone.delete()
    messages.success(
        request, f"Deleted the milestone “{milestone.title}” and its steps."
    )
    return redirect(milestone.goal)


# --- Action steps ------------------------------------------------------------


@require_POST
def step_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    goal = _goal_for_detail(request, pk)
    form = ActionStepForm(request.POST, goal=goal)
    if form.is_valid():
        add_step(goal, **form.cleaned_data)
        messages.success(request, "Step added to the action plan.")
        return redirect(reverse("goals:goal_detail", args=[goal.pk]) + "#steps")
    return _render_detail_with(request, goal, step_form=form)


@require_POST
def step_toggle(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    step = get_owned_or_404(
        ActionStep.objects.select_related("goal"), request.user, pk=pk
    )
    toggle_step(step, today=request.user.today())
    return redirect(request.POST["next"] if _safe_next(request) else step.goal)


@require_POST
def step_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    step = get_owned_or_404(
        ActionStep.objects.select_related("goal"), request.user, pk=pk
    )
    step.delete()
    messages.success(request, "Step deleted.")
    return redirect(step.goal)


def _safe_next(request: AuthenticatedHttpRequest) -> bool:
    target = request.POST.get("next", "")
    return target.startswith("/") and not target.startswith("//")


# --- KPI readings ------------------------------------------------------------


@require_POST
def reading_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    goal = _goal_for_detail(request, pk)
    form = KpiReadingForm(request.POST, goal=goal)
    if form.is_valid():
        try:
            add_reading(goal, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Reading recorded.")
            return redirect(reverse("goals:goal_detail", args=[goal.pk]) + "#progress")
    return _render_detail_with(request, goal, reading_form=form)


@require_POST
def reading_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    reading = get_owned_or_404(
        KpiReading.objects.select_related("goal"), request.user, pk=pk
    )
    reading.delete()
    messages.success(request, "Reading deleted.")
    return redirect(reverse("goals:goal_detail", args=[reading.goal_id]) + "#progress")


# --- Aspirations ------------------------------------------------------------


def aspiration_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    aspirations = Aspiration.objects.owned_by(request.user).annotate(
        goal_count=Count("goals")
    )
    return TemplateResponse(
        request, "goals/aspiration_list.html", {"aspirations": aspirations}
    )


@require_http_methods(["GET", "POST"])
def aspiration_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    form = AspirationForm(
        data, initial={"starts_on": request.user.today(), "horizon_years": 5}
    )
    form.instance.owner = request.user
    if data is not None and form.is_valid():
        save_aspiration(owner=request.user, data=form.cleaned_data)
        messages.success(request, "Aspiration saved. Now set goals that serve it.")
        return redirect("goals:aspiration_list")
    return TemplateResponse(
        request,
        "goals/aspiration_form.html",
        {"form": form},
        status=422 if data is not None else 200,
    )


@require_http_methods(["GET", "POST"])
def aspiration_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    aspiration = get_owned_or_404(Aspiration, request.user, pk=pk)
    data = request.POST if request.method == "POST" else None
    form = AspirationForm(data, instance=copy.copy(aspiration))
    if data is not None and form.is_valid():
        save_aspiration(
            owner=request.user, data=form.cleaned_data, aspiration=aspiration
        )
        messages.success(request, "Aspiration updated.")
        return redirect("goals:aspiration_list")
    return TemplateResponse(
        request,
        "goals/aspiration_form.html",
        {"form": form, "aspiration": aspiration},
        status=422 if data is not None else 200,
    )


@require_http_methods(["GET", "POST"])
def aspiration_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    aspiration = get_owned_or_404(
        Aspiration.objects.annotate(goal_count=Count("goals")), request.user, pk=pk
    )
    if request.method == "POST":
        aspiration.delete()
        messages.success(
            request, f"Deleted the aspiration “{aspiration.title}”; its goals are kept."
        )
        return redirect("goals:aspiration_list")
    return TemplateResponse(
        request, "goals/aspiration_confirm_delete.html", {"aspiration": aspiration}
    )


# --- Roadmap ------------------------------------------------------------------


def roadmap(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = request.user.today()
    status = request.GET.get("status", "open")
    category = request.GET.get("category", "")
    range_key = request.GET.get("range", roadmap_model.DEFAULT_RANGE)
    if range_key not in roadmap_model.RANGES:
        range_key = roadmap_model.DEFAULT_RANGE
    view = roadmap_model.build_roadmap(
        request.user,
        today=today,
        status=status,
        category=category,
        range_key=range_key,
    )
    return TemplateResponse(
        request,
        "goals/roadmap.html",
        {
            "roadmap": view,
            "status": status,
            "category": category,
            "statuses": Goal.Status.choices,
            "categories": Goal.Category.choices,
            "range": range_key,
            "ranges": [(k, label) for k, (label, _) in roadmap_model.RANGES.items()],
            "today": today,
        },
    )
