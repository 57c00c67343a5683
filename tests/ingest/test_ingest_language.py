"""Language check: English goes on; other languages are set aside with a message saying why."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from flashpoint.errors import NotEnglish
from flashpoint.ingest.clean import clean
from flashpoint.ingest.language import detect_language, detect_problem
from flashpoint.record import Article

REPO = Path(__file__).resolve().parents[2]

ENGLISH = ("Two foreign contractors were killed and five other people wounded when a volley of "
           "rockets struck the air base in western Iraq late on Tuesday, officials said. The "
           "rockets were fired from a truck parked near the town, police said on Wednesday.")
FRENCH = ("Deux employés étrangers ont été tués et cinq autres personnes blessées mardi soir "
          "lorsque des roquettes se sont abattues sur la base aérienne, dans l'ouest de l'Irak, "
          "selon un responsable de la sécurité. La police a retrouvé le camion qui a servi au tir.")
SPANISH = ("Dos contratistas extranjeros murieron y otras cinco personas resultaron heridas el "
           "martes por la noche cuando varios cohetes impactaron en la base aérea del oeste de "
           "Irak, según un responsable de seguridad. La policía encontró el camión calcinado.")
ARABIC = ("قتل متعاقدان أجنبيان وأصيب خمسة أشخاص آخرين عندما سقطت صواريخ على القاعدة الجوية "
          "في غرب العراق مساء الثلاثاء، بحسب مسؤول أمني عراقي. وعثرت الشرطة على الشاحنة.")
RUSSIAN = ("Во вторник вечером ракеты попали в авиабазу на западе Ирака, погибли два иностранных "
           "подрядчика, ещё пять человек получили ранения, сообщил представитель силовых структур.")


def problem(text: str, language: str | None = None):
    return detect_problem(Article(id="a1", text=text, language=language))


def test_english_passes():
    assert problem(ENGLISH) is None


def test_every_sample_article_is_english():
    lines = (REPO / "samples" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    for line in lines:
        assert detect_problem(clean(Article(**json.loads(line)))) is None


@pytest.mark.parametrize("text, language, how", [
    (FRENCH, "French", "% of its words are common French words"),
    (SPANISH, "Spanish", "% of its words are common Spanish words"),
    (ARABIC, "Arabic", "from its writing system"),
    (RUSSIAN, "Russian", "from its writing system"),
])
def test_other_languages_are_skipped_naming_the_language(text, language, how):
    found = problem(text)
    assert isinstance(found, NotEnglish)
    message = str(found)
    assert message.startswith(f"[FP103] article 'a1' skipped: it looks like {language} (")
    assert how in message
    assert message.endswith("and flashpoint only supports English. Translate it to English "
                            'first, or set "language": "en" on the input line if it is English.')


def test_declared_language_decides_over_the_text():
    assert problem(FRENCH, language="en-GB") is None
    assert str(problem(ENGLISH, language="fr")) == (
        "[FP103] article 'a1' skipped: its language is given as 'fr' (French), and flashpoint "
        'only supports English. Translate it to English first, or correct its "language" field '
        "if it is English.")


def test_unlisted_declared_language_is_named_by_its_code():
    assert "given as 'yo' (yo)" in str(problem(ENGLISH, language="yo"))


def test_too_little_text_is_not_judged():
    assert problem("Rockets hit Ain al-Asad") is None
    assert detect_language("Roquettes sur la base")[0] is None


def test_persian_is_told_from_arabic():
    persian = "چند موشک شب گذشته به پایگاه هوایی در غرب عراق اصابت کرد و دو پیمانکار کشته شدند."
    assert detect_language(persian)[0] == "Persian"


def test_english_with_quoted_names_in_other_scripts_passes():
    assert problem(ENGLISH + " The group, known in Arabic as كتائب حزب الله, denied it.") is None



def test_a_short_report_full_of_place_names_is_english():
    text = ("On 28 April, suspected rebels attacked Mitwaba (Pweto, Haut-Katanga) and "
            "Kasongo-Lunda (Kwango). No fatalities reported by Radio Okapi.")
    assert detect_language(text)[0] in (None, "English")


def test_a_german_text_with_capitalised_nouns_is_still_german():
    text = ("Die Polizei hat am Montag in der Stadt zwei Männer festgenommen, die nach "
            "Angaben der Behörden mit dem Angriff auf das Rathaus in Verbindung stehen und "
            "nicht aus der Region sind.")
    assert detect_language(text)[0] == "German"
