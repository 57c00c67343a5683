"""The trigger lexicon: which words name which PLOVER event, as data.

Lemma-based. Each entry is a Sense: a PLOVER type and mode, plus a role that tells the
extractor how the word behaves:
- "event": the word names the event itself ("shelled", "arrest").
- "clash": two-sided fighting; every side goes into actors ("clashed with").
- "casualty": names harm only ("killed", "wounded"); weak on its own, merged into the attack.
- "light": takes its type from the event noun it governs ("launched an offensive",
  "retaliated with air strikes", "used drones to attack").
- "head": governs another event and decides its modality ("vowed to strike", "urged X to").
Types and modes follow the PLOVER 2021 codebook (openeventdata/PLOVER) and the CAMEO verb
categories it maps from (CAMEO2PLOVER-2021); the word lists are our own.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class Sense:
    type: str
    mode: Optional[str] = None
    role: str = "event"
    territory: Optional[str] = None   # "government" / "non-state": ACLED territory change


def _senses(typ: str, words: str, mode: Optional[str] = None, role: str = "event",
            territory: Optional[str] = None) -> dict[str, Sense]:
    return {w: Sense(typ, mode, role, territory) for w in words.split()}


# ---- verbs -------------------------------------------------------------------------------
VERBS: dict[str, Sense] = {}
for _table in (
    _senses("ASSAULT", "attack assault strike hit target raid storm invade bombard pound",),
    _senses("ASSAULT", "shell bombard", "heavy-weapons"),
    _senses("ASSAULT", "bomb"),
    _senses("ASSAULT", "shoot snipe ambush machine-gun", "firearms"),
    _senses("ASSAULT", "assassinate", "targeted"),
    _senses("ASSAULT", "behead stab hack stone pelt", "primitive"),     # "pelted stones at police"
    _senses("ASSAULT", "beat lynch flog whip", "beat"),
    _senses("ASSAULT", "torture", "torture"),
    _senses("ASSAULT", "rape", "sexual"),
    _senses("ASSAULT", "kidnap abduct hijack", "abduct"),
    _senses("ASSAULT", "detonate explode", "explosives"),
    _senses("ASSAULT", "demolish raze destroy bulldoze torch burn loot vandalize sabotage "
                       "ransack", "destroy"),
    _senses("ASSAULT", "teargas disperse", "crowd-control"),
    # A baton charge on a crowd ("lathi" is the South Asian word for the police stave).
    _senses("ASSAULT", "lathi-charge lathicharge baton-charge cane-charge", "crowd-control"),
    # South Asian English: to "gherao" is to encircle an official or office until demands are met.
    _senses("PROTEST", "gherao gheraoe", "demo"),
    _senses("ASSAULT", "massacre murder slaughter execute slay", None),
    _senses("ASSAULT", "kill wound injure maim", None, "casualty"),
    _senses("ASSAULT", "clash fight battle skirmish", None, "clash"),
    _senses("ASSAULT", "retake recapture regain liberate", None, "event", "government"),
    _senses("ASSAULT", "overrun", None, "event", "non-state"),
    _senses("ASSAULT", "retaliate respond counterattack", None, "light"),
    _senses("COERCE", "arrest detain jail imprison apprehend", "arrest"),
    _senses("COERCE", "confiscate impound defuse", "seize"),        # ACLED: Disrupted weapons use
    _senses("COERCE", "deport evict", "deport"),
    _senses("COERCE", "ban outlaw prohibit", "ban"),
    _senses("COERCE", "censor deface", "censor"),
    _senses("COERCE", "blockade besiege prevent", "restrict"),
    _senses("COERCE", "occupy annex", "occupy"),
    _senses("PROTEST", "protest demonstrate march rally picket boo heckle", "demo"),
    _senses("PROTEST", "riot", "riot"),
    _senses("PROTEST", "boycott", "boycott"),
    _senses("PROTEST", "block obstruct barricade", "obstruct"),
    _senses("MOBILIZE", "mobilize mobilise mass reinforce deploy station patrol", "troops"),
    _senses("SANCTION", "sanction embargo", "restrict"),
    _senses("SANCTION", "recall", "withdraw"),
    # PLOVER's annotators code a resignation as RETREAT (leaving a position), as the GSR gold does.
    _senses("RETREAT", "retreat surrender demobilize demobilise disarm resign", None),
    _senses("RETREAT", "release free", "release"),
    _senses("RETREAT", "compensate", "return"),
    _senses("CONCEDE", "concede yield relent", None),
    _senses("AGREE", "agree settle", None),
    _senses("CONSULT", "meet visit negotiate discuss consult confer", None),
    _senses("CONSULT", "telephone phone", "phone"),
    _senses("CONSULT", "mediate", "mediate"),
    _senses("CONSULT", "arrive", "visit"),
    _senses("SUPPORT", "praise endorse support welcome hail commend applaud congratulate "
                       "forgive thank defend back", None),
    _senses("SUPPORT", "apologize apologise", "apologize"),
    _senses("SUPPORT", "recognize recognise", "recognize"),
    _senses("SUPPORT", "sign ratify", "sign"),
    _senses("COOPERATE", "cooperate co-operate collaborate coordinate co-ordinate", None),
    _senses("COOPERATE", "extradite", "legal"),
    _senses("COOPERATE", "share", "intelligence"),
    _senses("AID", "aid donate supply fund finance airlift contribute", None),
    _senses("AGREE", "offer promise pledge commit", None, "head"),
    _senses("ACCUSE", "summon", "disapprove"),
    _senses("ASSAULT", "abuse molest", "beat"),
    _senses("AID", "evacuate", "humanitarian"),
    _senses("REQUEST", "demand urge ask appeal request plead implore press insist petition "
                       "pressure pressurize", None, "head"),
    _senses("CONCEDE", "allow permit", None, "head"),
    _senses("ACCUSE", "accuse blame criticize criticise condemn denounce allege deplore decry "
                      "slam censure rebuke complain", None),
    _senses("ACCUSE", "sue indict convict", "allege"),
    _senses("ACCUSE", "investigate probe", "investigate"),
    _senses("REJECT", "reject refuse decline veto oppose dismiss rebuff spurn renege defy "
                      "violate deny", None, "head"),
    _senses("THREATEN", "threaten warn vow swear", None, "head"),
):
    VERBS.update(_table)

# Verb + particle or fixed object: (verb lemma, particle/object lemma) -> Sense.
PHRASES: dict[tuple[str, str], Sense] = {
    ("blow", "up"): Sense("ASSAULT", "explosives"),
    ("open", "fire"): Sense("ASSAULT", "firearms"),
    ("exchange", "fire"): Sense("ASSAULT", "firearms", "clash"),
    ("set", "fire"): Sense("ASSAULT", "destroy"),
    ("set", "alight"): Sense("ASSAULT", "destroy"),
    ("set", "ablaze"): Sense("ASSAULT", "destroy"),
    ("gun", "down"): Sense("ASSAULT", "firearms"),
    ("shoot", "down"): Sense("ASSAULT", "heavy-weapons"),
    ("beat", "up"): Sense("ASSAULT", "beat"),
    ("take", "hostage"): Sense("ASSAULT", "abduct"),
    ("take", "control"): Sense("ASSAULT", None, "event", "non-state"),
    ("hit", "back"): Sense("ASSAULT", None, "light"),
    ("strike", "back"): Sense("ASSAULT", None, "light"),
    ("round", "up"): Sense("COERCE", "arrest"),
    ("force", "out"): Sense("COERCE", "deport"),
    ("hack", "into"): Sense("COERCE", "censor"),
    ("crack", "down"): Sense("COERCE", None),
    ("shut", "down"): Sense("COERCE", "ban"),
    ("take", "street"): Sense("PROTEST", "demo"),
    ("stop", "work"): Sense("PROTEST", "boycott"),
    ("shun", "work"): Sense("PROTEST", "boycott"),
    ("walk", "out"): Sense("PROTEST", "boycott"),
    ("point", "finger"): Sense("ACCUSE", None),
    ("call", "for"): Sense("REQUEST", None, "head"),
    ("call", "on"): Sense("REQUEST", None, "head"),
    ("call", "upon"): Sense("REQUEST", None, "head"),
    ("push", "for"): Sense("REQUEST", None, "head"),
    ("cut", "tie"): Sense("SANCTION", "withdraw"),
    ("sever", "tie"): Sense("SANCTION", "withdraw"),
    ("break", "relation"): Sense("SANCTION", "withdraw"),
    ("sever", "relation"): Sense("SANCTION", "withdraw"),
    ("break", "off"): Sense("SANCTION", "withdraw"),
    ("pull", "out"): Sense("RETREAT", "withdraw"),
    ("pull", "back"): Sense("RETREAT", "withdraw"),
    ("lay", "arm"): Sense("RETREAT", "disarm"),
    ("step", "down"): Sense("RETREAT", None),
    ("give", "in"): Sense("CONCEDE", None),
    ("back", "down"): Sense("CONCEDE", None),
    ("call", "off"): Sense("CONCEDE", None),
    ("hand", "over"): Sense("AID", None),
    ("turn", "down"): Sense("REJECT", None, "head"),
    ("reach", "agreement"): Sense("AGREE", None),
    ("reach", "deal"): Sense("AGREE", None),
    ("reach", "consensus"): Sense("AGREE", None),
    ("reach", "accord"): Sense("AGREE", None),
    ("establish", "tie"): Sense("SUPPORT", None),
    ("establish", "relation"): Sense("SUPPORT", None),
    ("upgrade", "tie"): Sense("SUPPORT", None),
    ("pay", "compensation"): Sense("RETREAT", "return"),
    ("fail", "reach"): Sense("REJECT", None, "head"),
    ("seek", "refuge"): Sense("REQUEST", None),
    ("seek", "asylum"): Sense("REQUEST", None),
    ("seek", "sanctuary"): Sense("REQUEST", None),
}

# Light verbs: the event is the noun they govern ("launched an offensive", "held talks").
LIGHT_VERBS = frozenset(
    "launch carry conduct stage mount hold open issue impose make undertake begin start continue "
    "resume step intensify escalate declare give take lodge file use employ unleash "
    "organize organise initiate announce reimpose order reiterate renew repeat voice "
    "express".split()
)

# Verbs whose meaning depends on their object: (verb, object class) -> Sense. Object classes
# are the keys of NOUN_CLASSES below.
BY_OBJECT: dict[str, dict[str, Optional[Sense]]] = {
    "seize": {"place": Sense("ASSAULT", None, "event", "non-state"),
              "person": Sense("COERCE", "arrest"), "": Sense("COERCE", "seize")},
    "recover": {"weapons": Sense("COERCE", "seize"),          # "recovered arms and ammunition"
                "place": Sense("ASSAULT", None, "event", "non-state")},   # "recovered the town"
    "capture": {"place": Sense("ASSAULT", None, "event", "non-state"),
                "": Sense("COERCE", "arrest")},
    "take": {"place": Sense("ASSAULT", None, "event", "non-state")},
    "withdraw": {"forces": Sense("RETREAT", "withdraw"), "diplomat": Sense("SANCTION", "expel"),
                 "coop": Sense("SANCTION", "discontinue")},
    "expel": {"diplomat": Sense("SANCTION", "expel"), "": Sense("COERCE", "deport")},
    "send": {"forces": Sense("MOBILIZE", "troops"), "coop": Sense("AID", None),
             "aidgoods": Sense("AID", None), "weapons": Sense("AID", "military")},
    "provide": {"aidgoods": Sense("AID", None), "coop": Sense("AID", None),
                "weapons": Sense("AID", "military"), "": Sense("AID", None)},
    "give": {"aidgoods": Sense("AID", None), "weapons": Sense("AID", "military")},
    "deliver": {"aidgoods": Sense("AID", None), "": Sense("AID", None)},
    "grant": {"asylum": Sense("AID", "asylum"), "aidgoods": Sense("AID", None),
              "": Sense("CONCEDE", None)},
    "lift": {"restriction": Sense("CONCEDE", "ease"), "siege": Sense("RETREAT", None)},
    "ease": {"restriction": Sense("CONCEDE", "ease"), "siege": Sense("RETREAT", None)},
    "relax": {"restriction": Sense("CONCEDE", "ease")},
    "loosen": {"restriction": Sense("CONCEDE", "ease")},
    "shorten": {"restriction": Sense("CONCEDE", "ease")},
    "cancel": {"restriction": Sense("CONCEDE", "ease"), "coop": Sense("SANCTION", "withdraw")},
    "suspend": {"coop": Sense("SANCTION", "discontinue"), "": Sense("COERCE", "ban")},
    "halt": {"coop": Sense("SANCTION", "discontinue")},
    "cut": {"coop": Sense("SANCTION", "discontinue")},
    "reduce": {"coop": Sense("SANCTION", "discontinue")},
    "end": {"coop": Sense("SANCTION", "withdraw")},
    "stop": {"coop": Sense("SANCTION", "discontinue")},
    "close": {"border": Sense("SANCTION", None)},
    "accept": {"demand": Sense("CONCEDE", None), "": Sense("AGREE", None)},
    "fire": {"weapons": Sense("ASSAULT", None), "": Sense("ASSAULT", "firearms")},
    # "the grid supplies electricity", "marching the passengers into the forest": no event.
    "supply": {"aidgoods": Sense("AID", None), "weapons": Sense("AID", "military"),
               "person": Sense("AID", None), "forces": Sense("AID", "military"), "": None},
    "march": {"": None},
    "abandon": {"place": Sense("RETREAT", "withdraw"), "": Sense("REJECT", None)},
    "leave": {"place": Sense("RETREAT", "withdraw")},
    "evacuate": {"place": Sense("RETREAT", "withdraw")},
    "return": {"weapons": Sense("RETREAT", "return"), "person": Sense("RETREAT", "release")},
    "train": {"forces": Sense("MOBILIZE", "troops")},
    "strengthen": {"forces": Sense("MOBILIZE", "troops")},
    "open": {"border": Sense("RETREAT", "access")},
    "allow": {"": Sense("CONCEDE", None)},
    "violate": {"ceasefire": Sense("ASSAULT", None), "": Sense("REJECT", None, "head")},
    "breach": {"ceasefire": Sense("ASSAULT", None), "": Sense("REJECT", None, "head")},
    "host": {"person": Sense("CONSULT", "host"), "": Sense("CONSULT", "host"), "forces": None,
             "place": None},
    "receive": {"person": Sense("CONSULT", "host"), "diplomat": Sense("RETREAT", "access"),
                "forces": None},
}

NOUN_CLASSES: dict[str, frozenset[str]] = {
    "siege": frozenset("blockade siege".split()),      # before "restriction": lifting one is RETREAT
    "ceasefire": frozenset("ceasefire cease-fire truce armistice".split()),
    "place": frozenset("town city village territory area district region base stronghold position "
                       "hill airport province capital outpost enclave port camp headquarters "
                       "neighborhood neighbourhood suburb bridge road highway border".split()),
    "person": frozenset("people civilian militant fighter suspect activist member leader "
                        "journalist protester student worker official soldier man woman child "
                        "hostage prisoner detainee".split()),
    "forces": frozenset("troop force soldier army peacekeeper unit contingent battalion brigade "
                        "reservist police militia warship ship tank patrol".split()),
    "diplomat": frozenset("diplomat ambassador envoy inspector observer monitor attache".split()),
    "coop": frozenset("aid assistance talk negotiation tie relation link cooperation mediation "
                      "visit contact program programme supply delivery loan credit".split()),
    "aidgoods": frozenset("aid food medicine medicines supply grant dollar fund loan shelter "
                          "tent relief assistance equipment material photograph "
                          "intelligence".split()),
    "weapons": frozenset("weapon arm rocket missile explosive ammunition mortar shell "
                         "munition gun rifle grenade bomb gas teargas cannon canister "
                         "bullet round projectile stone rock brick molotov".split()),
    "asylum": frozenset(["asylum"]),
    "restriction": frozenset("curfew ban restriction emergency measure sanction embargo "
                             "blockade siege law".split()),
    "demand": frozenset("demand request call".split()),
    "border": frozenset("border borders frontier crossing".split()),
}

# ---- nouns that name events ------------------------------------------------------------------
NOUNS: dict[str, Sense] = {}
for _table in (
    _senses("ASSAULT", "attack assault strike raid offensive invasion incursion operation "
                       "bombardment onslaught violence",),
    _senses("ASSAULT", "airstrike air-strike sortie", "aerial"),
    _senses("ASSAULT", "shelling barrage", "heavy-weapons"),
    _senses("ASSAULT", "bombing explosion blast", "explosives"),
    _senses("ASSAULT", "shooting gunfire ambush fire", "firearms"),
    _senses("ASSAULT", "assassination", "targeted"),
    _senses("ASSAULT", "kidnapping abduction hijacking", "abduct"),
    _senses("ASSAULT", "torture", "torture"),
    _senses("ASSAULT", "rape", "sexual"),
    _senses("ASSAULT", "massacre killing execution murder beheading", None),
    _senses("ASSAULT", "clash fighting battle gunbattle firefight skirmish hostility", None, "clash"),
    _senses("ASSAULT", "shoot-out shootout gunfight", "firearms", "clash"),
    _senses("ASSAULT", "fight brawl scuffle", None, "clash"),
    _senses("PROTEST", "protest demonstration rally march sit-in vigil dharna gherao", "demo"),
    _senses("ASSAULT", "lathi-charge lathicharge baton-charge cane-charge", "crowd-control"),
    _senses("ASSAULT", "stone-pelting stone-throwing", "primitive"),
    _senses("PROTEST", "riot unrest", "riot"),
    _senses("PROTEST", "boycott walkout", "boycott"),
    _senses("COERCE", "arrest detention crackdown", "arrest"),
    _senses("COERCE", "curfew", "curfew"),
    _senses("COERCE", "blockade siege restriction", "restrict"),
    _senses("COERCE", "ban", "ban"),
    _senses("COERCE", "deportation", "deport"),
    _senses("MOBILIZE", "deployment mobilization mobilisation reinforcement patrol alert", "troops"),
    _senses("SANCTION", "sanction embargo", "restrict"),
    _senses("SANCTION", "expulsion", "expel"),
    _senses("AGREE", "agreement deal accord pact consensus settlement", None),
    _senses("AGREE", "ceasefire cease-fire truce armistice", "ceasefire"),
    _senses("CONSULT", "talk meeting negotiation visit summit discussion consultation", None),
    _senses("CONSULT", "mediation", "mediate"),
    _senses("SUPPORT", "treaty", "sign"),
    _senses("COOPERATE", "exercise game", "military"),
    _senses("AID", "aid assistance donation relief", None),
    _senses("AID", "asylum", "asylum"),
    _senses("RETREAT", "withdrawal retreat pullout pull-out surrender resignation", None),
    _senses("RETREAT", "release", "release"),
    _senses("REQUEST", "demand appeal request plea call", None, "head"),
    _senses("ACCUSE", "accusation allegation criticism condemnation complaint lawsuit", None),
    _senses("ACCUSE", "investigation probe inquiry hearing", "investigate"),
    _senses("CONSULT", "welcome", "host"),
    _senses("SANCTION", "suspension", "discontinue"),
    _senses("REJECT", "rejection veto refusal", None, "head"),
    _senses("THREATEN", "threat ultimatum warning", None, "head"),
):
    NOUNS.update(_table)
# Words that only name an event with a modifier ("hunger strike", "general strike").
NOUN_COMPOUNDS: dict[tuple[str, str], Sense] = {
    ("hunger", "strike"): Sense("PROTEST", "hunger"),
    ("general", "strike"): Sense("PROTEST", "boycott"),
    ("labor", "strike"): Sense("PROTEST", "boycott"),
    ("labour", "strike"): Sense("PROTEST", "boycott"),
    ("war", "game"): Sense("COOPERATE", "military"),
    ("joint", "exercise"): Sense("COOPERATE", "military"),
    ("tear", "gas"): Sense("ASSAULT", "crowd-control"),
    ("martial", "law"): Sense("COERCE", "martial-law"),
    ("state", "emergency"): Sense("COERCE", "martial-law"),
    ("state", "siege"): Sense("COERCE", "martial-law"),
    ("air", "raid"): Sense("ASSAULT", "aerial"),
    ("drone", "strike"): Sense("ASSAULT", "drone"),
    ("suicide", "bombing"): Sense("ASSAULT", "suicide-attack"),
    ("car", "bombing"): Sense("ASSAULT", "explosives"),
    ("car", "bomb"): Sense("ASSAULT", "explosives"),
    ("peace", "plan"): Sense("AGREE", None),
    ("ethnic", "cleansing"): Sense("ASSAULT", None),
    ("human", "shield"): Sense("ASSAULT", "abduct"),
    ("fire", "fight"): Sense("ASSAULT", "firearms", "clash"),
    ("stone", "pelting"): Sense("ASSAULT", "primitive"),
    ("stone", "throwing"): Sense("ASSAULT", "primitive"),
    ("violent", "protest"): Sense("PROTEST", "riot"),
    ("violent", "demonstration"): Sense("PROTEST", "riot"),
    ("violent", "rally"): Sense("PROTEST", "riot"),
}

# Compounds whose head looks like an event noun but names none ("press release").
NOT_EVENT_COMPOUNDS = frozenset({("press", "release"), ("news", "release"), ("search", "operation"),
                                 ("combing", "operation"), ("rescue", "operation"),
                                 ("relief", "operation"), ("evacuation", "operation")})
# Heads that only carry the event their modifier names ("a mediation effort", "peace mission").
GENERIC_EVENT_HEADS = frozenset("effort mission bid attempt initiative process campaign drive "
                                "operation".split())
# Documents and messages: a clause under them is what they say ("a declaration demanding").
MESSAGE_NOUNS = frozenset("declaration statement letter resolution communique message note "
                          "reminder memorandum decree petition appeal warning".split())
# What a team is sent to do when the sending opens an inquiry ("sent experts to investigate").
INQUIRY_VERBS = frozenset("investigate probe monitor inspect examine verify assess".split())

# ---- weapons -> ASSAULT mode, strongest first -------------------------------------------------
MODE_WORDS: tuple[tuple[str, frozenset[str]], ...] = (
    ("suicide-attack", frozenset("suicide self-detonation".split())),
    ("unconventional", frozenset("chemical sarin chlorine nerve biological nuclear gas-attack".split())),
    ("drone", frozenset("drone uav predator reaper".split())),
    ("aerial", frozenset("air airstrike aircraft warplane jet helicopter gunship bomber plane "
                         "aerial air-strike airforce".split())),
    ("heavy-weapons", frozenset("rocket missile mortar artillery shell shelling tank katyusha "
                                "howitzer barrage grad projectile launcher ifv explosions".split())),
    ("explosives", frozenset("bomb ied rcied vbied pbied svbied explosive roadside landmine mine grenade bombing "
                             "explosion blast minefield booby-trap".split())),
    ("firearms", frozenset("gun gunfire rifle bullet gunman sniper machine-gun firearm "
                           "gunbattle firefight pistol shoot-out shootout gunshot".split())),
    ("primitive", frozenset("knife machete stone axe stick spear sword molotov".split())),
    ("crowd-control", frozenset("teargas tear rubber baton cannon".split())),
)
# Subjects that are weapons, not actors: "rockets hit the base", "a roadside bomb killed".
MUNITIONS = frozenset("rocket missile mortar shell bomb ied explosive device mine landmine grenade "
                      "barrage strike airstrike attack blast explosion bullet fire gunfire "
                      "bombing shelling raid gas teargas canister cannon projectile shrapnel "
                      "round volley salvo launcher weapon".split())
# Heads that name no one: never an actor or a recipient ("denies any role").
ABSTRACT = frozenset("role involvement option arm state responsibility influence presence "
                     "interest stance policy issue matter situation time way "
                     "dead alive".split())
# Abstract subjects that cannot act: "growing power threatens the state" is analysis, no threat.
NON_AGENTS = frozenset(set(ABSTRACT) | set("power growth rise crisis situation development trend "
                                           "tension instability economy inflation tactic strategy approach "
                                           "move measure decision plan idea".split()))
# Who carries weapons: their road blocks and marches are part of an attack, not a protest.
ARMED = frozenset("gunman attacker militant bandit fighter insurgent rebel jihadist soldier "
                  "troop militia militiaman kidnapper assailant terrorist".split())
# People who comment on events: their warnings and beliefs are analysis, not acts.
COMMENTATORS = frozenset("analyst expert observer researcher commentator economist scholar "
                         "academic pundit".split())
# Verbs of belief: a future event under them is an opinion ("believes the other will back down").
WARNING = frozenset("warn caution fear worry".split())
BELIEF = frozenset("believe think expect suspect fear doubt assume predict guess".split())

# ---- modality ----------------------------------------------------------------------------------
REPORTING = frozenset("say tell announce report state add claim confirm quote reveal disclose "
                      "insist explain note declare write acknowledge admit believe think "
                      "estimate".split())
# Heads after which the embedded event did happen ("began shelling", "tried to assassinate").
IMPLICATIVE = frozenset("begin start continue resume manage attempt try keep use step "
                        "intensify escalate succeed go".split())
# Heads that make the embedded event an intent: cooperative -> AGREE, conflictual -> THREATEN.
INTENT_ADJECTIVES = frozenset("ready willing prepared committed determined eager".split())
INTENT = frozenset("offer promise pledge commit agree decide plan intend prepare aim ready "
                   "willing determined propose expect want hope seek".split())
# Heads that stop or deny the embedded event: nothing happened.
STOPPING = frozenset("prevent stop cease avoid halt end deny fail forbid thwart foil block "
                     "refrain".split())
# Verbs that introduce what someone said must happen ("declared that China must drop").
OBLIGATION_REPORTERS = frozenset(set(REPORTING) | {"conclude", "reiterate", "insist", "stress",
                                                  "warn", "remind"})
MODALS_FUTURE = frozenset("will would shall 'll wo".split())
MODALS_WEAK = frozenset("may might could can".split())
MODALS_OBLIGATION = frozenset("must should ought".split())
HEDGES = frozenset("reportedly allegedly apparently possibly likely probably purportedly "
                   "unconfirmed".split())
# Prepositions that make an event noun a reference back to an earlier event.
REFERENCE_PREPS = frozenset("after following follow since for over amid despite before "
                            "behind".split())
# Nouns that make the event under them unreal ("fear of attacks").
UNREAL_NOUNS = frozenset("threat fear anticipation risk possibility prospect plan danger "
                         "chance demand call proposal offer option idea scheduling schedule "
                         "timetable timeline".split())

# Who counts as civilians for ACLED's one-sided "Attack".
CIVILIAN_WORDS = frozenset("civilian people villager resident protester demonstrator worker "
                           "student child woman journalist refugee farmer shopper worshipper "
                           "passenger family contractor".split())

# News organisations that sources speak to ("told The National", "told Reuters"): the
# addressee of a report, never a party to the event. Names as the outlets write them.
NEWS_OUTLETS = frozenset(["national", "reuters", "afp", "ap", "associated press", "bbc", "cnn",
                          "al jazeera", "financial times", "ft", "new york times", "washington post",
                          "guardian", "times", "independent", "telegraph", "wall street journal",
                          "bloomberg", "al-monitor", "middle east eye", "anadolu", "xinhua", "tass",
                          "rudaw", "kurdistan 24", "asharq al-awsat", "arab news", "daily star"])
# Definite subjects that refer back to the people of an event already told ("the attackers").
REFERRING_AGENTS = frozenset(set(ARMED) | {"protester", "demonstrator", "crowd", "raider", "abductor"})
# Words that make an event noun a pattern, not one event: "sporadic rocket fire", "has been frequent".
FREQUENCY = frozenset("sporadic frequent regular repeated routine occasional periodic persistent "
                      "constant daily nightly weekly intermittent recurrent incessant common rare "
                      "commonplace widespread rampant endemic".split())
# Verbs whose object is a trend of events: "stepped up their rocket fire", "intensified attacks".
TREND_VERBS = frozenset("intensify escalate increase ramp step redouble".split())
# Copulas that state what an event noun is like, not that one happened ("has become a business").
COPULAS = frozenset("be become remain".split())
