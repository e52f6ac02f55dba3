import datetime
import random

import pytest

from careerpath.skills.demo import seed
from careerpath.skills.models import GapAction, Posting, TargetRole, UserSkill
from careerpath.skills.role_analysis import role_gaps, role_profile

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 23)


@pytest.mark.parametrize("scale", [1, 2])
def test_demo_seeds_an_inventory_two_roles_and_reviewed_postings(alice, scale):
    counts = seed(alice, rng=random.Random(7), scale=scale, today=TODAY)
    assert counts["postings"] == 16 * scale
    assert UserSkill.objects.owned_by(alice).count() == counts["inventory skills"] >= 15
    roles = list(TargetRole.objects.owned_by(alice))
    assert len(roles) == 2
    for role in roles:
        postings = Posting.objects.owned_by(alice).filter(role=role)
        assert postings.filter(status=Posting.Status.REVIEW).count() == 1
        profile = role_profile(role)
        assert profile.total_postings == 8 * scale - 1
        assert len(profile.entries) >= 10
        assert any(gap.is_gap for gap in role_gaps(role))
    assert set(GapAction.objects.owned_by(alice).values_list("kind", flat=True)) == {
        "goal",
        "learning",
    }
