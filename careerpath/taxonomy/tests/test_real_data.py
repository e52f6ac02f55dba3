"""Both importers on the real releases in the shared data directory, when it is there.

Runs in the normal suite (marked ``realdata`` so it can be deselected with
``-m "not realdata"``) and is skipped on machines without the files. One test imports
both sources so the ~30 s of real work is paid once.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from careerpath.taxonomy.importers.esco import import_esco
from careerpath.taxonomy.importers.onet import import_onet
from careerpath.taxonomy.importers.progress import Progress
from careerpath.taxonomy.lookup import load_vocabulary, suggest
from careerpath.taxonomy.models import (
    Occupation,
    OccupationSkill,
    RelatedOccupation,
    Skill,
)

DATA = Path(os.environ.get("CAREERPATH_SHARED_DATA", "/work/shared/data"))
ESCO = DATA / "esco" / "v1.1.1"
ONET = DATA / "onet-29"

pytestmark = [
    pytest.mark.realdata,
    pytest.mark.django_db,
    pytest.mark.skipif(
        not (ESCO.is_dir() and (ONET / "occupation_data.csv").exists()),
        reason=f"the ESCO and O*NET releases are not under {DATA}",
    ),
]


def test_real_esco_and_onet_releases_import_completely():
    quiet = Progress(io.StringIO(), enabled=False)
    esco = import_esco([ESCO], quiet)
    # The classification zip (skills, occupations, language collection) and the
    # relations zip sit side by side in the directory.
    assert esco.counts.created["skills"] == 13_896
    assert esco.counts.created["occupations"] == 3_007
    # v1.1.1's relations name 67 occupations its occupation list no longer has.
    assert esco.skipped == {
        "relations to occupations or skills not in this release": 67
    }
    assert OccupationSkill.objects.filter(occupation__source="esco").count() == 123_788
    python = Skill.objects.get(source="esco", label="Python (computer programming)")
    assert python.kind == "knowledge"  # ESCO files programming languages as knowledge
    assert python.aliases.filter(normalized="python").exists()
    assert Skill.objects.get(source="esco", label="English").kind == "language"
    assert Skill.objects.filter(source="esco", category="knowledge").count() == 3_059
    assert Skill.objects.filter(source="esco", kind="language").exists()

    onet = import_onet([ONET], quiet)
    assert onet.counts.created["occupations"] == 1_016
    assert onet.counts.created["skills"] == 8_768
    assert OccupationSkill.objects.filter(occupation__source="onet").count() == 32_627
    assert RelatedOccupation.objects.count() == 18_460
    chief = Occupation.objects.get(source="onet", external_id="11-1011.00")
    assert chief.title == "Chief Executives"
    assert (
        chief.related_links.first().related.title == "General and Operations Managers"
    )
    acrobat = Skill.objects.get(source="onet", external_id="technology/adobe acrobat")
    assert acrobat.hot_technology

    entries = load_vocabulary()
    assert {e.source for e in entries} == {"builtin", "esco", "onet"}
    assert suggest("python")[0].source == "builtin"
