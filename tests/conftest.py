"""Shared fixtures: the corpus (when present), the personas, and the sample plan built from
factories."""

from __future__ import annotations

import importlib.util
import os
from datetime import date
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import transaction

from followthrough.actionplans.models import ActionPlan
from followthrough.ingest.services import document_ingest
from followthrough.organisations.models import Membership, Organisation
from followthrough.organisations.services import organisations_ensure_known
from tests.actionplans.factories import make_sample_plan
from tests.organisations.factories import PASSWORD as PASSWORD  # tests sign in with it from here
from tests.organisations.factories import (
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
    YouthJusticeServiceFactory,
)

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("FOLLOWTHROUGH_SHARED", ROOT.parent / "shared"))
CORPUS = Path(os.environ.get("CORPUS", SHARED / "corpus"))
if not CORPUS.is_absolute():
    CORPUS = (ROOT / CORPUS).resolve()
GOLD = SHARED / "gold"

needs_corpus = pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"the corpus directory {CORPUS} is not present on this machine"
)


@pytest.fixture(autouse=True)
def _empty_cache():  # type: ignore[no-untyped-def]
    """Each test starts with an empty cache: on SQLite a rolled-back test's ids come round again,
    so figures cached under them (core/freshness.py) would belong to another test's data."""
    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _worker_keeps_the_test_connection(monkeypatch):  # type: ignore[no-untyped-def]
    """The task worker closes old connections as it wakes, as a long-running process should. In a
    test the connection holds the test's transaction; on PostgreSQL closing it inside that
    transaction breaks every later query, as Django's test client avoids for requests."""
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda **kwargs: None)


def corpus_file(prefix: str) -> Path:
    matches = sorted(CORPUS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"corpus document {prefix} is not present in {CORPUS}")
    return matches[0]


def load_scorer():
    path = SHARED / "tools" / "score_extraction.py"
    if not path.is_file():
        pytest.skip(f"the scoring tool {path} is not present")
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ingest_text(text: str, name: str, **kwargs):
    with transaction.atomic():
        return document_ingest(file_name=name, content=text.encode(), **kwargs)


@pytest.fixture
def known_bodies(db) -> dict[str, Organisation]:
    """The canonical bodies (YJB, MoJ, HMI Probation …) by short name, as ingest resolves them."""
    return {o.short_name: o for o in organisations_ensure_known()}


def persona(username: str, organisation: Organisation, role: str):  # type: ignore[no-untyped-def]
    """A real user, username@example.invalid, signing in with PASSWORD, with one membership."""
    return MembershipFactory(user__username=username, organisation=organisation, role=role).user


# The personas, one each, as healthchecks has alice, bob and charlie. "The body" is the Youth
# Justice Board, which the sample plan addresses and which owns actions in it; "the other body"
# is the Ministry of Justice, which has its own responses there; the service is a synthetic
# youth justice service.


@pytest.fixture
def inspector(known_bodies):
    """HM Inspectorate of Probation's reviewer: reads everything published, records judgements."""
    return persona("inspector", known_bodies["HMI Probation"], Membership.Role.REVIEWER)


@pytest.fixture
def inspectorate_admin(known_bodies):
    """Administers HM Inspectorate of Probation: the audit log and the imports are theirs."""
    return persona("inspectorate-admin", known_bodies["HMI Probation"], Membership.Role.ADMIN)


@pytest.fixture
def body_viewer(known_bodies):
    """Reads the Youth Justice Board's plans and dashboard; writes nothing."""
    return persona("body-viewer", known_bodies["YJB"], Membership.Role.VIEWER)


@pytest.fixture
def body_contributor(known_bodies):
    """Writes the Youth Justice Board's responses and actions and reports its progress."""
    return persona("body-contributor", known_bodies["YJB"], Membership.Role.CONTRIBUTOR)


@pytest.fixture
def body_approver(known_bodies):
    """Signs for the Youth Justice Board: submits and publishes its plans, approves targets."""
    return persona("body-approver", known_bodies["YJB"], Membership.Role.APPROVER)


@pytest.fixture
def body_admin(known_bodies):
    """Administers the Youth Justice Board's members and its two-factor policy."""
    return persona("body-admin", known_bodies["YJB"], Membership.Role.ADMIN)


@pytest.fixture
def other_body_viewer(known_bodies):
    """Reads for the Ministry of Justice: published work only, nothing of the YJB's drafts."""
    return persona("other-body-viewer", known_bodies["MoJ"], Membership.Role.VIEWER)


@pytest.fixture
def other_body_contributor(known_bodies):
    """Writes for the Ministry of Justice: nothing of the YJB's."""
    return persona("other-body-contributor", known_bodies["MoJ"], Membership.Role.CONTRIBUTOR)


@pytest.fixture
def other_body_admin(known_bodies):
    """Administers the Ministry of Justice's members: not the YJB's."""
    return persona("other-body-admin", known_bodies["MoJ"], Membership.Role.ADMIN)


@pytest.fixture
def youth_justice_service(db) -> Organisation:
    """Riverside Youth Justice Service ("Riverside YJS"), synthetic: the three personas below."""
    return YouthJusticeServiceFactory(name="Riverside Youth Justice Service")


@pytest.fixture
def service_manager(youth_justice_service):
    """Manages the service: starts, signs off and shares its self-assessment."""
    return persona("service-manager", youth_justice_service, Membership.Role.APPROVER)


@pytest.fixture
def practitioner(youth_justice_service):
    """Works in the service: answers its self-assessment and tracks improvement actions."""
    return persona("practitioner", youth_justice_service, Membership.Role.CONTRIBUTOR)


@pytest.fixture
def board_member(youth_justice_service):
    """Sits on the service's management board: reads the assessment, writes nothing."""
    return persona("board-member", youth_justice_service, Membership.Role.VIEWER)


@pytest.fixture
def case_manager(youth_justice_service):
    """Holds the service's resettlement cases: opens, plans and follows each child's case."""
    return persona("case-manager", youth_justice_service, Membership.Role.CASE_MANAGER)


@pytest.fixture
def health_partner(db):
    """Works for a synthetic NHS provider that owns health tasks on some of the service's
    cases: sees and updates those tasks, nothing else of any case."""
    trust = OrganisationFactory(
        name="Riverside Synthetic NHS Trust", short_name="Riverside NHS", kind="health"
    )
    return persona("health-partner", trust, Membership.Role.CONTRIBUTOR)


@pytest.fixture
def outsider(db):
    """Signed in, and the administrator of another youth justice service: sees nothing of the
    Riverside service's, and gets 404 for it."""
    hillside = YouthJusticeServiceFactory(name="Hillside Youth Justice Service")
    return persona("outsider", hillside, Membership.Role.ADMIN)


@pytest.fixture
def superuser(db):
    """Django's superuser: no membership, every permission."""
    return UserFactory(username="superuser", is_staff=True, is_superuser=True)


@pytest.fixture
def viewer(other_body_viewer):
    """A signed-in reader of published work: the other body's viewer."""
    return other_body_viewer


@pytest.fixture
def make_user(known_bodies):
    """Another member of a known body, for a test that needs a second user in the same role as a
    persona: name them by it ("second-body-contributor"). Made without an email address."""

    def make(
        username: str, organisation: str = "Youth Justice Board", role: str = Membership.Role.VIEWER
    ):
        by_name = {o.name: o for o in known_bodies.values()}
        return MembershipFactory(
            user__username=username, user__email="", organisation=by_name[organisation], role=role
        ).user

    return make


@pytest.fixture
def sample_plan(db) -> ActionPlan:
    """A published plan in our own words with overdue, due-soon and completed actions, built from
    factories: the records ingesting the generated sample makes, without the extractor."""
    return make_sample_plan(title="A thematic inspection of sample work", today=date.today())


@pytest.fixture
def corpus_ingested(db):
    if not CORPUS.is_dir():
        pytest.skip(f"the corpus directory {CORPUS} is not present on this machine")
    results = []
    for path in sorted(CORPUS.glob("*.txt")):
        with transaction.atomic():
            results.append(document_ingest(file_name=path.name, content=path.read_bytes()))
    return results


def production_env(var_dir: Path, **overrides: str) -> dict[str, str]:
    """The environment of a production start, with synthetic values that only satisfy the
    start-up checks, for tests that run the CLI in a process of its own."""
    env = {
        **os.environ,
        "FOLLOWTHROUGH_PRODUCTION": "true",
        "DEBUG": "false",
        "SECRET_KEY": "k" * 20 + "-not-a-real-secret-" + "z" * 30,
        "ALLOWED_HOSTS": "followthrough.example",
        "FOLLOWTHROUGH_VAR_DIR": str(var_dir),
        **overrides,
    }
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests in this process
    return env
