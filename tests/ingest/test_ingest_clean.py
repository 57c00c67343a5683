"""Cleaning marks boilerplate lines, never news, and never moves a character."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from flashpoint.ingest.clean import clean, split_lines
from flashpoint.record import Article, Mark

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / ".." / "shared" / "seeds"

HEADLINE = "Rockets hit air base in western Iraq"
STANDFIRST = "Officials say the launcher was found in a burnt-out truck near the town"
NEWS = ("Two contractors were killed when rockets struck the Ain al-Asad air base late on "
        "Tuesday, Iraqi officials said.")
MORE_NEWS = "Police said the rockets were fired from a pickup truck parked on farmland."


def marked_lines(text: str) -> dict[str, str]:
    """{line: kind} for every marked line of the cleaned article."""
    article = clean(Article(id="t", text=text))
    return {article.text[m.start:m.end]: m.kind for m in article.marks}


def story_with(line: str) -> str:
    return "\n\n".join([HEADLINE, STANDFIRST, NEWS, line, MORE_NEWS])


@pytest.mark.parametrize("line, kind", [
    ("(FILES) In this file photo taken on January 13, 2020, Iraqi soldiers stand guard at the "
     "entrance of the base. / AFP / SAMIR QASSEM", "caption"),
    ("Iraqi soldiers stand guard at the entrance of the base on Tuesday. / AFP / SAMIR QASSEM",
     "caption"),
    ("This annotated image provided by the U.S. Department of Defense shows a storage site near "
     "Al-Qaim. (U.S. Department of Defense via AP)", "caption"),
    ("A coalition soldier walks past a damaged hangar at the air base. Getty", "caption"),
    ("Protesters run from tear gas outside the council building. REUTERS/Haidar Mansour",
     "caption"),
    ("Residents inspect the damage in Mosul. Photo: Reuters", "caption"),
    ("Credit: Ministry of Defence", "caption"),
    ("Iraq's parliament fails again to elect a president", "related-headline"),
    ("READ ALSO  Oil exports from Basra terminals reach highest level in two years", "read-also"),
    ("Read more: Iraq's new cabinet sworn in", "read-also"),
    ("Via Meridian News Agency", "via"),
    ("Powered by automated translation", "translation"),
    ("By Zainab Hamid", "byline"),
    ("By Omar Khalil and Hannah Corrigan", "byline"),
    ("Reporting by Omar Khalil in Baghdad; Editing by Ruth Ames", "byline"),
    ("Share this article", "share"),
    ("Follow us on Twitter for the latest updates", "share"),
    ("Click here to get our daily Iraq briefing", "share"),
    ("Advertisement", "advert"),
])
def test_each_kind_of_boilerplate_is_marked(line, kind):
    assert marked_lines(story_with(line)) == {line: kind}


@pytest.mark.parametrize("line", [
    "By Tuesday evening, the militia had withdrawn from the town.",
    "Six fighters were killed in the strikes, a security official told Reuters.",
    "The Pentagon said it would respond \"at a time and place of our choosing\".",
    "Related talks in Baghdad broke down on Monday, two officials said.",
    "\u201cOur response will come, and it will not be limited to one base,\u201d he said.",
])
def test_news_lines_that_look_a_little_like_boilerplate_are_kept(line):
    assert marked_lines(story_with(line)) == {}


def test_repeated_line_is_marked_after_its_first_appearance():
    teaser = "Three killed in drone attack on Erbil airport"
    text = "\n\n".join([HEADLINE, STANDFIRST, NEWS, teaser, teaser, MORE_NEWS, NEWS])
    article = clean(Article(id="t", text=text))
    kinds = [(article.text[m.start:m.end], m.kind) for m in article.marks]
    assert kinds == [(teaser, "related-headline"), (teaser, "repeated"), (NEWS, "repeated")]


def test_headline_and_standfirst_are_kept():
    assert marked_lines(story_with("")) == {}


def test_via_line_at_the_top_does_not_use_up_the_headline_allowance():
    text = "\n\n".join(["Via Financial Times", HEADLINE, STANDFIRST, NEWS])
    assert marked_lines(text) == {"Via Financial Times": "via"}


def test_one_line_article_is_never_blanked():
    line = "(FILES) In this file photo, rockets hit the base. / AFP / SAMIR QASSEM"
    assert clean(Article(id="t", text=line)).marks == []


def test_cleaning_moves_no_offset():
    text = story_with("  Share this article  ") + "\r\n"
    article = clean(Article(id="t", text=text))
    masked = article.masked_text()
    assert article.text == text
    assert len(masked) == len(text)
    [mark] = article.marks
    assert text[mark.start:mark.end] == "Share this article"
    assert masked[mark.start:mark.end].strip() == ""
    outside = [i for i in range(len(text)) if not mark.start <= i < mark.end]
    assert all(masked[i] == text[i] for i in outside)


def test_cleaning_twice_adds_nothing_and_keeps_earlier_marks():
    earlier = Mark(start=0, end=5, kind="custom")
    once = clean(Article(id="t", text=story_with("Share this article"), marks=[earlier]))
    assert clean(once).marks == once.marks
    assert once.marks[0] == earlier and len(once.marks) == 2


def test_split_lines_gives_offsets_of_stripped_text():
    text = "  one \n\n\ttwo\n"
    assert [(l.text, text[l.start:l.end]) for l in split_lines(text)] == [("one", "one"),
                                                                           ("two", "two")]


# ---- the sample articles that ship with the project

SAMPLE_BOILERPLATE = {
    "(FILES) In this file photo taken on January 13, 2020",
    "(FILES) In this file photo taken on July 15, 2018",
    "Iraq's parliament fails again to elect a president",
    "READ ALSO  Oil exports from Basra",
    "READ ALSO  Iraqi dinar slips",
    "Via Meridian News Agency", "Via The Levant Observer",
    "By Omar Khalil", "By Zainab Hamid", "Reporting by Omar Khalil",
    "Share this article", "Share on Facebook", "Sign up to our newsletter",
    "Follow us on Twitter", "Click here to get our daily Iraq briefing",
    "Photo: Reuters", "Three killed in drone attack on Erbil airport",
    "A coalition soldier walks past a damaged hangar at the air base. Getty",
    "This annotated image provided by the U.S. Department of Defense",
    "A US army helicopter flies over", "Protesters run from tear gas outside",
    "Powered by automated translation", "Nigeria: Lawmakers summon service chiefs",
    "A soldier stands guard on the Abuja-Kaduna expressway. Photo: Northern Dispatch",
}


def sample_articles() -> list[Article]:
    lines = (REPO / "samples" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return [Article(**json.loads(line)) for line in lines]


def test_sample_boilerplate_is_marked_and_news_is_not():
    for article in sample_articles():
        cleaned = clean(article)
        for line in split_lines(article.text):
            boilerplate = any(line.text.startswith(b) for b in SAMPLE_BOILERPLATE)
            assert cleaned.is_marked(line.start, line.end) == boilerplate, (article.id, line.text)


# ---- the two real seed articles

def seed(prefix: str) -> Article:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS.resolve()} (shared folder absent)")
    [path] = SEEDS.glob(f"{prefix}_*.txt")
    return Article(id=path.stem, text=path.read_text(encoding="utf-8"))


SEED_BOILERPLATE = {
    "000": {
        "(FILES) In this file photo taken on December 29, 2014": "caption",
        "Powered by automated translation": "translation",
        "Three killed in attack on Coalition base in Iraq": None,  # teaser, then repeats
        "This annotated image provided by the U.S. Department of Defense": "caption",
        "A US army trainer watches as an Iraqi recruit prepares to fire": "caption",
    },
    "003": {
        "Via Financial Times": "via",
        "READ ALSO": "read-also",
    },
}


@pytest.mark.parametrize("prefix", sorted(SEED_BOILERPLATE))
def test_seed_boilerplate_is_marked_and_every_news_paragraph_is_kept(prefix):
    article = clean(seed(prefix))
    kinds = {(m.start, m.end): m.kind for m in article.marks}
    expected = SEED_BOILERPLATE[prefix]
    hits = {start: 0 for start in expected}
    for line in split_lines(article.text):
        match = next((p for p in expected if line.text.startswith(p)), None)
        kind = kinds.get((line.start, line.end))
        if match is None:
            assert kind is None, f"news paragraph marked as {kind}: {line.text[:80]}"
            continue
        hits[match] += 1
        assert kind is not None, f"boilerplate not marked: {line.text[:80]}"
        assert expected[match] in (None, kind)
    assert all(hits.values()), hits
    assert len(article.marks) == sum(hits.values())


def test_seed_teaser_repeats_are_all_marked():
    article = clean(seed("000"))
    teaser = "Three killed in attack on Coalition base in Iraq"
    kinds = [m.kind for m in article.marks if article.text[m.start:m.end] == teaser]
    assert kinds == ["related-headline", "repeated", "repeated"]


def test_inline_teasers_and_credits_are_marked_inside_a_paragraph():
    from flashpoint.ingest.clean import mark_inline

    text = ("Picture: Reuters. Related: Bandits kill 4 in Gusau. Police said on Friday that "
            "gunmen robbed a bank in Minna. also read: army repels raid on camp in yola\nMore text.")
    found = [(text[m.start:m.end], m.kind) for m in mark_inline(text)]
    assert found == [("Picture: Reuters.", "caption"), ("Related: Bandits kill 4 in Gusau.", "read-also"),
                     ("also read: army repels raid on camp in yola", "read-also")]


def test_a_colon_in_news_is_no_teaser():
    from flashpoint.ingest.clean import mark_inline

    assert mark_inline("The report related to the raid. He said: troops related their account.") == []


def test_a_one_line_article_loses_its_inline_teaser():
    from flashpoint.ingest.clean import clean
    from flashpoint.record import Article

    article = clean(Article(id="x", text="Related: Bandits kill 4 in Gusau. Gunmen robbed a bank in Minna."))
    assert [article.text[m.start:m.end] for m in article.marks] == ["Related: Bandits kill 4 in Gusau."]
