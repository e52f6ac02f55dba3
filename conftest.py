"""Personas shared by every test: alice owns things, bob is a stranger."""

import pytest
from django.core.cache import cache

from careerpath.accounts.tests.factories import PASSWORD, UserFactory


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate limits live in the shared cache; one test's failed logins must not
    # throttle the next.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def alice(db):
    return UserFactory(email="alice@example.org", display_name="Alice")


@pytest.fixture
def bob(db):
    return UserFactory(email="bob@example.org", display_name="Bob")


@pytest.fixture
def alice_client(client, alice):
    client.force_login(alice)
    return client


@pytest.fixture
def bob_client(client, bob):
    client.force_login(bob)
    return client
