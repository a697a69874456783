"""The self-assessment tests' names for the personas: the service, its manager and a colleague
(the practitioner), and an assessment in progress."""

from __future__ import annotations

import pytest

from .made import make_assessment, make_thematics


@pytest.fixture
def service(youth_justice_service):
    return youth_justice_service


@pytest.fixture
def manager(service_manager):
    return service_manager


@pytest.fixture
def colleague(practitioner):
    return practitioner


@pytest.fixture
def assessment(service, manager):
    make_thematics()
    return make_assessment(service, 2026, manager)
