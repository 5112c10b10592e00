"""The slot a question asks about (index.slot): its focus, and whether a passage's sentence fills
it. Tokens are unidic-lite's lemmas (売上 -> 売り上げ) and the English tokenizer's stems."""

from __future__ import annotations

import pytest

from index import Library
from index.answertype import AnswerType
from index.passages import Passage
from index.slot import (
    Slots,
    english_focus,
    filled,
    focus_forms,
    included,
    included_en,
    japanese_focus,
)
from index.tokenize import EnglishTokenizer, JapaneseTokenizer, is_japanese, normalize

COUNT, MONEY, DURATION = AnswerType.COUNT, AnswerType.MONEY, AnswerType.DURATION


@pytest.mark.parametrize(
    ("question", "words", "thing"),
    [
        ("従業員って何人いるの?", ["従業"], True),  # the counted thing, past って and いる
        ("従業員は全部で何人?", ["従業"], True),  # 全部 belongs to the question word
        ("何人の学生が来た?", ["学生"], True),  # after the question word: 何人の X
        ("サッカー部って何人?", ["サッカー", "部"], True),  # a compound: all its parts
        ("トヨタの去年の売上っていくら?", ["売り上げ"], True),  # the measured thing itself
        ("その会社を設立したのは何人?", ["設立"], False),  # a verb: its doers, not a thing
        ("1990年までに何回改正された?", ["改正"], False),  # 何回 X された
        ("結局何人くらい辞めちゃったの?", [], False),  # 結局 is an adverb, not what is counted
        ("何人くらいいるんだろ", [], False),  # nothing asked of
        ("今何歳?", [], False),
        # who acts is not who is counted; people who act are (研究者は何名抜けた)
        ("メタは何人引き抜いた?", [], False),
        ("メタって何人にオファー出したの?", [], False),
        # ... nor the agent or the source (に, から)
        ("メタに何人引き抜かれた?", [], False),
        ("OpenAIから何人抜けたの?", [], False),
        ("メタ何人引き抜いた?", [], False),  # (its particle dropped)
        ("OpenAIから何人メタに行ったの", [], False),  # (going acts, as 抜ける does)
        ("メタに何人来たの?", [], False),
        ("社員何人辞めた?", ["社員"], True),  # people who act are counted
        ("研究者は何名抜けたの?", ["研究", "研究者"], True),  # (either: 研究責任者 too)
        ("OpenAIって社員何人いるの?", ["社員"], True),
        ("共産党の幹部は何人か", ["幹部"], True),  # no verb of its own: counted
        ("オープンAIの社員数は?", ["社員"], True),  # X数: a count of X
        ("oaiの人らって実際いくら積まれたんだっけ", ["oai"], True),  # 人ら: people, whose
    ],
)
def test_the_focus_of_a_japanese_question(
    ja: JapaneseTokenizer, question: str, words: list[str], thing: bool
) -> None:
    focus = japanese_focus(normalize(question), ja)
    assert focus.words == words
    assert focus.thing is thing


@pytest.mark.parametrize(
    ("question", "words", "thing"),
    [
        ("How many employees does Toyota have?", ["employe"], True),
        ("how many other board members quit", ["board", "member"], True),
        ("What was Toyota's revenue last year?", ["revenu"], True),
        ("How much did Toyota spend on ads?", ["toyota", "spend"], False),
        ("How many people left?", [], False),  # any people answer it: eight engineers
        ("How much money are we talking about?", [], False),
        ("Why did they leave?", [], False),
    ],
)
def test_the_focus_of_an_english_question(
    en: EnglishTokenizer, question: str, words: list[str], thing: bool
) -> None:
    focus = english_focus(question, en)
    assert focus.words == words
    assert focus.thing is thing


@pytest.mark.parametrize(
    ("kind", "focus", "text", "is_filled"),
    [
        # A count of something else in the same sentence is not a count of the focus.
        (COUNT, "従業員", "少なくとも8人の研究者が辞めた。全従業員に休暇を与えた。", False),
        (COUNT, "研究者", "少なくとも8人の研究者が辞めた。全従業員に休暇を与えた。", True),
        (COUNT, "研究者", "研究者は8人いる。", True),
        (MONEY, "売上", "契約ボーナスは1億ドル相当だった。", False),
        (MONEY, "ボーナス", "契約ボーナスは1億ドル相当だった。", True),
        # A sentence naming the focus but stating no amount does not fill it.
        (MONEY, "ボーナス", "契約ボーナスが話題になった。報酬は1億ドルだった。", False),
        (DURATION, "労働", "スタッフは週80時間の労働を強いられた。", True),
        # English: the rendering's words
        (
            COUNT,
            "employees",
            "At least eight researchers left. It gives a two-day weekend to all its employees.",
            False,
        ),
        (
            COUNT,
            "researchers",
            "At least eight researchers left. It gives a two-day weekend to all its employees.",
            True,
        ),
        (COUNT, "leads", "Seven other research leaders sent messages.", True),  # lead -> leaders
        (MONEY, "revenue", "Staff were offered signing bonuses worth $100 million.", False),
        (MONEY, "bonuses", "Staff were offered signing bonuses worth $100 million.", True),
    ],
)
def test_a_sentence_fills_the_slot(
    ja: JapaneseTokenizer,
    en: EnglishTokenizer,
    library: Library,
    kind: AnswerType,
    focus: str,
    text: str,
    is_filled: bool,
) -> None:
    japanese = is_japanese(text)
    tokenize = ja if japanese else en
    forms = focus_forms(tokenize(focus), japanese, library.glossary)
    assert filled(kind, forms, True, text, tokenize, ja) is is_filled


def test_a_japanese_question_s_slot_may_be_filled_in_the_rendering(
    ja: JapaneseTokenizer, en: EnglishTokenizer, library: Library
) -> None:
    # リーダー is not the Japanese 研究責任者, but it is the rendering's "research leaders"
    slots = Slots(ja, en, library.glossary)
    text = "OpenAIの他の7人の研究責任者がメッセージを送っている。"
    asked = normalize("他に何人のリーダーがメッセージ送った?")
    alone = Passage("doc:1", "doc", (1, 1), None, text)
    assert slots.unfilled(asked, True, COUNT, alone)
    rendered = Passage(
        "doc:1", "doc", (1, 1), None, text, "Seven other OpenAI research leaders sent messages."
    )
    assert not slots.unfilled(asked, True, COUNT, rendered)


def test_the_slot_is_checked_only_for_counts_amounts_and_times(
    ja: JapaneseTokenizer, en: EnglishTokenizer, library: Library
) -> None:
    slots = Slots(ja, en, library.glossary)
    passage = Passage("doc:1", "doc", (1, 1), None, "少なくとも8人の研究者が辞めた。")
    assert slots.unfilled(normalize("従業員って何人いるの?"), True, COUNT, passage)
    assert not slots.unfilled(normalize("研究者って何人いるの?"), True, COUNT, passage)
    # Nothing to check: no kind of fact, a kind checked elsewhere, a count of a verb's doers.
    assert not slots.unfilled(normalize("従業員はどう思ってる?"), True, None, passage)
    assert not slots.unfilled(normalize("従業員は誰?"), True, AnswerType.PERSON, passage)
    assert not slots.unfilled(normalize("辞めたのは何人?"), True, COUNT, passage)


def test_the_search_gives_the_slot_to_the_verdict(library: Library) -> None:
    # The article counts researchers who left, not OpenAI's employees.
    asked = library.search("OpenAIの従業員は全部で何人?")
    assert asked.evidence is not None and asked.evidence.slot_unfilled == 1.0
    stated = library.search("メタに移った研究者は何人?")
    assert stated.evidence is not None and stated.evidence.slot_unfilled == 0.0


def test_the_heading_a_passage_stands_under_can_hold_the_focus(library: Library) -> None:
    # Line 7 states the $100 million without naming Meta; its heading, "メタの1億ドルオファーが…",
    # says whose offer it is.
    result = library.search("メタはいくら出したの?")
    assert result.hits[0].passage.lines == (7, 7) and result.verdict == "answered"
    # ... and does not fill a slot it does not hold: OpenAI's head count is not the eight researchers
    assert library.search("OpenAIって社員何人いるの?").verdict != "answered"


def test_a_japanese_compound_focus_is_its_most_informative_part(
    ja: JapaneseTokenizer, en: EnglishTokenizer, library: Library
) -> None:
    # GTMチーム is a team called GTM: seven leaders messaging their チーム is no count of it; a
    # research leader (研究リーダー) is still counted by 7人の研究責任者.
    slots = Slots(ja, en, library.glossary, library.frequency)
    text = "OpenAIの他の7人の研究責任者がチームに注意を促すメッセージを送っている。"
    passage = Passage("doc:1", "doc", (1, 1), None, text)
    assert slots.unfilled(normalize("GTMチームって何人いるの?"), True, COUNT, passage)
    assert not slots.unfilled(normalize("研究責任者って何人いるの?"), True, COUNT, passage)
    # without a frequency list, any part fills it
    assert not Slots(ja, en, library.glossary).unfilled(
        normalize("GTMチームって何人いるの?"), True, COUNT, passage
    )


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("役員も休むの?", ["役員"]),
        ("それって役員も休みなの?", ["役員"]),
        ("ザッカーバーグ本人も勧誘してた?", ["ザッカーバーグ", "本人"]),
        # an amount or a time, stressed; a setting: nothing asked as included
        ("1週間も休むの?", []),
        ("何人も抜かれた?", []),
        ("休み中もお偉いさんは働くの?", []),
    ],
)
def test_what_a_question_asks_about_as_included_too(
    ja: JapaneseTokenizer, question: str, words: list[str]
) -> None:
    assert included(normalize(question), ja) == words


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("do the execs get the week off too?", "execs"),
        ("are execs at openai also taking the week off?", "execs"),
        ("did the execs get time off too", "execs"),
        ("do the bosses get the week off", None),  # (nothing asked as included)
        ("why is openai closing too?", None),  # (no subject after an auxiliary)
        # past a possessive or a name
        ("do openai's execs get the week off too?", "execs"),
        ("do openai execs get it too", "execs"),
        ("does meta's team get one too", "team"),
    ],
)
def test_what_an_english_question_asks_about_as_included_too(
    question: str, word: str | None
) -> None:
    assert included_en(normalize(question), {"openai", "meta"}) == word


@pytest.mark.parametrize(
    "question",
    ["幹部も休むの?", "役員も休みなの?", "are execs at openai also taking the week off?"],
)
def test_the_passage_naming_what_is_asked_as_included_comes_first(
    library: Library, question: str
) -> None:
    # line 21: the week-long shutdown, from which executives are exempt; 23-24 says 休み 3 times
    assert library.search(question).hits[0].passage.lines == (21, 21)
