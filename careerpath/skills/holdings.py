"""The skills a person holds, as a gap analysis compares them with what a role asks for."""

from __future__ import annotations

from careerpath.skills.gaps import Holding
from careerpath.skills.models import UserSkill


def holdings_of(owner_id: int) -> list[Holding]:
    return [
        Holding(skill_id=skill_id, name=name, level=level)
        for skill_id, name, level in UserSkill.objects.filter(
            owner_id=owner_id
        ).values_list("skill_id", "name", "level")
    ]
