"""Profile and self-assessment pages."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from careerpath.core.access import get_owned_or_404
from careerpath.core.http import AuthenticatedHttpRequest
from careerpath.core.pagination import page_window
from careerpath.profiles.forms import (
    ProfileForm,
    SelfAssessmentForm,
    responsibility_formset,
)
from careerpath.profiles.history import compare_assessments
from careerpath.profiles.models import SelfAssessment
from careerpath.profiles.services import (
    facts_of,
    get_profile,
    record_assessment,
    save_profile,
    update_assessment,
)


def profile_detail(request: AuthenticatedHttpRequest) -> HttpResponse:
    profile = get_profile(request.user)
    latest = (
        SelfAssessment.objects.owned_by(request.user).with_responsibilities().first()
    )
    return TemplateResponse(
        request, "profiles/profile_detail.html", {"profile": profile, "latest": latest}
    )


@require_http_methods(["GET", "POST"])
def profile_edit(request: AuthenticatedHttpRequest) -> HttpResponse:
    profile = get_profile(request.user)
    form = ProfileForm(request.POST or None, instance=profile, owner=request.user)
    if form.is_valid():
        save_profile(owner=request.user, data=form.cleaned_data)
        messages.success(request, "Your profile is saved.")
        return redirect("profiles:profile_detail")
    return TemplateResponse(
        request,
        "profiles/profile_form.html",
        {"form": form},
        status=422 if form.errors else 200,
    )


HISTORY_PAGE_SIZE = 10


def assessment_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The history, newest first, a page at a time, with what changed since the one before."""
    mine = SelfAssessment.objects.owned_by(request.user)
    page = page_window(
        count=mine.count(),
        requested=request.GET.get("page"),
        per_page=HISTORY_PAGE_SIZE,
    )
    # One row more than the page shows: the last entry's change needs the one before it.
    assessments = list(
        mine.with_responsibilities()[page.offset : page.offset + page.per_page + 1]
    )
    entries = []
    for index, assessment in enumerate(assessments[: page.per_page]):
        previous = assessments[index + 1] if index + 1 < len(assessments) else None
        change = (
            compare_assessments(facts_of(previous), facts_of(assessment))
            if previous
            else None
        )
        entries.append(
            {"assessment": assessment, "previous": previous, "change": change}
        )
    return TemplateResponse(
        request, "profiles/assessment_list.html", {"entries": entries, "page": page}
    )


def assessment_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    assessment = get_owned_or_404(
        SelfAssessment.objects.with_responsibilities(), request.user, pk=pk
    )
    previous = (
        SelfAssessment.objects.owned_by(request.user)
        .with_responsibilities()
        .filter(assessed_on__lt=assessment.assessed_on)
        .first()
    )
    change = (
        compare_assessments(facts_of(previous), facts_of(assessment))
        if previous
        else None
    )
    return TemplateResponse(
        request,
        "profiles/assessment_detail.html",
        {"assessment": assessment, "previous": previous, "change": change},
    )


@require_http_methods(["GET", "POST"])
def assessment_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    # A re-assessment starts from the last one, so the person edits rather than retypes.
    latest = (
        SelfAssessment.objects.owned_by(request.user).with_responsibilities().first()
    )
    initial: dict[str, object] = {"assessed_on": request.user.today()}
    rows: list[dict[str, object]] = []
    if latest:
        initial |= {
            "strengths": latest.strengths,
            "weaknesses": latest.weaknesses,
            "job_satisfaction": latest.job_satisfaction,
            "goal_alignment": latest.goal_alignment,
        }
        rows = [
            {"name": r.name, "energy": r.energy} for r in latest.responsibilities.all()
        ]
    data = request.POST if request.method == "POST" else None
    form = SelfAssessmentForm(data, owner=request.user, initial=initial)
    formset = responsibility_formset(data, initial=rows)
    if data is not None and form.is_valid() and formset.is_valid():
        assessment = record_assessment(
            owner=request.user, data=form.cleaned_data, responsibilities=formset.rows()
        )
        messages.success(request, "Self-assessment saved. See what changed below.")
        return redirect(assessment)
    return TemplateResponse(
        request,
        "profiles/assessment_form.html",
        {"form": form, "formset": formset, "based_on": latest},
        status=422 if data is not None else 200,
    )


@require_http_methods(["GET", "POST"])
def assessment_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    assessment = get_owned_or_404(
        SelfAssessment.objects.with_responsibilities(), request.user, pk=pk
    )
    data = request.POST if request.method == "POST" else None
    form = SelfAssessmentForm(data, owner=request.user, instance=assessment)
    rows = [
        {"name": r.name, "energy": r.energy} for r in assessment.responsibilities.all()
    ]
    formset = responsibility_formset(data, initial=rows)
    if data is not None and form.is_valid() and formset.is_valid():
        update_assessment(
            assessment=assessment,
            data=form.cleaned_data,
            responsibilities=formset.rows(),
        )
        messages.success(request, "Self-assessment updated.")
        return redirect(assessment)
    return TemplateResponse(
        request,
        "profiles/assessment_form.html",
        {"form": form, "formset": formset, "assessment": assessment},
        status=422 if data is not None else 200,
    )


@require_http_methods(["GET", "POST"])
def assessment_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    assessment = get_owned_or_404(SelfAssessment, request.user, pk=pk)
    if request.method == "POST":
        assessment.delete()
        messages.success(
            request,
            f"The self-assessment of {assessment.assessed_on:%-d %B %Y} is deleted.",
        )
        return redirect("profiles:assessment_list")
    return TemplateResponse(
        request, "profiles/assessment_confirm_delete.html", {"assessment": assessment}
    )
