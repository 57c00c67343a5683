"""Grouping: reports of one event become one event; different events stay apart."""
import datetime as dt
import random

from link_factory import mention, place, when

from flashpoint.link.blocking import candidate_pairs
from flashpoint.link.group import decide, group_mentions, merge_reasons


def test_two_articles_reporting_the_taji_rocket_attack_are_one_event():
    a = mention("a1", "national", killed=(3, 3, 3))
    b = mention("b1", "reuters", killed=(3, 3, 3), mode="heavy-weapons")
    assert group_mentions([a, b]) == [[0, 1]]


def test_a_town_and_its_country_are_compatible_places():
    a = mention("a1", "national", where="Taji")
    b = mention("b1", "reuters", where="Iraq")
    assert group_mentions([a, b]) == [[0, 1]]


def test_attacks_in_towns_far_apart_on_the_same_day_are_separate_events():
    a = mention("a1", "national", where="Taji")
    b = mention("b1", "reuters", where="Basra")
    assert group_mentions([a, b]) == [[0], [1]]
    assert "km apart" in decide(a, b).reasons[0]


def test_attacks_at_one_place_three_days_apart_are_separate_events():
    a = mention("a1", "national", day="2020-03-11")
    b = mention("b1", "reuters", day="2020-03-14")
    assert group_mentions([a, b]) == [[0], [1]]
    assert decide(a, b).reasons == ("dates 3 days apart",)


def test_a_day_either_side_is_tolerated():
    a = mention("a1", "national", day="2020-03-11")
    b = mention("b1", "reuters", day="2020-03-12")
    assert group_mentions([a, b]) == [[0, 1]]


def test_an_assault_and_an_arrest_are_never_merged():
    a = mention("a1", "national")
    b = mention("b1", "reuters", event_type="COERCE", mode=None)
    assert group_mentions([a, b]) == [[0], [1]]


def test_drone_and_air_strike_reports_may_be_one_event_but_shooting_and_shelling_not():
    air = mention("a1", "national", mode="aerial", actors=("US",), recipients=("KH",))
    drone = mention("b1", "reuters", mode="drone", actors=("US",), recipients=("KH",))
    shot = mention("c1", "afp", mode="firearms", actors=("US",), recipients=("KH",))
    assert group_mentions([air, drone, shot]) == [[0, 1], [2]]


def test_reports_naming_unrelated_actors_are_separate_events():
    a = mention("a1", "national", actors=("KH",), recipients=("US",))
    b = mention("b1", "reuters", actors=("Iran",), recipients=())
    assert group_mentions([a, b]) == [[0], [1]]


def test_unnamed_gunmen_neither_confirm_nor_contradict_a_named_attacker():
    a = mention("a1", "national", actors=("KH",), recipients=())
    b = mention("b1", "reuters", actors=("gunmen",), recipients=())
    assert group_mentions([a, b]) == [[0, 1]]


def test_an_undated_report_joins_only_on_a_precise_shared_place_and_actor():
    dated = mention("a1", "national")
    undated = mention("b1", "reuters", day=None)
    undated_elsewhere = mention("c1", "afp", day=None, where="Iraq")
    assert group_mentions([dated, undated, undated_elsewhere]) == [[0, 1], [2]]


def test_a_chain_of_near_dates_does_not_glue_far_dates_together():
    days = ["2020-03-10", "2020-03-11", "2020-03-12", "2020-03-13"]
    chain = [mention(f"m{k}", f"art{k}", day=d) for k, d in enumerate(days)]
    clusters = group_mentions(chain)
    for c in clusters:
        spread = {chain[i].date.start for i in c}
        assert (max(spread) - min(spread)).days <= 1


def test_grouping_is_deterministic_and_clusters_are_sorted():
    rng = random.Random(7)
    ms = [mention(f"m{k}", f"art{k % 9}", day=f"2020-03-{rng.randint(1, 9):02d}",
                  where=rng.choice(["Taji", "Basra", "Idlib", None])) for k in range(60)]
    first, second = group_mentions(ms), group_mentions(list(ms))
    assert first == second
    assert all(c == sorted(c) for c in first) and first == sorted(first)
    assert sorted(i for c in first for i in c) == list(range(60))


def test_merge_reasons_say_why_each_member_joined():
    a = mention("a1", "national", killed=(3, 3, 3))
    b = mention("b1", "reuters", killed=(3, 3, 3))
    (line,) = merge_reasons([a, b], [0, 1])
    assert line == ("b1 ~ a1 (score 8): same type and mode (ASSAULT/heavy-weapons); same day; "
                    "places 0 km apart (Taji, Taji); actors shared: Kata'ib Hizballah, "
                    "United States Armed Forces; same death toll")


def test_blocking_compares_far_fewer_pairs_than_all_pairs():
    rng = random.Random(3)
    towns = ["Taji", "Baghdad", "Jurf al-Sakhar", "Basra", "Idlib"]
    start = dt.date(2020, 1, 1)
    ms = []
    for k in range(2000):
        day = (start + dt.timedelta(days=rng.randrange(200))).isoformat()
        ms.append(mention(f"m{k}", f"art{k // 5}", day=day, where=rng.choice(towns)))
    compared = len(candidate_pairs(ms))
    assert compared < 2000 * 1999 / 2 / 20
    assert group_mentions(ms)  # and it finishes


def test_place_and_date_helpers_used_by_the_factory_are_consistent():
    assert place("Iraq").precision == 6 and when(None).start is None


def test_one_shared_side_with_the_other_side_named_differently_is_weak_evidence():
    on_kh = mention("a1", "national", actors=("US",), recipients=("KH",), where=None, mode=None)
    on_iran = mention("b1", "reuters", actors=("US",), recipients=("Iran",), where=None, mode=None)
    assert decide(on_kh, on_iran).reasons[-1] == "actors partly shared: United States Armed Forces"
    assert group_mentions([on_kh, on_iran]) == [[0], [1]]


def test_an_undated_report_is_found_whichever_comes_first():
    undated = mention("b1", "reuters", day=None)
    month = mention("c1", "afp", day="2020-03-01", precision="month", end_day="2020-03-31")
    dated = mention("a1", "national")
    assert group_mentions([undated, month, dated]) == [[0, 1, 2]]
    assert sorted(candidate_pairs([undated, month, dated])) == [(0, 1), (0, 2), (1, 2)]



def test_strikes_on_two_named_towns_the_same_day_stay_two_events():
    a = mention("a1", "national", where="Jurf al-Sakhar", mode="aerial")
    b = mention("a2", "national", where="Al Musayyib", mode="aerial")
    assert group_mentions([a, b]) == [[0], [1]]
    assert "two named places" in decide(a, b).reasons[0]
