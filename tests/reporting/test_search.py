"""Search finds what people type: words in a recommendation's items, abbreviations, a mistyped
word's likely spelling, practice examples and findings; with marked snippets, filters and pages,
and never through text in a plan the user may not read."""

from __future__ import annotations

import importlib

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from followthrough.actionplans.models import Action, ActionPlan
from followthrough.inspections.models import Finding, PracticeExample
from tests.actionplans.factories import ActionFactory, ResponseFactory
from tests.conftest import corpus_file, ingest_text, needs_corpus
from tests.inspections.factories import RecommendationFactory, ReportFactory

SEARCH = reverse("reporting:search")


def page(client, **params) -> str:
    return client.get(SEARCH, params).content.decode()


def _main(html: str) -> str:
    """The page's content, without the layout's per-request tokens."""
    return html[html.index("<main") : html.index("</main>")]


@pytest.fixture
def signed_in(client, body_viewer):
    client.force_login(body_viewer)
    return client


def test_words_in_a_recommendations_items_are_found(signed_in):
    RecommendationFactory(
        text="Improve the following:",
        items=[{"label": "a", "text": "quarterly zanzibarine checks"}],
    )
    html = page(signed_in, q="zanzibarine")
    assert "1 result for" in html and "<mark>zanzibarine</mark>" in html


def test_an_abbreviation_finds_what_it_stands_for(signed_in):
    RecommendationFactory(text="Plan each child's release on temporary licence before sentence.")
    html = page(signed_in, q="ROTL")
    assert "1 result for" in html
    assert "<mark>release" in html


def test_a_mistyped_word_offers_the_likely_spelling(signed_in):
    RecommendationFactory(text="Secure suitable accommodation for every child leaving custody.")
    html = page(signed_in, q="accomodation")
    assert "0 results for" in html
    assert 'Did you mean <a class="govuk-link" href="?q=accommodation">accommodation</a>?' in html
    assert "1 result for" in page(signed_in, q="accommodation")


def test_snippets_mark_the_words_found_and_escape_markup(signed_in):
    RecommendationFactory(text="Record <script>alert(1)</script> when 3 < 4 & the wibblecount.")
    html = page(signed_in, q="wibblecount")
    snippet = html.split('<p class="govuk-body govuk-!-margin-bottom-0">', 1)[1].split("</p>")[0]
    assert "<mark>wibblecount</mark>" in snippet
    assert "<script>" not in snippet and "3 &lt; 4 &amp; the" in snippet


def test_practice_examples_and_findings_are_found_and_told_apart(signed_in):
    report = ReportFactory()
    RecommendationFactory(report=report, text="Share the flumberwick approach nationally.")
    PracticeExample.objects.create(
        report=report, title="A synthetic example", kind="good", text="A flumberwick panel met."
    )
    Finding.objects.create(report=report, statement="Cases with a flumberwick plan", values={})
    html = page(signed_in, q="flumberwick")
    assert "3 results for" in html
    for label in ("Recommendation", "Practice example", "Finding"):
        assert f'govuk-tag--grey">{label}</strong>' in html
    only = page(signed_in, q="flumberwick", kind="practice")
    assert "1 result for" in only and "A synthetic example" in only


def test_filters_by_report_addressee_and_theme(signed_in, known_bodies):
    first, second = ReportFactory(), ReportFactory()
    yjb = known_bodies["YJB"]
    RecommendationFactory(report=first, text="Gloptastic education for children in custody.")
    RecommendationFactory(
        report=second, text="Gloptastic board oversight.", addressees=[yjb], themes=["partnership"]
    )
    assert "2 results for" in page(signed_in, q="gloptastic")
    assert "1 result for" in page(signed_in, q="gloptastic", report=first.pk)
    by_body = page(signed_in, q="gloptastic", addressee=yjb.pk)
    assert "1 result for" in by_body and "board oversight" in by_body
    assert "1 result for" in page(signed_in, q="gloptastic", theme="partnership")


def test_results_come_a_page_at_a_time(signed_in):
    report = ReportFactory()
    for n in range(25):
        RecommendationFactory(report=report, text=f"Number {n}: the snorklewag review.")
    first = page(signed_in, q="snorklewag")
    assert "25 results for" in first and "Page 1 of 2" in first
    assert first.count("<mark>snorklewag</mark>") == 20
    second = page(signed_in, q="snorklewag", page=2)
    assert second.count("<mark>snorklewag</mark>") == 5


def test_only_the_results_a_page_shows_are_marked(signed_in):
    """Marking reads each row's whole text: at national scale a common word matches thousands
    of records, so the passages are made for the page's twenty only, on either database."""
    report = ReportFactory()
    for n in range(25):
        RecommendationFactory(report=report, text=f"Number {n}: the quibblewort review.")
    marks = "ts_headline" if connection.vendor == "postgresql" else "snippet("
    with CaptureQueriesContext(connection) as context:
        html = page(signed_in, q="quibblewort")
    assert html.count("<mark>quibblewort</mark>") == 20
    sqls = [q["sql"] for q in context]
    assert len([sql for sql in sqls if marks in sql]) == 1
    # The search that finds every match marks none of them.
    assert [sql for sql in sqls if ("MATCH" in sql or "@@" in sql) and marks not in sql]


def test_text_in_a_plan_the_user_may_not_read_never_matches(client, other_body_viewer, body_viewer):
    response = ResponseFactory(narrative="We will build the quibbleflux.")
    ActionFactory(response=response, description="Run the plinkerdoo pilot.")
    plan = response.action_plan
    plan.status = ActionPlan.Status.DRAFT
    plan.coordinating_organisation = body_viewer.memberships.first().organisation
    plan.save()
    client.force_login(other_body_viewer)
    for word in ("quibbleflux", "plinkerdoo"):
        html = page(client, q=word)
        assert "0 results for" in html and "<mark>" not in html
    client.force_login(body_viewer)
    assert "1 result for" in page(client, q="plinkerdoo")
    # A word of the recommendation and a word of the visible plan are found together.
    assert "1 result for" in page(client, q="synthetic quibbleflux")


def test_the_search_page_makes_as_many_queries_for_many_results_as_for_few(signed_in):
    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            page(signed_in, q="blorptastic")
        return len(context)

    report = ReportFactory()
    RecommendationFactory(report=report, text="A blorptastic review.")
    few = queries()
    for n in range(15):
        response = ResponseFactory(narrative=f"Blorptastic work {n}.")
        ActionFactory(response=response)
    PracticeExample.objects.create(report=report, title="Blorptastic", kind="good", text="Text.")
    assert queries() == few + 1  # the practice examples loaded for the page


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 index exists on SQLite only")
def test_the_sqlite_index_follows_edits_and_deletions(signed_in):
    # A later migration that remakes one of these tables on SQLite drops its triggers; this says so.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_%'"
        )
        assert len(cursor.fetchall()) == 16
    rec = RecommendationFactory(text="Check the frobnitzal register.")
    assert "1 result for" in page(signed_in, q="frobnitzal")
    rec.text = "Check the grommulent register."
    rec.save()
    assert "0 results for" in page(signed_in, q="frobnitzal")
    assert "1 result for" in page(signed_in, q="grommulent")
    rec.delete()
    assert "0 results for" in page(signed_in, q="grommulent")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own index")
def test_postgres_searches_its_stored_index_with_english_stemming(signed_in):
    RecommendationFactory(text="Inspectors reviewed the tumblerweed arrangements.")
    with CaptureQueriesContext(connection) as context:
        html = page(signed_in, q="arrangement tumblerweeds")
    assert "1 result for" in html and "<mark>tumblerweed</mark>" in html
    searched = [q["sql"] for q in context if "search_document" in q["sql"]]
    assert searched and any("ts_headline" in sql for sql in searched)
    # The stored tsvector is read; no query reads the records' text into vectors as it runs.
    assert not any("to_tsvector" in q["sql"] for q in context)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own index")
def test_a_truncated_table_leaves_nothing_in_the_postgres_index(signed_in):
    # A TransactionTestCase's flush truncates; SQLite's flush deletes, which its triggers see.
    report = ReportFactory()
    Finding.objects.create(report=report, statement="Cases with a vorpalish plan", values={})
    assert "1 result for" in page(signed_in, q="vorpalish")
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no deferred checks pending
        cursor.execute("TRUNCATE inspections_finding CASCADE")
    # A truncate writes no history, so a kept ranking (decision 0010) would outlive it; only a
    # test's flush truncates. The index is what is tested here.
    cache.clear()
    assert "0 results for" in page(signed_in, q="vorpalish")
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_document WHERE src = 'finding'")
        assert cursor.fetchone()[0] == 0


def test_the_index_follows_every_write(signed_in):
    rec = RecommendationFactory(text="Check the frobnitzal register.")
    assert "1 result for" in page(signed_in, q="frobnitzal")
    rec.text = "Check the grommulent register."
    rec.save()
    assert "0 results for" in page(signed_in, q="frobnitzal")
    assert "1 result for" in page(signed_in, q="grommulent")
    response = ResponseFactory(recommendation=rec, narrative="We will do it.")
    action = ActionFactory(response=response, description="Buy a wozzlecrank.")
    html = page(signed_in, q="grommulent wozzlecrank")
    assert "1 result for" in html
    Action.objects.filter(pk=action.pk).update(description="Buy a spade.")
    assert "0 results for" in page(signed_in, q="wozzlecrank")
    other = RecommendationFactory(text="Another recommendation.")
    response.recommendation = other
    response.save()
    # The action already written moves with its response.
    moved = page(signed_in, q="spade")
    assert "1 result for" in moved
    assert reverse("reporting:recommendation-detail", args=[other.pk]) in moved
    assert "0 results for" in page(signed_in, q="grommulent spade")
    ActionFactory(response=response, description="Fit a plorbinator.")
    action.description = "Oil the plorbinator."
    action.save()
    assert "1 result for" in page(signed_in, q="plorbinator")  # both actions, one record
    rec.delete()
    assert "0 results for" in page(signed_in, q="grommulent")


def test_a_draft_plan_makes_no_match_for_those_who_may_not_read_it(
    client, other_body_viewer, body_viewer
):
    rec = RecommendationFactory(text="Share the records.")
    response = ResponseFactory(recommendation=rec, narrative="Nothing yet.")
    plan = response.action_plan
    plan.status = ActionPlan.Status.DRAFT
    plan.coordinating_organisation = body_viewer.memberships.first().organisation
    plan.save()
    # Written after the plan became a draft: the triggers carry the plan with the text.
    ActionFactory(response=response, description="Pilot the snazzleberry scheme.")
    client.force_login(other_body_viewer)
    assert "0 results for" in page(client, q="records snazzleberry")
    client.force_login(body_viewer)
    assert "1 result for" in page(client, q="records snazzleberry")


@needs_corpus
def test_on_the_corpus_rotl_finds_release_on_temporary_licence(signed_in):
    path = corpus_file("001")
    ingest_text(path.read_text(), path.name)
    html = page(signed_in, q="ROTL", kind="recommendation")
    assert "0 results for" not in html and "<mark>release" in html.lower()
    assert "result" in page(signed_in, q="ROTL", kind="finding")
    typo = page(signed_in, q="accomodation")
    assert "0 results for" in typo and 'href="?q=accommodation"' in typo


def test_the_report_filter_offers_every_report_escaped_and_keeps_the_chosen_one(signed_in):
    kept = ReportFactory(title="Thorpe & <Vale> inspection")
    other = ReportFactory(title="Another report")
    RecommendationFactory(report=kept, text="Quarterly frobnicator reviews.")
    html = page(signed_in, q="frobnicator", report=kept.pk)
    assert (
        f'<option value="{kept.pk}" selected>Thorpe &amp; &lt;Vale&gt; inspection</option>' in html
    )
    assert f'<option value="{other.pk}">Another report</option>' in html
    assert "<Vale>" not in html


def test_a_new_report_is_offered_as_soon_as_it_exists(signed_in):
    page(signed_in, q="anything")  # the choices are kept until the reports change
    fresh = ReportFactory(title="Brand new inspection")
    assert f'<option value="{fresh.pk}">Brand new inspection</option>' in page(signed_in, q="x")


def test_two_words_find_only_records_holding_both(signed_in):
    RecommendationFactory(text="Quarterly glimmerwick audits.")
    RecommendationFactory(text="Quarterly glimmerwick and snorbleplank audits.")
    RecommendationFactory(text="Annual snorbleplank audits.")
    assert "1 result for" in page(signed_in, q="glimmerwick snorbleplank")
    assert "2 results for" in page(signed_in, q="glimmerwick")


def test_a_search_made_again_reads_its_ranking_until_the_data_changes(signed_in, monkeypatch):
    """Ranking reads every match, so a common word cost more the more there was: the ranking is
    kept per change of what search reads. A change is found at once."""
    RecommendationFactory(text="Audit the zorbleflint returns.")
    first = page(signed_in, q="zorbleflint")
    assert "1 result for" in first
    search_module = importlib.import_module("followthrough.reporting.selectors.search")

    def rank_again(*args, **kwargs):
        raise AssertionError("ranked again")

    for name in ("sqlite", "postgres"):
        monkeypatch.setattr(getattr(search_module, name), "hits", rank_again)
    again = page(signed_in, q="zorbleflint")
    assert _main(again) == _main(first)
    monkeypatch.undo()
    RecommendationFactory(text="Publish the zorbleflint figures.")
    assert "2 results for" in page(signed_in, q="zorbleflint")


def test_a_kept_ranking_is_never_shown_to_a_reader_of_other_plans(
    client, other_body_viewer, body_viewer
):
    response = ResponseFactory(narrative="We will trial the glorpwhistle.")
    plan = response.action_plan
    plan.status = ActionPlan.Status.DRAFT
    plan.coordinating_organisation = body_viewer.memberships.first().organisation
    plan.save()
    client.force_login(body_viewer)
    assert "1 result for" in page(client, q="glorpwhistle")  # kept for this reader's plans
    client.force_login(other_body_viewer)
    assert "0 results for" in page(client, q="glorpwhistle")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 index exists on SQLite only")
def test_a_kept_row_that_is_now_another_records_or_unreadable_is_never_marked(body_viewer):
    """A ranking kept from before the index was refilled (after a migration) names rows by rowid
    that may now hold other text: only a row still of that record, in a readable plan, is marked."""
    sqlite = importlib.import_module("followthrough.reporting.selectors.search.sqlite")
    terms = importlib.import_module("followthrough.reporting.selectors.search.terms")
    rec = RecommendationFactory(text="Count the fizzwobble returns.")
    response = ResponseFactory(narrative="Our secret fizzwobble plan.")
    plan = response.action_plan
    plan.status = ActionPlan.Status.DRAFT
    plan.save()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid, kind, obj_id, src FROM search_index WHERE body LIKE %s", ["%fizzwobble%"]
        )
        rows = {src: (kind, int(pk), str(rowid)) for rowid, kind, pk, src in cursor.fetchall()}
    own, draft = rows["recommendation"], rows["response"]
    words = terms.terms_of("fizzwobble")
    readable = [p.pk for p in ActionPlan.objects.exclude(pk=plan.pk)]
    marked = sqlite.snippets(words, [own], plan_ids=readable)
    assert list(marked) == [own[2]] and "\x02fizzwobble\x03" in marked[own[2]]
    # The draft's row, named as the recommendation's best row, is not marked for this reader.
    assert sqlite.snippets(words, [(own[0], own[1], draft[2])], plan_ids=readable) == {}
    # Nor is a row named for another record than the one it now holds.
    other = RecommendationFactory(text="Another one.")
    assert sqlite.snippets(words, [("recommendation", other.pk, own[2])], plan_ids=[]) == {}
    assert rec.pk == own[1]
