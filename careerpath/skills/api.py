"""API for the skill inventory, assessments, posting analysis, target roles, profiles and gaps."""

from datetime import date, datetime
from typing import Annotated, Literal

from django.core.exceptions import ValidationError
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import StringConstraints

from careerpath.core.access import get_owned_or_404
from careerpath.core.api import Pagination, PatchSchema, omittable
from careerpath.core.http import ApiRequest
from careerpath.core.links import Link, RequiredLink
from careerpath.skills.extraction import analyse_text
from careerpath.skills.models import (
    Posting,
    SkillAssessment,
    TargetRole,
    UserSkill,
)
from careerpath.skills.role_analysis import role_gaps, role_profile
from careerpath.skills.services import (
    AddedSkill,
    RowCorrection,
    add_posting,
    add_skill,
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

router = Router(tags=["skills"])

Name = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)
]
Label = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)
]
Level = Annotated[int, Field(ge=1, le=5)]
KindName = Literal["hard", "soft", "tool", "knowledge", "certification", "language"]
Requirement = Literal["must", "nice"]
# The size limit is the posting analysis's, so its message is the same everywhere.
PostingText = str


# --- Schemas ----------------------------------------------------------------------


class UserSkillOut(Schema):
    id: int
    name: str
    skill_id: int | None
    kind: str
    level: int
    target_level: int | None
    evidence_links: list[str]
    evidence_notes: str
    last_used_on: date | None
    created_at: datetime
    updated_at: datetime


class UserSkillIn(Schema):
    name: Name
    level: Level
    target_level: Level | None = None
    kind: KindName | None = None
    evidence_links: list[RequiredLink] = Field(default_factory=list, max_length=10)
    evidence_notes: str = Field("", max_length=4000)
    last_used_on: date | None = None


class UserSkillPatch(PatchSchema):
    name: Name = omittable()
    level: Level = omittable()
    target_level: Level | None = None
    kind: KindName = omittable()
    evidence_links: list[RequiredLink] = omittable(max_length=10)
    evidence_notes: str = omittable(max_length=4000)
    last_used_on: date | None = None


class SkillAssessmentOut(Schema):
    id: int
    user_skill_id: int
    assessed_on: date
    source: str
    level: int
    note: str


class SkillAssessmentIn(Schema):
    assessed_on: date
    source: Literal["self", "feedback", "manager"]
    level: Level
    note: str = Field("", max_length=2000)


class PostingTextIn(Schema):
    text: PostingText


class MentionOut(Schema):
    text: str
    start: int
    end: int
    skill_id: int | None
    label: str
    kind: str
    requirement: str
    match: str
    score: float


class AnalysisOut(Schema):
    text: str
    skills: list[MentionOut]
    mentions: list[MentionOut]
    years_experience: int | None
    education: str
    certifications: list[str]
    languages: list[str]


class RoleOut(Schema):
    id: int
    title: str
    notes: str
    occupation_id: int | None
    created_at: datetime


class RoleIn(Schema):
    title: Label
    notes: str = Field("", max_length=4000)


class PostingSkillOut(Schema):
    id: int
    skill_id: int | None
    label: str
    kind: str
    requirement: str
    origin: str
    span: str
    match: str
    removed: bool
    original_requirement: str
    original_label: str


class PostingOut(Schema):
    id: int
    role_id: int
    title: str
    company: str
    url: str
    status: str
    years_experience: int | None
    education: str
    certifications: list[str]
    languages: list[str]
    added_on: date
    reviewed_on: date | None
    skills: list[PostingSkillOut]


class PostingIn(Schema):
    text: PostingText
    title: str = Field("", max_length=200)
    company: str = Field("", max_length=160)
    url: Link = ""


class CorrectionIn(Schema):
    id: int
    keep: bool = True
    requirement: Requirement
    label: Label


class AddedIn(Schema):
    label: Label
    requirement: Requirement = "must"


class ReviewIn(Schema):
    skills: list[CorrectionIn] = Field(default_factory=list, max_length=500)
    added: list[AddedIn] = Field(default_factory=list, max_length=100)


class ProfileEntryOut(Schema):
    key: str
    label: str
    kind: str
    skill_id: int | None
    postings: int
    must_postings: int
    share: float
    must_share: float
    importance: float | None


class RoleProfileOut(Schema):
    role_id: int
    total_postings: int
    skills: list[ProfileEntryOut]


class GapOut(Schema):
    key: str
    label: str
    skill_id: int | None
    status: str
    current_level: int
    required_level: int
    frequency: float
    must_weight: float
    level_gap: int
    score: float
    reason: str


class GapActionIn(Schema):
    key: str = Field(..., min_length=1, max_length=210)
    kind: Literal["goal", "course", "book", "workshop", "webinar", "self_study"] = (
        "goal"
    )


class GapActionOut(Schema):
    id: int
    role_id: int
    skill_key: str
    skill_label: str
    kind: str
    goal_id: int | None
    learning_item_id: int | None
    reason: str


# --- Inventory -------------------------------------------------------------------


@router.get("/skills", response=list[UserSkillOut], summary="Your skill inventory")
@paginate(Pagination)
def list_skills(request: ApiRequest, kind: KindName | None = None) -> object:
    skills = UserSkill.objects.owned_by(request.auth).order_by("normalized", "pk")
    if kind:
        skills = skills.filter(kind=kind)
    return skills


@router.post("/skills", response={201: UserSkillOut}, summary="Add a skill")
def create_skill(request: ApiRequest, payload: UserSkillIn) -> object:
    data = payload.dict()
    return Status(
        201,
        add_skill(
            owner=request.auth,
            name=data["name"],
            level=data["level"],
            target_level=data["target_level"],
            kind=data["kind"] or "",
            evidence_links=data["evidence_links"],
            evidence_notes=data["evidence_notes"],
            last_used_on=data["last_used_on"],
        ),
    )


@router.get("/skills/{skill_id}", response=UserSkillOut)
def get_skill(request: ApiRequest, skill_id: int) -> object:
    return get_owned_or_404(UserSkill, request.auth, pk=skill_id)


@router.patch("/skills/{skill_id}", response=UserSkillOut)
def patch_skill(request: ApiRequest, skill_id: int, payload: UserSkillPatch) -> object:
    user_skill = get_owned_or_404(UserSkill, request.auth, pk=skill_id)
    return update_skill(user_skill, data=payload.dict(exclude_unset=True))


@router.delete("/skills/{skill_id}", response={204: None})
def delete_skill_endpoint(request: ApiRequest, skill_id: int) -> object:
    delete_skill(get_owned_or_404(UserSkill, request.auth, pk=skill_id))
    return Status(204, None)


@router.get(
    "/skills/{skill_id}/assessments",
    response=list[SkillAssessmentOut],
    summary="A skill's assessment history, newest first",
)
def list_skill_assessments(request: ApiRequest, skill_id: int) -> object:
    user_skill = get_owned_or_404(UserSkill, request.auth, pk=skill_id)
    return user_skill.assessments.order_by("-assessed_on", "-pk")


@router.post("/skills/{skill_id}/assessments", response={201: SkillAssessmentOut})
def create_skill_assessment(
    request: ApiRequest, skill_id: int, payload: SkillAssessmentIn
) -> object:
    user_skill = get_owned_or_404(UserSkill, request.auth, pk=skill_id)
    return Status(201, record_assessment(user_skill, **payload.dict()))


@router.delete("/skill-assessments/{assessment_id}", response={204: None})
def delete_skill_assessment(request: ApiRequest, assessment_id: int) -> object:
    get_owned_or_404(SkillAssessment, request.auth, pk=assessment_id).delete()
    return Status(204, None)


# --- Posting analysis ---------------------------------------------------------------


@router.post(
    "/postings/analyse",
    response=AnalysisOut,
    summary="Analyse a posting's text or HTML without saving it",
)
def analyse_posting_endpoint(request: ApiRequest, payload: PostingTextIn) -> object:
    analysis = analyse_text(payload.text)
    return {
        "text": analysis.text,
        "skills": [vars(m) for m in analysis.skills],
        "mentions": [vars(m) for m in analysis.mentions],
        "years_experience": analysis.years_experience,
        "education": analysis.education,
        "certifications": list(analysis.certifications),
        "languages": list(analysis.languages),
    }


# --- Target roles -----------------------------------------------------------------


@router.get("/roles", response=list[RoleOut], tags=["target roles"])
def list_roles(request: ApiRequest) -> object:
    return TargetRole.objects.owned_by(request.auth)


@router.post("/roles", response={201: RoleOut}, tags=["target roles"])
def create_role(request: ApiRequest, payload: RoleIn) -> object:
    user = request.auth
    if TargetRole.objects.owned_by(user).filter(title__iexact=payload.title).exists():
        raise ValidationError(
            {"title": "You already have a target role with this title."}
        )
    return Status(201, save_role(owner=user, data=payload.dict()))


@router.get("/roles/{role_id}", response=RoleOut, tags=["target roles"])
def get_role(request: ApiRequest, role_id: int) -> object:
    return get_owned_or_404(TargetRole, request.auth, pk=role_id)


@router.delete("/roles/{role_id}", response={204: None}, tags=["target roles"])
def delete_role_endpoint(request: ApiRequest, role_id: int) -> object:
    delete_role(get_owned_or_404(TargetRole, request.auth, pk=role_id))
    return Status(204, None)


@router.get(
    "/roles/{role_id}/postings", response=list[PostingOut], tags=["target roles"]
)
def list_role_postings(request: ApiRequest, role_id: int) -> object:
    role = get_owned_or_404(TargetRole, request.auth, pk=role_id)
    return (
        Posting.objects.owned_by(role.owner)
        .filter(role=role)
        .prefetch_related("skills")
    )


@router.post(
    "/roles/{role_id}/postings",
    response={201: PostingOut},
    tags=["target roles"],
    summary="Analyse a posting and keep it for review",
)
def create_role_posting(
    request: ApiRequest, role_id: int, payload: PostingIn
) -> object:
    user = request.auth
    role = get_owned_or_404(TargetRole, user, pk=role_id)
    posting = add_posting(role=role, today=user.today(), **payload.dict())
    return Status(201, Posting.objects.prefetch_related("skills").get(pk=posting.pk))


@router.get("/postings/{posting_id}", response=PostingOut, tags=["target roles"])
def get_posting(request: ApiRequest, posting_id: int) -> object:
    return get_owned_or_404(
        Posting.objects.prefetch_related("skills"), request.auth, pk=posting_id
    )


@router.post(
    "/postings/{posting_id}/review",
    response=PostingOut,
    tags=["target roles"],
    summary="Correct the extracted skills and count the posting",
)
def review_posting_endpoint(
    request: ApiRequest, posting_id: int, payload: ReviewIn
) -> object:
    user = request.auth
    posting = get_owned_or_404(Posting, user, pk=posting_id)
    review_posting(
        posting,
        corrections=[
            RowCorrection(
                row_id=c.id, keep=c.keep, requirement=c.requirement, label=c.label
            )
            for c in payload.skills
        ],
        added=[
            AddedSkill(label=a.label, requirement=a.requirement) for a in payload.added
        ],
        today=user.today(),
    )
    return Posting.objects.prefetch_related("skills").get(pk=posting.pk)


@router.delete("/postings/{posting_id}", response={204: None}, tags=["target roles"])
def delete_posting_endpoint(request: ApiRequest, posting_id: int) -> object:
    delete_posting(get_owned_or_404(Posting, request.auth, pk=posting_id))
    return Status(204, None)


@router.get("/roles/{role_id}/profile", response=RoleProfileOut, tags=["target roles"])
def get_role_profile(request: ApiRequest, role_id: int) -> object:
    role = get_owned_or_404(TargetRole, request.auth, pk=role_id)
    profile = role_profile(role)
    return {
        "role_id": role.pk,
        "total_postings": profile.total_postings,
        "skills": [
            {
                "key": e.key,
                "label": e.label,
                "kind": e.kind,
                "skill_id": e.skill_id,
                "postings": e.postings,
                "must_postings": e.must_postings,
                "share": round(e.share, 4),
                "must_share": round(e.must_share, 4),
                "importance": float(e.importance) if e.importance is not None else None,
            }
            for e in profile.entries
        ],
    }


@router.get("/roles/{role_id}/gaps", response=list[GapOut], tags=["target roles"])
def get_role_gaps(request: ApiRequest, role_id: int) -> object:
    role = get_owned_or_404(TargetRole, request.auth, pk=role_id)
    return [vars(gap) for gap in role_gaps(role)]


@router.post(
    "/roles/{role_id}/gaps/actions",
    response={201: GapActionOut},
    tags=["target roles"],
    summary="Turn a gap into a draft goal or a learning item",
)
def create_gap_action(
    request: ApiRequest, role_id: int, payload: GapActionIn
) -> object:
    user = request.auth
    role = get_owned_or_404(TargetRole, user, pk=role_id)
    if payload.kind == "goal":
        action = turn_gap_into_goal(role=role, key=payload.key, today=user.today())
    else:
        action = turn_gap_into_learning_item(
            role=role, key=payload.key, today=user.today(), kind=payload.kind
        )
    return Status(201, action)
