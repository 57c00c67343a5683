"""The part each date plays in a story: incident dates in force, period starts, datelines.

Sentences written for these tests. The unit tests of ``timeline`` read plain strings; the
others run the whole pipeline (``Pipeline.analyse``), the path users run, so that what the
extractor attaches and what ``date_for`` chooses are tested together.
"""
import datetime as dt

import pytest

from flashpoint.pipeline import Pipeline
from flashpoint.record import Article
from flashpoint.resolve.time.time import DURATION_REASON, INHERITED_PREFIX, NO_DATE_REASON, find_dates
from flashpoint.resolve.time.timeline import (dateline_span, is_dateline, is_period_start, keeps_the_time,
                                        period_lead)

D = dt.date


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def events(pipeline, text, published=D(2021, 3, 16)):
    article = Article(id="t", text=text, published=published)
    return pipeline.analyse(article, pipeline.nlp(article.masked_text())).events


def event_with(found, word):
    hits = [e for e in found if word in e.evidence.quote]
    assert hits, f"no event whose quote holds {word!r}: {[e.evidence.quote for e in found]}"
    return hits[0]


# ---------------------------------------------------------------- plain strings

def test_since_began_in_and_founded_in_open_a_period():
    text = "The conflict began in 2011. The militia, founded in early 2009, has fought ever since 2012."
    assert period_lead(text, text.index("2011")) == "began in"
    assert period_lead(text, text.index("2009")) == "founded in early"
    assert period_lead(text, text.index("2012")) == "ever since"


def test_began_on_a_day_is_that_days_incident():
    text = "Protests that began on Thursday spread to three towns."
    assert period_lead(text, text.index("Thursday")) is None


def test_datelines_are_found_at_the_start_of_an_early_paragraph():
    for text, date in [("MAIDUGURI, June 14 (Reuters) - Insurgents raided a camp.", "June 14"),
                       ("Raid on camp\n\nGoma, 3 July 2021 -- Rebels shelled the airport.", "3 July 2021"),
                       ("HERAT, Afghanistan, Oct. 2 (AP) \u2014 A bomb went off.", "Oct. 2")]:
        where = dateline_span(text)
        assert where is not None and text[where[0]:where[1]] == date
    assert dateline_span("Officials said on Monday that gunmen - about twenty - had fled.") is None


# ---------------------------------------------------------------- through the pipeline

def test_later_sentences_go_on_with_the_ledes_date(pipeline):
    text = ("On 12 March 2021, in Tamale, about 200 traders marched against new market fees. "
            "Police dispersed the marchers with tear gas.")
    when = event_with(events(pipeline, text), "dispersed").date
    assert (when.start, when.precision) == (D(2021, 3, 12), "day")
    assert when.reason.startswith(INHERITED_PREFIX)


def test_the_date_opening_a_sentence_governs_its_event_across_a_place_phrase(pipeline):
    text = ("On 9 March 2021, in Kasese, Rwenzori region, in the western hills near the border, "
            "around 60 farmers protested against the eviction of their families from the park.")
    when = event_with(events(pipeline, text), "protested").date
    assert (when.start, when.precision) == (D(2021, 3, 9), "day")


def test_a_clause_that_goes_back_before_the_incident_does_not_inherit(pipeline):
    text = ("On 14 March 2021, gunmen shot dead a trader in Kisumu. "
            "The trader had previously been attacked by robbers near the market.")
    when = event_with(events(pipeline, text), "attacked by robbers").date
    assert when.start is None


def test_a_period_start_is_not_the_incidents_date_nor_an_anchor(pipeline):
    text = ("Rebels ambushed an army convoy near Beni on Saturday. "
            "The rebels have fought the army there since 2014. "
            "The next day, soldiers raided a rebel camp.")
    found = events(pipeline, text)
    assert event_with(found, "raided").date.start == D(2021, 3, 14)
    mentions = find_dates(Article(id="t", text=text, published=D(2021, 3, 16)),
                          pipeline.nlp(text))
    assert is_period_start(next(m for m in mentions if "2014" in m.text))


def test_a_later_sentence_with_a_background_year_stops_the_inheritance(pipeline):
    text = ("On 11 March 2021, soldiers clashed with bandits near Gusau. "
            "In 2019, the bandits burned the market. "
            "Gunmen also killed three herders in Anka.")
    when = event_with(events(pipeline, text), "killed three").date
    assert when.start is None and when.reason == NO_DATE_REASON


def test_a_datelines_date_is_the_reports_and_gives_an_undated_event_its_week(pipeline):
    text = "MAIDUGURI, March 15 (Reuters) - Insurgents attacked a displacement camp, officials said."
    when = event_with(events(pipeline, text, published=D(2021, 3, 16)), "attacked").date
    assert (when.start, when.end, when.precision) == (D(2021, 3, 9), D(2021, 3, 15), "week")


def test_a_dateline_stands_for_publication_when_relative_words_need_it(pipeline):
    text = "MAIDUGURI, March 15, 2021 (Reuters) - Insurgents attacked a displacement camp on Sunday."
    article = Article(id="t", text=text, published=None)
    mentions = find_dates(article, pipeline.nlp(text))
    assert is_dateline(next(m for m in mentions if "March 15" in m.text))
    when = event_with(events(pipeline, text, published=None), "attacked").date
    assert (when.start, when.precision) == (D(2021, 3, 14), "day")


def test_during_the_day_is_the_day_just_told(pipeline):
    text = ("On 10 March 2021, separatists shelled army positions near Bamenda. "
            "During the day, two soldiers were wounded.")
    article = Article(id="t", text=text, published=D(2021, 3, 16))
    mentions = find_dates(article, pipeline.nlp(text))
    assert next(m for m in mentions if m.text == "the day").when.start == D(2021, 3, 10)


def test_a_clause_describing_a_group_does_not_take_the_incidents_date(pipeline):
    text = ("On 8 March 2021, militiamen burned a market in Djugu. "
            "The militia is one of several armed groups that fought the army for years.")
    assert event_with(events(pipeline, text), "fought").date.start is None


def test_the_date_opening_a_sentence_wins_over_later_dates_of_other_things(pipeline):
    text = ("On 2 March 2021, in Arequipa, residents marched against the closure of the district "
            "clinic, which the ministry had announced last month.")
    when = event_with(events(pipeline, text), "marched").date
    assert (when.start, when.precision) == (D(2021, 3, 2), "day")


def test_lengths_of_time_are_durations_not_dates(pipeline):
    text = "Truckers blocked the highway for several hours. The strike followed weeks of clashes with police."
    mentions = find_dates(Article(id="t", text=text, published=D(2021, 3, 16)), pipeline.nlp(text))
    reasons = {m.text: m.when.reason for m in mentions}
    assert reasons.get("several hours") == DURATION_REASON and reasons.get("weeks") == DURATION_REASON


def test_an_event_reported_in_the_passive_is_dated_by_that_date(pipeline):
    text = ("On 6 March 2021, a clash between two clan militias was reported in Baidoa. "
            "The militiamen burned several houses.")
    when = event_with(events(pipeline, text), "burned").date
    assert (when.start, when.precision) == (D(2021, 3, 6), "day")


def test_a_clause_telling_the_incident_inherits_its_date(pipeline):
    text = ("On 4 March 2021, a quarrel broke out at a market in Kisumu. "
            "It led to a fight in which a trader stabbed a customer.")
    when = event_with(events(pipeline, text), "stabbed").date
    assert when.start == D(2021, 3, 4)


@pytest.mark.parametrize("text, needle, day", [
    ("ON 7 JUNE 2021, REBELS SHELLED THE AIRPORT IN GOMA.", "7 JUNE 2021", D(2021, 6, 7)),
    ("rebels shelled the airport in goma on 7 june 2021.", "7 june 2021", D(2021, 6, 7)),
    ("rebels shelled the airport in goma on saturday.", "saturday", D(2021, 6, 12)),
])
def test_dates_in_lower_case_or_capitals_are_read(pipeline, text, needle, day):
    mentions = find_dates(Article(id="t", text=text, published=D(2021, 6, 14)), pipeline.nlp(text))
    assert [m.when.start for m in mentions if m.text == needle] == [day]


def test_a_clause_on_a_time_noun_is_a_backdrop_not_the_incident(pipeline):
    text = ("On 11 March 2021, soldiers shelled a village near Bouar. "
            "The shelling will embarrass the capital at a moment when its cabinet has resigned "
            "in the wake of mass protests over fuel prices.")
    found = events(pipeline, text)
    assert event_with(found, "shelled").date.start == D(2021, 3, 11)
    backdrop = [e for e in found if "resigned" in e.evidence.quote]
    assert backdrop and all(e.date.start is None for e in backdrop)
    doc = pipeline.nlp(text)
    for word in ("resigned", "protests"):     # a verb, and a noun four heads below it
        at = text.index(word)
        assert not keeps_the_time(doc, (at, at + len(word))), word


def test_a_bare_time_of_day_falls_on_the_day_of_the_incident_in_force(pipeline):
    text = ("On 13 March 2021, bandits raided a cattle market in Gusau. "
            "Four armed men seized a herder at his hut at midnight, villagers said.")
    when = event_with(events(pipeline, text), "seized").date
    assert (when.start, when.precision) == (D(2021, 3, 13), "day")
    assert when.reason.startswith(INHERITED_PREFIX)


def test_a_year_in_a_relative_clause_describes_its_noun_not_the_story(pipeline):
    text = ("On 11 March 2021, a boy was hurt near Kaura village. "
            "The mine exploded in a field where soldiers fought rebels in the 1990s. "
            "Police then arrested four youths.")
    found = events(pipeline, text)
    assert event_with(found, "exploded").date.start == D(2021, 3, 11)
    assert event_with(found, "arrested").date.start == D(2021, 3, 11)


def test_a_span_of_weeks_frames_the_story_and_leaves_the_incident_in_force(pipeline):
    text = ("On 11 March 2021, youths stoned a shop in Lira. "
            "The council has forbidden street trading from 2 February 2021 until 30 April 2021. "
            "Police then arrested four youths.")
    when = event_with(events(pipeline, text), "arrested").date
    assert (when.start, when.precision) == (D(2021, 3, 11), "day")
