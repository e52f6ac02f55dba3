"""API for the profile and self-assessments."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import StringConstraints, field_validator

from careerpath.core.access import get_owned_or_404
from careerpath.core.api import Pagination, PatchSchema, omittable
from careerpath.core.http import ApiRequest
from careerpath.core.text import squash
from careerpath.profiles.models import SelfAssessment
from careerpath.profiles.services import (
    get_profile,
    record_assessment,
    save_profile,
    update_assessment,
)

router = Router(tags=["profile"])

Item = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)
]
Score = Annotated[int, Field(ge=1, le=5)]


def _dedupe(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item.casefold() not in seen:
            seen.add(item.casefold())
            out.append(squash(item))
    return out


class ProfileOut(Schema):
    current_role: str
    organisation: str
    industry: str
    years_experience: int | None
    aspiration: str
    aspiration_horizon_years: int | None
    values: list[str]
    passions: list[str]
    thriving_environments: list[str]
    updated_at: datetime | None


class ProfileIn(Schema):
    current_role: str = Field("", max_length=120)
    organisation: str = Field("", max_length=120)
    industry: str = Field("", max_length=120)
    years_experience: int | None = Field(None, ge=0, le=70)
    aspiration: str = Field("", max_length=2000)
    aspiration_horizon_years: int | None = Field(None, ge=1, le=30)
    values: list[Item] = Field(default_factory=list, max_length=20)
    passions: list[Item] = Field(default_factory=list, max_length=20)
    thriving_environments: list[Item] = Field(default_factory=list, max_length=20)

    @field_validator("values", "passions", "thriving_environments")
    @classmethod
    def _unique(cls, items: list[str]) -> list[str]:
        return _dedupe(items)


class ProfilePatch(ProfileIn):
    pass


class ResponsibilitySchema(Schema):
    name: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)
    ]
    energy: Score


class AssessmentOut(Schema):
    id: int
    assessed_on: date
    strengths: list[str]
    weaknesses: list[str]
    job_satisfaction: int
    goal_alignment: int
    notes: str
    responsibilities: list[ResponsibilitySchema]
    energising_share: float | None
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_responsibilities(obj: SelfAssessment) -> list[dict[str, object]]:
        return [
            {"name": r.name, "energy": r.energy} for r in obj.responsibilities.all()
        ]


class AssessmentIn(Schema):
    assessed_on: date
    strengths: list[Item] = Field(default_factory=list, max_length=20)
    weaknesses: list[Item] = Field(default_factory=list, max_length=20)
    job_satisfaction: Score
    goal_alignment: Score
    notes: str = Field("", max_length=10_000)
    responsibilities: list[ResponsibilitySchema] = Field(
        default_factory=list, max_length=12
    )

    @field_validator("strengths", "weaknesses")
    @classmethod
    def _unique(cls, items: list[str]) -> list[str]:
        return _dedupe(items)

    @field_validator("responsibilities")
    @classmethod
    def _unique_responsibilities(
        cls, items: list[ResponsibilitySchema]
    ) -> list[ResponsibilitySchema]:
        names = [item.name.casefold() for item in items]
        if len(names) != len(set(names)):
            raise ValueError("Each responsibility should appear once.")
        return items


class AssessmentPatch(PatchSchema):
    assessed_on: date = omittable()
    strengths: list[Item] = omittable(max_length=20)
    weaknesses: list[Item] = omittable(max_length=20)
    job_satisfaction: Score = omittable()
    goal_alignment: Score = omittable()
    notes: str = omittable(max_length=10_000)
    responsibilities: list[ResponsibilitySchema] = omittable(max_length=12)


@router.get("/profile", response=ProfileOut, summary="Your profile")
def get_my_profile(request: ApiRequest) -> object:
    profile = get_profile(request.auth)
    return (
        profile
        if profile.pk
        else {**ProfileIn.model_validate({}).dict(), "updated_at": None}
    )


@router.put("/profile", response=ProfileOut, summary="Replace your profile")
def put_profile(request: ApiRequest, payload: ProfileIn) -> object:
    return save_profile(owner=request.auth, data=payload.dict())


@router.patch("/profile", response=ProfileOut, summary="Change some profile fields")
def patch_profile(request: ApiRequest, payload: ProfilePatch) -> object:
    return save_profile(owner=request.auth, data=payload.dict(exclude_unset=True))


@router.get("/assessments", response=list[AssessmentOut], tags=["self-assessments"])
@paginate(Pagination)
def list_assessments(request: ApiRequest) -> object:
    return SelfAssessment.objects.owned_by(request.auth).with_responsibilities()


@router.post("/assessments", response={201: AssessmentOut}, tags=["self-assessments"])
def create_assessment(request: ApiRequest, payload: AssessmentIn) -> object:
    data = payload.dict()
    rows = [(r["name"], r["energy"]) for r in data.pop("responsibilities")]
    assessment = record_assessment(owner=request.auth, data=data, responsibilities=rows)
    return Status(201, _reload(request, assessment.pk))


def _reload(request: ApiRequest, pk: int) -> SelfAssessment:
    return get_owned_or_404(
        SelfAssessment.objects.with_responsibilities(), request.auth, pk=pk
    )


@router.get(
    "/assessments/{assessment_id}", response=AssessmentOut, tags=["self-assessments"]
)
def get_assessment(request: ApiRequest, assessment_id: int) -> object:
    return _reload(request, assessment_id)


def _update(
    request: ApiRequest, assessment_id: int, data: dict[str, object]
) -> SelfAssessment:
    assessment = get_owned_or_404(SelfAssessment, request.auth, pk=assessment_id)
    responsibilities = data.pop("responsibilities", None)
    rows = (
        None
        if responsibilities is None
        else [(r["name"], r["energy"]) for r in responsibilities]  # type: ignore[attr-defined]
    )
    update_assessment(assessment=assessment, data=data, responsibilities=rows)
    return _reload(request, assessment.pk)


@router.put(
    "/assessments/{assessment_id}", response=AssessmentOut, tags=["self-assessments"]
)
def put_assessment(
    request: ApiRequest, assessment_id: int, payload: AssessmentIn
) -> object:
    return _update(request, assessment_id, payload.dict())


@router.patch(
    "/assessments/{assessment_id}", response=AssessmentOut, tags=["self-assessments"]
)
def patch_assessment(
    request: ApiRequest, assessment_id: int, payload: AssessmentPatch
) -> object:
    data = {k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None}
    return _update(request, assessment_id, data)


@router.delete(
    "/assessments/{assessment_id}", response={204: None}, tags=["self-assessments"]
)
def delete_assessment(request: ApiRequest, assessment_id: int) -> object:
    get_owned_or_404(SelfAssessment, request.auth, pk=assessment_id).delete()
    return Status(204, None)
