"""Words naming a question's setting (index/setting.py) and their weight in the ranking."""

from __future__ import annotations

import pytest

from index import search
from index.passages import split_article
from index.search import Library
from index.setting import setting_words
from index.tokenize import EnglishTokenizer, JapaneseTokenizer


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("休み中に社員が孤立させられるって警告したのは誰?", {"休み"}),
        ("会社が休みの間、メタはどう動くの?", {"休み"}),
        ("休んでる間もメタは動くの?", {"休む"}),  # a verb, past its auxiliaries
        ("休暇の最中に何があった?", {"休暇"}),
        # as the question's own parse reads it: 休み is the verb 休む here, as among its tokens
        ("メタは休み中に何するつもりなの", {"休む"}),
        ("困ったときは誰に頼ればいい?", {"困る"}),
        ("8人のうち何人が戻った?", set()),  # うち: among, not while
        ("休みの後どうなるの?", set()),  # after is not during
        ("メタは何人引き抜いたの?", set()),
        ("can people actually relax during the shutdown", {"shutdown"}),
        ("What did Chen say DURING THE WEEK OFF?", {"week"}),
        ("what happens while the company is closed", {"compani"}),
        ("How much did Meta offer?", set()),
    ],
)
def test_setting_words(
    ja: JapaneseTokenizer, en: EnglishTokenizer, question: str, expected: set[str]
) -> None:
    assert setting_words(question, ja, en) == expected


LINES = [
    "記事の見出し",
    "休みだ。",  # short, so its one word outscores the other passage's one word
    "メタの幹部が社員にはっきりと警告した。",
]


def test_the_setting_counts_less_than_what_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    library = Library([split_article("doc", LINES)])
    question = "休み中に警告したのは誰?"
    assert library.search(question).hits[0].passage.lines[0] == 3
    monkeypatch.setattr(search, "SETTING_WEIGHT", 1.0)  # weighed like the rest: the other wins
    assert library.search(question).hits[0].passage.lines[0] == 2
