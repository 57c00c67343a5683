"""How well flashpoint resolves dates: a table of sentences written for the project.

Each case is an article text, its publication date, a piece of the date expression to look up,
and the start, end and precision expected (None where the value must stay unresolved). The
expected values follow the project's conventions (see flashpoint/resolve/time/timecalc.py): weeks run
Monday to Sunday, "a week later" is a 7-day window centred 7 days on, "days earlier" is the
window 2 to 6 days back, seasons span their three months.

Run:  .venv/bin/python benchmarks/dates.py [--ecb-docs N]
Prints the accuracy of start, end, precision and of all three together, lists the failures,
and the time find_dates takes next to the spaCy parse.

Second figure, when the team's ../shared folder is present: detection recall on ECB+ (dev
split), the share of its annotated TIME_DATE and TIME_OF_THE_DAY mentions that overlap a mention
find_dates reports (ECB+ gives no publication dates, so only finding is scored, not resolving).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from pathlib import Path

from flashpoint.nlp import load_pipeline
from flashpoint.record import Article, Mark
from flashpoint.resolve.time.time import find_dates

D = dt.date
MAR15 = D(2020, 3, 15)     # Sunday
DEC30 = D(2019, 12, 30)    # Monday
JUN09 = D(2021, 6, 9)      # Wednesday
JAN04 = D(2018, 1, 4)      # Thursday
CAPTION = "In this file photo taken on December 29, 2014, soldiers walk at the base. "


def day(d):
    return d, d, "day"


# (text, published, needle, (start, end, precision)); a text holding CAPTION gets it marked.
CASES = [
    # explicit dates and year inference
    ("Gunmen killed three villagers on March 11.", MAR15, "March 11", day(D(2020, 3, 11))),
    ("The blast on Dec. 27, 2019 killed 12 people.", MAR15, "Dec. 27", day(D(2019, 12, 27))),
    ("Troops entered the town on 29 December.", MAR15, "29 December", day(D(2019, 12, 29))),
    ("Protesters were shot on January 14, 2020, officials said.", MAR15, "January 14", day(D(2020, 1, 14))),
    ("The fighting began on December 30.", JAN04, "December 30", day(D(2017, 12, 30))),
    ("US aircraft struck the sites on Friday, March 13, 2020.", MAR15, "March 13", day(D(2020, 3, 13))),
    ("Date of the attack: 2019-12-27.", MAR15, "2019-12-27", day(D(2019, 12, 27))),
    ("The attack on March 3, 2019 killed five.", None, "March 3", day(D(2019, 3, 3))),
    # future tense
    ("Talks will resume on March 20.", MAR15, "March 20", day(D(2020, 3, 20))),
    ("The summit will be held on January 10.", DEC30, "January 10", day(D(2020, 1, 10))),
    ("The ministers will meet on Thursday.", JUN09, "Thursday", day(D(2021, 6, 10))),
    ("The parliament will vote tomorrow.", JUN09, "tomorrow", day(D(2021, 6, 10))),
    ("The government said it would hold elections in June.", MAR15, "June",
     (D(2020, 6, 1), D(2020, 6, 30), "month")),
    ("Talks are set to resume next week.", JUN09, "next week", (D(2021, 6, 14), D(2021, 6, 20), "week")),
    # weekdays and days counted from publication
    ("Rebels attacked the base on Friday.", DEC30, "Friday", day(D(2019, 12, 27))),
    ("The official spoke on Sunday night.", DEC30, "Sunday", day(D(2019, 12, 29))),
    ("The militia was blamed for Wednesday's attack.", MAR15, "Wednesday", day(D(2020, 3, 11))),
    ("Police arrested dozens on Wednesday.", JUN09, "Wednesday", day(JUN09)),
    ("The ceasefire was signed last Friday.", JUN09, "Friday", day(D(2021, 6, 4))),
    ("Protesters were dispersed late on Saturday.", JAN04, "Saturday", day(D(2017, 12, 30))),
    ("A car bomb exploded yesterday in Kabul.", JUN09, "yesterday", day(D(2021, 6, 8))),
    ("Gunmen opened fire yesterday morning.", JAN04, "yesterday", day(D(2018, 1, 3))),
    ("Clashes erupted last night near the border.", JUN09, "last night", day(D(2021, 6, 8))),
    ("Security forces raided the camp today.", JAN04, "today", day(JAN04)),
    ("Three days ago, a rocket hit the airport.", MAR15, "Three days ago", day(D(2020, 3, 12))),
    ("Rebels attacked the base on Friday.", None, "Friday", (None, None, None)),
    # weeks, months, years, seasons counted from publication or named
    ("Troops clashed with protesters last week.", MAR15, "last week", (D(2020, 3, 2), D(2020, 3, 8), "week")),
    ("Fighting raged over the weekend.", JUN09, "weekend", (D(2021, 6, 5), D(2021, 6, 6), "week")),
    ("Two weeks ago, the militia shelled the airport.", MAR15, "Two weeks ago",
     (D(2020, 2, 27), D(2020, 3, 4), "week")),
    ("Over the past two weeks, 40 people were killed.", MAR15, "past two weeks", (D(2020, 3, 1), MAR15, "week")),
    ("Earlier this month, militants seized two villages.", MAR15, "this month", (D(2020, 3, 1), MAR15, "month")),
    ("Last month, the army shelled the city.", MAR15, "Last month", (D(2020, 2, 1), D(2020, 2, 29), "month")),
    ("The offensive began in June.", MAR15, "June", (D(2019, 6, 1), D(2019, 6, 30), "month")),
    ("Fighting escalated in mid-March.", D(2020, 6, 1), "March", (D(2020, 3, 1), D(2020, 3, 31), "month")),
    ("The siege began in December 2014.", MAR15, "December 2014", (D(2014, 12, 1), D(2014, 12, 31), "month")),
    ("The militia was banned last year.", JUN09, "last year", (D(2020, 1, 1), D(2020, 12, 31), "year")),
    ("The group was formed in 2014.", MAR15, "2014", (D(2014, 1, 1), D(2014, 12, 31), "year")),
    ("Elections were held in 2018.", DEC30, "2018", (D(2018, 1, 1), D(2018, 12, 31), "year")),
    ("It has held the town since the summer of 2014.", MAR15, "summer of 2014",
     (D(2014, 6, 1), D(2014, 8, 31), "month")),
    ("The war in the 1990s displaced millions.", MAR15, "1990s", (D(1990, 1, 1), D(1999, 12, 31), "year")),
    ("It fought American troops during the post-2003 occupation.", DEC30, "post-2003",
     (D(2003, 1, 1), None, "year")),
    ("Fighting intensified in recent months.", MAR15, "recent months", (None, None, None)),
    ("Troops attacked at dawn.", MAR15, "dawn", (None, None, None)),
    # chains counted from the narrative
    ("The rebels withdrew two days later.", MAR15, "two days later", (None, None, None)),
    ("Militants stormed the prison on March 11. Two days later, the army retook it.", MAR15,
     "Two days later", day(D(2020, 3, 13))),
    ("The US killed the general on January 3. Iran retaliated a week later.", MAR15, "a week later",
     (D(2020, 1, 7), D(2020, 1, 13), "week")),
    ("Rockets hit the base on March 11. The US retaliated two days later. At about noon the next "
     "day, the base was hit again.", MAR15, "the next day", day(D(2020, 3, 14))),
    ("Gunmen attacked a convoy on June 2. The group has operated there since 2016. The next day, "
     "troops raided its camp.", JUN09, "The next day", day(D(2021, 6, 3))),
    ("Negotiators met in Geneva on 4 May. The following week, the truce collapsed.", JUN09,
     "following week", (D(2021, 5, 10), D(2021, 5, 16), "week")),
    ("A drone struck a truck on Friday. Hours later, a second strike hit the town.", DEC30,
     "Hours later", day(D(2019, 12, 27))),
    ("The town fell on March 11. Days earlier, residents had fled.", MAR15, "Days earlier",
     (D(2020, 3, 5), D(2020, 3, 9), "week")),
    ("The bomb exploded on 12 April. The day before, police had received a warning.", JUN09,
     "The day before", day(D(2021, 4, 11))),
    ("Clashes broke out on 2 June. The next morning, police cleared the square.", JUN09,
     "The next morning", day(D(2021, 6, 3))),
    ("The rebels captured the city on 5 March 2019. A month later, they lost it.", MAR15,
     "A month later", (D(2019, 4, 1), D(2019, 4, 30), "month")),
    ("The army launched an offensive in 2016. A year later it declared victory.", MAR15,
     "A year later", (D(2017, 1, 1), D(2017, 12, 31), "year")),
    ("The town fell on March 11. Weeks later, aid arrived.", MAR15, "Weeks later", (None, None, None)),
    # harder phrasings
    ("On the morning of March 5, gunmen attacked a bus.", MAR15, "March 5", day(D(2020, 3, 5))),
    ("Rebels have besieged the city since early January.", MAR15, "January",
     (D(2020, 1, 1), D(2020, 1, 31), "month")),
    ("The attack came just after 10 p.m. on Tuesday.", JUN09, "Tuesday", day(D(2021, 6, 8))),
    ("Late Thursday, the army said it had repelled the assault.", JUN09, "Thursday", day(D(2021, 6, 3))),
    ("On Monday, June 7, militants ambushed a patrol.", JUN09, "June 7", day(D(2021, 6, 7))),
    ("The militants will be tried next month.", JUN09, "next month", (D(2021, 7, 1), D(2021, 7, 31), "month")),
    ("A rocket landed near the embassy on New Year's Eve.", JAN04, "New Year", day(D(2017, 12, 31))),
    ("The truce expired on Christmas Day.", JAN04, "Christmas", day(D(2017, 12, 25))),
    ("In the early hours of Sunday, drones struck the airport.", DEC30, "Sunday", day(D(2019, 12, 29))),
    ("Between 2014 and 2017, the group controlled the city.", MAR15, "2014",
     (D(2014, 1, 1), D(2017, 12, 31), "year")),
    ("Last Thursday's bombing killed 30.", JUN09, "Thursday", day(D(2021, 6, 3))),
    ("This week's protests were the largest in years.", MAR15, "week", (D(2020, 3, 9), MAR15, "week")),
    ("The incident occurred around 3:30 a.m. local time on Saturday.", JAN04, "Saturday", day(D(2017, 12, 30))),
    ("Nearly two years ago, the militia shelled the airport.", MAR15, "two years ago",
     (D(2018, 1, 1), D(2018, 12, 31), "year")),
    ("A 25-year-old man was killed on Tuesday, the ministry said on Wednesday.", MAR15, "Tuesday",
     day(D(2020, 3, 10))),
    ("Voters will go to the polls on 18 June, the commission announced.", JUN09, "18 June", day(D(2021, 6, 18))),
    ("The strikes on Thursday and Friday killed 20.", DEC30, "Friday", day(D(2019, 12, 27))),
    ("Fighting flared again on the 14th.", MAR15, "14th", day(D(2020, 3, 14))),
    ("Government forces retook the town in the autumn.", MAR15, "autumn",
     (D(2019, 9, 1), D(2019, 11, 30), "month")),
    ("Militants stormed the prison on March 11. Three weeks earlier, they had attacked a convoy.", MAR15,
     "Three weeks earlier", (D(2020, 2, 16), D(2020, 2, 22), "week")),
    ("The bombing came a day after the ceasefire was announced on March 2.", MAR15, "a day after",
     day(D(2020, 3, 3))),
    ("The attack came days after the president visited the area on 1 June.", JUN09, "days after",
     (D(2021, 6, 3), D(2021, 6, 7), "week")),
    ("Clashes broke out on 2 June. Earlier in the day, police had fired tear gas.", JUN09,
     "the day", day(D(2021, 6, 2))),
    # written after the rules, and not tuned on (the first run's score is in the report)
    ("Government troops shelled the district on Saturday morning, residents said.", JUN09, "Saturday",
     day(D(2021, 6, 5))),
    ("The convoy was ambushed on the afternoon of 3 May.", JUN09, "3 May", day(D(2021, 5, 3))),
    ("Parliament is due to vote on the deal on June 21.", JUN09, "June 21", day(D(2021, 6, 21))),
    ("Militants overran the base in the early hours of Tuesday morning.", DEC30, "Tuesday", day(D(2019, 12, 24))),
    ("On 9 June 2014, ISIS fighters entered Mosul.", MAR15, "9 June", day(D(2014, 6, 9))),
    ("Four soldiers died when their vehicle hit a mine last Tuesday.", MAR15, "Tuesday", day(D(2020, 3, 10))),
    ("The militants seized the town on 2 February. Two weeks later, the army launched a "
     "counteroffensive.", MAR15, "Two weeks later", (D(2020, 2, 13), D(2020, 2, 19), "week")),
    ("The kidnapping took place on 30 December, a day before New Year's Eve.", JAN04, "30 December",
     day(D(2017, 12, 30))),
    ("Earlier on Sunday, a suicide bomber struck a mosque.", DEC30, "Sunday", day(D(2019, 12, 29))),
    ("Protests have continued since October.", DEC30, "October", (D(2019, 10, 1), D(2019, 10, 31), "month")),
    ("The assault happened in the second week of March.", MAR15, "week", (D(2020, 3, 8), D(2020, 3, 14), "week")),
    ("The peace talks collapsed in late 2019.", MAR15, "2019", (D(2019, 1, 1), D(2019, 12, 31), "year")),
    ("A drone strike hit the convoy on Thursday. The following day, the militia released a video.", JUN09,
     "following day", day(D(2021, 6, 4))),
    ("The ceasefire, agreed in 2016, collapsed last summer.", DEC30, "last summer",
     (D(2019, 6, 1), D(2019, 8, 31), "month")),
    ("The bodies were found on Tuesday, five days after the men disappeared.", DEC30, "Tuesday",
     day(D(2019, 12, 24))),
    ("The minister will visit Baghdad later this month.", MAR15, "this month", (MAR15, D(2020, 3, 31), "month")),
    ("The city was recaptured on July 10, 2017, after a nine-month battle.", MAR15, "July 10",
     day(D(2017, 7, 10))),
    ("Tensions have been high since the killing on January 3.", MAR15, "January 3", day(D(2020, 1, 3))),
    ("The group claimed Monday's bombing.", JUN09, "Monday", day(D(2021, 6, 7))),
    ("Last Wednesday, gunmen stormed a hotel.", MAR15, "Wednesday", day(D(2020, 3, 11))),
    # offsets that name their own anchor ("two days after the rocket attack"), and times of day
    ("The rocket attack on Tuesday killed two. The strikes came two days after the rocket attack.",
     D(2022, 4, 8), "two days after", day(D(2022, 4, 7))),
    ("US jets bombed militia sites on Thursday. The strikes came two days after the rocket attack "
     "on the base.", D(2022, 4, 8), "two days after", (None, None, None)),
    ("Gunmen attacked a bus on Sunday. A day after the attack, police arrested three men.",
     D(2022, 4, 12), "A day after", day(D(2022, 4, 11))),
    ("Tuesday's rocket attack killed two contractors. The US struck back two days after the attack.",
     D(2022, 4, 8), "two days after", day(D(2022, 4, 7))),
    ("A drone attack hit Erbil on Sunday. The raid came two days after the rocket attack.",
     D(2022, 4, 12), "two days after", (None, None, None)),
    ("The strikes came two days after the rocket attack, officials said on Friday.", D(2022, 4, 12),
     "two days after", (None, None, None)),
    ("Police found the car on Monday. The bodies were found five days after the men disappeared.",
     D(2022, 4, 12), "five days after", (None, None, None)),
    ("The attack came a day before the elections.", D(2022, 4, 12), "a day before", (None, None, None)),
    ("Rebels shelled the town on Friday. A day after that, troops moved in.", D(2022, 4, 12),
     "A day after", day(D(2022, 4, 9))),
    ("Gunmen abducted 12 passengers on Monday evening.", D(2022, 4, 12), "Monday", day(D(2022, 4, 11))),
    ("Bandits struck overnight on Monday near Katari.", D(2022, 4, 12), "Monday", day(D(2022, 4, 11))),
    ("Bandits struck late on Monday near Katari.", D(2022, 4, 12), "Monday", day(D(2022, 4, 11))),
    ("Gunmen stormed the village in the early hours of Tuesday.", D(2022, 4, 12), "Tuesday",
     day(D(2022, 4, 12))),
    ("Gunmen abducted 20 people overnight.", D(2022, 4, 12), "overnight", (None, None, None)),
    ("The road is used by thousands of travellers every day.", D(2022, 4, 12), "every day",
     (None, None, None)),
    # boilerplate: reported with its own explicit date, never an anchor
    ("Rockets hit the base on March 11. " + CAPTION + "Two days later the US struck back.", MAR15,
     "December 29, 2014", day(D(2014, 12, 29))),
    ("Rockets hit the base on March 11. " + CAPTION + "Two days later the US struck back.", MAR15,
     "Two days later", day(D(2020, 3, 13))),
]


def article_for(text: str, published) -> Article:
    marks = []
    if CAPTION in text:
        start = text.index(CAPTION)
        marks.append(Mark(start=start, end=start + len(CAPTION) - 1, kind="caption"))
    return Article(id="bench", text=text, published=published, marks=marks)


def run(nlp) -> None:
    scores = {"start": 0, "end": 0, "precision": 0, "all": 0}
    failures = []
    parse_s = find_s = 0.0
    for text, published, needle, expected in CASES:
        art = article_for(text, published)
        t0 = time.perf_counter()
        doc = nlp(art.masked_text())
        t1 = time.perf_counter()
        found = find_dates(art, doc)
        find_s += time.perf_counter() - t1
        parse_s += t1 - t0
        hit = next((m.when for m in found if needle in m.text), None)
        got = (hit.start, hit.end, hit.precision) if hit else ("(not found)",) * 3
        for key, g, e in zip(("start", "end", "precision"), got, expected):
            scores[key] += g == e
        scores["all"] += tuple(got) == tuple(expected)
        if tuple(got) != tuple(expected):
            failures.append((text, published, needle, expected, got, hit.reason if hit else ""))
    report(scores, failures, parse_s, find_s)


def report(scores, failures, parse_s, find_s) -> None:
    n = len(CASES)
    print(f"date resolution benchmark: {n} cases")
    for key in ("start", "end", "precision", "all"):
        print(f"  {key:<10} {scores[key]:>3}/{n}  {scores[key] / n:.1%}")
    print(f"  time: spaCy parse {parse_s:.2f}s, find_dates {find_s:.3f}s "
          f"({find_s / parse_s:.1%} of the parse)")
    for text, published, needle, expected, got, reason in failures:
        print(f"FAIL {needle!r} in {text!r} (published {published})\n"
              f"     expected {expected}\n     got      {got}\n     reason   {reason}")


ECB = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "ecbplus_dev" / "ecbplus_dev.jsonl"
ECB_TYPES = ("TIME_DATE", "TIME_OF_THE_DAY")


def ecb_recall(nlp, limit: int) -> None:
    if not ECB.exists():
        print(f"ECB+ detection recall: skipped, {ECB} is absent (only the team checkout has it)")
        return
    found_n = total = 0
    with ECB.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number >= limit:
                break
            hit, seen = _ecb_doc(nlp, json.loads(line))
            found_n, total = found_n + hit, total + seen
    print(f"ECB+ detection recall ({min(number + 1, limit)} documents): {found_n}/{total} "
          f"annotated time expressions overlapped, {found_n / max(total, 1):.1%}")


def _ecb_doc(nlp, record: dict) -> tuple[int, int]:
    sentences = [s["text"] for s in record["sentences"]]
    starts = [sum(len(t) + 1 for t in sentences[:i]) for i in range(len(sentences))]
    art = Article(id=record["doc_id"], text=" ".join(sentences), published=None)
    mentions = find_dates(art, nlp(art.text))
    hit = seen = 0
    for m in record["mentions"]:
        sid = m["sentence"]
        if m["type"] not in ECB_TYPES or not isinstance(sid, int) or sid >= len(sentences):
            continue
        where = sentences[sid].find(m["text"])
        if where < 0:
            continue   # the annotation's text is not verbatim in its sentence
        start = starts[sid] + where
        end = start + len(m["text"])
        seen += 1
        hit += any(d.start < end and start < d.end for d in mentions)
    return hit, seen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ecb-docs", type=int, default=300, help="ECB+ documents to score (0: none)")
    args = parser.parse_args()
    nlp = load_pipeline()
    run(nlp)
    if args.ecb_docs:
        ecb_recall(nlp, args.ecb_docs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
