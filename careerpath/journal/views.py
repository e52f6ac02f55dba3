"""Journal pages: the list, an entry, writing entries and setbacks, and the resilience view."""

from __future__ import annotations

import copy
from collections import Counter
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from careerpath.core.access import get_owned_or_404
from careerpath.core.forms import apply_validation_error
from careerpath.core.http import AuthenticatedHttpRequest
from careerpath.core.pagination import paginate, query_without_page
from careerpath.journal.forms import EntryForm, OutcomeForm, SetbackForm
from careerpath.journal.models import Entry, Setback, normalise_tag
from careerpath.journal.services import (
    delete_entry,
    goal_story,
    note_outcome,
    record_setback,
    setbacks_for_resilience,
    update_entry,
    write_entry,
)
from careerpath.journal.services import (
    resilience as resilience_model,
)

PAGE_SIZE = 25


def entry_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    tag = normalise_tag(request.GET.get("tag", ""))
    kind = request.GET.get("kind", "")
    entries = Entry.objects.owned_by(request.user).with_setback()
    if tag:
        entries = entries.tagged(tag)
    if kind == "setbacks":
        entries = entries.setbacks()
    page = paginate(entries, request.GET.get("page"), per_page=PAGE_SIZE)
    tag_counts = Counter(
        t
        for tags in Entry.objects.owned_by(request.user).values_list("tags", flat=True)
        for t in tags
    )
    return TemplateResponse(
        request,
        "journal/entry_list.html",
        {
            "page": page,
            "query": query_without_page(request),
            "entries": list(page.object_list),
            "tag": tag,
            "kind": kind,
            "tags": sorted(tag_counts.most_common(15)),
            "filtered": bool(tag or kind),
        },
    )


def entry_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    entry = get_owned_or_404(Entry.objects.with_setback(), request.user, pk=pk)
    return TemplateResponse(
        request, "journal/entry_detail.html", _detail_context(request, entry)
    )


def _detail_context(
    request: AuthenticatedHttpRequest, entry: Entry, **forms: Any
) -> dict[str, Any]:
    today = request.user.today()
    setback = None
    story = None
    if hasattr(entry, "setback"):
        setback = setbacks_for_resilience(request.user).get(pk=entry.setback.pk)
        story = goal_story(setback, today=today)
    context: dict[str, Any] = {
        "entry": entry,
        "setback": setback,
        "story": story,
        "today": today,
    }
    if setback is not None:
        context["outcome_form"] = OutcomeForm(
            instance=copy.copy(setback),
            initial={"outcome_on": setback.outcome_on or today},
        )
    context.update(forms)
    return context


@require_http_methods(["GET", "POST"])
def entry_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    form = EntryForm(
        data, owner=request.user, initial={"written_on": request.user.today()}
    )
    if data is not None and form.is_valid():
        try:
            entry = write_entry(owner=request.user, data=form.cleaned_data)
        except ValidationError as error:
            apply_validation_error([form], error)
        else:
            messages.success(request, "Entry saved.")
            return redirect(entry)
    return TemplateResponse(
        request,
        "journal/entry_form.html",
        {"form": form},
        status=422 if data is not None else 200,
    )


@require_http_methods(["GET", "POST"])
def setback_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    initial_goal = request.GET.get("goal", "")
    form = EntryForm(
        data,
        owner=request.user,
        initial={"written_on": request.user.today(), "tags": ["setback"]},
    )
    setback_form = SetbackForm(
        data,
        owner=request.user,
        initial={"goal": int(initial_goal)} if initial_goal.isdigit() else {},
    )
    _label_as_setback(form)
    if data is not None and form.is_valid() and setback_form.is_valid():
        try:
            setback = record_setback(
                owner=request.user,
                entry_data=form.cleaned_data,
                setback_data=setback_form.cleaned_data,
            )
        except ValidationError as error:
            apply_validation_error([form, setback_form], error)
        else:
            messages.success(
                request,
                "Setback logged with its lesson. Come back later to note how it turned out.",
            )
            return redirect(setback.entry)
    return TemplateResponse(
        request,
        "journal/entry_form.html",
        {"form": form, "setback_form": setback_form, "is_setback": True},
        status=422 if data is not None else 200,
    )


def _label_as_setback(form: EntryForm) -> None:
    form.fields["body"].label = "What happened"
    form.fields[
        "title"
    ].help_text = "Optional, e.g. “Promotion deferred to next cycle”."


@require_http_methods(["GET", "POST"])
def entry_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    entry = get_owned_or_404(Entry.objects.with_setback(), request.user, pk=pk)
    is_setback = hasattr(entry, "setback")
    data = request.POST if request.method == "POST" else None
    form = EntryForm(data, owner=request.user, instance=copy.copy(entry))
    setback_form = None
    if is_setback:
        _label_as_setback(form)
        setback_form = SetbackForm(
            data, owner=request.user, instance=copy.copy(entry.setback)
        )
    forms = [f for f in (form, setback_form) if f is not None]
    if data is not None and all(f.is_valid() for f in forms):
        try:
            update_entry(
                entry,
                data=form.cleaned_data,
                setback_data=setback_form.cleaned_data if setback_form else None,
            )
        except ValidationError as error:
            entry.refresh_from_db()
            apply_validation_error(forms, error)
        else:
            messages.success(request, "Entry updated.")
            return redirect(entry)
    return TemplateResponse(
        request,
        "journal/entry_form.html",
        {
            "form": form,
            "setback_form": setback_form,
            "is_setback": is_setback,
            "entry": entry,
        },
        status=422 if data is not None else 200,
    )


@require_http_methods(["GET", "POST"])
def entry_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    entry = get_owned_or_404(Entry.objects.with_setback(), request.user, pk=pk)
    if request.method == "POST":
        delete_entry(entry)
        messages.success(request, f"Deleted “{entry.display_title}”.")
        return redirect("journal:entry_list")
    return TemplateResponse(
        request, "journal/entry_confirm_delete.html", {"entry": entry}
    )


@require_POST
def setback_outcome(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    setback = get_owned_or_404(
        Setback.objects.select_related("entry"), request.user, pk=pk
    )
    form = OutcomeForm(request.POST, instance=copy.copy(setback))
    if form.is_valid():
        try:
            note_outcome(
                setback,
                outcome=form.cleaned_data["outcome"],
                outcome_on=form.cleaned_data["outcome_on"],
            )
        except ValidationError as error:
            apply_validation_error([form], error)
        else:
            messages.success(request, "Outcome noted.")
            if request.POST.get("next") == "resilience":
                return redirect(
                    reverse("journal:resilience") + f"#setback-{setback.pk}"
                )
            return redirect(setback.entry)
    entry = get_owned_or_404(
        Entry.objects.with_setback(), request.user, pk=setback.entry_id
    )
    context = _detail_context(request, entry, outcome_form=form, outcome_open=True)
    return TemplateResponse(request, "journal/entry_detail.html", context, status=422)


def resilience(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = request.user.today()
    rows, summary = resilience_model(request.user, today=today)
    return TemplateResponse(
        request,
        "journal/resilience.html",
        {"rows": rows, "summary": summary, "today": today},
    )
