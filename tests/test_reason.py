""" "Why" questions: which questions ask for a reason, which passages state one, and the ranking."""

from __future__ import annotations

import pytest

from index import Library
from index.reason import asks_grounds, asks_reason, states_reason


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("OpenAIはなんで1週間も休むことにしたの?", True),
        ("なぜ休業したのですか", True),
        ("休みにした理由は?", True),
        ("Why is OpenAI shutting down for a week?", True),
        ("What is the shutdown for? What for?", True),
        ("how come openai is closing for a week", True),
        ("what's the point of the shutdown", True),
        ("この休みの意図は?", True),
        ("どうしてそんなに嬉しいの?", True),
        # what someone is doing about it, not why (どうしてる, どうしてんの)
        ("それでopenaiのトップはどうしてんの?", False),
        ("休み中って役員はどうしてる?", False),
        ("what's the main point of chen's memo", False),  # its gist, not an aim
        ("メタはいくら出したの?", False),
        ("How much did Meta offer?", False),
        ("Who is Mark Chen?", False),
    ],
)
def test_a_question_asks_why(question: str, asks: bool) -> None:
    assert asks_reason(question) is asks


@pytest.mark.parametrize(
    ("text", "states"),
    [
        ("メタの採用の勢いを鈍らせる戦略的な動きである", True),
        ("人材を守るために異例の措置を取った", True),
        ("a strategic move to slow Meta's hiring momentum", True),
        ("この1週間の休みは「超嬉しい」のだという", False),
        ("OpenAI's week-long shutdown, from which executives are exempt", False),
        # a manner is not an aim
        ("OpenAIの指導部は、公正かつ戦略的に行動していると主張している", False),
        ("OpenAI's leadership insists it is acting fairly and strategically", False),
    ],
)
def test_a_passage_states_an_aim(text: str, states: bool) -> None:
    assert states_reason(text) is states


@pytest.mark.parametrize(
    "question",
    [
        "OpenAIはなんで1週間も休むことにしたの?",
        # (the article's "forced rest", 休養, is its shutdown: index/data/glossary.tsv)
        "Why is OpenAI shutting down for a week?",
        "なんで休むの",
        # all of its words in 23-24, three times over: the reason stated comes first all the same
        # (index.search.REASON_RATIO)
        "openaiが1週間会社休みにしたのってなんで?",
        "why did openai give everyone a week off",
    ],
)
def test_the_strategic_reason_comes_first_for_why(library: Library, question: str) -> None:
    # Line 4 (the week off as a move to slow Meta's hiring) against 23-24 (the week off welcomed),
    # which shares more of the question's words (REASON_BONUS 0.2 had left it second or third).
    assert library.search(question).hits[0].passage.lines == (4, 4)


@pytest.mark.parametrize(
    ("question", "grounds"),
    [
        ("why were they worried about the shutdown week specifically", True),
        ("why did someone think the shutdown week was risky", True),
        ("休業の週ってむしろ危ないって言われてたのなんで?", True),
        ("why is a company wide week off better than just taking pto", True),
        ("なんで会社全体で休む方がいいの?", True),
        ("why is openai shutting down for a week", False),  # an aim
        ("なんで1週間も休むの?", False),
    ],
)
def test_a_why_of_a_feeling_or_judgement_asks_its_grounds(question: str, grounds: bool) -> None:
    assert asks_grounds(question) is grounds


@pytest.mark.parametrize(
    "question",
    [
        "why were they worried about the shutdown week specifically",
        "休業の週ってむしろ危ないって言われてたのなんで?",
    ],
)
def test_the_grounds_of_a_worry_are_the_warning(library: Library, question: str) -> None:
    # the strategy (line 4) is an aim; the warning that Meta would use the week (15-16) the grounds
    assert library.search(question).hits[0].passage.lines == (15, 16)
