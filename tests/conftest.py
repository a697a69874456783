"""Shared fixtures: the corpus (when present), personas, and documents in our own words."""

from __future__ import annotations

import importlib.util
import os
from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction

from followthrough.ingest.sample import sample_action_plan
from followthrough.ingest.services import document_ingest
from followthrough.organisations.models import Membership
from followthrough.organisations.services import organisations_ensure_known

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("FOLLOWTHROUGH_SHARED", ROOT.parent / "shared"))
CORPUS = Path(os.environ.get("CORPUS", SHARED / "corpus"))
if not CORPUS.is_absolute():
    CORPUS = (ROOT / CORPUS).resolve()
GOLD = SHARED / "gold"
PASSWORD = "correct-horse-battery-staple"

needs_corpus = pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"the corpus directory {CORPUS} is not present on this machine"
)


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
def make_user(db):
    organisations = {o.name: o for o in organisations_ensure_known()}

    def make(
        username: str, organisation: str = "Youth Justice Board", role: str = Membership.Role.VIEWER
    ):
        user = get_user_model().objects.create_user(username=username, password=PASSWORD)
        Membership.objects.create(user=user, organisation=organisations[organisation], role=role)
        return user

    return make


@pytest.fixture
def inspector(make_user):
    return make_user("inspector", "HM Inspectorate of Probation", Membership.Role.REVIEWER)


@pytest.fixture
def viewer(make_user):
    return make_user("viewer", "Ministry of Justice", Membership.Role.VIEWER)


@pytest.fixture
def sample_plan(db):
    """A generated plan (our own words) with overdue, due-soon and completed actions."""
    text = sample_action_plan(title="A thematic inspection of sample work", today=date.today())
    return ingest_text(text, "sample_plan.txt")


@pytest.fixture
def corpus_ingested(db):
    if not CORPUS.is_dir():
        pytest.skip(f"the corpus directory {CORPUS} is not present on this machine")
    results = []
    for path in sorted(CORPUS.glob("*.txt")):
        with transaction.atomic():
            results.append(document_ingest(file_name=path.name, content=path.read_bytes()))
    return results
