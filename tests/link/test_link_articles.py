"""Article clustering: articles on one event together, on another event of the same kind apart."""
import datetime as dt

import numpy as np

from flashpoint.link.articles import (
    ArticleDoc, attach_strays, average_linkage, cluster_articles, story_clusters, torn,
)
from flashpoint.link.tfidf import candidate_pairs, names, vectors

import numpy as np

TAJI = ("Katyusha rockets slammed into Camp Taji north of Baghdad on Wednesday, killing two "
        "American soldiers and a British medic. Kataib Hezbollah was blamed for the barrage.")
TAJI_2 = ("Two Americans and a Briton died when rockets struck Camp Taji on Wednesday night; "
          "Washington blamed Kataib Hezbollah for the barrage on the base north of Baghdad.")
ASAD = ("Iranian ballistic missiles struck the Ain al-Asad air base in Anbar before dawn, "
        "Tehran's answer to the killing of Qassem Suleimani. No Americans were killed.")
ASAD_2 = ("Tehran fired more than a dozen ballistic missiles at Ain al-Asad in Anbar province, "
          "avenging Qassem Suleimani; the Pentagon said no Americans died.")
FILLER = ["Parliament debated the budget for a third day as ministers argued over oil revenue.",
          "The central bank held interest rates steady and warned of slowing growth next year.",
          "Farmers in the south reported a poor wheat harvest after months without rain.",
          "A new bridge over the river opened to traffic after four years of building work."]


def docs(*texts, published=None):
    return [ArticleDoc(id=f"d{k}", text=t, published=published) for k, t in enumerate(texts)]


def test_two_reports_of_each_attack_form_two_clusters():
    clusters = cluster_articles(docs(TAJI, ASAD, TAJI_2, ASAD_2, *FILLER))
    assert [0, 2] in clusters and [1, 3] in clusters
    assert sorted(i for c in clusters for i in c) == list(range(8))


def test_articles_published_weeks_apart_are_not_joined():
    early = ArticleDoc("a", TAJI, dt.date(2020, 3, 12))
    late = ArticleDoc("b", TAJI_2, dt.date(2020, 5, 1))
    assert cluster_articles([early, late, *docs(*FILLER)])[0] == [0]


def test_background_articles_inform_word_weights_only():
    alone = cluster_articles(docs(TAJI, TAJI_2), background=docs(ASAD, *FILLER))
    assert alone == [[0, 1]]


def test_clustering_is_deterministic():
    batch = docs(TAJI, ASAD, TAJI_2, ASAD_2, *FILLER)
    assert cluster_articles(batch) == cluster_articles(list(batch))
    assert cluster_articles([]) == []


def test_average_linkage_stops_below_the_threshold():
    sim = np.array([[1.0, 0.9, 0.1], [0.9, 1.0, 0.2], [0.1, 0.2, 1.0]])
    assert sorted(sorted(g) for g in average_linkage(sim, 0.5)) == [[0, 1], [2]]


def test_names_and_candidate_pairs():
    assert names("Rockets hit Camp Taji. The US blamed Kataib Hezbollah.") == [
        "camp", "taji", "us", "kataib", "hezbollah"]
    vecs = vectors([["taji", "rocket"], ["taji", "base"], ["wheat", "rain"]])
    assert candidate_pairs(vecs) == {(0, 1)}


def _matrix_sim(rows: list[list[float]]):
    return lambda i, j: rows[i][j]


# Articles 0-2 tell one story, 3-5 another. Row 2 changes per test.
def _two_stories(row2: list[float]) -> list[list[float]]:
    m = [[0.0, 0.5, 0.0, 0.05, 0.0, 0.0],
         [0.5, 0.0, 0.0, 0.0, 0.05, 0.0],
         row2,
         [0.05, 0.0, 0.0, 0.0, 0.5, 0.5],
         [0.0, 0.05, 0.0, 0.5, 0.0, 0.5],
         [0.0, 0.0, 0.0, 0.5, 0.5, 0.0]]
    for k, v in enumerate(row2):
        m[k][2] = v
    return m


def test_a_round_up_between_two_stories_is_torn():
    # Article 2 tells both stories: about as alike to 3-5 as to its own cluster mates.
    sim = _matrix_sim(_two_stories([0.3, 0.3, 0.0, 0.3, 0.28, 0.25]))
    edges = [(0, 2), (1, 2), (2, 3), (2, 4), (2, 5)]
    assert torn([[0, 1, 2], [3, 4, 5]], edges, sim) == {2}


def test_an_article_with_one_stray_edge_to_another_story_is_not_torn():
    # Article 2 belongs to 0-1 and shares a few words with article 3 alone.
    sim = _matrix_sim(_two_stories([0.5, 0.45, 0.0, 0.25, 0.0, 0.0]))
    edges = [(0, 2), (1, 2), (2, 3)]
    assert torn([[0, 1, 2], [3, 4, 5]], edges, sim) == set()


def test_story_clusters_marks_the_round_up_and_keeps_the_clusters():
    words = {"a": ["bomb", "bank", "oregon", "technician"], "b": ["party", "gunman", "vancouver", "office"]}
    docs = [{"w": dict.fromkeys(words["a"], 1.0)}, {"w": dict.fromkeys(words["a"], 1.0)},
            {"w": dict.fromkeys(words["b"], 1.0)}, {"w": dict.fromkeys(words["b"], 1.0)},
            {"w": dict.fromkeys(words["a"][:2] + words["b"][:2], 1.0)}]

    def cosine(x, y):
        a, b = x["w"], y["w"]
        return sum(a[t] * b.get(t, 0.0) for t in a) / (len(a) ** 0.5 * len(b) ** 0.5)

    clusters, round_ups = story_clusters(docs, [None] * 5, cosine, threshold=0.2)
    assert round_ups == {4}
    assert [0, 1] in clusters or [0, 1, 4] in clusters
    assert [2, 3] in clusters or [2, 3, 4] in clusters


# A story of four long reports (0-3) and a short report (4) of it: alike enough to the
# story's closest reports, too little alike to the rest for average linkage. Article 5 shares
# one name with report 0 alone.
STRAYS = [[0.0, 0.6, 0.6, 0.6, 0.30, 0.25],
          [0.6, 0.0, 0.6, 0.6, 0.25, 0.0],
          [0.6, 0.6, 0.0, 0.6, 0.22, 0.0],
          [0.6, 0.6, 0.6, 0.0, 0.0, 0.0],
          [0.30, 0.25, 0.22, 0.0, 0.0, 0.0],
          [0.25, 0.0, 0.0, 0.0, 0.0, 0.0]]


def test_a_short_report_left_alone_joins_the_story_it_is_alike_to():
    sim = _matrix_sim(STRAYS)
    edges = [(i, j) for i in range(6) for j in range(i + 1, 6) if STRAYS[i][j] >= 0.2]
    alone = [[0, 1, 2, 3], [4], [5]]
    assert sorted(sorted(g) for g in average_linkage(np.array(STRAYS), 0.2)) == alone
    assert attach_strays(alone, edges, sim, 0.2) == [[0, 1, 2, 3, 4], [5]]
    assert attach_strays(alone, edges, sim, 0.3) == alone     # 0.26 on average: below


def test_story_clusters_give_the_short_report_its_story():
    # Every article holds the heavy term "story" (so every pair is a candidate); channel "i"
    # carries the article's row in STRAYS, which the similarity reads.
    vecs = [{"w": {"story": 1.0}, "i": {str(k): 1.0}} for k in range(6)]

    def similarity(a, b):
        return STRAYS[int(next(iter(a["i"])))][int(next(iter(b["i"])))]

    clusters, round_ups = story_clusters(vecs, [None] * 6, similarity, 0.2)
    assert clusters == [[0, 1, 2, 3, 4], [5]] and round_ups == set()
