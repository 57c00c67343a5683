"""What an actor is in its event, and whose country it is when the phrase does not say.

``ActorResolver.resolve`` reads a phrase alone; this module finishes the job with what the event
knows, the way ACLED's codebook names actors:

- **Country.** A generic actor ("police", "the army", "gunmen", "a man", "protesters") takes the
  country of the event: the country of its location, else of the places in its sentence, else
  the article's dominant country (``countries_for``). Named actors keep the registry's country.
- **Demonstrators** are named by their part, not their trade: the people who demonstrate in a
  PROTEST are "Protesters (<country>)" whether the text calls them traders, residents or a union;
  in a riot (ACLED type Riots) they are "Rioters (<country>)".
- **Unnamed perpetrators.** Unnamed people ("four men", "a man") who carry out armed violence (an
  attack, a clash, a bombing; not a riot, not property destruction) are an "Unidentified Armed
  Group (<country>)": whoever attacks with a weapon is armed.

``SIDE`` says which sectors are armed and which civilian, so that extraction can tell an Attack
(an armed actor on civilians) from an Armed clash (two armed sides): ``side(actor)``.
"""
from __future__ import annotations

from collections import Counter
from typing import Optional, Sequence

from flashpoint.record import Actor, Place, PlaceMention

# Sectors whose members bear arms (state forces, rebels, militias, gangs, intelligence services)
# and those who do not. An actor with no sector (a thing, an unmatched name) is on neither side.
ARMED_SECTORS = frozenset({"MIL", "COP", "SPY", "REB", "PRM", "UAF", "IMG", "CRM"})
CIVILIAN_SECTORS = frozenset({"CVL", "JRN", "MED", "EDU", "REF", "LAB", "REL", "HRI", "NGO", "BUS",
                              "PTY", "OPP", "ELI"})
# Categories a demonstrator may come under before being named a protester or rioter: people
# named by trade, place or group, and phrases the registry does not know.
_DEMONSTRATOR_SECTORS = CIVILIAN_SECTORS | {None, "UNK"}
# Heads of unnamed people: as the agent of an assault they are an unidentified armed group.
_UNNAMED_PEOPLE = frozenset({"civilians"})


def side(actor: Actor) -> Optional[str]:
    """'armed', 'civilian' or None (unknown): what extraction needs for Attack vs Armed clash."""
    if actor.sector in ARMED_SECTORS:
        return "armed"
    if actor.sector in CIVILIAN_SECTORS:
        return "civilian"
    return None


def countries_for(location: Optional[Place], places: Sequence[PlaceMention],
                  sentence: tuple[int, int]) -> list[str]:
    """The countries an event's generic actors may belong to, best first: the event's location,
    the places of its sentence in order, the article's dominant country (of its towns and
    provinces, else of all the places it names); places inside a
    country (towns, provinces) before whole countries, which are often named as someone's
    ("torched the Iranian consulate" in Basra)."""
    spots = [(location.country, location.precision, True)] if location is not None else []
    spots += [(m.place.country, m.place.precision, False) for m in places if m.place is not None
              and sentence[0] <= m.start < sentence[1]]
    votes = Counter(m.place.country for m in places if m.place is not None and m.place.country
                    and m.place.precision < COUNTRY_PRECISION)
    inside = [c for c, precision, _ in spots if c and precision < COUNTRY_PRECISION]
    whole = [c for c, precision, _ in spots if c and precision >= COUNTRY_PRECISION]
    dominant = [votes.most_common(1)[0][0]] if votes else []
    named = Counter(m.place.country for m in places if m.place is not None and m.place.country)
    anywhere = [named.most_common(1)[0][0]] if named else []
    return list(dict.fromkeys(inside + dominant + whole + anywhere))


COUNTRY_PRECISION = 6   # UCDP where_prec 6: the whole country


def agent_role(event_type: str, acled_event_type: Optional[str]) -> Optional[str]:
    """The category an event gives its civilian agents: protesters, rioters, or an armed group."""
    if acled_event_type == "Riots":
        return "rioters"
    if event_type == "PROTEST" or acled_event_type == "Protests":
        return "protesters"
    if event_type == "ASSAULT" and acled_event_type in _ARMED_VIOLENCE:
        return "unidentified-armed-group"
    return None


# ACLED event types whose agent uses armed force; property destruction by a crowd is not one.
_ARMED_VIOLENCE = frozenset({"Violence against civilians", "Battles", "Explosions/Remote violence"})


def needs_role(actor: Actor, role: Optional[str]) -> bool:
    """Does the event rename this agent? Demonstrators named by trade or group become
    protesters or rioters; unnamed people who assault someone become an armed group."""
    if role in ("protesters", "rioters"):
        return actor.sector in _DEMONSTRATOR_SECTORS and actor.id not in ("protesters", "rioters") \
            and not (actor.id or "").endswith(("-protesters", "-rioters")) and bool(actor.name or actor.sector)
    if role == "unidentified-armed-group":
        return actor.id in _UNNAMED_PEOPLE or (actor.id or "").endswith("-civilians") and actor.sector == "CVL"
    return False


def names_a_place(actor: Actor, span: tuple[int, int], places: Sequence[PlaceMention]) -> bool:
    """A phrase the registry does not know that is, word for word, a place the text names
    ("in Vertente do Lerio, Pernambuco, armed men ..." parsed with the towns as subject): a
    place, not an actor. Countries and capitals the registry knows stay actors (their
    governments: "Minsk", "Tehran")."""
    if actor.id is not None or actor.sector is not None:
        return False
    return any(m.place is not None and m.start <= span[0] and span[1] <= m.end for m in places)
