"""The garbled-text detector, on synthetic samples and on every recommendation in the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from followthrough.inspections.garbled import assess, reads_garbled

CORPUS = Path("/work/shared/corpus")

GARBLED = [
    # two columns read across each other, words cut at the column edge
    "m the staff super the service vising young people in tr ained to of deliver i including",
    # bullets run into a sentence, the same cut-off piece at each line's start
    "ensure the ment of • ca rers • ca Oung with a plan; Oung in custody; Oung on release",
    # words broken at a line's end, function words out of order
    "Develop the a national accom- modation strategy for with children re- leased from of custody",
    # characters from a broken font
    "Ensure ▒▒ that ▒ staff ¤¤ are ¤ trained ▒ to ¤ deliver ▒▒ services ¤¤ for ▒ children",
]

CLEAN = [
    "Develop a national accommodation strategy for children released from custody.",
    "The Youth Justice Board and the Youth Offending Team should ensure that the Youth "
    "Justice Board reviews the Youth Offending Team's plans in England and in Wales.",
    "Local authorities should:\n• review their placement policy;\n• report on it annually.",
    "Ensure that each child's well-being is assessed, e.g. at induction, and that I, as "
    "director, receive a report on (a) education and (b) health by 31 March 2026.",
    "Increase funding by £5 m a year to pay for a minimum of one month's accommodation.",
    "Ensure that staff supervising those transitioning to adult services are trained.",
]


@pytest.mark.parametrize("text", GARBLED)
def test_scrambled_text_is_flagged_with_its_reasons(text):
    reading = assess(text)
    assert reading.garbled, reading
    assert reading.reasons


@pytest.mark.parametrize("text", CLEAN)
def test_sound_text_is_not_flagged(text):
    reading = assess(text)
    assert not reading.garbled, reading


def test_one_stray_signal_alone_stays_under_the_threshold():
    assert not reads_garbled("Ensure that the cost, about 5 m a year, is met.")
    assert not reads_garbled("Review the the process for release.")
    assert not reads_garbled("")


def _corpus_recommendations():
    from followthrough.ingest.extract import extract

    for path in sorted(CORPUS.glob("*.txt")):
        extraction = extract(path.read_text(), path.name)
        recs = list(extraction.recommendations)
        for thematic in extraction.thematics:
            recs += thematic.recommendations
        for rec in recs:
            text = "\n".join([rec.text] + [item.text for item in rec.items])
            yield path.name, rec, text


@pytest.mark.skipif(not CORPUS.exists(), reason="the corpus is not on this machine")
def test_on_the_corpus_only_the_scrambled_recommendation_is_flagged():
    """74 recommendations: the ETE plan's recommendation 7, scrambled in the source PDF itself,
    is flagged; no other is."""
    flagged = []
    total = 0
    for name, rec, text in _corpus_recommendations():
        total += 1
        if reads_garbled(text):
            flagged.append((name, getattr(rec, "label", rec.text[:30])))
    assert total >= 70
    assert flagged == [("003_9531c0b3dd36a217.txt", "7")]


def test_a_recommendation_reads_garbled_until_a_person_corrects_it():
    from followthrough.inspections.models import Recommendation

    rec = Recommendation(text="Review the process.", items=[{"label": None, "text": GARBLED[1]}])
    assert rec.reads_garbled
    rec.text_corrected = True
    assert not rec.reads_garbled
    assert not Recommendation(text=CLEAN[0]).reads_garbled
