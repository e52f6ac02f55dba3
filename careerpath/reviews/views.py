"""Review pages: the list by period, opening the review of a period, answering and
completing it, comparing two, the schedule, and acting on decisions from a review."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods, require_POST

from careerpath.core.access import get_owned_or_404
from careerpath.core.forms import apply_validation_error
from careerpath.core.http import AuthenticatedHttpRequest
from careerpath.reviews import periods, services
from careerpath.reviews.forms import (
    AnswersForm,
    FollowUpForm,
    GoalAdjustForm,
    GoalDraftForm,
    LearningPlanForm,
    OpenReviewForm,
    ScheduleForm,
)
from careerpath.reviews.models import Cadence, Review, ReviewSchedule


def review_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    reviews = list(
        Review.objects.owned_by(request.user).only(
            "pk", "cadence", "period_start", "period_end", "completed_at", "focus_next"
        )
    )
    today = request.user.today()
    return TemplateResponse(
        request,
        "reviews/review_list.html",
        {
            "reviews": reviews,
            "completed": [r for r in reviews if r.is_completed],
            "open_form": OpenReviewForm(
                initial={"cadence": Cadence.MONTHLY, "day": today}
            ),
            "cadences": Cadence.choices,
        },
    )


def _detail_context(
    request: AuthenticatedHttpRequest,
    review: Review | None,
    *,
    cadence: str,
    start: date,
    end: date,
    **forms: Any,
) -> dict[str, Any]:
    owner = request.user
    sections = (
        services.summary_of(review)
        if review
        else services.period_summary(owner, start, end)
    )
    context: dict[str, Any] = {
        "review": review,
        "cadence": cadence,
        "cadence_label": Cadence(cadence).label,
        "start": start,
        "end": end,
        "label": periods.period_label(cadence, start),
        "sections": sections,
        "answers_form": forms.get("answers_form") or AnswersForm(instance=review),
    }
    if review is not None:
        context.update(
            adjust_form=forms.get("adjust_form") or GoalAdjustForm(owner=owner),
            draft_form=forms.get("draft_form") or GoalDraftForm(),
            learning_form=forms.get("learning_form") or LearningPlanForm(),
            follow_up_form=forms.get("follow_up_form")
            or _follow_up_form(request, review),
            others=[
                r
                for r in Review.objects.owned_by(owner)
                .completed()
                .filter(cadence=review.cadence)
                .exclude(pk=review.pk)
                .only("pk", "cadence", "period_start")
            ],
        )
    return context


def _follow_up_form(
    request: AuthenticatedHttpRequest, review: Review, data: Any = None
) -> FollowUpForm:
    return FollowUpForm(
        data,
        owner=request.user,
        start=review.period_start,
        end=review.period_end,
        today=request.user.today(),
    )


@require_http_methods(["GET", "POST"])
def review_open(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The review of the period containing a day: the existing one, or a new one pre-filled."""
    data = request.POST if request.method == "POST" else request.GET
    today = request.user.today()
    open_form = OpenReviewForm(data)
    if not open_form.is_valid():
        messages.error(request, "Choose a cadence and a day in the period to review.")
        return redirect("reviews:review_list")
    cadence, day = open_form.cleaned_data["cadence"], open_form.cleaned_data["day"]
    try:
        start, end = services.check_period(cadence, day, today=today)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("reviews:review_list")
    existing = services.find_review(request.user, cadence, start)
    if existing is not None:
        if request.method == "POST" and "moving_towards" in request.POST:
            messages.info(
                request, f"You already have a review of {existing.label}; here it is."
            )
        return redirect(existing)
    answers_form = AnswersForm(
        request.POST
        if request.method == "POST" and "moving_towards" in request.POST
        else None
    )
    if answers_form.is_bound and answers_form.is_valid():
        try:
            review, _ = services.save_review(
                owner=request.user,
                cadence=cadence,
                day=day,
                answers=answers_form.cleaned_data,
                today=today,
                complete="complete" in request.POST,
            )
        except ValidationError as error:
            apply_validation_error(answers_form, error)
        else:
            messages.success(
                request,
                f"Review of {review.label} completed; its summary is kept as it is today."
                if review.is_completed
                else f"Review of {review.label} saved as a draft.",
            )
            return redirect(review)
    return TemplateResponse(
        request,
        "reviews/review_detail.html",
        _detail_context(
            request,
            None,
            cadence=cadence,
            start=start,
            end=end,
            answers_form=answers_form,
        ),
        status=422 if answers_form.is_bound else 200,
    )


@require_http_methods(["GET", "POST"])
def review_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    review = get_owned_or_404(Review, request.user, pk=pk)
    answers_form = AnswersForm(request.POST or None, instance=review)
    if request.method == "POST" and answers_form.is_valid():
        try:
            services.update_review(
                review,
                answers=answers_form.cleaned_data,
                complete="complete" in request.POST,
            )
        except ValidationError as error:
            apply_validation_error(answers_form, error)
        else:
            messages.success(
                request,
                "Review completed; its summary is kept as it is today."
                if "complete" in request.POST
                else "Answers saved.",
            )
            return redirect(review)
    status = 422 if request.method == "POST" else 200
    if request.method == "POST":
        review.refresh_from_db()
    return TemplateResponse(
        request,
        "reviews/review_detail.html",
        _detail_context(
            request,
            review,
            cadence=review.cadence,
            start=review.period_start,
            end=review.period_end,
            answers_form=answers_form,
        ),
        status=status,
    )


@require_http_methods(["GET", "POST"])
def review_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    review = get_owned_or_404(Review, request.user, pk=pk)
    if request.method == "POST":
        services.delete_review(review)
        messages.success(request, f"Deleted the review of {review.label}.")
        return redirect("reviews:review_list")
    return TemplateResponse(
        request, "reviews/review_confirm_delete.html", {"review": review}
    )


def review_compare(
    request: AuthenticatedHttpRequest, pk: int, other_pk: int
) -> HttpResponse:
    first = get_owned_or_404(Review, request.user, pk=pk)
    second = get_owned_or_404(Review, request.user, pk=other_pk)
    earlier, later = sorted((first, second), key=lambda r: (r.period_start, r.pk))
    return TemplateResponse(
        request,
        "reviews/review_compare.html",
        {
            "earlier": earlier,
            "later": later,
            "rows": services.compare_reviews(first, second),
        },
    )


@require_http_methods(["GET", "POST"])
def schedule_edit(request: AuthenticatedHttpRequest) -> HttpResponse:
    owner = request.user
    existing = {s.cadence: s for s in ReviewSchedule.objects.owned_by(owner)}
    data = request.POST if request.method == "POST" else None
    forms_ = [
        ScheduleForm(
            data,
            cadence=cadence,
            instance=existing.get(cadence)
            or ReviewSchedule(owner=owner, cadence=cadence, enabled=False),
        )
        for cadence in Cadence.values
    ]
    if data is not None and all(f.is_valid() for f in forms_):
        for f in forms_:
            services.save_schedule(
                owner=owner,
                cadence=f.cadence,
                enabled=f.cleaned_data["enabled"],
                weekday=f.cleaned_data.get("weekday", f.instance.weekday),
                days_before_end=f.cleaned_data.get(
                    "days_before_end", f.instance.days_before_end
                ),
            )
        messages.success(
            request, "Review schedule saved; due reviews show on your dashboard."
        )
        return redirect("reviews:review_list")
    return TemplateResponse(
        request,
        "reviews/schedule_form.html",
        {"forms": forms_},
        status=422 if data is not None else 200,
    )


def _decision(
    request: AuthenticatedHttpRequest, pk: int, form_name: str, form: Any, act: Any
) -> HttpResponse:
    review = get_owned_or_404(Review, request.user, pk=pk)
    if form.is_valid():
        try:
            message = act(review, form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, message)
            return redirect(review.get_absolute_url() + "#decisions")
    return TemplateResponse(
        request,
        "reviews/review_detail.html",
        _detail_context(
            request,
            review,
            cadence=review.cadence,
            start=review.period_start,
            end=review.period_end,
            **{form_name: form},
        ),
        status=422,
    )


@require_POST
def review_goal_adjust(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    today = request.user.today()

    def act(review: Review, data: dict[str, Any]) -> str:
        goal = data["goal"]
        changes = {
            k: data[k]
            for k in ("target", "deadline", "status")
            if data.get(k) not in (None, "")
        }
        if not changes:
            raise ValidationError("Change the target, the deadline or the status.")
        services.adjust_goal_in_review(
            review, goal, data=changes, reason=data["reason"], today=today
        )
        return f"“{goal.statement}” adjusted; its history says it changed in the review of {review.label}."

    return _decision(
        request,
        pk,
        "adjust_form",
        GoalAdjustForm(request.POST, owner=request.user),
        act,
    )


@require_POST
def review_goal_draft(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    today = request.user.today()

    def act(review: Review, data: dict[str, Any]) -> str:
        goal = services.draft_goal_in_review(
            review, statement=data["statement"], today=today
        )
        return f"Drafted “{goal.statement}”; make it SMART on its page."

    return _decision(request, pk, "draft_form", GoalDraftForm(request.POST), act)


@require_POST
def review_learning_plan(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    today = request.user.today()

    def act(review: Review, data: dict[str, Any]) -> str:
        item = services.plan_learning_in_review(
            review,
            title=data["title"],
            kind=data["kind"],
            skills=data["skills"] or [],
            today=today,
        )
        return f"Planned “{item.title}”."

    return _decision(request, pk, "learning_form", LearningPlanForm(request.POST), act)


@require_POST
def review_follow_up(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    today = request.user.today()

    def act(review: Review, data: dict[str, Any]) -> str:
        services.follow_up_in_review(
            review,
            contact=data["contact"],
            summary=data["summary"],
            follow_up_on=data["follow_up_on"],
            today=today,
        )
        return f"Follow-up with {data['contact'].name} scheduled for {data['follow_up_on']:%-d %b %Y}."

    return _decision(
        request,
        pk,
        "follow_up_form",
        _follow_up_form(
            request, get_owned_or_404(Review, request.user, pk=pk), request.POST
        ),
        act,
    )
