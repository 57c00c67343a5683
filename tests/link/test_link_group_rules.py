"""Grouping rules the ingest relies on: running totals, places 'within' others, stories."""
from link_factory import mention

from flashpoint.link.group import Stories, decide, group_mentions, merge_reasons
from flashpoint.link.compat import is_generic
from flashpoint.record import Actor, Place


def test_a_running_total_never_merges_with_an_incident_it_includes():
    one = mention("a1", "wire", killed=(3, 3, 3),
                  quote="Rockets killed three soldiers at Taji on Wednesday.")
    total = mention("b1", "daily", killed=(40, 40, 40),
                    quote="Forty soldiers have been killed at Taji since January.")
    d = decide(one, total)
    assert not d.merge and d.reasons == ("a running total is not one incident",)
    assert group_mentions([one, total]) == [[0], [1]]


def test_two_running_totals_may_still_be_one_report():
    a = mention("a1", "wire", killed=(40, 40, 40), quote="The toll has risen to 40 since January.")
    b = mention("b1", "daily", killed=(40, 40, 40), quote="A total of 40 have died at the base.")
    assert decide(a, b).merge


def _town(name: str, lat: float, lon: float, precision: int) -> Place:
    return Place(text=name, name=name, lat=lat, lon=lon, country="IRQ", admin1="Babil",
                 precision=precision)


def test_a_place_within_another_merges_only_when_the_names_agree():
    near = mention("a1", "wire", where="Jurf al-Sakhar")
    district = near.model_copy(update={"id": "b1", "article_id": "daily",
                                       "location": _town("Musayyib District", 32.75, 44.3, 3)})
    assert not decide(near, district).merge
    assert "neither lies within the other" in decide(near, district).reasons[0]
    own = district.model_copy(update={"location": _town("Jurf al-Sakhar district", 32.8, 44.25, 3)})
    assert decide(near, own).merge


def test_articles_of_one_story_group_their_undated_reports():
    a = mention("a1", "wire", day=None, where=None, actors=(), recipients=())
    b = mention("b1", "daily", day=None, where=None, actors=(), recipients=())
    assert group_mentions([a, b]) == [[0], [1]]
    story = Stories({("daily", "wire"): 0.41}, frozenset({"daily", "wire"}),
                    frozenset({"daily"}))
    assert group_mentions([a, b], story) == [[0, 1]]
    (why,) = merge_reasons([a, b], [0, 1], story)
    assert why.endswith("their articles tell one story (similarity 0.41)")


def test_articles_known_to_tell_two_stories_need_a_date_to_join_on_place_and_actor():
    a = mention("a1", "wire", day=None)
    b = mention("b1", "daily", day=None)
    assert group_mentions([a, b]) == [[0, 1]]      # a precise shared place and actor
    apart = Stories({}, frozenset({"daily", "wire"}), frozenset({"daily"}))
    assert group_mentions([a, b], apart) == [[0], [1]]


def test_civilians_of_two_countries_neither_identify_nor_contradict_an_attack():
    # Three reports of one rocket attack: two of them name the victims by their nationality.
    us = Actor(text="a US contractor", name="Civilians (United States)", id="usa-civilians",
               country="USA", sector="CVL")
    iraqi = Actor(text="an Iraqi guard", name="Civilians (Iraq)", id="irq-civilians",
                  country="IRQ", sector="CVL")
    base = Actor(text="the base", name="Taji base")
    one = mention("a1", "wire", actors=(), recipients=(), quote="Rockets hit the Taji base.")
    two = mention("b1", "daily", actors=(), recipients=(), quote="Rockets killed a US contractor.")
    three = mention("c1", "post", actors=(), recipients=(), quote="Rockets killed an Iraqi guard.")
    one.recipients, two.recipients, three.recipients = [base], [base, us], [base, iraqi]
    assert not is_generic(base) and is_generic(us) and is_generic(iraqi)
    assert "actors shared: Taji base" in decide(two, three).reasons
    assert group_mentions([one, two, three]) == [[0, 1, 2]]


def _wellington(country: str, lat: float, lon: float) -> Place:
    return Place(text="Wellington", name="Wellington", lat=lat, lon=lon, country=country,
                 precision=1)


def test_one_place_name_in_one_story_is_one_place_wherever_the_geocoder_put_it():
    # Two reports of one warehouse fire; the geocoder put "Wellington" in England for one
    # article and in New Zealand for the other.
    england = mention("a1", "wire", day=None, actors=(), recipients=()).model_copy(
        update={"location": _wellington("GBR", 50.98, -3.23)})
    zealand = mention("b1", "daily", day=None, actors=(), recipients=()).model_copy(
        update={"location": _wellington("NZL", -41.29, 174.78)})
    assert not decide(england, zealand).merge               # no story: two countries
    assert "different countries" in decide(england, zealand).reasons[0]
    decision = decide(england, zealand, alike=0.35)
    assert decision.merge
    assert "one place name in one story (Wellington)" in decision.reasons
    story = Stories({("daily", "wire"): 0.35}, frozenset({"daily", "wire"}),
                    frozenset({"daily"}))
    assert group_mentions([england, zealand], story) == [[0, 1]]


def test_one_story_does_not_make_two_place_names_one_place():
    jurf = mention("a1", "wire", day=None, where="Jurf al-Sakhar")
    musayyib = mention("b1", "daily", day=None, where="Al Musayyib")
    decision = decide(jurf, musayyib, alike=0.5)
    assert not decision.merge
    assert decision.reasons[0].startswith("two named places")


COPIED = "Gunmen on motorbikes opened fire on a checkpoint outside the town before dawn."


def test_two_articles_that_copy_one_sentence_report_one_event():
    # Undated, placeless, no actors: nothing but the copied sentence ties the two reports.
    a = mention("a1", "wire", day=None, where=None, actors=(), recipients=(), quote=COPIED)
    b = mention("b1", "daily", day=None, where=None, actors=(), recipients=(),
                quote=COPIED.upper().replace(" ", "  "))
    assert group_mentions([a, b]) == [[0, 1]]
    (why,) = merge_reasons([a, b], [0, 1])
    assert "the same sentence in both articles" in why
    other = b.model_copy(update={"evidence": b.evidence.model_copy(
        update={"quote": "Gunmen on motorbikes opened fire on a bus outside the town."})})
    assert group_mentions([a, other]) == [[0], [1]]


def test_a_short_shared_sentence_or_a_contradiction_keeps_reports_apart():
    a = mention("a1", "wire", day=None, where=None, actors=(), recipients=(),
                quote="Rockets hit the base.")
    b = mention("b1", "daily", day=None, where=None, actors=(), recipients=(),
                quote="Rockets hit the base.")
    assert group_mentions([a, b]) == [[0], [1]]          # four words: a coincidence
    dated = mention("a1", "wire", day="2020-03-01", where=None, quote=COPIED)
    later = mention("b1", "daily", day="2020-03-20", where=None, quote=COPIED)
    assert not decide(dated, later, copied=True).merge    # the dates still veto


def test_a_report_that_could_join_either_of_two_events_joins_the_more_alike_article():
    # An undated, placeless report fits a Taji event and a Basra event equally well; its
    # article tells the Basra story more alike, so that is where it goes.
    vague = mention("a1", "roundup", day=None, where=None, actors=(), recipients=())
    taji = mention("b1", "taji-wire", day=None, where="Taji", actors=(), recipients=())
    basra = mention("c1", "basra-daily", day=None, where="Basra", actors=(), recipients=())
    story = Stories({("roundup", "taji-wire"): 0.3, ("basra-daily", "roundup"): 0.6},
                    frozenset({"roundup", "taji-wire", "basra-daily"}), frozenset({"roundup"}))
    assert group_mentions([vague, taji, basra], story) == [[0, 2], [1]]
    closer = Stories({("roundup", "taji-wire"): 0.6, ("basra-daily", "roundup"): 0.3},
                     story.compared, story.batch)
    assert group_mentions([vague, taji, basra], closer) == [[0, 1], [2]]


def test_one_place_as_the_text_names_it_in_one_story_is_one_place():
    # Both articles say "Philadelphia"; the geocoder took one for the ancient name of Amman.
    amman = Place(text="Philadelphia", name="Amman", lat=31.95, lon=35.93, country="JOR",
                  precision=1)
    usa = Place(text="Philadelphia", name="Philadelphia", lat=39.95, lon=-75.16, country="USA",
                precision=1)
    a = mention("a1", "wire", day=None, actors=(), recipients=()).model_copy(
        update={"location": amman})
    b = mention("b1", "daily", day=None, actors=(), recipients=()).model_copy(
        update={"location": usa})
    assert not decide(a, b).merge
    assert "one place name in one story (Philadelphia)" in decide(a, b, alike=0.3).reasons


def test_a_sentence_in_very_many_articles_is_a_template_and_joins_none_of_them():
    from flashpoint.link.group import COPIED_MAX, compared_pairs, NO_STORIES

    reports = [mention(f"m{k}", f"site{k}", day=None, where=None, actors=(), recipients=(),
                       quote=COPIED) for k in range(COPIED_MAX + 1)]
    assert compared_pairs(reports, NO_STORIES) == set()
    assert len(compared_pairs(reports[:3], NO_STORIES)) == 3
