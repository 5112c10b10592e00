"""Typos of the articles' words (index.spelling): the words one edit away, and the question
read with the articles' spelling."""

from __future__ import annotations

import pytest

from index import Library
from index.spelling import Speller, one_edit


def test_near_finds_the_words_one_edit_away() -> None:
    speller = Speller({"research": 2, "offer": 3, "zuckerberg": 1, "work": 2, "word": 1})
    assert speller.near("reserch") == ["research"]  # a letter left out
    assert speller.near("offfer") == ["offer"]  # added
    assert speller.near("zuckerburg") == ["zuckerberg"]  # changed
    assert speller.near("wrok") == ["work"]  # two swapped
    assert speller.near("wor") == ["work", "word"]  # several: the most used first
    assert speller.near("offer") == []  # itself is no other word
    assert speller.near("xabc") == []
    assert "offer" in speller and "ofer" not in speller


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("abc", "abc", True),
        ("abcd", "abdc", True),
        ("ab", "ba", True),
        ("ザッカバーグ", "ザッカーバーグ", True),
        ("xabc", "abcy", False),  # two edits
        ("abcd", "axcy", False),
        ("abc", "cab", False),
    ],
)
def test_one_edit(a: str, b: str, expected: bool) -> None:
    assert one_edit(a, b) is expected and one_edit(b, a) is expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what did zuckerburg do", "what did zuckerberg do"),
        ("how many reserchers left", "how many research left"),  # (the rendering's stem)
        ("how much did meta offfer", "how much did meta offer"),
        ("what is a quokka", "what is a quokka"),  # one edit from no word of the rendering
        ("what about moral", "what about moral"),  # a word of the language, not a typo
        ("who is Ofir", "who is Ofir"),  # a name one edit from none of its words
        ("ザッカバーグは何をしたの", "ザッカーバーグは何をしたの"),
        ("チェソって誰?", "チェソって誰?"),  # too short to tell from another name
        ("リクルータは何をしてる?", "リクルーターは何をしてる?"),
        ("コンピュータの話", "コンピュータの話"),  # a word of the language
        ("グーグルは?", "グーグルは?"),  # a word of the glossary
        # a name or loanword typed in hiragana, where a word starts
        ("ちぇんって誰?", "チェンって誰?"),
        ("めたはいくら提示したの?", "メタはいくら提示したの?"),
        ("あるとまんは何してる?", "アルトマンは何してる?"),
        ("え、ざっかーばーぐ本人?", "え、ザッカーバーグ本人?"),
        ("休みをやめたの?", "休みをやめたの?"),  # inside a word: no
        ("これらは何", "これらは何"),  # words of the language
        ("ですよね", "ですよね"),
    ],
)
def test_a_question_is_read_with_the_articles_spelling(
    library: Library, question: str, expected: str
) -> None:
    assert library.respelled(question) == expected
