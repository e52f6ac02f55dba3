"""Skills pages: inventory, assessments, target roles, postings and their review, gaps."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from careerpath.core.access import get_owned_or_404
from careerpath.core.forms import apply_validation_error
from careerpath.core.http import AuthenticatedHttpRequest
from careerpath.skills.charts import profile_chart
from careerpath.skills.forms import (
    AnalyseForm,
    AssessmentForm,
    BulkAddForm,
    PostingForm,
    QuickAddForm,
    TargetRoleForm,
    UserSkillForm,
)
from careerpath.skills.gaps import COVERED, MISSING, UNDER_LEVEL
from careerpath.skills.models import (
    LEVEL_CHOICES,
    Posting,
    PostingSkill,
    SkillAssessment,
    TargetRole,
    UserSkill,
)
from careerpath.skills.role_analysis import actions_by_key, role_gaps, role_profile
from careerpath.skills.services import (
    AddedSkill,
    RowCorrection,
    add_posting,
    add_skill,
    add_skills_from_list,
    delete_posting,
    delete_role,
    delete_skill,
    record_assessment,
    review_posting,
    save_role,
    turn_gap_into_goal,
    turn_gap_into_learning_item,
    update_skill,
)
from careerpath.skills.skill_list import parse_skill_list
from careerpath.taxonomy.lookup import suggest
from careerpath.taxonomy.models import Skill

# --- Inventory ----------------------------------------------------------------


def _inventory_context(
    request: AuthenticatedHttpRequest, quick_form: QuickAddForm | None = None
) -> dict[str, Any]:
    kind = request.GET.get("kind", "")
    skills = UserSkill.objects.owned_by(request.user).select_related("skill")
    # Aggregating queries ignore Meta.ordering, so the order is stated.
    skills = skills.annotate(assessment_count=Count("assessments")).order_by(
        "normalized", "pk"
    )
    if kind in Skill.Kind.values:
        skills = skills.filter(kind=kind)
    return {
        "skills": list(skills),
        "kind": kind,
        "kinds": Skill.Kind.choices,
        "quick_form": quick_form or QuickAddForm(initial={"level": 3}),
    }


def skill_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    return TemplateResponse(
        request, "skills/skill_list.html", _inventory_context(request)
    )


@require_POST
def skill_quick_add(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = QuickAddForm(request.POST)
    if form.is_valid():
        try:
            user_skill = add_skill(
                owner=request.user,
                name=form.cleaned_data["name"],
                level=form.cleaned_data["level"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            if not request.htmx:
                messages.success(request, f"{user_skill.name} added.")
                return redirect("skills:skill_list")
            form = QuickAddForm(initial={"level": form.cleaned_data["level"]})
            context = _inventory_context(request, form)
            context["added"] = user_skill
            return TemplateResponse(
                request, "skills/skill_list.html#inventory", context
            )
    context = _inventory_context(request, form)
    template = (
        "skills/skill_list.html#inventory" if request.htmx else "skills/skill_list.html"
    )
    return TemplateResponse(request, template, context, status=422)


@require_GET
def skill_suggest(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Autocomplete options (a datalist's contents) from the taxonomy, for htmx.

    Without JavaScript the field is a plain text input, so a direct visit has nothing
    to show here and goes to the inventory.
    """
    if not request.htmx:
        return redirect("skills:skill_list")
    text = request.GET.get("name") or request.GET.get("q") or ""
    if not text:
        # The review form's inputs are named label_<id>; take whichever was sent.
        text = next((request.GET[k] for k in request.GET if k.startswith("label_")), "")
    return TemplateResponse(
        request,
        "skills/_suggestions.html",
        {"suggestions": suggest(text[:120], 10) if text.strip() else []},
    )


@require_http_methods(["GET", "POST"])
def skill_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    form = UserSkillForm(
        data, initial={"level": 3, "name": request.GET.get("name", "")[:120]}
    )
    if data is not None and form.is_valid():
        try:
            user_skill = add_skill(
                owner=request.user,
                name=form.cleaned_data["name"],
                level=form.cleaned_data["level"],
                target_level=form.cleaned_data["target_level"],
                kind=form.cleaned_data["kind"],
                evidence_links=form.cleaned_data["evidence_links"],
                evidence_notes=form.cleaned_data["evidence_notes"],
                last_used_on=form.cleaned_data["last_used_on"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"{user_skill.name} added to your inventory.")
            return redirect(user_skill)
    return TemplateResponse(
        request,
        "skills/skill_form.html",
        {"form": form, "user_skill": None},
        status=422 if data is not None else 200,
    )


@require_http_methods(["GET", "POST"])
def skill_bulk_add(request: AuthenticatedHttpRequest) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    form = BulkAddForm(data, initial={"level": 3})
    if data is not None and form.is_valid():
        try:
            result = add_skills_from_list(
                owner=request.user,
                text=form.cleaned_data["text"],
                level=form.cleaned_data["level"],
                skip_existing=form.cleaned_data["skip_existing"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            message = f"Added {len(result.added)} skill{'s' if len(result.added) != 1 else ''}."
            if result.skipped:
                message += " Skipped, already in your inventory: " + ", ".join(
                    result.skipped
                )
            messages.success(request, message)
            return redirect("skills:skill_list")
    preview = parse_skill_list(form.data.get("text", "")) if data is not None else []
    return TemplateResponse(
        request,
        "skills/skill_bulk_form.html",
        {"form": form, "preview": preview},
        status=422 if data is not None else 200,
    )


def _skill_for_detail(request: AuthenticatedHttpRequest, pk: int) -> UserSkill:
    return get_owned_or_404(UserSkill.objects.with_history(), request.user, pk=pk)


def _detail_context(
    request: AuthenticatedHttpRequest, user_skill: UserSkill, **extra: Any
) -> dict[str, Any]:
    context = {
        "user_skill": user_skill,
        "assessments": list(user_skill.assessments.all()),
        "assessment_form": AssessmentForm(
            initial={
                "assessed_on": request.user.today(),
                "source": SkillAssessment.Source.SELF,
                "level": user_skill.level,
            }
        ),
    }
    context.update(extra)
    return context


def skill_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    user_skill = _skill_for_detail(request, pk)
    return TemplateResponse(
        request, "skills/skill_detail.html", _detail_context(request, user_skill)
    )


@require_http_methods(["GET", "POST"])
def skill_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    user_skill = get_owned_or_404(UserSkill, request.user, pk=pk)
    data = request.POST if request.method == "POST" else None
    original = UserSkill.objects.get(pk=user_skill.pk)
    form = UserSkillForm(data, instance=user_skill)
    if data is not None and form.is_valid():
        try:
            update_skill(original, data=form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"{original.name} saved.")
            return redirect(original)
    return TemplateResponse(
        request,
        "skills/skill_form.html",
        {"form": form, "user_skill": original},
        status=422 if data is not None else 200,
    )


@require_http_methods(["GET", "POST"])
def skill_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    user_skill = get_owned_or_404(UserSkill, request.user, pk=pk)
    if request.method == "POST":
        delete_skill(user_skill)
        messages.success(request, f"{user_skill.name} removed from your inventory.")
        return redirect("skills:skill_list")
    return TemplateResponse(
        request,
        "skills/confirm_delete.html",
        {
            "object": user_skill,
            "title": f"Remove {user_skill.name}?",
            "text": "Its assessment history goes with it. Gap analyses will count it as missing.",
            "cancel_url": user_skill.get_absolute_url(),
        },
    )


@require_POST
def assessment_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    user_skill = _skill_for_detail(request, pk)
    form = AssessmentForm(request.POST)
    if form.is_valid():
        try:
            record_assessment(user_skill, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Assessment recorded.")
            return redirect(reverse("skills:skill_detail", args=[pk]) + "#history")
    user_skill = _skill_for_detail(request, pk)
    return TemplateResponse(
        request,
        "skills/skill_detail.html",
        _detail_context(request, user_skill, assessment_form=form),
        status=422,
    )


@require_POST
def assessment_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    assessment = get_owned_or_404(SkillAssessment, request.user, pk=pk)
    skill_pk = assessment.user_skill_id
    assessment.delete()
    messages.success(request, "Assessment deleted.")
    return redirect(reverse("skills:skill_detail", args=[skill_pk]) + "#history")


# --- Target roles -------------------------------------------------------------


def role_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    roles = (
        TargetRole.objects.owned_by(request.user).with_counts().order_by("title", "pk")
    )
    return TemplateResponse(request, "skills/role_list.html", {"roles": list(roles)})


@require_http_methods(["GET", "POST"])
def role_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    form = TargetRoleForm(data)
    if data is not None and form.is_valid():
        try:
            role = _save_role(request, form, None)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request, f"{role.title} added. Paste a posting for it next."
            )
            return redirect("skills:posting_create", pk=role.pk)
    return TemplateResponse(
        request,
        "skills/role_form.html",
        {"form": form, "role": None},
        status=422 if data is not None else 200,
    )


def _save_role(
    request: AuthenticatedHttpRequest, form: TargetRoleForm, role: TargetRole | None
) -> TargetRole:
    title = form.cleaned_data["title"]
    clash = TargetRole.objects.owned_by(request.user).filter(
        title__iexact=title.strip()
    )
    if role is not None:
        clash = clash.exclude(pk=role.pk)
    if clash.exists():
        raise ValidationError(
            {"title": "You already have a target role with this title."}
        )
    return save_role(owner=request.user, data=form.cleaned_data, role=role)


@require_http_methods(["GET", "POST"])
def role_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    role = get_owned_or_404(TargetRole, request.user, pk=pk)
    original = TargetRole.objects.get(pk=role.pk)
    data = request.POST if request.method == "POST" else None
    form = TargetRoleForm(data, instance=role)
    if data is not None and form.is_valid():
        try:
            _save_role(request, form, original)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Target role saved.")
            return redirect(original)
    return TemplateResponse(
        request,
        "skills/role_form.html",
        {"form": form, "role": original},
        status=422 if data is not None else 200,
    )


@require_http_methods(["GET", "POST"])
def role_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    role = get_owned_or_404(TargetRole, request.user, pk=pk)
    if request.method == "POST":
        delete_role(role)
        messages.success(request, f"{role.title} deleted with its postings.")
        return redirect("skills:role_list")
    return TemplateResponse(
        request,
        "skills/confirm_delete.html",
        {
            "object": role,
            "title": f"Delete {role.title}?",
            "text": "Its postings and their reviewed skills go with it. Goals and learning items made from its gaps stay.",
            "cancel_url": role.get_absolute_url(),
        },
    )


POSTINGS_SHOWN = 12


def role_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    role = get_owned_or_404(
        TargetRole.objects.select_related("occupation"), request.user, pk=pk
    )
    profile = role_profile(role)
    show_all = request.GET.get("postings") == "all"
    # Postings waiting for review first, then the newest; one more than shown tells
    # whether to offer the full list, without a count query.
    postings = (
        Posting.objects.owned_by(request.user)
        .filter(role=role)
        .annotate(
            skill_count=Count("skills", filter=Q(skills__removed=False)),
            must_count=Count(
                "skills",
                filter=Q(skills__removed=False, skills__requirement="must"),
            ),
        )
        .order_by("-status", "-added_on", "-pk")
    )
    shown = list(postings if show_all else postings[: POSTINGS_SHOWN + 1])
    has_more = not show_all and len(shown) > POSTINGS_SHOWN
    shown = shown[:POSTINGS_SHOWN] if has_more else shown
    return TemplateResponse(
        request,
        "skills/role_detail.html",
        {
            "role": role,
            "profile": profile,
            "chart": profile_chart(profile, role_title=role.title),
            "postings": shown,
            "has_more": has_more,
            "waiting": [p for p in shown if p.status == Posting.Status.REVIEW],
        },
    )


# --- Postings -----------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def posting_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    role = get_owned_or_404(TargetRole, request.user, pk=pk)
    data = request.POST if request.method == "POST" else None
    form = PostingForm(data)
    if data is not None and form.is_valid():
        try:
            posting = add_posting(
                role=role,
                text=form.cleaned_data["text"],
                title=form.cleaned_data["title"],
                company=form.cleaned_data["company"],
                url=form.cleaned_data["url"],
                today=request.user.today(),
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                "Posting analysed. Check the skills found, correct them, then confirm.",
            )
            return redirect(posting)
    return TemplateResponse(
        request,
        "skills/posting_form.html",
        {"form": form, "role": role},
        status=422 if data is not None else 200,
    )


def _posting_context(posting: Posting, form: AnalyseForm) -> dict[str, Any]:
    return {
        "posting": posting,
        "role": posting.role,
        "form": form,
        "rows": form.row_fields(),
        "must": PostingSkill.Requirement.MUST,
    }


@require_http_methods(["GET", "POST"])
def posting_review(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    posting = get_owned_or_404(
        Posting.objects.select_related("role"), request.user, pk=pk
    )
    data = request.POST if request.method == "POST" else None
    form = AnalyseForm(data, posting=posting)
    if data is not None and form.is_valid():
        corrections = [
            RowCorrection(
                row_id=row.pk,
                keep=form.cleaned_data[f"keep_{row.pk}"],
                requirement=form.cleaned_data[f"requirement_{row.pk}"],
                label=form.cleaned_data[f"label_{row.pk}"],
            )
            for row in form.rows
        ]
        added = [
            AddedSkill(label=name, requirement=form.cleaned_data["added_requirement"])
            for name in parse_skill_list(form.cleaned_data["added"])
        ]
        try:
            review_posting(
                posting,
                corrections=corrections,
                added=added,
                today=request.user.today(),
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request, "Posting reviewed: it now counts in the role profile."
            )
            return redirect(posting.role)
    return TemplateResponse(
        request,
        "skills/posting_review.html",
        _posting_context(posting, form),
        status=422 if data is not None else 200,
    )


@require_http_methods(["GET", "POST"])
def posting_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    posting = get_owned_or_404(
        Posting.objects.select_related("role"), request.user, pk=pk
    )
    if request.method == "POST":
        role = posting.role
        delete_posting(posting)
        messages.success(
            request, "Posting deleted; the role profile no longer counts it."
        )
        return redirect(role)
    return TemplateResponse(
        request,
        "skills/confirm_delete.html",
        {
            "object": posting,
            "title": f"Delete the posting “{posting}”?",
            "text": "The role profile and gap analysis will no longer count it.",
            "cancel_url": posting.get_absolute_url(),
        },
    )


# --- Gaps -----------------------------------------------------------------------


# The first gaps get a card each with every action; the rest a compact table.
TOP_GAPS = 8


def _gap_context(request: AuthenticatedHttpRequest, role: TargetRole) -> dict[str, Any]:
    gaps = role_gaps(role)
    actions = actions_by_key(role)
    rows: list[dict[str, Any]] = []
    for gap in gaps:
        made = actions.get(gap.key, [])
        rows.append(
            {
                "gap": gap,
                "actions": made,
                # What "Make it a goal" / "Plan a course" would open instead of making.
                "goal": next((a.goal for a in made if a.goal), None),
                "course": next(
                    (
                        a.learning_item
                        for a in made
                        if a.learning_item and a.learning_item.kind == "course"
                    ),
                    None,
                ),
            }
        )
    counts = {
        name: sum(1 for g in gaps if g.status == status)
        for name, status in (
            ("missing", MISSING),
            ("under_level", UNDER_LEVEL),
            ("covered", COVERED),
        )
    }
    return {
        "role": role,
        "rows": rows,
        "open_rows": [r for r in rows if r["gap"].is_gap][:TOP_GAPS],
        "more_rows": [r for r in rows if r["gap"].is_gap][TOP_GAPS:],
        "covered_rows": [r for r in rows if not r["gap"].is_gap],
        "counts": counts,
        "level_choices": LEVEL_CHOICES,
    }


def gap_analysis(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    role = get_owned_or_404(TargetRole, request.user, pk=pk)
    return TemplateResponse(
        request, "skills/gap_analysis.html", _gap_context(request, role)
    )


def _gap_key(request: AuthenticatedHttpRequest) -> str:
    return request.POST.get("skill", "")[:210]


@require_POST
def gap_to_goal(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    role = get_owned_or_404(TargetRole, request.user, pk=pk)
    try:
        action = turn_gap_into_goal(
            role=role, key=_gap_key(request), today=request.user.today()
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("skills:gap_analysis", pk=role.pk)
    assert action.goal is not None
    if action.made_now:
        messages.success(
            request,
            f"Draft goal made for {action.skill_label}. Check it, then activate it.",
        )
    else:
        messages.info(
            request,
            f"{action.skill_label} is already a goal: here it is.",
        )
    return redirect(action.goal)


@require_POST
def gap_to_learning(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    role = get_owned_or_404(TargetRole, request.user, pk=pk)
    kind = request.POST.get("kind", "course")
    try:
        action = turn_gap_into_learning_item(
            role=role, key=_gap_key(request), today=request.user.today(), kind=kind
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("skills:gap_analysis", pk=role.pk)
    assert action.learning_item is not None
    if not action.made_now:
        messages.info(
            request,
            f"{action.learning_item} is already planned for {action.skill_label}: here it is.",
        )
        return redirect(action.learning_item)
    messages.success(
        request,
        f"Learning item planned for {action.skill_label}: {action.learning_item}.",
    )
    return redirect(
        reverse("skills:gap_analysis", args=[role.pk]) + f"#gap-{action.pk}"
    )


@require_POST
def gap_set_level(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Record the person's level for a gap's skill from the gap page; the analysis follows."""
    role = get_owned_or_404(TargetRole, request.user, pk=pk)
    name = request.POST.get("name", "")[:120]
    try:
        level = int(request.POST.get("level", ""))
    except ValueError:
        level = 0
    skill_id = request.POST.get("skill_id", "")
    skill = (
        Skill.objects.filter(pk=int(skill_id)).first() if skill_id.isdigit() else None
    )
    existing = None
    if skill is not None:
        existing = UserSkill.objects.owned_by(request.user).filter(skill=skill).first()
    try:
        if existing is not None:
            update_skill(existing, data={"level": level})
        else:
            add_skill(owner=request.user, name=name, level=level, skill=skill)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, f"{name} is now at level {level} in your inventory.")
    return redirect("skills:gap_analysis", pk=role.pk)
