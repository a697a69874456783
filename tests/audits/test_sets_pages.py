"""The criteria set pages as their users reach them: the list and a set for every signed-in
user, creating a set for administrators, a draft edited only by its owner's administrators with
its rules checked and stale edits refused, a published set left as it is, new versions and
publishing; the rating rules; flat query counts on a set's page."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from followthrough.audits.models import CriteriaSet, Criterion, RatingRules, Section
from followthrough.audits.services import criteria_set_new_version
from followthrough.core.models import DomainEvent
from followthrough.organisations.models import Membership
from tests.conftest import persona
from tests.organisations.factories import YouthJusticeServiceFactory

ENSURE_DRAFT = "A published set does not change, so audits keep the criteria they were marked on"


@pytest.fixture
def service_admin(youth_justice_service):
    return persona("service-admin", youth_justice_service, Membership.Role.ADMIN)


@pytest.fixture
def other_service_admin(db):
    other = YouthJusticeServiceFactory(name="Lakeside Youth Justice Service")
    return persona("other-service-admin", other, Membership.Role.ADMIN)


@pytest.fixture
def service_draft(youth_justice_service):
    """A draft of the service's own, with one section and one criterion."""
    cs = CriteriaSet.objects.create(
        family="riverside-own", name="Riverside's own criteria", owner=youth_justice_service
    )
    section = Section.objects.create(criteria_set=cs, order=1, title="Planning")
    Criterion.objects.create(
        criteria_set=cs, section=section, order=1, code="1.1", statement="A plan was made."
    )
    return cs


def _criterion(cs, **changes):
    data = {
        "section": cs.sections.first().pk,
        "code": "1.2",
        "lead_in": "",
        "statement": "The plan was good enough.",
        "guidance": "",
        "phase": "custody",
        "where_appropriate": "no",
        "parent": "",
        "parent_answer": "",
        "answer_type": "yes_no",
        "categories": "",
        "inspectorate": "",
        "is_key": "no",
        "case_fact": "",
        "national_percent": "",
        "national_values": "",
        "national_n": "",
        "version": cs.row_version,
    }
    return data | changes


def test_every_signed_in_user_reads_the_sets_and_administrators_may_create(
    client, board_member, inspectorate_admin, criteria_set
):
    client.force_login(board_member)
    page = client.get(reverse("audits:criteria-list"))
    assert page.status_code == 200
    assert "Synthetic resettlement criteria" in page.content.decode()
    assert "Create a criteria set" not in page.content.decode()
    assert client.get(reverse("audits:criteria-new")).status_code == 404
    detail = client.get(reverse("audits:criteria-detail", args=[criteria_set.pk])).content.decode()
    assert "Asked only when 1.2 is answered No" in detail
    assert "Completely: 26%" in detail and "n = 31" in detail
    assert "Make a new version" not in detail
    client.force_login(inspectorate_admin)
    assert "Create a criteria set" in client.get(reverse("audits:criteria-list")).content.decode()


def test_a_service_administrator_creates_a_set_for_their_own_service_only(
    client, service_admin, youth_justice_service, other_service_admin
):
    client.force_login(service_admin)
    other = other_service_admin.memberships.get().organisation
    refused = client.post(reverse("audits:criteria-new"), {"name": "Ours", "owner": other.pk})
    assert refused.status_code == 200
    assert not CriteriaSet.objects.filter(name="Ours").exists()
    made = client.post(
        reverse("audits:criteria-new"), {"name": "Ours", "owner": youth_justice_service.pk}
    )
    cs = CriteriaSet.objects.get(name="Ours")
    assert made.status_code == 302 and cs.status == "draft" and cs.owner == youth_justice_service


def test_the_owner_builds_a_draft_in_pages(client, service_admin, service_draft):
    client.force_login(service_admin)
    cs = service_draft
    url = reverse("audits:criteria-section-new", args=[cs.pk])
    assert client.get(url).status_code == 200
    client.post(url, {"title": "Release", "rated": "yes", "version": cs.row_version})
    cs.refresh_from_db()
    release = cs.sections.get(title="Release")
    add = reverse("audits:criteria-criterion-new", args=[cs.pk])
    assert client.get(add, {"section": release.pk}).status_code == 200
    made = client.post(
        add,
        _criterion(
            cs,
            section=release.pk,
            code="2.1",
            answer_type="categories",
            categories="completely: Completely\nPartly\nNot at all",
            national_values="completely: 40; partly: 50; not_at_all: 10",
        ),
    )
    assert made.status_code == 302
    cs.refresh_from_db()
    client.post(
        add,
        _criterion(
            cs,
            code="2.2",
            parent=cs.criteria.get(code="2.1").pk,
            parent_answer="Partly",
            section=release.pk,
        ),
    )
    cs.refresh_from_db()
    added = cs.criteria.get(code="2.2")
    assert added.parent.code == "2.1" and added.parent_answer == "partly"
    assert cs.criteria.get(code="2.1").categories[1] == ["partly", "Partly"]
    assert added.history.first().history_user == service_admin
    # A criterion added to the first section comes before the second section's.
    client.post(add, _criterion(cs))
    assert list(cs.criteria.order_by("order").values_list("code", flat=True)) == [
        "1.1",
        "1.2",
        "2.1",
        "2.2",
    ]
    page = client.get(reverse("audits:criteria-detail", args=[cs.pk])).content.decode()
    assert "Asked only when 2.1 is answered Partly" in page
    assert "one of Completely, Partly, Not at all" in page


def test_a_draft_refuses_broken_criteria_in_the_users_words(client, service_admin, service_draft):
    client.force_login(service_admin)
    cs = service_draft
    add = reverse("audits:criteria-criterion-new", args=[cs.pk])
    first = cs.criteria.get(code="1.1")
    for changes, words in [
        ({"code": "1.1"}, "Another criterion of this set has the code 1.1"),
        ({"answer_type": "categories", "categories": "Only one"}, "Enter at least two categories"),
        ({"parent": first.pk, "parent_answer": "Partly"}, "Select one of the answers to 1.1"),
        ({"parent": first.pk}, "Enter the answer to 1.1 after which it is asked"),
        ({"statement": ""}, "Enter the statement the auditor answers"),
    ]:
        page = client.post(add, _criterion(cs, **changes))
        assert page.status_code == 200
        assert words in page.content.decode(), words
    assert cs.criteria.count() == 1
    client.post(add, _criterion(cs, code="1.2"))
    cs.refresh_from_db()
    # A criterion may not depend on one that comes after it.
    edit = reverse("audits:criteria-criterion-edit", args=[cs.pk, first.pk])
    later = cs.criteria.get(code="1.2")
    page = client.post(edit, _criterion(cs, code="1.1", parent=later.pk, parent_answer="No"))
    assert "1.2 must come before the criteria that depend on it" in page.content.decode()
    first.refresh_from_db()
    assert first.parent is None


def test_a_stale_edit_is_refused_and_what_is_saved_shown(client, service_admin, service_draft):
    client.force_login(service_admin)
    cs = service_draft
    first = cs.criteria.get(code="1.1")
    edit = reverse("audits:criteria-criterion-edit", args=[cs.pk, first.pk])
    opened = cs.row_version
    client.post(edit, _criterion(cs, code="1.1", statement="Theirs."))
    page = client.post(edit, _criterion(cs, code="1.1", statement="Mine.", version=opened))
    text = page.content.decode()
    assert "Someone else changed this criteria set" in text and "Theirs." in text
    first.refresh_from_db()
    assert first.statement == "Theirs."


def test_removing_a_criterion_from_a_draft_is_recorded(client, service_admin, service_draft):
    client.force_login(service_admin)
    cs = service_draft
    first = cs.criteria.get(code="1.1")
    url = reverse("audits:criteria-criterion-remove", args=[cs.pk, first.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"version": cs.row_version}).status_code == 302
    assert not cs.criteria.exists()
    event = DomainEvent.objects.get(code="audits.criterion_removed")
    assert event.data["code"] == "1.1"


def test_outsiders_get_404_on_every_edit_page(
    client, other_service_admin, practitioner, service_draft
):
    cs = service_draft
    first = cs.criteria.first()
    urls = [
        reverse("audits:criteria-edit", args=[cs.pk]),
        reverse("audits:criteria-section-new", args=[cs.pk]),
        reverse("audits:criteria-section-edit", args=[cs.pk, cs.sections.first().pk]),
        reverse("audits:criteria-criterion-new", args=[cs.pk]),
        reverse("audits:criteria-criterion-edit", args=[cs.pk, first.pk]),
        reverse("audits:criteria-criterion-remove", args=[cs.pk, first.pk]),
        reverse("audits:criteria-import", args=[cs.pk]),
    ]
    for user in (other_service_admin, practitioner):
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == 404, url
        assert client.post(reverse("audits:criteria-publish", args=[cs.pk])).status_code == 404
        detail = client.get(reverse("audits:criteria-detail", args=[cs.pk]))
        assert detail.status_code == 200 and "Add a section" not in detail.content.decode()


def test_a_published_set_refuses_edits_then_changes_through_a_new_version(
    client, inspectorate_admin, criteria_set
):
    client.force_login(inspectorate_admin)
    first = criteria_set.criteria.get(code="1.1")
    edit = reverse("audits:criteria-criterion-edit", args=[criteria_set.pk, first.pk])
    assert ENSURE_DRAFT in client.get(edit).content.decode()
    posted = client.post(edit, _criterion(criteria_set, code="1.1", statement="Changed."))
    assert ENSURE_DRAFT in posted.content.decode()
    first.refresh_from_db()
    assert first.statement != "Changed."
    made = client.post(reverse("audits:criteria-new-version", args=[criteria_set.pk]))
    draft = CriteriaSet.objects.get(family=criteria_set.family, version=2)
    assert made["Location"] == reverse("audits:criteria-detail", args=[draft.pk])
    assert draft.criteria.count() == criteria_set.criteria.count()
    client.post(reverse("audits:criteria-publish", args=[draft.pk]), {"version": 0})
    draft.refresh_from_db()
    assert draft.status == "draft"  # a stale publish is refused
    client.post(reverse("audits:criteria-publish", args=[draft.pk]), {"version": draft.row_version})
    draft.refresh_from_db()
    criteria_set.refresh_from_db()
    assert draft.status == "published" and criteria_set.status == "retired"


def _detail_queries(client, cs) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("audits:criteria-detail", args=[cs.pk]))
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_a_sets_page_takes_as_many_queries_for_100_criteria_as_for_10(
    client, board_member, criteria_set, known_bodies
):
    from tests.inspections.factories import RecommendationFactory

    recommendations = RecommendationFactory.create_batch(3)

    def grow(cs, n, prefix):
        section = cs.sections.first()
        parent = cs.criteria.first()
        for i in range(n):
            c = Criterion.objects.create(
                criteria_set=cs,
                section=section,
                order=100 + i,
                code=f"{prefix}.{i}",
                statement="S",
                parent=parent,
                parent_answer="no",
                inspectorate=cs.owner,
                national_percent=50,
            )
            c.recommendations.set(recommendations)

    small = criteria_set_new_version(criteria_set=criteria_set, actor=None)
    grow(small, 4, 8)
    client.force_login(board_member)
    few = _detail_queries(client, small)
    small.status = "published"
    small.save()
    large = criteria_set_new_version(criteria_set=small, actor=None)
    grow(large, 90, 9)
    assert large.criteria.count() >= 100 and small.criteria.count() <= 10
    assert _detail_queries(client, large) == few


def test_the_rating_rules_are_read_by_all_and_changed_by_the_inspectorate(
    client, board_member, service_admin, inspectorate_admin
):
    client.force_login(board_member)
    page = client.get(reverse("audits:rating-rules")).content.decode()
    assert "Good: 65% to 79%" in page and "lowest-rated key question" in page
    assert "Change the rating rules" not in page
    client.force_login(service_admin)
    assert client.get(reverse("audits:rating-rules-edit")).status_code == 404
    client.force_login(inspectorate_admin)
    edit = reverse("audits:rating-rules-edit")
    assert client.get(edit).status_code == 200
    form = {"outstanding": 85, "good": 70, "requires_improvement": 50, "inadequate": 0}
    assert (
        "Say why the rules are changing"
        in client.post(edit, form | {"based_on": 1}).content.decode()
    )
    done = client.post(edit, form | {"note": "Raised the top bands", "based_on": 1})
    assert done.status_code == 302
    assert RatingRules.objects.get(version=2).bands[0] == {"rating": "outstanding", "min": 85}
    stale = client.post(edit, form | {"note": "Again", "based_on": 1}).content.decode()
    assert "Someone saved version 2 of the rules" in stale
    page = client.get(reverse("audits:rating-rules")).content.decode()
    assert "Version 1" in page and "Raised the top bands" in page
