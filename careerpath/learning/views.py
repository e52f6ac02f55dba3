"""Learning pages: the list with filters, an item's page, its form, and the learning log
with hours per month and per skill."""

from __future__ import annotations

import copy
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, QuerySet, Sum
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from careerpath.core.access import get_owned_or_404
from careerpath.core.forms import apply_validation_error
from careerpath.core.http import AuthenticatedHttpRequest
from careerpath.core.pagination import paginate, query_without_page
from careerpath.core.text import squash
from careerpath.learning import charts
from careerpath.learning.forms import (
    SKILL_SUGGESTIONS,
    LearningItemForm,
    LearningSessionForm,
)
from careerpath.learning.hours import (
    LoggedHours,
    total_hours,
)
from careerpath.learning.log import learning_log
from careerpath.learning.models import LearningItem, LearningSession
from careerpath.learning.services import (
    complete_learning_item,
    delete_learning_item,
    delete_session,
    log_session,
    save_learning_item,
)
from careerpath.learning.skillnames import (
    canonical_skills,
    skill_key,
    suggest_skills,
)

PERIODS = (12, 24, 36)  # months the log page can show
SESSIONS_PER_PAGE = 30
ITEMS_PER_PAGE = 25


def _suggest_url() -> str:
    return reverse("learning:skill_suggestions")


# --- Items ----------------------------------------------------------------------


def item_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = request.user.today()
    status = request.GET.get("status", "open")
    kind = request.GET.get("kind", "")
    skill = squash(request.GET.get("skill", ""))[:80]
    mine = LearningItem.objects.owned_by(request.user)
    items = mine.select_related("goal").in_list_order()
    if status == "open":
        items = items.open()
    elif status in LearningItem.Status.values:
        items = items.filter(status=status)
    if kind in LearningItem.Kind.values:
        items = items.filter(kind=kind)
    if skill:
        # Skills are compared in their normal form, which the database cannot compute;
        # an alias ("aws") finds the label it is stored under.
        keys = {skill_key(skill), *(skill_key(n) for n in canonical_skills([skill]))}
        matching = [
            pk
            for pk, names in items.values_list("pk", "skills")
            if any(skill_key(n) in keys for n in names or ())
        ]
        items = items.filter(pk__in=matching)
    page = paginate(items, request.GET.get("page"), per_page=ITEMS_PER_PAGE)
    # Hours only for the page shown: one grouped query instead of a join over the log.
    logged = dict(
        LearningSession.objects.owned_by(request.user)
        .filter(item__in=[item.pk for item in page])
        .order_by()
        .values_list("item")
        .annotate(total=Sum("hours"))
        .values_list("item", "total")
    )
    rows = [
        {
            "item": item,
            "logged": logged.get(item.pk),
            "renewal": item.renewal_state(today),
        }
        for item in page
    ]
    counts = dict(
        mine.order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return TemplateResponse(
        request,
        "learning/item_list.html",
        {
            "rows": rows,
            "page": page,
            "query": query_without_page(request),
            "found_count": page.paginator.count,
            "status": status,
            "kind": kind,
            "skill": skill,
            "statuses": LearningItem.Status.choices,
            "kinds": LearningItem.Kind.choices,
            "counts": counts,
            "open_count": sum(counts.get(s, 0) for s in LearningItem.OPEN_STATUSES),
            "total_count": sum(counts.values()),
            "today": today,
        },
    )


def _item_queryset() -> QuerySet[LearningItem]:
    return LearningItem.objects.select_related("goal")


def _detail_context(
    request: AuthenticatedHttpRequest, item: LearningItem, **extra: Any
) -> dict[str, Any]:
    today = request.user.today()
    sessions = list(item.sessions.all())
    context = {
        "item": item,
        "today": today,
        "renewal": item.renewal_state(today),
        "sessions": sessions,
        "logged": total_hours(
            LoggedHours(logged_on=s.logged_on, hours=s.hours) for s in sessions
        ),
        "session_form": LearningSessionForm(
            owner=request.user,
            item=item,
            suggest_url=_suggest_url(),
            initial={"logged_on": today},
        ),
        "suggestions_id": SKILL_SUGGESTIONS,
    }
    context.update(extra)
    return context


def item_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = get_owned_or_404(_item_queryset(), request.user, pk=pk)
    return TemplateResponse(
        request, "learning/item_detail.html", _detail_context(request, item)
    )


@require_http_methods(["GET", "POST"])
def item_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = request.user.today()
    initial: dict[str, Any] = {"kind": request.GET.get("kind", "course")}
    goal_id = request.GET.get("goal", "")
    if goal_id.isdigit():
        initial["goal"] = int(goal_id)
    data = request.POST if request.method == "POST" else None
    form = LearningItemForm(
        data, owner=request.user, suggest_url=_suggest_url(), initial=initial
    )
    if data is not None and form.is_valid():
        try:
            item = save_learning_item(
                owner=request.user, data=form.cleaned_data, today=today
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"Added “{item.title}” to your learning.")
            return redirect(item)
    return _render_form(request, form, None, status=422 if data is not None else 200)


@require_http_methods(["GET", "POST"])
def item_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = get_owned_or_404(_item_queryset(), request.user, pk=pk)
    data = request.POST if request.method == "POST" else None
    # The form validates a copy, so a refused edit leaves the item as it was.
    form = LearningItemForm(
        data, owner=request.user, suggest_url=_suggest_url(), instance=copy.copy(item)
    )
    if data is not None and form.is_valid():
        try:
            save_learning_item(
                owner=request.user,
                data=form.cleaned_data,
                today=request.user.today(),
                item=item,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Saved.")
            return redirect(item)
    return _render_form(request, form, item, status=422 if data is not None else 200)


def _render_form(
    request: AuthenticatedHttpRequest,
    form: LearningItemForm,
    item: LearningItem | None,
    *,
    status: int,
) -> HttpResponse:
    return TemplateResponse(
        request,
        "learning/item_form.html",
        {"form": form, "item": item, "suggestions_id": SKILL_SUGGESTIONS},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def item_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = get_owned_or_404(
        LearningItem.objects.with_logged_hours(), request.user, pk=pk
    )
    if request.method == "POST":
        delete_learning_item(item)
        messages.success(request, f"Deleted “{item.title}”.")
        return redirect("learning:item_list")
    return TemplateResponse(
        request, "learning/item_confirm_delete.html", {"item": item}
    )


@require_POST
def item_complete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = get_owned_or_404(_item_queryset(), request.user, pk=pk)
    try:
        complete_learning_item(item, today=request.user.today())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, f"Completed “{item.title}”. Well done!", extra_tags="celebrate"
        )
    return redirect(item)


@require_POST
def item_session_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = get_owned_or_404(_item_queryset(), request.user, pk=pk)
    form = LearningSessionForm(
        request.POST, owner=request.user, item=item, suggest_url=_suggest_url()
    )
    if form.is_valid():
        try:
            log_session(owner=request.user, item=item, **_session_data(form))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Hours logged.")
            return redirect(reverse("learning:item_detail", args=[item.pk]) + "#log")
    item.refresh_from_db()
    return TemplateResponse(
        request,
        "learning/item_detail.html",
        _detail_context(request, item, session_form=form),
        status=422,
    )


def _session_data(form: LearningSessionForm) -> dict[str, Any]:
    data = form.cleaned_data
    return {
        "logged_on": data["logged_on"],
        "hours": data["hours"],
        "skill": data.get("skill", ""),
        "note": data.get("note", ""),
    }


# --- Learning log -----------------------------------------------------------------


def _period(request: AuthenticatedHttpRequest) -> int:
    raw = request.GET.get("months", "")
    return int(raw) if raw.isdigit() and int(raw) in PERIODS else PERIODS[0]


def _log_context(
    request: AuthenticatedHttpRequest, form: LearningSessionForm | None = None
) -> dict[str, Any]:
    today = request.user.today()
    period = _period(request)
    log = learning_log(request.user, today=today, months=period)
    start = log.start
    in_period = LearningSession.objects.owned_by(request.user).between(start, today)
    sessions = in_period.select_related("item").only(
        "pk", "logged_on", "hours", "skill", "note", "item__id", "item__title"
    )
    page = paginate(sessions, request.GET.get("page"), per_page=SESSIONS_PER_PAGE)
    return {
        "period": period,
        "periods": PERIODS,
        "start": start,
        "today": today,
        "total": log.total,
        "month_chart": charts.column_chart(
            log.per_month,
            title="Hours of learning per month",
            caption=f"Hours logged per month, last {period} months",
        ),
        "skill_chart": charts.bar_chart(
            log.per_skill,
            title="Hours of learning per skill",
            caption=(
                f"Hours per skill, last {period} months; a session without a skill "
                "counts towards its item's skills, shared equally"
            ),
        ),
        "page": page,
        "query": query_without_page(request),
        "form": form
        or LearningSessionForm(
            owner=request.user,
            suggest_url=_suggest_url(),
            initial={"logged_on": today},
        ),
        "suggestions_id": SKILL_SUGGESTIONS,
    }


def session_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    return TemplateResponse(
        request, "learning/session_list.html", _log_context(request)
    )


@require_POST
def session_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = LearningSessionForm(
        request.POST, owner=request.user, suggest_url=_suggest_url()
    )
    if form.is_valid():
        try:
            log_session(
                owner=request.user,
                item=form.cleaned_data["item"],
                **_session_data(form),
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Hours logged.")
            return redirect("learning:session_list")
    return TemplateResponse(
        request,
        "learning/session_list.html",
        _log_context(request, form),
        status=422,
    )


@require_POST
def session_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = get_owned_or_404(LearningSession, request.user, pk=pk)
    item_id = session.item_id
    delete_session(session)
    messages.success(request, "Session deleted.")
    if item_id is not None and request.POST.get("from") == "item":
        return redirect(reverse("learning:item_detail", args=[item_id]) + "#log")
    return redirect("learning:session_list")


@require_GET
def skill_suggestions(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Options for the skill datalist; reads only the shared taxonomy, nothing owned."""
    text = ""
    for name in ("add_skill", "skill", "q"):
        text = text or request.GET.get(name, "")
    if len(skill_key(text[:80])) < 2:
        # Nothing to look up yet: 204 tells htmx to leave the list as it is.
        return HttpResponse(status=204)
    return TemplateResponse(
        request,
        "learning/_skill_options.html",
        {"labels": suggest_skills(text[:80])},
    )
