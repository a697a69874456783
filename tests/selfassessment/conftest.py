from __future__ import annotations

import pytest

from followthrough.organisations.models import Membership

from .made import make_assessment, make_member, make_service, make_thematics


@pytest.fixture
def service(db):
    return make_service()


@pytest.fixture
def manager(service):
    return make_member("manager", service, Membership.Role.APPROVER)


@pytest.fixture
def colleague(service):
    return make_member("colleague", service, Membership.Role.CONTRIBUTOR)


@pytest.fixture
def assessment(service, manager):
    make_thematics()
    return make_assessment(service, 2026, manager)
