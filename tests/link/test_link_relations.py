"""Links between events: retaliation from the text's words or from the pattern of attacks."""
import datetime as dt

import pytest
from link_factory import mention

from flashpoint.link import LinkError
from flashpoint.link.group import reconcile
from flashpoint.link.relations import (
    find_link_details, find_links, mention_sentences, sentence_around,
)

SENTENCES = ["Militia fighters fired rockets at the Taji base on March 11, killing three soldiers.",
             "The U.S. retaliated two days later with air strikes on militia depots near Jurf al-Sakhar.",
             "Thousands marched in Baghdad in response to the strikes."]
STORY = " ".join(SENTENCES)
PUBLISHED = {"story": dt.date(2020, 3, 15), "wire": dt.date(2020, 3, 14)}


def sentence(k: int) -> tuple[str, int]:
    return SENTENCES[k], STORY.index(SENTENCES[k])


def rockets(article="story"):
    quote, start = sentence(0)
    return mention("r", article, day="2020-03-11", where="Taji", quote=quote, start=start)


def strikes(article="story", with_text=True):
    quote, start = sentence(1) if with_text else ("Air strikes hit militia depots.", 0)
    return mention("s", article, day="2020-03-13", where="Jurf al-Sakhar", actors=("US",),
                   recipients=("KH",), mode="aerial", quote=quote, start=start)


def march():
    quote, start = sentence(2)
    return mention("p", "story", day="2020-03-14", where="Baghdad", event_type="PROTEST",
                   mode=None, actors=(), recipients=(), quote=quote, start=start)


def stored(*groups):
    events = [reconcile(ms, PUBLISHED, event_id=f"ev-{ms[0].id}") for ms in groups]
    return events, {e.id: list(ms) for e, ms in zip(events, groups)}


def sentences(by_event, texts):
    """Each mention's sentence, as the store keeps it."""
    return mention_sentences([m for ms in by_event.values() for m in ms], texts)


def test_the_text_saying_the_us_retaliated_links_the_strikes_to_the_rocket_attack():
    events, by_event = stored([rockets()], [strikes()])
    links = find_links(events, by_event, sentences(by_event, {"story": STORY}))
    (link,) = links["ev-s"]
    assert (link.type, link.event_id) == ("retaliation_for", "ev-r")
    assert link.evidence.quote.startswith("The U.S. retaliated two days later")
    assert STORY[link.evidence.start:link.evidence.end] == link.evidence.quote
    assert links["ev-r"] == []


def test_a_strike_answering_an_attack_on_its_side_within_days_is_linked_without_words():
    events, by_event = stored([rockets("wire")], [strikes("story", with_text=False)])
    (finding,) = find_link_details(events, by_event, {})
    assert (finding.source, finding.link.type, finding.link.event_id) == ("ev-s", "retaliation_for", "ev-r")
    assert finding.reason.startswith("no text cue: an assault on its attackers 2 days after")


def test_attacks_weeks_apart_or_by_unrelated_sides_are_not_linked():
    late = mention("s", "wire", day="2020-04-20", actors=("US",), recipients=("KH",))
    other = mention("i", "wire", day="2020-03-12", actors=("Iran",), recipients=("gunmen",))
    events, by_event = stored([rockets("afp")], [late], [other])
    assert find_links(events, by_event, {}) == {"ev-r": [], "ev-s": [], "ev-i": []}


def test_a_protest_in_response_to_strikes_gets_a_response_link():
    events, by_event = stored([rockets()], [strikes()], [march()])
    links = find_links(events, by_event, sentences(by_event, {"story": STORY}))
    assert [(x.type, x.event_id) for x in links["ev-p"]] == [("response_to", "ev-s")]


def test_the_event_retaliated_for_is_not_itself_linked_backwards():
    text = "Iran fired missiles at Ain al-Asad in retaliation for the killing of its general."
    missiles = mention("m", "story", day="2020-01-08", where="Iraq", actors=("Iran",),
                       recipients=("US",), quote=text)
    killing = mention("k", "story", day="2020-01-03", where="Baghdad", actors=("US",),
                      recipients=("Iran",), mode="drone", quote=text)
    events, by_event = stored([missiles], [killing])
    links = find_links(events, by_event, sentences(by_event, {"story": text}))
    assert [x.event_id for x in links["ev-m"]] == ["ev-k"]
    assert links["ev-k"] == []


def test_evidence_offsets_that_do_not_fit_the_article_text_are_an_error():
    events, by_event = stored([rockets()], [strikes()])
    with pytest.raises(LinkError, match=r"do not match article 'story'"):
        sentences(by_event, {"story": "another text altogether"})


def test_sentence_around_does_not_stop_at_abbreviations():
    start = STORY.index("retaliated")
    left, right = sentence_around(STORY, start, start + 10)
    assert STORY[left:right] == sentence(1)[0]


# ---- physical events only; cues told elsewhere in the article (written for these tests) ----

def test_a_statement_is_never_the_target_and_only_answers_with_response_to():
    said = "Kata'ib Hizballah accused the US of occupying Iraq on March 12."
    claim = mention("c", "story", day="2020-03-12", where="Iraq", event_type="ACCUSE", mode=None,
                    actors=("KH",), recipients=("US",), quote=said)
    text = said + " The US retaliated with strikes on March 13."
    hit = mention("h", "story", day="2020-03-13", where="Jurf al-Sakhar", actors=("US",),
                  recipients=("KH",), mode="aerial", quote=text[len(said) + 1:],
                  start=len(said) + 1)
    events, by_event = stored([claim], [hit])
    links = find_links(events, by_event, sentences(by_event, {"story": text}))
    assert links == {"ev-c": [], "ev-h": []}


def test_strikes_told_after_the_sentence_that_says_they_retaliated_carry_its_link():
    text = ("Militia fighters fired rockets at the Taji base on Wednesday. "
            "The US retaliated two days later, Washington said, blaming the militia. "
            "The strikes hit depots in Jurf al-Sakhar and Al Musayyib.")
    first, cue, detail = (text.index(s) for s in ("Militia", "The US", "The strikes"))
    attack = mention("r", "story", day="2020-03-11", quote=text[first:cue - 1], start=first)
    said = mention("a", "story", day="2020-03-13", where="Iraq", event_type="ACCUSE", mode=None,
                   actors=("US",), recipients=("KH",), quote=text[cue:detail - 1], start=cue)
    hits = [mention(f"h{k}", "story", day="2020-03-13", where=place, actors=("US",),
                    recipients=(), mode="aerial", quote=text[detail:], start=detail)
            for k, place in enumerate(("Jurf al-Sakhar", "Al Musayyib"))]
    events, by_event = stored([attack], [said], [hits[0]], [hits[1]])
    details = find_link_details(events, by_event, sentences(by_event, {"story": text}))
    found = {(d.source, d.link.type, d.link.event_id) for d in details}
    assert {("ev-h0", "retaliation_for", "ev-r"), ("ev-h1", "retaliation_for", "ev-r")} <= found
    assert ("ev-a", "response_to", "ev-r") in found
    assert all(d.link.evidence.quote.startswith("The US retaliated") for d in details), [
        (d.source, d.link.evidence.quote, d.reason) for d in details]


def test_a_strike_on_the_group_blamed_for_fridays_attack_answers_it():
    text = ("The US bombed the militia that Washington blames for a rocket attack on Friday. "
            "Drones hit the militia's base, officials said.")
    detail = text.index("Drones")
    blame = mention("b", "story", day="2019-12-27", where="Iraq", event_type="ACCUSE", mode=None,
                    actors=("US",), recipients=(), quote=text[:detail - 1])
    friday = mention("f", "story", day="2019-12-27", where="Iraq", actors=(), recipients=("US",),
                     quote=text[:detail - 1])
    # Known only as "the week up to the report": it may still answer Friday's attack.
    drones = mention("d", "story", day="2019-12-23", end_day="2019-12-29", precision="week",
                     where="Iraq", actors=("US",), recipients=("KH",), mode="drone",
                     quote=text[detail:], start=detail)
    events, by_event = stored([blame], [friday], [drones])
    links = find_links(events, by_event, sentences(by_event, {"story": text}))
    assert [(x.type, x.event_id) for x in links["ev-d"]] == [("retaliation_for", "ev-f")]
    assert links["ev-f"] == [] and links["ev-b"] == []


def test_a_strike_answers_the_attack_before_a_protest_told_on_the_same_day():
    # Neither side is named in Friday's attack and the protest's id sorts first: only the rule
    # "an attack answers an attack" picks Friday's.
    text = ("The US bombed the militia that Washington blames for a rocket attack on Friday. "
            "Crowds protested in Baghdad on Friday. Drones hit the militia's base, officials said.")
    crowd, detail = text.index("Crowds"), text.index("Drones")
    blame = mention("b", "story", day="2019-12-27", where="Iraq", event_type="ACCUSE", mode=None,
                    actors=("US",), recipients=(), quote=text[:crowd - 1])
    friday = mention("f", "story", day="2019-12-27", where="Iraq", actors=(), recipients=(),
                     quote=text[:crowd - 1])
    protest = mention("a", "story", day="2019-12-27", where="Baghdad", event_type="PROTEST",
                      mode=None, actors=(), recipients=(), quote=text[crowd:detail - 1], start=crowd)
    drones = mention("d", "story", day="2019-12-23", end_day="2019-12-29", precision="week",
                     where="Iraq", actors=("US",), recipients=("KH",), mode="drone",
                     quote=text[detail:], start=detail)
    events, by_event = stored([blame], [protest], [friday], [drones])
    links = find_links(events, by_event, sentences(by_event, {"story": text}))
    assert [(x.type, x.event_id) for x in links["ev-d"]] == [("retaliation_for", "ev-f")]
