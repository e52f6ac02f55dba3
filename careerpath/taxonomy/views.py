"""Read-only pages over the shared taxonomy: search skills, see a skill and an occupation.

Nothing here is owned by anyone (every signed-in person sees the same vocabulary), so
objects are fetched by id and a missing one is a plain 404.
"""

from __future__ import annotations

from django.db.models import Count, F
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse

from careerpath.core.http import AuthenticatedHttpRequest
from careerpath.taxonomy.lookup import suggest
from careerpath.taxonomy.models import (
    ImportRun,
    Occupation,
    OccupationSkill,
    RelatedOccupation,
    Skill,
    Source,
)

RESULTS = 40
LINKS = 60


def browse(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Search box; without a query, what the taxonomy holds and where it came from."""
    query = request.GET.get("q", "").strip()[:120]
    context: dict[str, object] = {"query": query}
    if query:
        found = suggest(query, limit=RESULTS)
        skills = Skill.objects.in_bulk([s.skill_id for s in found])
        context["skills"] = [
            (skills[s.skill_id], s.matched) for s in found if s.skill_id in skills
        ]
        context["occupations"] = list(
            Occupation.objects.filter(title__icontains=query).only(
                "id", "title", "code", "source"
            )[:RESULTS]
        )
    else:
        context["sources"] = [
            {"label": Source(row["source"]).label, **row}
            for row in Skill.objects.values("source")
            .annotate(skills=Count("id"))
            .order_by("source")
        ]
        context["categories"] = list(
            Skill.objects.filter(source=Source.BUILTIN)
            .values("category")
            .annotate(skills=Count("id"))
            .order_by("category")
        )
        context["runs"] = list(
            ImportRun.objects.exclude(source=Source.BUILTIN).order_by("-id")[:5]
        )
    return TemplateResponse(request, "taxonomy/browse.html", context)


def skill_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    skill = Skill.objects.filter(pk=pk).first()
    if skill is None:
        raise Http404("No such skill.")
    links = (
        OccupationSkill.objects.filter(skill=skill)
        .select_related("occupation")
        .order_by(
            "relation", F("importance").desc(nulls_last=True), "occupation__title"
        )
    )
    return TemplateResponse(
        request,
        "taxonomy/skill_detail.html",
        {
            "skill": skill,
            "aliases": list(skill.aliases.exclude(kind="preferred").order_by("text")),
            "links": list(links[:LINKS]),
            "link_count": links.count(),
        },
    )


def occupation_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    occupation = Occupation.objects.filter(pk=pk).first()
    if occupation is None:
        raise Http404("No such occupation.")
    links = list(
        OccupationSkill.objects.filter(occupation=occupation)
        .select_related("skill")
        .order_by(F("importance").desc(nulls_last=True), "skill__label")
    )
    essential = [link for link in links if link.relation == "essential"]
    optional = [link for link in links if link.relation == "optional"]
    rated = [link for link in links if link.importance is not None]
    others = [link for link in links if not link.relation and link.importance is None]
    related = list(
        RelatedOccupation.objects.filter(occupation=occupation)
        .select_related("related")
        .order_by("rank")
    )
    return TemplateResponse(
        request,
        "taxonomy/occupation_detail.html",
        {
            "occupation": occupation,
            "essential": essential,
            "optional": optional,
            "rated": rated,
            "tools": others,
            "related": related,
        },
    )
