"""Every case-audit page in Debian's chromium on the demo's data, as the demo user who uses it:
one h1, axe clean, at 1280 and 375 px wide, and nothing wider than a phone at 375 px but the
tables, which scroll in their own region. The audit flow itself is test_case_audit.py's."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from followthrough.audits.models import Answer, Audit, CriteriaSet
from followthrough.audits.services.citations import citation_add
from followthrough.audits.services.reviews import review_improvement_save, review_start
from followthrough.ingest.services import document_ingest
from followthrough.selfassessment.models import SelfAssessment
from tests.browser.conftest import axe_violations, sign_in
from tests.conftest import CORPUS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-demo-password-for-audit-pages"
WIDTHS = (1280, 375)
# What sticks out past the right edge of the window, leaving out what sits inside a region that
# scrolls sideways (a wide table in its wrapper); and the page itself must not scroll sideways
# (a link's visually hidden text in a wide table is absolutely positioned: .ft-table-wrap is
# position: relative in web/scss/app.scss so that it stays inside the wrapper).
STICKING_OUT = """() => {
  const inScroller = el => { for (let e = el.parentElement; e; e = e.parentElement) {
      const x = getComputedStyle(e).overflowX;
      if (e !== document.documentElement && e !== document.body && (x === 'auto' || x === 'scroll'))
        return true; }
    return false; };
  return [...document.body.querySelectorAll('*')].filter(e => {
      const r = e.getBoundingClientRect();
      return r.width && r.right > innerWidth + 1 && !inScroller(e); })
    .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
      (e.className ? '.' + String(e.className).split(' ').join('.') : ''));
}"""


@pytest.fixture
def demo(monkeypatch):
    """What `make demo` loads for audits: the logins, the 2015 thematic and the practice guide,
    the self-assessments, the cases and the two audits."""
    if not CORPUS.is_dir():
        pytest.skip(f"the corpus directory {CORPUS} is not present on this machine")
    monkeypatch.setenv("DEMO_PASSWORD", PASSWORD)
    call_command("demo_users", verbosity=0)
    # The 2015 thematic (the report with findings tables), and the practice guide whose
    # reflection questions a review asks.
    wanted = [
        p
        for p in sorted(CORPUS.glob("*.txt"))
        if any(mark in p.read_text() for mark in ("Findings tables", "effective practice guide"))
    ]
    if len(wanted) < 2:
        pytest.skip(f"the 2015 thematic or the practice guide is missing from {CORPUS}")
    for path in wanted:
        with transaction.atomic():
            document_ingest(file_name=path.name, content=path.read_bytes())
    for command in ("demo_self_assessment", "demo_cases", "demo_audits"):
        call_command(command, verbosity=0)
    finished = Audit.objects.get(status=Audit.Status.FINISHED)
    marking = Audit.objects.exclude(pk=finished.pk).get()
    return finished, marking


def _url(name, *args):
    return reverse(f"audits:{name}", args=args)


def _check(page, live_server, paths, found, who=""):
    """Each path at both widths: one h1, no axe violations, nothing overflowing at 375 px."""
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        for path in paths:
            response = page.goto(live_server.url + path)
            label = f"{path} at {width}px{who}"
            if response.status != 200:
                found[label] = f"HTTP {response.status}"
                continue
            problems = []
            if page.locator("h1").count() != 1:
                problems.append(f"{page.locator('h1').count()} h1")
            problems += axe_violations(page)
            if width == 375:
                wide = page.evaluate(STICKING_OUT)
                if wide:
                    problems.append({"wider than the window": wide})
                scroll = page.evaluate("document.documentElement.scrollWidth")
                if scroll > width:
                    problems.append({"page scrolls sideways": scroll})
            if problems:
                found[label] = problems


def _href(page, live_server, path, name):
    """Where a link on a page goes, found by its accessible name."""
    page.goto(live_server.url + path)
    return page.get_by_role("link", name=name).first.get_attribute("href")


def test_every_audit_page_passes_axe_at_desktop_and_phone_width(browser, live_server, demo):
    finished, marking = demo
    found: dict = {}
    published = finished.criteria_set
    assert published.criteria.count() == 128

    # The service's manager: the audits, the one in marking, its differences, the reviews.
    context, page = sign_in(browser, live_server, "yjs-manager", PASSWORD, bypass_csp=True)
    paths = [
        _url("audit-list"),
        _url("audit-new"),
        _url("audit-detail", marking.pk),
        _url("audit-assign", marking.pk),
        _url("audit-moderation", marking.pk),
        _url("audit-detail", finished.pk),
    ]
    page.goto(live_server.url + _url("audit-moderation", marking.pk))
    settle = page.get_by_role("link", name="Settle")
    if settle.count():  # a difference still open on the audit being marked
        paths.append(settle.first.get_attribute("href"))
    year = timezone.localdate().year
    manager = get_user_model().objects.get(username="yjs-manager")
    review = review_start(
        organisation=finished.organisation, year=year, audit=finished, actor=manager
    )
    action = review_improvement_save(
        review=review,
        action=None,
        key_question="policy",
        description="Write the resettlement policy with the custody partners",
        owner_text="Head of service",
        target_text=f"31 March {year + 1}",
        measure="The policy is signed off by the board",
        version=None,
        actor=manager,
    )
    reviewed = _url("review-detail", review.pk)
    paths += [
        _url("review-list"),
        _url("review-new"),
        reviewed,
        _url("review-key-question", review.pk, "policy"),
        _href(page, live_server, reviewed, "Answer reflection question 1"),
        _url("review-improvement-new", review.pk, "policy"),
        _url("review-improvement-new", review.pk, "cases"),
        _url("review-improvement-edit", action.pk),
        _url("review-improvement-progress", action.pk),
    ]
    linking = published.criteria.filter(recommendations__isnull=False).first()
    assert linking is not None, "no 2015 criterion links a recommendation"
    recommendation = linking.recommendations.order_by("pk").first()
    paths.append(reverse("reporting:recommendation-detail", args=[recommendation.pk]))
    _check(page, live_server, paths, found)
    context.close()

    # The first marker on the audit being marked.
    context, page = sign_in(browser, live_server, "yjs-case-manager", PASSWORD, bypass_csp=True)
    row = marking.cases.filter(first_marker__username="yjs-case-manager", first_done_on=None)
    mark = _url("audit-mark", marking.pk, row.order_by("order").first().pk, Answer.FIRST)
    _check(page, live_server, [mark], found)
    context.close()

    # The finished audit's findings: the service's board, and the inspectorate it is shared with.
    for username in ("yjs-board", "inspector"):
        context, page = sign_in(browser, live_server, username, PASSWORD, bypass_csp=True)
        _check(page, live_server, [_url("audit-findings", finished.pk)], found, f" as {username}")
        context.close()

    # The inspectorate's administrator: the sets, a new draft version and its edit pages, rules.
    context, page = sign_in(browser, live_server, "inspectorate-admin", PASSWORD, bypass_csp=True)
    page.goto(live_server.url + _url("criteria-detail", published.pk))
    page.get_by_role("button", name="Make a new version to change it").click()
    page.wait_for_load_state()
    draft = CriteriaSet.objects.get(family=published.family, status=CriteriaSet.Status.DRAFT)
    section = draft.sections.order_by("order").first()
    criterion = draft.criteria.filter(section=section).order_by("order").first()
    _check(
        page,
        live_server,
        [
            _url("criteria-list"),
            _url("criteria-new"),
            _url("criteria-detail", published.pk),
            _url("criteria-detail", draft.pk),
            _url("criteria-edit", draft.pk),
            _url("criteria-section-new", draft.pk),
            _url("criteria-section-edit", draft.pk, section.pk),
            _url("criteria-section-remove", draft.pk, section.pk),
            _url("criteria-criterion-new", draft.pk) + f"?section={section.pk}",
            _url("criteria-criterion-edit", draft.pk, criterion.pk),
            _url("criteria-criterion-remove", draft.pk, criterion.pk),
            _url("criteria-import", draft.pk),
            _url("rating-rules"),
            _url("rating-rules-edit"),
        ],
        found,
    )
    context.close()

    # A practitioner's evidence for the demo self-assessment's first item.
    context, page = sign_in(browser, live_server, "yjs-practitioner", PASSWORD, bypass_csp=True)
    item = SelfAssessment.objects.get(year=year).items.order_by("order").first()
    cited = published.criteria.filter(answer_type="yes_no").order_by("order").first()
    citation_add(
        item=item,
        kind="finding",
        audit=finished,
        criterion=cited,
        measure="",
        note="Last year's audit",
        actor=get_user_model().objects.get(username="yjs-practitioner"),
    )
    _check(
        page,
        live_server,
        [_url("item-evidence", item.pk), _url("citation-new", item.pk)],
        found,
    )
    context.close()
    assert not found, "\n".join(f"{where}: {what}" for where, what in found.items())
