"""Network pages: contacts, interactions, events, mentorship meetings, overview, import/export."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from careerpath.accounts.services import record_export, record_import
from careerpath.core.access import get_owned_or_404
from careerpath.core.forms import apply_validation_error
from careerpath.core.http import AuthenticatedHttpRequest
from careerpath.core.pagination import paginate
from careerpath.goals.models import Goal
from careerpath.network import cadence, portability
from careerpath.network.forms import (
    ContactForm,
    EventForm,
    ImportForm,
    InteractionForm,
    MeetingForm,
)
from careerpath.network.models import (
    Contact,
    ContactImport,
    Event,
    Interaction,
    MentorshipMeeting,
    RelationshipType,
)
from careerpath.network.overview import (
    build_overview,
    contact_balance,
    months_with_help,
)
from careerpath.network.records import FormatError
from careerpath.network.services import (
    delete_contact,
    delete_interaction,
    log_event,
    log_interaction,
    log_meeting,
    save_contact,
    toggle_follow_up,
    update_interaction,
)

PAGE_SIZE = 50
CADENCE_FILTERS = {
    "due": "Due or overdue",
    "overdue": "Overdue",
    "tracked": "Keeping in touch",
}


# --- contacts --------------------------------------------------------------------------


def contact_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = request.user.today()
    query = request.GET.get("q", "").strip()[:200]
    kind = request.GET.get("type", "")
    tag = request.GET.get("tag", "").strip()[:40]
    state = request.GET.get("cadence", "")
    contacts = Contact.objects.owned_by(request.user)
    if query:
        contacts = contacts.search(query)
    if kind in RelationshipType.values:
        contacts = contacts.of_type(kind)
    if tag:
        contacts = contacts.tagged(tag)
    if state == "due":
        contacts = contacts.needing_attention(today).order_by("due_on", "name")
    elif state == "overdue":
        contacts = contacts.overdue(today).order_by("overdue_on", "name")
    elif state == "tracked":
        contacts = contacts.tracked()
    contacts = contacts.defer("notes", "search_text")
    page = paginate(contacts, request.GET.get("page"), per_page=PAGE_SIZE)
    rows = [{"contact": c, "cadence": c.cadence(today)} for c in page]
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "rows": rows,
        "page": page,
        "query": query,
        "type": kind,
        "tag": tag,
        "cadence_state": state,
        "types": RelationshipType.choices,
        "cadence_filters": CADENCE_FILTERS,
        "filter_query": params.urlencode(),
        "filtered": bool(
            query or kind in RelationshipType.values or tag or state in CADENCE_FILTERS
        ),
    }
    if request.htmx:
        return TemplateResponse(request, "network/contact_list.html#results", context)
    return TemplateResponse(request, "network/contact_list.html", context)


@require_http_methods(["GET", "POST"])
def contact_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    form = ContactForm(data, owner=request.user)
    if data is not None and form.is_valid():
        try:
            contact = save_contact(
                owner=request.user,
                data=form.cleaned_data,
                today=request.user.today(),
                goals=form.cleaned_data["goals"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"{contact.name} added.")
            return redirect(contact)
    return TemplateResponse(
        request,
        "network/contact_form.html",
        {"form": form},
        status=422 if data is not None else 200,
    )


def contact_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    today = request.user.today()
    contact = get_owned_or_404(
        Contact.objects.prefetch_related(
            Prefetch("goals", queryset=Goal.objects.only("pk", "statement", "status"))
        ),
        request.user,
        pk=pk,
    )
    interactions = list(
        contact.interactions.select_related("meeting", "event")
        .prefetch_related(
            Prefetch("contacts", queryset=Contact.objects.only("pk", "name", "company"))
        )
        .order_by("-occurred_on", "-pk")
    )
    meetings = [i.meeting for i in interactions if hasattr(i, "meeting")]
    balance = contact_balance(contact)
    return TemplateResponse(
        request,
        "network/contact_detail.html",
        {
            "contact": contact,
            "today": today,
            "cadence": contact.cadence(today),
            "intervals": contact.intervals(),
            "interactions": interactions,
            "meetings": meetings,
            "balance": balance,
            "help_by_month": months_with_help(interactions),
            "goals": list(contact.goals.all()),
            "states": cadence.CadenceState,
        },
    )


@require_http_methods(["GET", "POST"])
def contact_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    contact = get_owned_or_404(Contact, request.user, pk=pk)
    data = request.POST if request.method == "POST" else None
    form = ContactForm(
        data,
        owner=request.user,
        instance=contact,
        initial={"goals": contact.goals.all()},
    )
    if data is not None and form.is_valid():
        contact = get_owned_or_404(
            Contact, request.user, pk=pk
        )  # the form touched its copy
        try:
            save_contact(
                owner=request.user,
                contact=contact,
                data=form.cleaned_data,
                today=request.user.today(),
                goals=form.cleaned_data["goals"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Contact saved.")
            return redirect(contact)
    return TemplateResponse(
        request,
        "network/contact_form.html",
        {"form": form, "contact": contact},
        status=422 if data is not None else 200,
    )


@require_http_methods(["GET", "POST"])
def contact_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    contact = get_owned_or_404(Contact, request.user, pk=pk)
    if request.method == "POST":
        delete_contact(contact)
        messages.success(request, f"{contact.name} deleted.")
        return redirect("network:contact_list")
    return TemplateResponse(
        request,
        "network/confirm_delete.html",
        {"object": contact, "cancel_url": contact.get_absolute_url()},
    )


# --- interactions ------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def interaction_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = request.user.today()
    preselected = []
    contact_id = request.GET.get("contact", "")
    if contact_id.isdigit():
        preselected = list(
            Contact.objects.owned_by(request.user).filter(pk=int(contact_id))
        )
    data = request.POST if request.method == "POST" else None
    form = InteractionForm(
        data,
        owner=request.user,
        preselected=preselected,
        initial={
            "occurred_on": today,
            "channel": request.GET.get("channel", "call"),
            "contacts": [c.pk for c in preselected],
        },
    )
    if data is not None and form.is_valid():
        try:
            interaction = log_interaction(
                owner=request.user,
                contacts=form.chosen_contacts(),
                data=form.cleaned_data,
                today=today,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request, "Interaction logged; the keep-in-touch clock starts again."
            )
            first = interaction.contacts.order_by("name").first()
            return redirect(first or "network:contact_list")
    return TemplateResponse(
        request,
        "network/interaction_form.html",
        {"form": form},
        status=422 if data is not None else 200,
    )


@require_http_methods(["GET", "POST"])
def interaction_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    interaction = get_owned_or_404(
        Interaction.objects.with_contacts(), request.user, pk=pk
    )
    current = list(interaction.contacts.all())
    data = request.POST if request.method == "POST" else None
    form = InteractionForm(
        data,
        owner=request.user,
        preselected=current,
        instance=interaction,
        initial={"contacts": [c.pk for c in current]},
    )
    if data is not None and form.is_valid():
        try:
            update_interaction(
                interaction,
                contacts=form.chosen_contacts(),
                data=form.cleaned_data,
                today=request.user.today(),
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Interaction saved.")
            return redirect("network:interaction_edit", pk=interaction.pk)
    return TemplateResponse(
        request,
        "network/interaction_form.html",
        {"form": form, "interaction": interaction, "contacts": current},
        status=422 if data is not None else 200,
    )


@require_POST
def interaction_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    interaction = get_owned_or_404(Interaction, request.user, pk=pk)
    first = interaction.contacts.order_by("name").first()
    delete_interaction(interaction)
    messages.success(request, "Interaction deleted.")
    return redirect(first or "network:contact_list")


@require_POST
def interaction_follow_up(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    interaction = get_owned_or_404(Interaction, request.user, pk=pk)
    toggle_follow_up(interaction, today=request.user.today())
    messages.success(
        request,
        "Follow-up done." if interaction.follow_up_done_on else "Follow-up open again.",
    )
    first = interaction.contacts.order_by("name").first()
    return redirect(first or interaction)


# --- events --------------------------------------------------------------------------------


def event_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    events = Event.objects.owned_by(request.user).order_by("-held_on", "-pk")
    page = paginate(events, request.GET.get("page"), per_page=PAGE_SIZE)
    return TemplateResponse(
        request,
        "network/event_list.html",
        {"page": page, "events": list(page), "today": request.user.today()},
    )


@require_http_methods(["GET", "POST"])
def event_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = request.user.today()
    data = request.POST if request.method == "POST" else None
    form = EventForm(data, owner=request.user, initial={"held_on": today})
    if data is not None and form.is_valid():
        try:
            event, created = log_event(
                owner=request.user,
                data=form.cleaned_data,
                people=form.cleaned_data["people_met"],
                existing=form.chosen_contacts(),
                today=today,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                f"Event saved; {created} new contact{'s' if created != 1 else ''} added. "
                f"Follow up by {event.follow_up_on:%-d %b}.",
            )
            return redirect(event)
    return TemplateResponse(
        request,
        "network/event_form.html",
        {"form": form},
        status=422 if data is not None else 200,
    )


def event_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = get_owned_or_404(Event, request.user, pk=pk)
    interactions = list(event.interactions.with_contacts())
    people = {c.pk: c for i in interactions for c in i.contacts.all()}
    return TemplateResponse(
        request,
        "network/event_detail.html",
        {
            "event": event,
            "people": sorted(people.values(), key=lambda c: c.name),
            "today": request.user.today(),
        },
    )


@require_POST
def event_follow_up(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = get_owned_or_404(Event, request.user, pk=pk)
    toggle_follow_up(event, today=request.user.today())
    messages.success(
        request,
        "Follow-up done." if event.follow_up_done_on else "Follow-up open again.",
    )
    return redirect(event)


@require_http_methods(["GET", "POST"])
def event_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = get_owned_or_404(Event, request.user, pk=pk)
    if request.method == "POST":
        event.delete()
        messages.success(
            request, "Event deleted; the people you met stay in your contacts."
        )
        return redirect("network:event_list")
    return TemplateResponse(
        request,
        "network/confirm_delete.html",
        {"object": event, "cancel_url": event.get_absolute_url()},
    )


# --- mentorship ------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def meeting_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    contact = get_owned_or_404(Contact, request.user, pk=pk)
    today = request.user.today()
    data = request.POST if request.method == "POST" else None
    form = MeetingForm(
        data,
        owner=request.user,
        initial={"occurred_on": today, "goals": contact.goals.all()},
    )
    if data is not None and form.is_valid():
        try:
            log_meeting(
                owner=request.user,
                contact=contact,
                data=form.cleaned_data,
                goals=form.cleaned_data["goals"],
                today=today,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Meeting saved.")
            return redirect(contact.get_absolute_url() + "#meetings")
    return TemplateResponse(
        request,
        "network/meeting_form.html",
        {"form": form, "contact": contact},
        status=422 if data is not None else 200,
    )


@require_POST
def meeting_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = get_owned_or_404(
        MentorshipMeeting.objects.select_related("interaction"), request.user, pk=pk
    )
    contact_url = reverse("network:contact_detail", args=[meeting.contact_id])
    delete_interaction(meeting.interaction)
    messages.success(request, "Meeting deleted.")
    return redirect(contact_url + "#meetings")


# --- overview ---------------------------------------------------------------------------------


def overview(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = request.user.today()
    return TemplateResponse(
        request,
        "network/overview.html",
        {"overview": build_overview(request.user, today=today), "today": today},
    )


# --- import and export ----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def import_start(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            contact_import, _ = portability.import_upload(
                request.user, data=upload.read(), filename=upload.name
            )
        except FormatError as error:
            form.add_error("file", str(error))
        else:
            return redirect(contact_import)
    return TemplateResponse(
        request,
        "network/import_form.html",
        {"form": form},
        status=422 if request.method == "POST" else 200,
    )


def import_preview(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    contact_import = get_owned_or_404(ContactImport, request.user, pk=pk)
    plan = None
    error = None
    if contact_import.committed_at is None:
        try:
            records = portability.parse_file(
                contact_import.kind,
                contact_import.content,
                filename=contact_import.filename,
            )
        except FormatError as exc:
            error = str(exc)
        else:
            plan = portability.plan_import(request.user, records)
    return TemplateResponse(
        request,
        "network/import_preview.html",
        {"contact_import": contact_import, "plan": plan, "error": error},
    )


@require_POST
def import_commit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    contact_import = get_owned_or_404(ContactImport, request.user, pk=pk)
    if contact_import.committed_at is not None:
        messages.warning(request, "This file was already imported.")
        return redirect(contact_import)
    counts = portability.commit_upload(contact_import, today=request.user.today())
    record_import(
        user=request.user,
        request=request,
        what=f"contacts: {counts['new']} new, {counts['update']} updated",
    )
    messages.success(
        request,
        f"Imported: {counts['new']} new, {counts['update']} updated, {counts['skip']} skipped.",
    )
    return redirect("network:contact_list")


def export_vcard(request: AuthenticatedHttpRequest) -> HttpResponse:
    record_export(user=request.user, request=request, what="contacts as vCard")
    response = HttpResponse(
        portability.export_vcard(request.user), content_type="text/vcard; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="careerpath-contacts.vcf"'
    return response


def export_csv(request: AuthenticatedHttpRequest) -> HttpResponse:
    record_export(user=request.user, request=request, what="contacts as CSV")
    response = HttpResponse(
        portability.export_csv(request.user), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="careerpath-contacts.csv"'
    return response
