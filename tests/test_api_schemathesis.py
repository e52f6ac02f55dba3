"""Property-based checks of the whole API against its own published OpenAPI document.

Schemathesis reads /api/v1/openapi.json from the application itself and, for every
operation, sends requests generated from the documented parameters and bodies with a
personal access token. Any 5xx, undocumented status code or response that does not
match its documented schema fails the test. Bounded: a few derandomized examples per
operation, so the run is reproducible and stays short on two cores.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis import checks as st_checks
from schemathesis.specs.openapi import checks as openapi_checks

from careerpath.accounts.services import create_api_token
from careerpath.achievements.tests.factories import AchievementFactory
from careerpath.balance.tests.factories import CheckInFactory
from careerpath.feedback.tests.factories import FeedbackFactory, FeedbackRequestFactory
from careerpath.goals.tests.factories import (
    ActionStepFactory,
    AspirationFactory,
    GoalFactory,
    KpiReadingFactory,
    MilestoneFactory,
)
from careerpath.journal.tests.factories import SetbackFactory
from careerpath.learning.tests.factories import LearningSessionFactory
from careerpath.network.tests.factories import ContactFactory, InteractionFactory
from careerpath.profiles.tests.factories import SelfAssessmentFactory
from careerpath.skills.tests.factories import (
    PostingSkillFactory,
    SkillAssessmentFactory,
)

EXAMPLES_PER_OPERATION = 8

application = get_wsgi_application()
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
# Generated data only (positive and negative); the coverage phase's exhaustive
# boundary cases would multiply the run time many times over.
schema.config.phases.coverage.enabled = False

# What the API promises: never a 5xx, only documented status codes, and every
# response in its documented content type, headers and schema. (Whether the API
# coerces `false` to 0 like pydantic's lax mode, or refuses a date in the future
# that the schema cannot express, is not part of the promise.)
CHECKS = [
    st_checks.not_a_server_error,
    openapi_checks.status_code_conformance,
    openapi_checks.content_type_conformance,
    openapi_checks.response_headers_conformance,
    openapi_checks.response_schema_conformance,
]


@pytest.fixture
def connection_stays_open():
    # The requests go straight to the WSGI application, which, like a real server,
    # closes a database connection it finds inside a transaction when a request
    # starts or ends; the test's own transaction is one (Django's test client
    # disconnects the same handler).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def seed(owner):
    """One of everything, so that generated requests can reach real objects: the
    path parameter's name (and, where two share one, the path) picks the object."""
    goal = GoalFactory(owner=owner)
    setback = SetbackFactory(entry__owner=owner, goal=goal)
    session = LearningSessionFactory(item__owner=owner)
    posting_skill = PostingSkillFactory(posting__role__owner=owner)
    skill_assessment = SkillAssessmentFactory(user_skill__owner=owner)
    contact = ContactFactory(owner=owner)
    ids = {
        "goal_id": goal.pk,
        "aspiration_id": AspirationFactory(owner=owner).pk,
        "milestone_id": MilestoneFactory(goal=goal).pk,
        "step_id": ActionStepFactory(goal=goal).pk,
        "reading_id": KpiReadingFactory(goal=goal).pk,
        "assessment_id": SelfAssessmentFactory(owner=owner).pk,
        "achievement_id": AchievementFactory(owner=owner).pk,
        "check_in_id": CheckInFactory(owner=owner).pk,
        "contact_id": contact.pk,
        "interaction_id": InteractionFactory(owner=owner).pk,
        "entry_id": setback.entry.pk,
        "setback_id": setback.pk,
        "feedback_id": FeedbackFactory(owner=owner).pk,
        "request_id": FeedbackRequestFactory(owner=owner).pk,
        "item_id": session.item.pk,
        "session_id": session.pk,
        "skill_id": skill_assessment.user_skill.pk,
        "posting_id": posting_skill.posting.pk,
        "role_id": posting_skill.posting.role.pk,
    }
    by_path = {("/skill-assessments/", "assessment_id"): skill_assessment.pk}
    return ids, by_path


@pytest.fixture
def alices(db, alice, connection_stays_open):
    _, raw = create_api_token(user=alice, name="schemathesis")
    ids, by_path = seed(alice)
    return raw, ids, by_path


def reach_real_objects(case, ids, by_path):
    # About half of the examples keep the generated (almost always unknown) ids, and
    # half name a seeded object, so both the 404s and the real answers are checked.
    for name, value in (case.path_parameters or {}).items():
        if name in ids and isinstance(value, int) and value % 2 == 0:
            special = [
                v for (part, n), v in by_path.items() if n == name and part in case.path
            ]
            case.path_parameters[name] = special[0] if special else ids[name]


@pytest.mark.filterwarnings("ignore")
@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_keeps_its_documented_contract(case, alices):
    token, ids, by_path = alices
    reach_real_objects(case, ids, by_path)
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)
