"""Achievement pages: the brag document by period or skill, the form, the promotion packet."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from careerpath.accounts.services import record_export
from careerpath.achievements.brag import group_by_period, group_by_skill
from careerpath.achievements.forms import AchievementForm, BragFilterForm
from careerpath.achievements.models import Achievement
from careerpath.achievements.packet import render_markdown, render_pdf
from careerpath.achievements.services import (
    promotion_packet,
    save_achievement,
    suggestions,
    win_of,
    with_evidence,
)
from careerpath.core.access import get_owned_or_404
from careerpath.core.forms import apply_validation_error
from careerpath.core.http import AuthenticatedHttpRequest
from careerpath.core.pagination import paginate, query_without_page
from careerpath.feedback.suggestions import skill_suggestions
from careerpath.goals.models import Goal, Milestone

PAGE_SIZE = 25


def _filters(
    request: AuthenticatedHttpRequest,
) -> tuple[BragFilterForm, dict[str, Any]]:
    defaults = {"view": "period", "period": "quarter"}
    form = BragFilterForm(request.GET or None, initial=defaults)
    cleaned: dict[str, Any] = dict(defaults)
    if form.is_bound and form.is_valid():
        cleaned |= {k: v for k, v in form.cleaned_data.items() if v}
    return form, cleaned


def achievement_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    form, chosen = _filters(request)
    rows = with_evidence(Achievement.objects.owned_by(request.user))
    if chosen.get("start"):
        rows = rows.filter(achieved_on__gte=chosen["start"])
    if chosen.get("end"):
        rows = rows.filter(achieved_on__lte=chosen["end"])
    page = None
    if chosen["view"] == "skill":
        # The skill view is an index (a win shows under each of its skills), so it
        # lists titles only and needs no pages.
        achievements = {a.pk: a for a in rows}
        groups = group_by_skill(win_of(a) for a in achievements.values())
    else:
        page = paginate(rows, request.GET.get("page"), per_page=PAGE_SIZE)
        achievements = {a.pk: a for a in page.object_list}
        groups = group_by_period(
            (win_of(a) for a in achievements.values()), chosen["period"]
        )
    return TemplateResponse(
        request,
        "achievements/achievement_list.html",
        {
            "form": form,
            "view": chosen["view"],
            "groups": [
                {"label": g.label, "items": [achievements[w.id] for w in g.wins]}
                for g in groups
            ],
            "page": page,
            "suggestions": suggestions(request.user, today=request.user.today()),
            "filtered": bool(request.GET),
            "query": query_without_page(request),
        },
    )


def _form_page(
    request: AuthenticatedHttpRequest,
    form: AchievementForm,
    achievement: Achievement | None,
) -> HttpResponse:
    used = Achievement.objects.owned_by(request.user).values_list("skills", flat=True)
    return TemplateResponse(
        request,
        "achievements/achievement_form.html",
        {
            "form": form,
            "achievement": achievement,
            "skill_suggestions": skill_suggestions(list(used[:200])),
        },
        status=422 if form.is_bound else 200,
    )


def _initial_from(request: AuthenticatedHttpRequest) -> dict[str, Any]:
    """Prefill from a suggestion: ?goal=<id> or ?milestone=<id> of the person's own."""
    initial: dict[str, Any] = {"achieved_on": request.user.today()}
    goal_id, milestone_id = (
        request.GET.get("goal", ""),
        request.GET.get("milestone", ""),
    )
    if milestone_id.isdigit():
        milestone = (
            Milestone.objects.owned_by(request.user)
            .select_related("goal")
            .filter(pk=int(milestone_id))
            .first()
        )
        if milestone:
            initial |= {
                "title": milestone.title,
                "milestone": milestone.pk,
                "goal": milestone.goal_id,
                "achieved_on": milestone.completed_on or initial["achieved_on"],
            }
    elif goal_id.isdigit():
        goal = Goal.objects.owned_by(request.user).filter(pk=int(goal_id)).first()
        if goal:
            initial |= {
                "title": goal.statement[:200],
                "goal": goal.pk,
                "achieved_on": goal.achieved_on or initial["achieved_on"],
                "what_i_did": goal.relevance_note,
            }
            if goal.is_metric and goal.target is not None:
                change = abs(goal.target - (goal.baseline or 0))
                initial |= {
                    "impact_value": change.to_integral()
                    if change == change.to_integral()
                    else change.normalize(),
                    "impact_unit": goal.metric_unit,
                }
    return initial


@require_http_methods(["GET", "POST"])
def achievement_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    form = AchievementForm(data, owner=request.user, initial=_initial_from(request))
    if data is not None and form.is_valid():
        try:
            save_achievement(
                owner=request.user,
                data=form.cleaned_data,
                feedback=form.cleaned_data["supporting_feedback"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Achievement added to your brag document.")
            return redirect("achievements:achievement_list")
    return _form_page(request, form, None)


@require_http_methods(["GET", "POST"])
def achievement_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    achievement = get_owned_or_404(
        Achievement.objects.prefetch_related("evidence"), request.user, pk=pk
    )
    data = request.POST if request.method == "POST" else None
    form = AchievementForm(data, owner=request.user, instance=achievement)
    if data is not None and form.is_valid():
        try:
            save_achievement(
                owner=request.user,
                data=form.cleaned_data,
                feedback=form.cleaned_data["supporting_feedback"],
                achievement=achievement,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Achievement updated.")
            return redirect("achievements:achievement_list")
    return _form_page(request, form, achievement)


@require_http_methods(["GET", "POST"])
def achievement_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    achievement = get_owned_or_404(Achievement, request.user, pk=pk)
    if request.method == "POST":
        achievement.delete()
        messages.success(request, f"Deleted “{achievement.title}”.")
        return redirect("achievements:achievement_list")
    return TemplateResponse(
        request,
        "achievements/achievement_confirm_delete.html",
        {"achievement": achievement},
    )


def _period(
    request: AuthenticatedHttpRequest,
) -> tuple[BragFilterForm, date | None, date | None]:
    form, chosen = _filters(request)
    return form, chosen.get("start"), chosen.get("end")


def packet(request: AuthenticatedHttpRequest) -> HttpResponse:
    form, start, end = _period(request)
    built = promotion_packet(request.user, start=start, end=end)
    return TemplateResponse(
        request,
        "achievements/packet.html",
        {
            "form": form,
            "packet": built,
            "query": request.GET.urlencode(),
        },
    )


def _download(
    request: AuthenticatedHttpRequest, body: bytes | str, content_type: str, ext: str
) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    stamp = request.user.today().isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="promotion-packet-{stamp}.{ext}"'
    )
    return response


def packet_markdown(request: AuthenticatedHttpRequest) -> HttpResponse:
    _, start, end = _period(request)
    text = render_markdown(promotion_packet(request.user, start=start, end=end))
    record_export(
        user=request.user, request=request, what="promotion packet (Markdown)"
    )
    return _download(request, text, "text/markdown; charset=utf-8", "md")


def packet_pdf(request: AuthenticatedHttpRequest) -> HttpResponse:
    _, start, end = _period(request)
    body = render_pdf(promotion_packet(request.user, start=start, end=end))
    record_export(user=request.user, request=request, what="promotion packet (PDF)")
    return _download(request, body, "application/pdf", "pdf")
