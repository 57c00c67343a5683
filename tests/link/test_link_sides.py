"""Who may contradict whom: a government and its own forces are one side, a target named in
passing is not a party, and two spellings of one unregistered name are one name."""
from flashpoint.link.group import decide, group_mentions
from flashpoint.record import Actor

from link_factory import mention


def _with(m, actors=None, recipients=None):
    return m.model_copy(update={k: v for k, v in (("actors", actors), ("recipients", recipients))
                                if v is not None})


US_GOV = Actor(text="Washington", name="Government of the United States", id="usa-government",
               country="USA", sector="GOV")
US_MIL = Actor(text="US jets", name="United States Armed Forces", id="usa-mil", country="USA",
               sector="MIL")
SYR_GOV = Actor(text="Damascus", name="Government of Syria", id="syr-government", country="SYR",
                sector="GOV")


def test_a_government_and_its_forces_do_not_block_grouping():
    a = _with(mention("m1", "a1", mode="aerial"), actors=[US_GOV], recipients=[])
    b = _with(mention("m2", "a2", mode="aerial"), actors=[US_MIL], recipients=[])
    assert decide(a, b).merge
    assert group_mentions([a, b]) == [[0, 1]]


def test_governments_of_two_countries_still_differ():
    a = _with(mention("m1", "a1", mode="aerial"), actors=[US_GOV], recipients=[])
    b = _with(mention("m2", "a2", mode="aerial"), actors=[SYR_GOV], recipients=[])
    assert not decide(a, b).merge


def test_two_spellings_of_a_target_are_one_target():
    base1 = Actor(text="Ain al-Asad air base", name="Ain al-Asad air base")
    base2 = Actor(text="Ayn al-Asad air base", name="Ayn al-Asad air base")
    a = _with(mention("m1", "a1", actors=()), recipients=[base1])
    b = _with(mention("m2", "a2", actors=()), recipients=[base2])
    assert decide(a, b).merge
    assert "actors shared" in "; ".join(decide(a, b).reasons)


def test_an_unregistered_target_does_not_contradict_a_named_party():
    sites = Actor(text="sites", name="sites")
    a = _with(mention("m1", "a1", mode="aerial"), actors=[US_MIL], recipients=[sites])
    b = _with(mention("m2", "a2", mode="aerial"), actors=[], recipients=[Actor(text="depots", name="depots")])
    assert group_mentions([a, b]) == [[0, 1]]
