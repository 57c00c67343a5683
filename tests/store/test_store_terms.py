"""What the store keeps of an article for story similarity (store.terms)."""
from flashpoint.store.terms import article_terms, similarity, vectors

from .conftest import article, mention

TEXT = ("Rockets struck Camp Taji on Wednesday. Kataib Hezbollah was blamed by officials in "
        "Baghdad. The base houses coalition trainers.")


def test_what_extraction_found_counts_once_per_article():
    art = article("wire", TEXT)
    many = article_terms(art.text, [mention(art, n) for n in range(12)])
    one = article_terms(art.text, [mention(art, 0)])
    assert many == one
    assert many["f:place/taji"] == 1 and many["f:date/2020-03-11"] == 1
    assert many["w:rockets"] == 1 and many["w:taji"] == 1      # words still count


def test_a_long_article_with_many_reports_does_not_outweigh_its_shared_words():
    # Two articles on one attack at Camp Taji that both mention an earlier one at Karbala:
    # the long one tells the earlier attack eleven times over. Counted once, what
    # extraction found weighs the same in both.
    long, short = article("long", TEXT), article("short", TEXT)
    told = [mention(long, 0)] + [mention(long, n, place="Karbala") for n in range(1, 12)]
    terms = {"long": article_terms(long.text, told),
             "short": article_terms(short.text, [mention(short, 0),
                                                 mention(short, 1, place="Karbala")])}
    df = {t: 2 for counts in terms.values() for t in counts}
    vecs = vectors(terms, df, 40)
    assert vecs["long"]["f"] == vecs["short"]["f"]
    assert similarity(vecs["long"], vecs["short"]) > 0.99


def test_features_counted_over_by_an_older_store_weigh_as_once():
    # A store written before features counted once keeps {"f:place/taji": 12}.
    old = {"w:rockets": 2, "f:place/taji": 12, "f:place/karbala": 1}
    new = {"w:rockets": 2, "f:place/taji": 1, "f:place/karbala": 1}
    df = {"w:rockets": 3, "f:place/taji": 2, "f:place/karbala": 5}
    vecs = vectors({"old": old, "new": new}, df, 40)
    assert vecs["old"] == vecs["new"]
