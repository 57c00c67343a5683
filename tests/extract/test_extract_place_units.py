"""'in X, Y' where Y is the state X lies in is one place, not a list of two: the event is not
split per place and keeps its toll. Sentences written for this test; the installed gazetteer."""
from flashpoint.pipeline import Pipeline
from flashpoint.record import Article


def test_a_town_and_its_state_are_one_place_not_a_list():
    text = "On 3 June 2021, in Atlixco, Puebla, gunmen shot dead two men outside a bar."
    [result] = list(Pipeline().run([Article(id="u", text=text)]))
    assaults = [e for e in result.events if e.event_type == "ASSAULT"]
    assert len(assaults) == 1
    assert assaults[0].location.name == "Atlixco" and assaults[0].fatalities.best == 2
