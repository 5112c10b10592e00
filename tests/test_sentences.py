"""The best sentence's share of a question (index/sentences.py) and its part in the ranking."""

from __future__ import annotations

import numpy as np
import pytest

from index import search
from index.passages import split_article
from index.search import Library
from index.sentences import SentenceIndex


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (["a", "b"], [1.0, 0.5, 0.0]),  # together in one sentence / one in each / none
        (["a", "b", "b", "c"], [2 / 3, 1 / 3, 1 / 3]),  # distinct words, as the coordination
        (["z"], [0.0, 0.0, 0.0]),
        ([], [0.0, 0.0, 0.0]),
    ],
)
def test_best_sentence_share(query: list[str], expected: list[float]) -> None:
    index = SentenceIndex([[["a", "b"], ["a"]], [["a"], ["b"]], [["c"]]])
    assert index.held(query) == pytest.approx(expected)


def test_passages_without_sentences_hold_nothing() -> None:
    index = SentenceIndex([[], [["a"]], []])
    assert index.held(["a"]).tolist() == [0.0, 1.0, 0.0]
    assert SentenceIndex([]).held(["a"]).shape == (0,)


LINES = [
    "記事の見出し",
    "太郎は大阪に住む。花子は東京で働く。",  # the same words, scattered
    "太郎は東京に住む。花子は大阪で働く。",  # ... the question's together in one sentence
]


@pytest.mark.parametrize(
    ("question", "line"), [("太郎は東京に住んでるの?", 3), ("花子は大阪で働いてる?", 3)]
)
def test_the_passage_holding_the_words_together_ranks_first(
    monkeypatch: pytest.MonkeyPatch, question: str, line: int
) -> None:
    library = Library([split_article("doc", LINES)])
    hits = library.search(question).hits
    assert [h.passage.lines[0] for h in hits] == [line, 5 - line]
    # Both passages hold every word the same number of times: without the sentences, a tie.
    monkeypatch.setattr(search, "SENTENCE_SHARE", 0.0)
    scores = [h.score for h in library.search(question).hits]
    assert np.isclose(scores[0], scores[1])
