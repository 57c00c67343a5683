"""Killed and injured counts: what a user reads in the fatalities and injuries fields.

Counts are (low, best, high); None means the sentence states no figure. The conventions are
in the docstring of flashpoint.extract.casualties.
"""
import pytest

from flashpoint.extract.casualties import casualties, parse_number


# ------------------------------------------------------------------ parse_number (no model)

@pytest.mark.parametrize("text, expected", [
    ("9", (9, 9, 9)),
    ("nineteen", (19, 19, 19)),
    ("a dozen", (12, 12, 12)),
    ("half a dozen", (6, 6, 6)),
    ("three dozen", (36, 36, 36)),
    ("three hundred", (300, 300, 300)),
    ("four hundred and twenty", (420, 420, 420)),
    ("2,500", (2500, 2500, 2500)),
    ("thirty-one", (31, 31, 31)),
    ("a hundred", (100, 100, 100)),
    ("2.5 million", (2_500_000, 2_500_000, 2_500_000)),
])
def test_numbers_and_number_words(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("at least 40", (40, 40, 40)),          # nothing above 40 is stated
    ("no fewer than 8", (8, 8, 8)),
    ("more than 200", (201, 201, 201)),
    ("over 60", (61, 61, 61)),
    ("up to 25", (1, 25, 25)),              # some were hit, at most 25
    ("as many as 70", (1, 70, 70)),
    ("fewer than 5", (1, 4, 4)),
    ("between 15 and 40", (15, 15, 40)),    # best is the lower, most conservative figure
    ("from 6 to 9", (6, 6, 9)),
    ("6-9", (6, 6, 9)),
    ("three or four", (3, 3, 4)),
    ("about 80", (80, 80, 80)),
    ("nearly 300", (300, 300, 300)),
    ("11 or more", (11, 11, 11)),
])
def test_hedges_give_bounds(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("several", (3, 3, 9)),
    ("a number of", (3, 3, 9)),
    ("a few", (2, 2, 5)),
    ("a handful", (2, 2, 5)),
    ("dozens", (24, 24, 99)),
    ("scores", (40, 40, 199)),
    ("hundreds", (200, 200, 999)),
    ("thousands", (2000, 2000, 9999)),
    ("several hundred", (300, 300, 900)),
    ("more than a dozen", (13, 13, 13)),
])
def test_quantity_words_give_documented_ranges(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("at least 17 villagers", (17, 17, 17)),
    ("the five guards", (5, 5, 5)),
    ("no one", (0, 0, 0)),
    ("nobody", (0, 0, 0)),
])
def test_words_around_the_quantity_are_skipped(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", [
    "a guard", "many villagers", "the 3rd battalion", "a 9-year-old girl", "1.5", "", "some",
])
def test_no_quantity_is_none(text):
    assert parse_number(text) is None


# ------------------------------------------------------------------ casualties (model)

@pytest.fixture(scope="module")
def counts():
    from flashpoint.nlp import load_pipeline

    nlp = load_pipeline()

    def run(text):
        found = casualties(nlp(text)[:])
        return tuple(None if c is None else (c.low, c.best, c.high) for c in found)

    return run


@pytest.mark.parametrize("text, expected", [
    ("Gunmen killed 9 villagers near the market.", ((9, 9, 9), None)),
    ("Eleven police officers were killed in the ambush.", ((11, 11, 11), None)),
    ("A dozen guards were wounded when the checkpoint was shelled.", (None, (12, 12, 12))),
    ("The shelling killed two hundred people.", ((200, 200, 200), None)),
    ("The floods of fire injured 1,300 residents.", (None, (1300, 1300, 1300))),
])
def test_numerals_and_number_words(counts, text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # coordinated victims add up, each with its own quantity
    ("One Canadian and two Dutch engineers were killed and 9 others were wounded.",
     ((3, 3, 3), (9, 9, 9))),
    ("Three Afghan policemen, a driver and a farmer were killed and five people wounded.",
     ((5, 5, 5), (5, 5, 5))),
    ("The drone struck a compound, killing six guards and injuring 14.", ((6, 6, 6), (14, 14, 14))),
    ("A French aid worker was killed in the blast.", ((1, 1, 1), None)),
    ("Soldiers killed Omar Haddad and Yusuf Karimi at a roadblock.", ((2, 2, 2), None)),
    # a vague part adds its range: 2 + several
    ("The mortar round hit the camp, wounding two Danish medics and several local guards.",
     (None, (5, 5, 11))),
])
def test_compositions(counts, text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("At least 25 people were killed in the bombing.", ((25, 25, 25), None)),
    ("More than 60 soldiers died in the assault.", ((61, 61, 61), None)),
    ("Up to 40 people were hurt in the stampede.", (None, (1, 40, 40))),
    ("The raid killed between 12 and 18 fighters.", ((12, 12, 18), None)),
    ("Dozens of protesters were injured.", (None, (24, 24, 99))),
    ("Scores of villagers died.", ((40, 40, 199), None)),
    ("Several guards were wounded.", (None, (3, 3, 9))),
    ("A number of residents were hurt.", (None, (3, 3, 9))),
    ("Hundreds of civilians were killed in the siege.", ((200, 200, 999), None)),
])
def test_ranges_and_hedges(counts, text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The convoy was attacked but there were no casualties.", ((0, 0, 0), (0, 0, 0))),
    ("Rebels shelled the airport without causing any casualties.", ((0, 0, 0), (0, 0, 0))),
    ("No one was hurt when the shell landed.", (None, (0, 0, 0))),
    ("Nobody was killed in the explosion.", ((0, 0, 0), None)),
    ("No injuries were reported after the rocket fell.", (None, (0, 0, 0))),
    ("There were no deaths, but four people were injured.", ((0, 0, 0), (4, 4, 4))),
    ("The missile did not kill anyone, the army said.", ((0, 0, 0), None)),
])
def test_statements_of_zero(counts, text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Seven people died after the dam burst.", ((7, 7, 7), None)),
    ("Four pilgrims lost their lives in the crush.", ((4, 4, 4), None)),
    ("Nine rebels were slain in the clashes.", ((9, 9, 9), None)),
    ("The blast left 8 dead and 21 wounded.", ((8, 8, 8), (21, 21, 21))),
    ("Two teachers are dead after the attack.", ((2, 2, 2), None)),
    ("The strike caused 15 deaths and more than 30 injuries.", ((15, 15, 15), (31, 31, 31))),
    ("There were 3 fatalities among the crew.", ((3, 3, 3), None)),
    ("Five soldiers suffered injuries in the crash.", (None, (5, 5, 5))),
    ("Five killed in ambush on army convoy", ((5, 5, 5), None)),
    ("The militia shot dead two guards.", ((2, 2, 2), None)),
    ("The guards who were killed had just arrived.", (None, None)),
    ("The three guards who were killed had just arrived.", ((3, 3, 3), None)),
])
def test_verbs_nouns_and_adjectives(counts, text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a toll states the total, so it is not added to the deaths the sentence also names
    ("Two more patients died, and the death toll rose to 31.", ((31, 31, 31), None)),
    ("The death toll from the earthquake stood at 140.", ((140, 140, 140), None)),
    ("Officials said the toll had climbed to 19.", ((19, 19, 19), None)),
])
def test_death_toll(counts, text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    # killed and wounded together: up to N of each, and only where nothing more exact is said
    ("The bombing caused 40 casualties.", ((0, 0, 40), (0, 0, 40))),
    ("Six guards were killed or wounded.", ((0, 0, 6), (0, 0, 6))),
    ("The attack caused 20 casualties, including 12 dead.", ((12, 12, 12), (0, 0, 20))),
])
def test_casualties_means_killed_and_wounded(counts, text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize("text", [
    "The rockets hit the base late on Tuesday.",
    "Soldiers were killed in the attack.",
    "Many civilians were wounded.",
    "The statement did not say how many soldiers were killed.",
    "A strike on the dam could kill thousands.",
    "The group threatened to kill 50 hostages.",
    "Commanders fear that dozens were killed.",
    "If the rocket had hit the barracks, 20 soldiers would have been killed.",
    "There were no reports of casualties.",
    "A 12-year-old boy stood near the checkpoint.",
    "The death squad operated in 2006.",
])
def test_nothing_invented(counts, text):
    assert counts(text) == (None, None)


def test_singular_victim_without_number(counts):
    assert counts("A 14-year-old boy was killed by the blast.") == ((1, 1, 1), None)


def test_counts_only_inside_the_span(counts):
    from flashpoint.nlp import load_pipeline

    doc = load_pipeline()("Three guards were killed. The town was quiet on Monday.")
    second = list(doc.sents)[1]
    assert casualties(second) == (None, None)


@pytest.mark.parametrize("text, expected", [
    # an appositive list after a generic noun describes the people already counted
    ("Officials said four people, a nurse and three patients, were killed.", ((4, 4, 4), None)),
    # roles in apposition to a name describe one person
    ("Omar Haddad, a teacher, poet and father of two, died on Sunday.", ((1, 1, 1), None)),
    ("His brother Samir and cousin Adel Nasser were found dead.", ((2, 2, 2), None)),
    ("A total of 14 people were killed in the clashes.", ((14, 14, 14), None)),
    ("Police arrested a man over the 1994 killings of three farmers.", ((3, 3, 3), None)),
    ("She was charged over the death of Karim Said, 52.", ((1, 1, 1), None)),
    ("Fighters killed the commander and his ex-deputy.", ((2, 2, 2), None)),
    ("Aid workers said no-one had been hurt.", (None, (0, 0, 0))),
])
def test_descriptions_are_not_extra_victims(counts, text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize("text", [
    "The old man is dying of his wounds in hospital.",
    "Two guards were nearly killed by the blast.",
    "Drivers must stop if anyone was injured or killed.",
    "The new drones could kill and wound hundreds.",
    "The men were charged with conspiring to kill four officials.",
])
def test_near_misses_and_shared_modals_give_none(counts, text):
    assert counts(text) == (None, None)


def test_to_death_after_a_violent_verb_is_a_death(nlp):
    from flashpoint.extract.casualties import casualties

    assert casualties(nlp("Two herders were hacked to death near Bauchi.")[:])[0].best == 2
    assert casualties(nlp("The court sentenced him to death.")[:])[0] is None


def test_bodies_found_count_the_dead(nlp):
    from flashpoint.extract.casualties import casualties

    assert casualties(nlp("The bodies of four fishermen were found on the shore.")[:])[0].best == 4
    assert casualties(nlp("Two bodies were recovered from the river.")[:])[0].best == 2
