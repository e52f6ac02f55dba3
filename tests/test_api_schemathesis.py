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
def test_connection_stays_open():
    # The requests go straight to the WSGI application, which, like a real server,
    # closes a database connection it finds inside a transaction when a request
    # starts or ends; the test's own transaction is one (Django's test client
    # disconnects the same handler).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(db, alice, test_connection_stays_open):
    _, raw = create_api_token(user=alice, name="schemathesis")
    return raw


@pytest.mark.filterwarnings("ignore")
@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_keeps_its_documented_contract(case, token):
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)
