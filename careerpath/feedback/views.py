"""Feedback pages: requests with their ready-to-send text, feedback received, improvement areas."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from careerpath.core.access import get_owned_or_404
from careerpath.core.forms import apply_validation_error
from careerpath.core.http import AuthenticatedHttpRequest
from careerpath.core.pagination import paginate, query_without_page
from careerpath.feedback.forms import (
    FeedbackForm,
    FeedbackRequestForm,
    RequestStatusForm,
)
from careerpath.feedback.improvement import theme_goals, theme_report
from careerpath.feedback.models import Feedback, FeedbackRequest
from careerpath.feedback.services import (
    email_configured,
    record_feedback,
    request_text,
    save_request,
    send_request,
    set_request_status,
    turn_theme_into_goal,
)
from careerpath.feedback.suggestions import (
    merge_suggestions,
    rank_names,
    skill_suggestions,
)
from careerpath.feedback.themes import SUGGESTED_THEMES, theme_key
from careerpath.network.models import Contact

PAGE_SIZE = 25


# --- Feedback received ------------------------------------------------------------


def feedback_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    theme = theme_key(request.GET.get("theme", ""))
    rows = Feedback.objects.owned_by(request.user).select_related("request")
    if kind in Feedback.Kind.values:
        rows = rows.filter(kind=kind)
    if theme:
        # Themes are free tags compared by normalised name; the list is filtered here
        # because JSON containment is not portable to SQLite.
        rows = [f for f in rows if theme in {theme_key(t) for t in f.themes}]  # type: ignore[assignment]
    page = paginate(rows, request.GET.get("page"), per_page=PAGE_SIZE)
    counts = dict(
        Feedback.objects.owned_by(request.user)
        .values_list("kind")
        .annotate(n=Count("pk"))
        .values_list("kind", "n")
    )
    return TemplateResponse(
        request,
        "feedback/feedback_list.html",
        {
            "items": page.object_list,
            "page": page,
            "query": query_without_page(request),
            "kind": kind,
            "theme": request.GET.get("theme", ""),
            "kinds": Feedback.Kind.choices,
            "counts": counts,
            "total": sum(counts.values()),
            "pending_count": FeedbackRequest.objects.owned_by(request.user)
            .pending()
            .count(),
        },
    )


def _suggestions(request: AuthenticatedHttpRequest) -> dict[str, list[str]]:
    used = list(
        Feedback.objects.owned_by(request.user)
        .order_by("-received_on")
        .values_list("themes", "skills")[:200]
    )
    own_themes = rank_names((themes for themes, _ in used), limit=12)
    return {
        "theme_suggestions": merge_suggestions(own_themes, SUGGESTED_THEMES, limit=16),
        "skill_suggestions": skill_suggestions((skills for _, skills in used)),
    }


def _feedback_form_page(
    request: AuthenticatedHttpRequest, form: FeedbackForm, feedback: Feedback | None
) -> HttpResponse:
    context = {"form": form, "feedback": feedback, **_suggestions(request)}
    return TemplateResponse(
        request,
        "feedback/feedback_form.html",
        context,
        status=422 if form.is_bound else 200,
    )


@require_http_methods(["GET", "POST"])
def feedback_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    initial: dict[str, Any] = {"received_on": request.user.today()}
    asked = request.GET.get("request", "")
    if asked.isdigit():
        answered = (
            FeedbackRequest.objects.owned_by(request.user).filter(pk=int(asked)).first()
        )
        if answered:
            initial |= {
                "request": answered.pk,
                "source": answered.recipient_name,
                "context": answered.about,
            }
    data = request.POST if request.method == "POST" else None
    form = FeedbackForm(data, owner=request.user, initial=initial)
    if data is not None and form.is_valid():
        try:
            record_feedback(owner=request.user, data=form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Feedback saved.")
            return redirect("feedback:feedback_list")
    return _feedback_form_page(request, form, None)


@require_http_methods(["GET", "POST"])
def feedback_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    feedback = get_owned_or_404(Feedback, request.user, pk=pk)
    data = request.POST if request.method == "POST" else None
    form = FeedbackForm(data, owner=request.user, instance=feedback)
    if data is not None and form.is_valid():
        try:
            record_feedback(
                owner=request.user, data=form.cleaned_data, feedback=feedback
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Feedback updated.")
            return redirect("feedback:feedback_list")
    return _feedback_form_page(request, form, feedback)


@require_http_methods(["GET", "POST"])
def feedback_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    feedback = get_owned_or_404(Feedback, request.user, pk=pk)
    if request.method == "POST":
        feedback.delete()
        messages.success(request, f"Deleted the feedback from {feedback.source}.")
        return redirect("feedback:feedback_list")
    return TemplateResponse(
        request,
        "feedback/confirm_delete.html",
        {
            "title": f"Delete the feedback from {feedback.source}?",
            "text": "It also leaves the improvement areas it counted towards.",
            "cancel_url": reverse("feedback:feedback_edit", args=[feedback.pk]),
        },
    )


# --- Requests -------------------------------------------------------------------------


def request_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    status = request.GET.get("status", FeedbackRequest.Status.PENDING)
    rows = FeedbackRequest.objects.owned_by(request.user).select_related("goal")
    if status in FeedbackRequest.Status.values:
        rows = rows.filter(status=status)
    page = paginate(rows, request.GET.get("page"), per_page=PAGE_SIZE)
    counts = dict(
        FeedbackRequest.objects.owned_by(request.user)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return TemplateResponse(
        request,
        "feedback/request_list.html",
        {
            "requests": page.object_list,
            "page": page,
            "query": query_without_page(request),
            "status": status,
            "statuses": FeedbackRequest.Status.choices,
            "counts": counts,
            "today": request.user.today(),
        },
    )


def _request_form_page(
    request: AuthenticatedHttpRequest,
    form: FeedbackRequestForm,
    feedback_request: FeedbackRequest | None,
) -> HttpResponse:
    return TemplateResponse(
        request,
        "feedback/request_form.html",
        {"form": form, "feedback_request": feedback_request},
        status=422 if form.is_bound else 200,
    )


@require_http_methods(["GET", "POST"])
def request_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = request.user.today()
    initial: dict[str, Any] = {"asked_on": today}
    goal_id = request.GET.get("goal", "")
    if goal_id.isdigit():
        initial |= {"goal": int(goal_id), "about_kind": FeedbackRequest.About.GOAL}
    contact_id = request.GET.get("contact", "")
    if contact_id.isdigit():
        contact = get_owned_or_404(Contact, request.user, pk=int(contact_id))
        initial |= {
            "contact": contact.pk,
            "recipient_name": contact.name,
            "recipient_email": contact.emails[0] if contact.emails else "",
        }
    data = request.POST if request.method == "POST" else None
    form = FeedbackRequestForm(data, owner=request.user, initial=initial)
    if data is not None and form.is_valid():
        try:
            created = save_request(owner=request.user, data=form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Request saved: here is the text to send.")
            return redirect(created)
    return _request_form_page(request, form, None)


def request_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    feedback_request = get_owned_or_404(
        FeedbackRequest.objects.select_related("goal", "owner", "contact"),
        request.user,
        pk=pk,
    )
    return TemplateResponse(
        request,
        "feedback/request_detail.html",
        {
            "feedback_request": feedback_request,
            "text": request_text(feedback_request),
            "can_email": email_configured(),
            "answers": list(feedback_request.answers.all()),
            "today": request.user.today(),
        },
    )


@require_http_methods(["GET", "POST"])
def request_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    feedback_request = get_owned_or_404(FeedbackRequest, request.user, pk=pk)
    data = request.POST if request.method == "POST" else None
    form = FeedbackRequestForm(data, owner=request.user, instance=feedback_request)
    if data is not None and form.is_valid():
        try:
            save_request(
                owner=request.user, data=form.cleaned_data, request=feedback_request
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Request updated.")
            return redirect(feedback_request)
    return _request_form_page(request, form, feedback_request)


@require_POST
def request_status(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    feedback_request = get_owned_or_404(FeedbackRequest, request.user, pk=pk)
    form = RequestStatusForm(request.POST)
    if form.is_valid():
        set_request_status(
            feedback_request,
            status=form.cleaned_data["status"],
            today=request.user.today(),
        )
        messages.success(
            request, f"Request marked {feedback_request.get_status_display().lower()}."
        )
    else:
        messages.error(request, "Choose pending, received or declined.")
    return redirect(feedback_request)


@require_POST
def request_send(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    feedback_request = get_owned_or_404(FeedbackRequest, request.user, pk=pk)
    try:
        send_request(feedback_request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, f"Sent to {feedback_request.recipient_email}; replies come to you."
        )
    return redirect(feedback_request)


@require_http_methods(["GET", "POST"])
def request_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    feedback_request = get_owned_or_404(FeedbackRequest, request.user, pk=pk)
    if request.method == "POST":
        feedback_request.delete()
        messages.success(request, "Request deleted; feedback you recorded is kept.")
        return redirect("feedback:request_list")
    return TemplateResponse(
        request,
        "feedback/confirm_delete.html",
        {
            "title": f"Delete the request to {feedback_request.recipient_name}?",
            "text": "Feedback you recorded for it is kept.",
            "cancel_url": feedback_request.get_absolute_url(),
        },
    )


# --- Themes ------------------------------------------------------------------------------


def improvement_areas(request: AuthenticatedHttpRequest) -> HttpResponse:
    report = theme_report(request.user)
    goals = theme_goals(request.user)
    return TemplateResponse(
        request,
        "feedback/improvement_areas.html",
        {
            "areas": [{"theme": s, "goal": goals.get(s.key)} for s in report.areas],
            "strengths": report.strengths,
            "others": [
                s for s in report.all_themes if not s.is_area and not s.is_strength
            ],
        },
    )


@require_POST
def theme_goal(request: AuthenticatedHttpRequest) -> HttpResponse:
    theme = request.POST.get("theme", "")[:80]
    try:
        goal = turn_theme_into_goal(
            owner=request.user, theme=theme, today=request.user.today()
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("feedback:improvement_areas")
    messages.success(
        request,
        "Draft goal created from the theme: give it a measure and a deadline, then activate it.",
    )
    return redirect("goals:goal_edit", pk=goal.pk)
