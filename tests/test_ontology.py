"""The one table of types and modes is complete and consistent: a forgotten entry fails here.

Each check names the row that breaks it. Checks against the codebooks read ../shared (the
contract, ONTOLOGY.md, CAMEO2PLOVER-2021.txt) and skip, saying why, where it is absent. No model.
"""
import itertools
import re

import pytest
from shared_data import shared_path

from flashpoint import ontology as o
from flashpoint.resolve.actors.actor_registry import SECTORS

# CAMEO2PLOVER-2021 files CAMEO 163 (embargo, sanctions) under COERCE; the table keeps it as
# SANCTION's 'restrict' mode, as it was before the table (a choice to revisit, not an oversight).
KNOWN_CAMEO_EXCEPTIONS = {("SANCTION", "restrict"): "COERCE"}
NAMED = [(t, m) for t in o.TYPES.values() for m in t.modes if m.name is not None]
ROWS = [(t, m) for t in o.TYPES.values() for m in t.modes]


def _row(t, m) -> str:
    return f"{t.name}/{m.name}"


def _contract_types() -> list[str]:
    text = shared_path("contract", "events-v1.md").read_text()
    line = next(x for x in text.splitlines() if x.startswith("| `event_type`"))
    return re.findall(r"\b[A-Z]{3,}\b", line.split("PLOVER 2021 type:")[1])


def _ontology_acled() -> dict[str, set[str]]:
    """ACLED's types and sub-event types as ../shared/ONTOLOGY.md lists them."""
    text = shared_path("ONTOLOGY.md").read_text()
    part = text.split("## ACLED event types")[1].split("Rules worth knowing")[0]
    found = {}
    for item in (" ".join(x.split()) for x in re.split(r"\n- ", part)[1:]):
        name, subs = item.split(" (", 1)[0], item.split("): ", 1)[1]
        found[name.strip()] = {re.sub(r"\s*\(.*?\)", "", s).strip(" .") for s in subs.split(";")}
    return found


def test_the_types_are_the_contracts_sixteen_in_its_order():
    assert list(o.PLOVER_TYPES) == _contract_types()
    assert all(name == t.name for name, t in o.TYPES.items())


def test_the_contracts_assault_modes_are_rows():
    text = shared_path("contract", "events-v1.md").read_text()
    line = next(x for x in text.splitlines() if x.startswith("| `mode`"))
    listed = re.findall(r"[a-z]+(?:-[a-z]+)?", line.split("for ASSAULT:")[1])
    assert len(listed) == 15 and all(o.TYPES["ASSAULT"].mode(m) for m in listed), listed


def test_every_type_has_its_no_mode_row_first_and_unique_modes():
    for t in o.TYPES.values():
        names = [m.name for m in t.modes]
        assert names and names[0] is None, f"{t.name}: the first row must be the no-mode row"
        assert len(set(names)) == len(names), f"{t.name}: a mode is listed twice"


def _cameo_to_plover() -> dict[str, str]:
    path = shared_path("data", "plover_gsr", "CAMEO2PLOVER-2021.txt")
    found = (re.match(r"(\d+):\s*([A-Z]+)", line) for line in path.read_text().splitlines())
    return {m.group(1): m.group(2) for m in found if m}


@pytest.mark.parametrize("row", ROWS, ids=[_row(t, m) for t, m in ROWS])
def test_every_row_has_a_cameo_code_the_conversion_table_gives_its_type(row):
    t, m = row
    assert re.fullmatch(r"\d{3,4}", m.cameo), f"{_row(t, m)}: CAMEO {m.cameo}"
    plover = _cameo_to_plover().get(m.cameo)
    assert KNOWN_CAMEO_EXCEPTIONS.get((t.name, m.name), t.name) == plover, f"{_row(t, m)}: CAMEO {m.cameo} is {plover}"


@pytest.mark.parametrize("row", ROWS, ids=[_row(t, m) for t, m in ROWS])
def test_every_acled_mapping_names_a_real_acled_type_and_sub_type(row):
    t, m = row
    if m.acled is None:
        assert m.acled_sub is None, f"{_row(t, m)}: a sub-event type without its event type"
    else:
        assert m.acled_sub in o.ACLED_SUB_EVENTS.get(m.acled, ()), f"{_row(t, m)}: {m.acled}/{m.acled_sub}"


def test_acled_types_are_the_codebooks():
    assert sum(len(v) for v in o.ACLED_SUB_EVENTS.values()) == 25
    assert {k: set(v) for k, v in o.ACLED_SUB_EVENTS.items()} == _ontology_acled()


def test_flags_are_consistent_with_quad_classes():
    for t in o.TYPES.values():
        assert t.quad in (1, 2, 3, 4), t.name
        assert not t.physical or (t.answerable and t.quad == 4), f"{t.name}: a physical act is material conflict"
        assert not t.commentary or t.quad in (1, 3), f"{t.name}: commentary is verbal"
        assert not t.needs_speaker or t.commentary, f"{t.name}: a statement needing a speaker"
        assert not t.partnered or t.cooperative, f"{t.name}: a partner is whom one cooperates with"
        assert not t.per_place or any(m.acled for m in t.modes), f"{t.name}: one event per place is ACLED's rule"
        assert t.threat_mode is None or o.TYPES["THREATEN"].mode(t.threat_mode), f"{t.name}: {t.threat_mode}"
        assert t.cooperative != t.conflictual


def test_types_that_group_modes_in_families_give_every_mode_one():
    """A mode with no family never groups with its type's other modes across articles."""
    for t in o.TYPES.values():
        if any(m.family for m in t.modes):
            lost = [m.name for m in t.modes if m.name and not m.family and not m.fits_any]
            assert not lost, f"{t.name}: modes without a family (add one to the table): {lost}"


def test_families_exist_are_used_and_join_each_other_both_ways():
    used = {m.family for _, m in NAMED if m.family}
    assert used == set(o.FAMILIES), "a family is named by no mode, or a mode names no known family"
    for f in o.FAMILIES.values():
        for other in f.joins:
            assert other in o.FAMILIES and f.name in o.FAMILIES[other].joins, f"{f.name} -> {other}"


def test_mode_fields_are_valid_and_agree_across_types():
    for t, m in NAMED:
        assert m.fits_any in (None, o.ARTICLE, o.ACROSS), _row(t, m)
        assert m.part_of is None or t.mode(m.part_of) is not None, f"{_row(t, m)}: part_of {m.part_of}"
        same = o.MODES[m.name]
        grouping = (m.family, m.fits_any, m.part_of, m.one_sided)
        assert grouping == (same.family, same.fits_any, same.part_of, same.one_sided), (
            f"mode {m.name!r} groups differently in two types; give one a name of its own")


@pytest.mark.parametrize("scope", [o.ARTICLE, o.ACROSS])
def test_mode_fit_is_symmetric_and_an_unknown_mode_fits_only_itself(scope):
    names = [None, "unheard-of", *sorted(o.MODES)]
    for a, b in itertools.product(names, repeat=2):
        assert o.modes_fit(a, b, scope) == o.modes_fit(b, a, scope), (a, b, scope)
    assert o.modes_fit(None, "aerial", scope) and o.modes_fit("riot", "riot", scope)
    assert not o.modes_fit("unheard-of", "arrest", scope)


def test_the_scopes_differ_only_where_the_table_says():
    # Outlets mix 'air strike' and 'drone strike' for one strike; one article's writer does not.
    assert o.modes_fit("aerial", "drone", o.ACROSS) and not o.modes_fit("aerial", "drone", o.ARTICLE)
    # 'targeted' is vague within an article, 'destroy' across articles.
    assert o.modes_fit("targeted", "aerial", o.ARTICLE) and not o.modes_fit("targeted", "aerial", o.ACROSS)
    assert o.modes_fit("destroy", "aerial", o.ACROSS) and not o.modes_fit("destroy", "aerial", o.ARTICLE)
    # Both: a gathering's modes, and the shots fired while people were seized.
    for scope in (o.ARTICLE, o.ACROSS):
        assert o.modes_fit("demo", "riot", scope) and o.modes_fit("abduct", "firearms", scope)
        assert not o.modes_fit("abduct", "aerial", scope)


def test_a_wrong_scope_is_named():
    with pytest.raises(ValueError, match="scope must be"):
        o.modes_fit("aerial", "drone", "within")


def test_state_sectors_are_registry_sectors_named_in_the_ontology():
    assert o.STATE_SECTORS <= SECTORS
    text = shared_path("ONTOLOGY.md").read_text()
    for code in o.STATE_SECTORS:
        assert re.search(rf"\b{code}\s+\(", text), f"{code} is not a sector of ONTOLOGY.md"


def test_lookups_fall_back_to_the_no_mode_row_and_name_unknown_types():
    assert o.mode_row("ASSAULT", "unheard-of").name is None
    assert o.mode_row("DANCE", None) is None and o.quad("DANCE") is None
    assert o.quad("ASSAULT") == 4 and o.threat_mode("COERCE") == "restrict"
