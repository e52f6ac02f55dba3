"""Balance pages: the overview (signal, trends, history) and the weekly check-in."""

from __future__ import annotations

import copy
from datetime import date, timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from careerpath.balance import burnout
from careerpath.balance.burnout import burnout_signal, week_start
from careerpath.balance.forms import CheckInForm
from careerpath.balance.models import CheckIn
from careerpath.balance.services import (
    DEFAULT_RANGE,
    RANGES,
    RULE_NAMES,
    SIGNAL_WEEKS,
    delete_check_in,
    history_rows,
    past_warnings,
    record_check_in,
    suggested_values,
    trend_charts,
)
from careerpath.core.access import get_owned_or_404
from careerpath.core.forms import apply_validation_error
from careerpath.core.http import AuthenticatedHttpRequest


def balance_overview(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = request.user.today()
    period = request.GET.get("range", DEFAULT_RANGE)
    if period not in RANGES:
        period = DEFAULT_RANGE
    weeks = RANGES[period]
    # The signal needs SIGNAL_WEEKS of history even when fewer are drawn.
    check_ins = list(
        CheckIn.objects.owned_by(request.user).order_by("-week_of")[
            : max(weeks, SIGNAL_WEEKS)
        ]
    )
    signal = burnout_signal(
        [c.as_week() for c in check_ins[:SIGNAL_WEEKS]], today=today
    )
    # Only the weeks inside the range, not merely the newest check-ins: a gap of
    # months is not drawn as if it were a few weeks.
    oldest = week_start(today) - timedelta(weeks=weeks - 1)
    shown = [c for c in check_ins[:weeks] if c.week_of >= oldest]
    this_week = week_start(today)
    return TemplateResponse(
        request,
        "balance/balance_overview.html",
        {
            "today": today,
            "this_week": this_week,
            "done_this_week": bool(check_ins) and check_ins[0].week_of == this_week,
            "signal": signal,
            "rules": burnout.RULES,
            "needed_weeks": burnout.NEEDED_WEEKS,
            "rule_names": RULE_NAMES,
            "charts": trend_charts(shown),
            "check_ins": shown,
            "rows": history_rows(shown),
            "warnings": past_warnings(shown),
            "period": period,
            "periods": [
                ("12", "12 weeks"),
                ("26", "6 months"),
                ("52", "1 year"),
                ("104", "2 years"),
            ],
        },
    )


def _week_from(request: AuthenticatedHttpRequest, today: date) -> date:
    try:
        return week_start(date.fromisoformat(request.GET.get("week", "")))
    except ValueError:
        return week_start(today)


@require_http_methods(["GET", "POST"])
def checkin_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    """This week's check-in (or ``?week=`` another), pre-filled from the week before."""
    today = request.user.today()
    week = _week_from(request, today)
    existing = CheckIn.objects.owned_by(request.user).filter(week_of=week).first()
    data = request.POST if request.method == "POST" else None
    initial = {**suggested_values(request.user, week_of=week), "week_of": week}
    form = CheckInForm(data, owner=request.user, initial=initial)
    if data is not None and form.is_valid():
        return _save(request, form)
    return TemplateResponse(
        request,
        "balance/checkin_form.html",
        {
            "form": form,
            "week": week,
            "existing": existing,
            "is_this_week": week == week_start(today),
        },
        status=422 if data is not None else 200,
    )


@require_http_methods(["GET", "POST"])
def checkin_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    check_in = get_owned_or_404(CheckIn, request.user, pk=pk)
    data = request.POST if request.method == "POST" else None
    form = CheckInForm(
        data,
        owner=request.user,
        initial={"week_of": check_in.week_of},
        instance=copy.copy(check_in),
    )
    # Editing keeps the week: a different week is a different check-in.
    form.fields["week_of"].disabled = True
    form.fields["week_of"].help_text = ""
    if data is not None and form.is_valid():
        return _save(request, form)
    return TemplateResponse(
        request,
        "balance/checkin_form.html",
        {
            "form": form,
            "week": check_in.week_of,
            "existing": check_in,
            "editing": True,
            "is_this_week": check_in.week_of == week_start(request.user.today()),
        },
        status=422 if data is not None else 200,
    )


def _save(request: AuthenticatedHttpRequest, form: CheckInForm) -> HttpResponse:
    try:
        check_in, created = record_check_in(
            owner=request.user,
            week_of=form.cleaned_data["week_of"],
            data=form.cleaned_data,
        )
    except ValidationError as error:
        apply_validation_error(form, error)
        return TemplateResponse(
            request,
            "balance/checkin_form.html",
            {"form": form, "week": week_start(form.cleaned_data["week_of"])},
            status=422,
        )
    verb = "saved" if created else "updated"
    messages.success(
        request, f"Check-in {verb} for the week of {check_in.week_of:%-d %B %Y}."
    )
    return redirect(reverse("balance:balance_overview") + "#signal")


@require_http_methods(["GET", "POST"])
def checkin_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    check_in = get_owned_or_404(CheckIn, request.user, pk=pk)
    if request.method == "POST":
        delete_check_in(check_in)
        messages.success(
            request,
            f"Deleted the check-in for the week of {check_in.week_of:%-d %B %Y}.",
        )
        return redirect("balance:balance_overview")
    return TemplateResponse(
        request, "balance/checkin_confirm_delete.html", {"check_in": check_in}
    )
