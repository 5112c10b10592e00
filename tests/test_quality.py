"""Retrieval and verdict quality on our own question sets, scored by `python -m index eval`'s code.

questions.jsonl chose the search's settings and is part of the verdict's tuning data;
questions_validation.jsonl is held out from both. answerable.jsonl, offtopic.jsonl, nearmiss.jsonl
and jsquad_offtopic.jsonl (JSQuAD's questions asked of our article) carry a "split": the verdict
(index/data/verdict.json) was fitted on their "tune" part; the floors below are on the "heldout"
part, which no choice has seen. Each floor is the figure measured when the method was fixed, less
a small margin, so a change that makes retrieval or the verdict worse fails here (README,
"Retrieval quality" and "Knowing when it does not know"). The conversation sets (followups.jsonl
to tune, followups_validation.jsonl held out) get floors on their follow-up turns (README,
"Conversations").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from index import Library
from index.evaluate import Question, evaluate, load_questions
from index.forms import score_forms

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def library() -> Library:
    return Library.from_seeds()


FLOORS = {
    # set: (ja r@1, ja r@3, en r@1, en r@3, off-topic and near-miss declined, wrongly declined
    # at most)
    "questions.jsonl": (0.66, 0.84, 0.74, 0.77, 1.0, 0.45, 0.04),
    # (wrongly declined 0.03 -> 0.04 with the reason bonus at 1.3: one more Japanese question ranks
    # the passage stating the reason first, recall@1 0.857 -> 0.893, and on that passage's own
    # words is declined; answered@1 the same)
    "questions_validation.jsonl": (0.80, 0.89, 0.84, 0.95, 1.0, 0.65, 0.04),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_question_set(library: Library, name: str) -> None:
    questions = load_questions(DATA / name)
    assert len(questions) >= 60
    report = evaluate(library, questions).as_dict()
    ja, en = report["answerable"]["ja"], report["answerable"]["en"]
    ja1, ja3, en1, en3, offtopic, nearmiss, wrong = FLOORS[name]
    assert ja["recall@1"] >= ja1 and ja["recall@3"] >= ja3
    assert en["recall@1"] >= en1 and en["recall@3"] >= en3
    # A declined question is a miss: the verdict keeps what retrieval finds.
    assert ja["answered@1"] >= ja1 and en["answered@1"] >= en1
    assert report["declined_by_kind"]["offtopic"]["declined"] >= offtopic
    assert report["declined_by_kind"]["nearmiss"]["declined"] >= nearmiss
    assert report["wrongly_declined"] <= wrong


def heldout(name: str, lang: str | None = None) -> list[Question]:
    return [q for q in load_questions(DATA / name, "heldout") if lang in (None, q.lang)]


@pytest.mark.parametrize(
    ("name", "lang", "floor"),
    [
        # 42/45 and 39/45 after the people-count ranking's refit, 41 and 38 since "when" asks an
        # exact kind of fact (cross-validated cost 0.119 -> 0.108), 42 and 37 since a person's
        # name does (0.108 -> 0.100), 42 and 40 since shares and salaries are asked amounts
        # (0.100 -> 0.092; README, "The verdict"); 42 and 39 after this round's refits (cost
        # 0.092 -> 0.089): a refit moves the English figure by 2-3 either way (refits on bootstrap
        # resamples of the tuning part: 39-45 of 45 from the 10th to the 90th percentile)
        # (this round added 10 held-out questions a language, written before its changes: 50/55
        # and 51/55 declined; 42/45 and 42/45 on the first 45; a later round 8 more a language,
        # written at its start and scored at its end, `off-*-s10h-*`: 7/8 and 8/8, 61/68 and 63/67
        # in all; the next round 10 a language, `off-*-s11h-*`, scored at its start: 6/10 and
        # 10/10, 0.859 and 0.961 in all; at its end 8/10 and 10/10, and with its 10 more a
        # language written mid-round, `off-*-s11h2-*`: 77/88 and 82/86, 75/88 and 82/86 with the
        # round's first code; the next round's 9 and 9, `off-*-s12h-*`, scored at its start: 6/9
        # and 9/9, 82/97 and 91/95 in all; at its end, with its 10 and 9 more written mid-round,
        # `off-*-s12h2-*`: 92/106 and 100/105, 91/106 and 100/105 with the round's first code;
        # the next round's 10 and 10, `off-*-s13h-*`, scored at its start: 9/10 and 9/10; at its
        # end, with 10 and 9 more written mid-round, `off-*-s13h2-*` (9/10 and 9/10): 110/126 and
        # 117/124, the same with the round's first code; with 10 and 10 more written late in the
        # round, `off-*-s13h3-*` (9/10, 8/10): 119/136 and 125/134, the same with its first code;
        # the next round's 29 and 30 (`off-*-s14h-*`, `-s14h2-*`, `-s14h3-*`): 143/165 and
        # 154/164, the same with its first code; the next round's 30 and 30 (`off-*-s15h-*`,
        # `-s15h2-*`, `-s15h3-*`): 170/195 and 183/194, 168 and 183 with its first code; the
        # next round's 10 and 9 written at its start, `off-*-s16h-*`: 8/10 and 9/9, 178/205 and
        # 192/203 in all; with its 19 and 19 later (`off-*-s17h-*`, `-s17h2-*`): 195/224 and
        # 209/222, the same with its first code; the next session's 14 and 14, `off-*-s18h-*`
        # and `-s18h2-*`: 209/238 and 222/236, the same with its first code; the next session's
        # 15 and 14, `off-*-s19h-*` and `-s19h2-*`: 228/253 and 237/250, 221 and 234 with its
        # first code: a message asking nothing is the asker's own news, index.verdict; the next
        # session's 13 and 12, `off-*-s21h-*`, at its start: 11/13 and 9/12, 250/278 and 258/275
        # in all, the English floor moved 0.94 -> 0.93 with them; a later session's 19 and 17,
        # `off-*-s26h-*`, at its start: 18/19 and 16/17, 321/356 and 332/352 in all; at its end,
        # with how a question is put as evidence, index.form: 338/356 and 342/352, floors 0.89 ->
        # 0.94 and 0.93 -> 0.96)
        ("offtopic.jsonl", "ja", 0.94),
        ("offtopic.jsonl", "en", 0.96),
        (
            "nearmiss.jsonl",
            None,
            0.78,
        ),  # 22/76 (11/41 before 35 more held out were written); 44/109; 59/131 (s12h, s12h2);
        # 70/150 (s13h, s13h2; 68 with the round's first code); 76/161 with s13h3 (74); 96/191
        # with s14h, s14h2, s14h3 (92); 141/220 with s15h, s15h2, s15h3 (113: topics a passage
        # speaks of or not, index.answertype.TOPICS); 176/242 with s16h, s17h, s17h2 (154 with the
        # round's first code: the means, a platform, a team, an offer taken, a counter-offer);
        # 195/262 with the next session's s18h, s18h2 (192 with its first code); 207/279 with
        # the next session's s19h, s19h2 (206 with its first code); 311/382 with s25h (303 with
        # that session's first code: "which leader", a repeat of the event asked): floor 0.72 -> 0.78;
        # 328/404 with the next session's s26h (329 with its first code)
        (
            "jsquad_offtopic.jsonl",
            None,
            0.97,
        ),  # 2,616/2,696, 2,605 after this round's refits; 2,611; 2,617 with TOPICS; 2,618
    ],
)
def test_heldout_unanswerable_are_declined(
    library: Library, name: str, lang: str | None, floor: float
) -> None:
    questions = heldout(name, lang)
    assert len(questions) >= 40
    report = evaluate(library, questions).as_dict()
    assert report["unanswerable_declined"]["declined"] >= floor


def test_heldout_answerable_are_answered(library: Library) -> None:
    report = evaluate(library, heldout("answerable.jsonl")).as_dict()
    ja, en = report["answerable"]["ja"], report["answerable"]["en"]
    # (the slot check, index.slot, cost one of its 45 Japanese questions: 0.667 -> 0.644, and
    # wrongly declined 4.4% -> 5.6%, for four near-misses and two off-topic declined more; the
    # people-count ranking, SNS as ソーシャルメディア and their refits: 0.689, 3.3%; README)
    # (2.2% since a relation word no article uses, 狙い, frames a question: 3.3% before)
    assert report["wrongly_declined"] <= 0.025
    # (0.711 / 0.778 since 研究者 is a word of its own; 0.756 / 0.778 since a word's idf is
    # blended with its synonyms', index.search.SYNONYM_IDF_BLEND; 0.822 / 0.778 at a later round's
    # end)
    assert ja["answered@1"] >= 0.80 and en["answered@1"] >= 0.77


def test_off_topic_questions_get_no_quote_and_near_misses_at_most_one(library: Library) -> None:
    from bot.answer import compose

    for question in heldout("offtopic.jsonl")[:20] + heldout("nearmiss.jsonl")[:20]:
        answer = compose(library, question.q)
        assert answer.verdict in ("answered", "related", "off_topic")
        if answer.verdict == "off_topic":
            assert answer.quotes == () and not answer.more
        elif answer.verdict == "related":
            assert len(answer.quotes) == 1


@pytest.mark.parametrize(
    # channel.jsonl: forms a channel writes (chat spellings, typos, how-to endings, everyday
    # questions around the article's words); the cues and typo reading were chosen on its tuning
    # part, its held-out part was written after them (54 of its 112 at the start of the round that
    # added them, and only scored). Measured (answered@1 ja / en, off-topic declined, answerable
    # wrongly declined): tune 0.841 / 0.722, 0.899, 4.3% (English 0.761, 2.8% before the last 20,
    # everyday words for the article's concepts, mostly a gap left open); held out 0.852 / 0.838,
    # 0.767, 0% (0.815 / 0.784, 0.70, 0% at that round's start). The next round added 48 (`ch-*-s7`,
    # half held out, written at its start) and measured: tune 0.815 / 0.787, 0.963, 4.3%; held out
    # 0.846 / 0.857, 0.80, 0%.
    ("split", "ja1", "en1", "offtopic", "wrong"),
    # A later round (what to do prefers advice, 研究者 a word of its own): tune 0.827 / 0.805;
    # the next (a word's idf blended with its synonyms'): tune 0.852 / 0.805, held out the same;
    # with that round's 38 (`ch-*-s9`, tuning, written at its start: 11/20 and 16/18 answered
    # then, 13/20 and 16/18 after it): tune 0.812 / 0.812, 5.1% wrongly declined. At its end 33
    # more (`ch-*-s9h-*`, held out, written and scored once at the round's last code, never read
    # miss by miss: 13/19 Japanese, 13/14 English): held out 0.793 / 0.873, 1.7% wrongly declined.
    # The next round: 93 tuning (`ch-*-s10-*`, `ch-*-s10d-*`) and 40 held out (`ch-*-s10h-*`,
    # written at its start, scored at its end: 16/20 and 17/20); tune 0.838 / 0.824, 3.1%; held
    # out 0.795 / 0.868, 1.2% wrongly declined. The next, at its start: 54 tuning (`ch-*-s11-*`,
    # 20/28 and 24/28) and 31 held out (`ch-*-s11h-*`, 13/16 and 9/15): tune 0.818 / 0.824, held
    # out 0.798 / 0.816. At its end, with 217 more tuning rows and 31 more held out written
    # mid-round (`ch-*-s11h2-*`): tune 0.853 / 0.854, 2.4% wrongly declined; held out 0.836 /
    # 0.796, 2.2% (0.800 / 0.770, 3.1% with the round's first code). The next round's 31 held
    # out (`ch-*-s12h-*`, written and scored at its start): 0.841 / 0.789 in all; at its end, with
    # 28 more written mid-round (`ch-*-s12h2-*`): tune 0.882 / 0.859, 2.5% wrongly declined; held
    # out 0.872 / 0.794, 2.1% (0.844 / 0.794, 2.1% with the round's first code). The next
    # round's 40 tuning (`ch-*-s13n-*`, `ch-*-s13-*`: 28/30 and 15/15 at its start) and 59 held
    # out (`ch-*-s13h-*` at its start, 14/16 and 14/16; `ch-*-s13h2-*` mid-round): at its end
    # tune 0.896 / 0.865, 2.3%; held out 0.889 / 0.835, 1.8% (0.877 / 0.812, 2.4% with the
    # round's first code); with 27 more held out written late in the round (`ch-*-s13h3-*`:
    # 15/15 and 10/15, 14/15 and 10/15 with its first code) and its last changes: tune 0.896 /
    # 0.867, held out 0.897 / 0.821, 1.9% (0.880 / 0.799, 2.4% with its first code). The next
    # round's 87 held out (`ch-*-s14h-*` at its start, `-s14h2-*` mid-round, `-s14h3-*` late) and
    # 83 tuning (`-s14n-*`, `-s14-*`, `-s14e-*`): at its end tune 0.901 / 0.864, 2.1%; held out
    # 0.895 / 0.827, 2.2% (0.891 / 0.814, 2.4% with its first code). The next round's 26 tuning
    # (`-s15-*`, asked in everyday words: 12/15 and 13/15 at 1) and 25 held out (`-s15h-*`, at its
    # start): tune 0.897 / 0.864, 2.1%; with 28 more held out written mid-round (`-s15h2-*`: 15/15
    # and 11/15 at 1 when they came), held out 0.899 / 0.816, 2.2%.
    # The next round's 24 tuning (`-s16-*`, paraphrased in everyday words: 8/12 and 10/12 at 1
    # when they came): tune 0.888 / 0.866; at its end, with its 81 held out (`-s16h-*` at its
    # start, `-s17h-*`, `-s17h2-*` later): tune 0.888 / 0.863, 2.7%; held out 0.895 / 0.823, 1.9%
    # (0.892 / 0.823 with its first code). The next session's 44 held out (`-s18h-*` at its
    # start, `-s18h2-*` at its end) and 15 tuning (`-s18t-*`): tune 0.890 / 0.869, 2.5%; held out
    # 0.890 / 0.820, 2.4% (0.887 / 0.811, 2.6% with its first code: the new rows are harder).
    # The next session's 39 held out (`-s19h-*` at its start, `-s19h2-*` at its end) and 26
    # tuning (`-s19t-*`): tune 0.889 / 0.872, 2.3%; held out 0.888 / 0.827, 2.6% (the same
    # answered@1 and 2.4% with its first code: the statement cue declined one English question
    # whose best passage was a wrong one).
    # The next session's 32 held out (`-s20h-*`, written at its start) took held out to 2.7% wrongly
    # declined with its first code (two of the 32 declined); the floor moved to 2.8% with them.
    # The next session's 29 held out (`-s21h-*`, written at its start: 11/16 and 11/13 at 1, three
    # Japanese and one English declined) took held out to 0.876 / 0.827, 3.2% wrongly declined,
    # and its 27 tuning (`-s21t-*`: 10/14 and 9/13) tune to 0.876 / 0.866, 2.4%, with its first
    # code; the floors moved with them (0.88 -> 0.87 Japanese, 2.8% -> 3.2%).
    # The next session's 26 held out (`-s22h-*`) kept held out at 3.2% with its first code; its
    # check of a person the best passage does not name (index.search.PERSON_ABSENT) declined five
    # more held-out questions, each of whose best passages was a wrong one (answered@1 the same,
    # 0.872 / 0.831): 3.8%, and the floor 4%.
    # A later session's 41 tuning (`-s30t-*`: 17/22 and 11/19 at 1 when they came, two Japanese
    # and seven English declined) took tune to 0.883 / 0.860, 3.18% wrongly declined (26/816 and
    # 21/725): its floor 3.2%. Its 37 held out (`-s30h-*`: 11/18 and 14/19, two of each declined)
    # took held out to 0.877 / 0.844, 2.9%. At its end: tune 0.888 / 0.860, 3.05%; held out 0.877 /
    # 0.844, 2.8%. The next session's 39 tuning (`-s31t-*`: 19/21 and 13/18 at 1 when they came,
    # two English declined) took tune to 0.889 / 0.857, 3.1% (floor 0.86 -> 0.85 English); its 35
    # held out (`-s31h-*`: 13/18 and 12/17, one Japanese and two English declined) held out to
    # 0.872 / 0.840, 3.0%.
    [("tune", 0.87, 0.85, 0.95, 0.031), ("heldout", 0.87, 0.81, 0.78, 0.04)],
)
def test_channel_set(
    library: Library, split: str, ja1: float, en1: float, offtopic: float, wrong: float
) -> None:
    report = evaluate(library, load_questions(DATA / "channel.jsonl", split)).as_dict()
    ja, en = report["answerable"]["ja"], report["answerable"]["en"]
    assert ja["answered@1"] >= ja1 and en["answered@1"] >= en1
    assert report["declined_by_kind"]["offtopic"]["declined"] >= offtopic
    assert report["wrongly_declined"] <= wrong


def test_a_channel_s_ways_of_writing_keep_the_verdict(library: Library) -> None:
    # The held-out channel questions written as a channel writes them (index.forms: laughter,
    # courtesies, apologies, faces, emoji, spaces, quotes): each form answers or declines them as
    # their plain wording does but for at most 1% of those the article answers, and declines
    # every one it does not answer. With the code before these forms were read (d370278), 742 of
    # 9,482 answerable rewrites lost (ねえbot、 248 of 356 Japanese); now 3 of 9,913. The next
    # session's eight forms (no question mark, 。 or … instead, "pls answer:", "can someone tell
    # me", 質問です。, a vowel drawn out before the mark, ー？): with its first code 63 of 3,063 lost
    # and 2 unanswerable answered (the Japanese without a mark 13 of 387 each: a yes/no question
    # read as the asker's own news), now 9 and none. (An @handle typed out is bot.answer's.)
    scores = score_forms(library, load_questions(DATA / "channel.jsonl", "heldout"))
    for name, score in scores.items():
        assert score.lost.get("answerable", 0) <= 0.01 * score.n["answerable"], name
        assert not score.lost.get("unanswerable", 0), name


@pytest.mark.parametrize(
    # the tuning part chose the search's settings: measured 0.816 (40/49) Japanese and, since the
    # glossary synonyms' weight 0.3 (index.search.EN_SYNONYM_WEIGHT), 0.816 (40/49) English;
    # Japanese 0.898 (44/49) since a word's idf is blended with its synonyms'
    ("lang", "floor"),
    [("ja", 0.87), ("en", 0.81)],
)
def test_answerable_tuning_part(library: Library, lang: str, floor: float) -> None:
    questions = [q for q in load_questions(DATA / "answerable.jsonl", "tune") if q.lang == lang]
    assert len(questions) >= 40
    assert evaluate(library, questions).as_dict()["answerable"][lang]["recall@1"] >= floor


@pytest.mark.parametrize(
    # follow-up turns recall@1 in their conversation (declines as misses), measured 0.698 (30/43)
    # and 0.613 (19/31) when the method was fixed (README, "Conversations"); 0.721 (31/43) and
    # 0.677 (21/31) since the English glossary synonyms weigh 0.3; 0.837 (36/43) and 0.710
    # (22/31) since what to do prefers advice and 研究者 is a word of its own; a later round added
    # 6 held-out conversations written at its start and scored at its end (`*-s10h-*`: 5 of 12
    # follow-ups; 0.628, 27/43, in all) and 86 tuning ones (0.822, 175/213, in all; its last 24,
    # short follow-ups such as "いくらで?", "says who?", "why not?", 33/48); at that round's end
    # 0.864 (184/213) and 0.674 (29/43); the next round's 44 tuning and 14 held-out
    # conversations (`*-s11-*`, `*-s11h-*`), written at its start: 0.828 (220/266) and 0.613 (38/62);
    # with its later 104 tuning ones (`*-s11e-*`, `*-s11j-*`, `*-s11k-*`, `*-s11m-*`): 0.808 (354/438);
    # at its end, with 12 held out written mid-round (`*-s11h2-*`): 0.811 and 0.688 (55/80; 0.650
    # with the round's first code); the next round's 50 tuning and 14 held-out conversations
    # (`*-s12-*`, `*-s12h-*`, written at its start; the first with turns the article does not
    # answer, scored apart, right when declined): 0.800 (395/494) and 0.674 (62/92); at its end,
    # with 14 held out written mid-round (`*-s12h2-*`): 0.822 and 0.714 (0.800 and 0.705 with the
    # round's first code); the next round's 60 tuning conversations (`*-s13-*`, written at its
    # start: openings 43/60, follow-ups 37/64): 0.794 (443/558) in all; at its end 0.810, and with
    # its 32 held out (`*-s13h-*` written at its start, `*-s13h2-*` mid-round) 0.709 (0.685 with
    # the round's first code); with its 60 later tuning conversations (`*-s13c-*`, written after
    # those figures: openings 52/60, follow-ups 46/73): 0.789 (498/631); at its end 0.791, and
    # with 16 held out written late (`*-s13h3-*`, 7/10 with its first code and last) 0.708 (0.686);
    # the next round's 90 tuning conversations (`*-s14-*`, `*-s14e-*`) and 48 held out: at its end
    # 0.798 (548/687) and 0.718 (130/181; 0.724 with its first code)
    # The next round's 16 held out written at its start (`*-s14h-*`: follow-ups 12/16, its new
    # topics 2/3 against 3/3 asked alone, 4 of its 8 taken for follow-ups) and 60 tuning ones
    # (`*-s14-*`: openings 48/60, follow-ups 29/38; none of its 21 new topics taken for one).
    # New topics lost: at most `lost` of those answered alone (the held-out set loses one; in
    # tuning "whats the supercomputer thing", taken for a follow-up, was lost until a follow-up
    # carried only the question its topic started with, index.followup.MAX_CONTEXT), and at most
    # `taken` of them taken for follow-ups (held out: 5 of 58, 4 of them `*-s14h-*`).
    ("name", "floor", "lost", "taken"),
    # The next round's 48 held out (`*-s15h-*` at its start, `-s15h2-*` mid-round, `-s15h3-*`
    # late): 0.726 (164/226), the same with its first code; tuning 0.798 (558/699).
    # The next round's 30 tuning conversations (`*-s16-*`, short follow-ups: 10/17, two of its 10
    # new topics taken for follow-ups) at its start: 0.793 (568/716), 8 of 158 new topics taken;
    # at its end 0.804 (576/716), and with its 45 held out (`*-s16h-*`, `*-s17h-*`, `*-s17h2-*`)
    # 0.724 (184/254), the same with its first code. The next session's 29 tuning (`*-s18t-*`)
    # and 38 held out (`*-s18h-*`, `*-s18h2-*`: 21 of 32 follow-ups): tuning 0.800 (585/731),
    # held out 0.717 (205/286), the same with its first code. The next session's 23 tuning
    # (`*-s19t-*`) and 35 held out (`*-s19h-*`, `*-s19h2-*`: 18 of 32 follow-ups with its first
    # code, 19 with its last): tuning 0.804 (604/751; 0.800 with its first code), held out 0.708
    # (225/318; 0.701 with its first code); its new topics lose two against asked alone (64 and
    # 66 of 78), with its first code and its last. With the 8 held out of a later session
    # (`*-s22h-*`, one of their four follow-ups answered) 0.697 (241/346) with that session's
    # first code: the floor is 0.69. With a later session's 21 tuning conversations (`*-s26t-*`)
    # the tuning part scored 0.787 at that session's start: its floor is 0.78. With a later
    # session's 13 held out (`*-s28h-*`) its new topics lose three against asked alone (88 and 91
    # of 108; its three new ones: none in context, one alone) with that session's first code. With
    # the next session's 14 (`*-s29h-*`) four (90 and 94 of 112; its four new ones: two in context,
    # three alone) with its first code. With that session's 24 tuning (`*-s29t-*`, 11 of 26
    # follow-ups and 10 of 24 openings answered) the tuning part scored 0.774 (731/945) at its
    # start: its floor is 0.77. With a later session's 19 (`*-s30t-*`, 6 of 17 follow-ups and 11
    # of 19 openings answered) 0.768 (739/962) at that session's start; at its end 0.782 (752/962;
    # whom someone works with, index.answertype.TOPICS "companion", and three glossary words), held
    # out 0.731 (321/439, 0.704 with its first code): the floors are 0.78 and 0.72.
    [("followups.jsonl", 0.78, 0, 0.06), ("followups_validation.jsonl", 0.72, 4, 0.09)],
)
def test_conversation_sets(
    library: Library, name: str, floor: float, lost: int, taken: float
) -> None:
    from index.followup_eval import evaluate_conversations, load_conversations

    report = evaluate_conversations(library, load_conversations(DATA / name))
    assert report.followup.share() >= floor
    assert report.change.at1 >= report.change_alone.at1 - lost
    # (new topics taken for follow-ups: 1 of 44 held out; 3 of 93 tuning ones, labelled new by
    # their writers though two point back, "did meta respond to any of this", "the avg salary
    # there")
    assert report.inherited.share() <= taken


def test_question_sets_are_well_formed() -> None:
    for name in FLOORS:
        questions = load_questions(DATA / name)
        assert len({q.id for q in questions}) == len(questions)
        assert {q.lang for q in questions} == {"ja", "en"}
        assert sum(not q.gold for q in questions) >= 15
        assert all(1 <= g <= 38 for q in questions for g in q.gold)
    sizes = {"offtopic.jsonl": 150, "nearmiss.jsonl": 60, "answerable.jsonl": 100}
    for name, least in sizes.items():
        questions = load_questions(DATA / name)
        assert len(questions) >= least and len({q.id for q in questions}) == len(questions)
        assert {q.split for q in questions} == {"tune", "heldout"}
        for lang in ("ja", "en"):
            assert sum(q.lang == lang for q in questions) >= len(questions) // 3
        assert all(bool(q.gold) == (name == "answerable.jsonl") for q in questions)
