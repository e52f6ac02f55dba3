"""Writes to the profile and self-assessments, shared by pages, API and commands."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction

from careerpath.accounts.models import User
from careerpath.profiles.history import AssessmentFacts
from careerpath.profiles.models import Profile, Responsibility, SelfAssessment

PROFILE_FIELDS = (
    "current_role",
    "organisation",
    "industry",
    "years_experience",
    "aspiration",
    "aspiration_horizon_years",
    "values",
    "passions",
    "thriving_environments",
)
ASSESSMENT_FIELDS = (
    "assessed_on",
    "strengths",
    "weaknesses",
    "job_satisfaction",
    "goal_alignment",
    "notes",
)


def get_profile(owner: User) -> Profile:
    """The person's profile, or an unsaved empty one if they have not written it yet."""
    return Profile.objects.owned_by(owner).first() or Profile(owner=owner)


@transaction.atomic
def save_profile(*, owner: User, data: Mapping[str, Any]) -> Profile:
    """Create or update the person's profile with the given fields; ``display_name``,
    if given, is the person's own name (kept on the account)."""
    profile = Profile.objects.select_for_update().owned_by(owner).first() or Profile(
        owner=owner
    )
    if "display_name" in data:
        owner.display_name = (data["display_name"] or "").strip()[:80]
        owner.save(update_fields=["display_name"])
    for name in PROFILE_FIELDS:
        if name in data:
            setattr(profile, name, data[name])
    profile.full_clean()
    profile.save()
    return profile


def _replace_responsibilities(
    assessment: SelfAssessment, responsibilities: Iterable[tuple[str, int]]
) -> None:
    assessment.responsibilities.all().delete()
    Responsibility.objects.bulk_create(
        Responsibility(
            owner=assessment.owner,
            assessment=assessment,
            name=name,
            energy=energy,
            order=position,
        )
        for position, (name, energy) in enumerate(responsibilities)
    )


@transaction.atomic
def record_assessment(
    *, owner: User, data: Mapping[str, Any], responsibilities: Iterable[tuple[str, int]]
) -> SelfAssessment:
    """Save a new dated self-assessment with its rated responsibilities."""
    assessment = SelfAssessment(
        owner=owner, **{k: data[k] for k in ASSESSMENT_FIELDS if k in data}
    )
    assessment.full_clean()
    assessment.save()
    _replace_responsibilities(assessment, responsibilities)
    return assessment


@transaction.atomic
def update_assessment(
    *,
    assessment: SelfAssessment,
    data: Mapping[str, Any],
    responsibilities: Iterable[tuple[str, int]] | None,
) -> SelfAssessment:
    """Change an assessment; ``responsibilities=None`` leaves them as they are."""
    for name in ASSESSMENT_FIELDS:
        if name in data:
            setattr(assessment, name, data[name])
    assessment.full_clean()
    assessment.save()
    if responsibilities is not None:
        _replace_responsibilities(assessment, responsibilities)
    return assessment


def facts_of(assessment: SelfAssessment) -> AssessmentFacts:
    """The comparable content of a saved assessment (responsibilities prefetched)."""
    return AssessmentFacts(
        assessed_on=assessment.assessed_on,
        strengths=assessment.strengths,
        weaknesses=assessment.weaknesses,
        job_satisfaction=assessment.job_satisfaction,
        goal_alignment=assessment.goal_alignment,
        responsibilities=[
            (r.name, r.energy) for r in assessment.responsibilities.all()
        ],
    )
