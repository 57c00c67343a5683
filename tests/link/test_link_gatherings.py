"""Modes that tell one happening from different sides do not split it in grouping."""
from link_factory import mention

from flashpoint.link.group import group_mentions
from flashpoint.ontology import ACROSS, modes_fit


def test_a_march_and_its_road_block_reported_by_two_outlets_are_one_protest():
    a = mention("a1", "daily", event_type="PROTEST", mode="demo", where="Basra", actors=(), recipients=())
    b = mention("b1", "wire", event_type="PROTEST", mode="obstruct", where="Basra", actors=(), recipients=())
    assert group_mentions([a, b]) == [[0, 1]]


def test_a_riot_and_a_peaceful_demo_at_one_place_and_day_are_one_gathering():
    assert modes_fit("riot", "demo", ACROSS) and modes_fit("obstruct", "riot", ACROSS)


def test_shots_fired_during_a_kidnapping_are_part_of_the_abduction():
    assert modes_fit("abduct", "firearms", ACROSS)
    assert not modes_fit("abduct", "aerial", ACROSS)
