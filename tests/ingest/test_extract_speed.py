"""What keeps extraction fast (issue 16: at least 5 MB of text a second in `make bench`): the
text is split into lines once, the cheap tests run before the slow patterns, and a shortcut
never changes what is read."""

from __future__ import annotations

import itertools
import re

import pytest

from followthrough.ingest.extract import benchmarking, columns, detect, extract, practice, report
from followthrough.ingest.extract import prose_responses as prose
from followthrough.ingest.extract import text as text_module
from followthrough.ingest.extract.action_plan import reader, rows
from followthrough.ingest.extract.labels import stated_count
from followthrough.ingest.extract.text import cell_points, clean
from followthrough.organisations import aliases
from followthrough.organisations.aliases import bodies_named_in
from tests.ingest.list_documents import LIST_SHAPES
from tests.ingest.made_documents import as_text
from tests.ingest.prose_documents import RESPONSE_SHAPES
from tests.ingest.test_benchmarking import MADE
from tests.ingest.test_practice import GUIDE


@pytest.mark.parametrize(
    ("text", "kind", "module"),
    [
        (LIST_SHAPES[0].text, "inspection_report", report),
        (GUIDE, "practice_guide", practice),
        (MADE, "benchmarking_tool", benchmarking),
    ],
    ids=["report", "guide", "benchmarking tool"],
)
def test_a_document_is_split_into_lines_once(monkeypatch, text, kind, module):
    calls = []
    split = detect.split_lines

    def counting(text: str):  # type: ignore[no-untyped-def]
        calls.append(len(text))
        return split(text)

    monkeypatch.setattr(detect, "split_lines", counting)
    monkeypatch.setattr(module, "split_lines", counting)
    assert extract(text, "made.txt").document.kind == kind
    assert len(calls) == 1


def test_an_action_plan_is_split_and_its_header_found_once(monkeypatch):
    calls: list[str] = []

    def counting(name, function):  # type: ignore[no-untyped-def]
        def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
            calls.append(name)
            return function(*args, **kwargs)

        return counted

    for module in (detect, reader):
        monkeypatch.setattr(module, "split_lines", counting("split", detect.split_lines))
        monkeypatch.setattr(module, "find_header", counting("header", detect.find_header))
    result = extract(as_text(), "made.txt")
    assert result.document.kind == "action_plan"
    assert len(result.recommendations) > 1
    assert sorted(calls) == ["header", "split"]


def test_a_text_naming_no_body_is_not_scanned_for_each_alias(monkeypatch):
    scanned = []

    class Spy:
        def __init__(self, pattern):  # type: ignore[no-untyped-def]
            self.pattern = pattern

        def finditer(self, text: str):  # type: ignore[no-untyped-def]
            scanned.append(self.pattern.pattern)
            return self.pattern.finditer(text)

    spied = [(Spy(p), *rest) for p, *rest in aliases._ALIASES]
    monkeypatch.setattr(aliases, "_ALIASES", spied)
    assert bodies_named_in("The parish council will mend the bridge by spring.") == []
    assert scanned == []
    assert [b.short_name for b in bodies_named_in("The YJB and Ofsted agree.")] == ["YJB", "Ofsted"]


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Her Majesty’s Inspectorate of Probation visited.", ["HMI Probation"]),
        ("her majesty's inspectorate of probation", ["HMI Probation"]),
        # letters a case-blind pattern takes: a long s, a dotted capital I
        ("A report by Eſtyn.", ["Estyn"]),
        ("CARE QUALİTY COMMISSION", ["CQC"]),
        ("the yjb", []),  # an acronym matches only as written
    ],
)
def test_bodies_are_named_whatever_letters_spell_them(text, named):
    assert [b.short_name for b in bodies_named_in(text)] == named


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("", ""),
        ("Plain words, nothing to do.", "Plain words, nothing to do."),
        ("<p>Agreed</p> <b>in part</b>", "Agreed in part"),
        ("Tom &amp; Jerry", "Tom & Jerry"),
        ("**Bold** and _light_ words", "Bold and light words"),
        ("snake_case stays", "snake_case stays"),
        ("spaced\tout\u00a0 words \n here", "spaced out words here"),
        ("Published 2022 , then ( again ) .", "Published 2022, then (again)."),
        ("( ( nested", "((nested"),
    ],
)
def test_clean_gives_the_same_text_with_or_without_its_shortcuts(fragment, expected):
    assert clean(fragment) == expected


def test_bullets_drop_the_sources_phrase_and_footnote_marks_only_where_present():
    assert cell_points("Suggested sources of information: case records³") == ["case records"]
    assert cell_points("SUGGESTED SOURCES OF ıNFORMATION the plan") == ["the plan"]
    assert cell_points("• first point<sup>2</sup>\n• second point") == [
        "first point",
        "second point",
    ]


def test_stated_count_reads_the_first_line_that_gives_one():
    text = (
        "# A made-up review\n\nIntro.\n\n"
        "This report makes SIX RECOMMENDATIONS.\n\nOur 3 recommendations"
    )
    assert stated_count(text) == 6
    assert stated_count("No count here.\nRecommendations\n") is None
    # a letter whose lower case is longer ("İ") moves the offsets: the count is still read
    assert stated_count("İstanbul office\n\nThis review makes 4 recommendations.") == 4


def test_the_quick_patterns_match_exactly_what_the_plain_ones_did():
    """Rewritten to open with a character a search can skip to; checked on every short string
    of the characters that matter."""
    emphasis = re.compile(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)")
    space = re.compile(r"[ \t\u00a0]+")
    for size in range(7):
        for chars in itertools.product("a_* .\t\u00a0", repeat=size):
            text = "".join(chars)
            assert text_module._EMPHASIS.sub("", text) == emphasis.sub("", text), repr(text)
            assert text_module.fold_spaces(text) == space.sub(" ", text), repr(text)


def test_the_cheap_tests_before_a_pattern_never_change_its_answer():
    """Each shortcut checked against the pattern it stands before, on every short string of
    the characters that matter."""
    old_header_word = re.compile(
        r"owner|responsib|lead|agenc|who|target|date|timescale|deadline|when|due|completion"
        r"|agreed|accepted|decision"
    )
    for word in [*columns._HEADER_WORDS, "Owner", "LEAD", "Recommendation", "Response", ""]:
        for text in (word, f"No. | {word} | x", word[1:], word[:-1]):
            found = bool(old_header_word.search(text.lower()))
            assert columns._names_a_column(text) == found, text
    endings = ["and", "or", "from", "with", "&", ",", "-", "–", "/", "band", "x", "land.", "a"]
    for before in ["", " ", "x", "husb", "grand ", "long text " * 30]:
        for end, newline in itertools.product(endings, ["", "\n"]):
            text = before + end + newline
            assert rows.dangles(text) == bool(rows.DANGLING_RE.search(text)), repr(text)
    for size in range(6):
        for chars in itertools.product("a,1. \n", repeat=size):
            text = "".join(chars)
            guarded = (
                text_module._GLUED_NUMBER.sub("\n", text)
                if text_module._NUMBER_STOP.search(text)
                else text
            )
            assert guarded == text_module._GLUED_NUMBER.sub("\n", text), repr(text)


def test_a_response_is_known_with_or_without_the_cheap_test_first():
    lines = [line for shape in LIST_SHAPES for line in shape.text.splitlines()]
    lines += [line for doc in RESPONSE_SHAPES for line in doc.text.splitlines()]
    lines += ["Response: accepted", "The Government accepts this", "NOTED", "Partly agreed"]
    for line in lines:
        full = bool(prose.RESPONSE_HEADING.match(line) or prose.RESPONSE_OPENING.match(line))
        assert prose._is_response(line) == full, line


def test_cleaned_lines_are_kept_for_one_document_only():
    extract(LIST_SHAPES[0].text, "first.txt")
    kept = clean.cache_info()
    assert kept.hits > 0  # the readers of one document ask for the same lines again
    extract("Recommendations\n\n1. The board should meet.\n", "second.txt")
    assert clean.cache_info().currsize < kept.currsize


@pytest.mark.parametrize("body", aliases.BODIES, ids=lambda b: b.short_name)
def test_each_alias_is_found_only_where_the_plain_pattern_found_it(body):
    around = ["", " ", "-", "x", "_", "é", "’", "'", ".", "\n"]
    for alias in body.aliases:
        flags = aliases._pattern(alias).flags
        plain = re.compile(
            rf"(?<![\w-]){re.escape(alias).replace(chr(39), '[’' + chr(39) + ']')}(?![\w-])",
            flags,
        )
        for words in (alias, alias.lower(), alias.upper(), alias.replace("'", "’")):
            for left, right in itertools.product(around, repeat=2):
                for text in (left + words + right, words + left + words + right):
                    found = [m.span() for m in aliases._pattern(alias).finditer(text)]
                    assert found == [m.span() for m in plain.finditer(text)], (alias, text)


def test_a_guide_reads_each_line_as_a_heading_once(monkeypatch):
    calls = []
    heading = practice._heading

    def counting(line):  # type: ignore[no-untyped-def]
        calls.append(line.number)
        return heading(line)

    monkeypatch.setattr(practice, "_heading", counting)
    assert extract(GUIDE, "made_guide.txt").document.kind == "practice_guide"
    assert sorted(calls) == sorted(set(calls))
