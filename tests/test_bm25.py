"""BM25Index scores through its inverted index exactly what rank-bm25 scores over every passage."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.bm25 import PARTITION_ABOVE, BM25Index, NonNegativeOkapi, best

# A small vocabulary, so that random passages share tokens and some tokens repeat.
WORDS = st.sampled_from(
    ["メタ", "openai", "研究", "提示", "億", "ドル", "休み", "チェン", "a", "b"]
)
DOCS = st.lists(st.lists(WORDS, max_size=12), min_size=1, max_size=30)
QUERY = st.lists(st.one_of(WORDS, st.just("unseen")), max_size=8)


def reference(docs: list[list[str]], query: list[str]) -> np.ndarray:
    """rank-bm25's own full scan, on the corpus as BM25Index gives it to rank-bm25."""
    return NonNegativeOkapi([d or ["\0"] for d in docs], k1=1.2, b=0.75).get_scores(query)


@settings(max_examples=300, deadline=None)
@given(DOCS, QUERY)
def test_scores_equal_rank_bm25_get_scores(docs: list[list[str]], query: list[str]) -> None:
    scores = BM25Index(docs).scores(query)
    assert scores.shape == (len(docs),)
    np.testing.assert_allclose(scores, reference(docs, query), rtol=0, atol=1e-9)


@settings(max_examples=200, deadline=None)
@given(DOCS, QUERY, st.dictionaries(WORDS, st.sampled_from([0.0, 0.25, 0.5, 2.0]), max_size=4))
def test_factors_weigh_each_token_score(
    docs: list[list[str]], query: list[str], factors: dict[str, float]
) -> None:
    index = BM25Index(docs)
    expected = sum((factors.get(t, 1.0) * reference(docs, [t]) for t in query), np.zeros(len(docs)))
    np.testing.assert_allclose(index.scores(query, factors), expected, rtol=0, atol=1e-9)


@settings(max_examples=200, deadline=None)
@given(DOCS, QUERY, st.integers(min_value=1, max_value=40))
def test_top_is_the_best_passages_sharing_a_token(
    docs: list[list[str]], query: list[str], k: int
) -> None:
    full = reference(docs, query)
    shared = [i for i, d in enumerate(docs) if set(d) & set(query)]
    expected = sorted(shared, key=lambda i: (-full[i], i))[:k]
    top = BM25Index(docs).top(query, k)
    assert [i for i, _ in top] == expected
    assert all(isinstance(i, int) and isinstance(s, float) for i, s in top)
    np.testing.assert_allclose([s for _, s in top], full[expected], rtol=0, atol=1e-9)


@pytest.mark.parametrize(
    ("scores", "k", "expected"),
    [
        ([0.0, 2.0, 1.0, 2.0], 2, [(1, 2.0), (3, 2.0)]),  # ties: the lower index first
        ([0.0, 2.0, 1.0, 2.0], 1, [(1, 2.0)]),
        ([0.0, 0.5, 0.0], 5, [(1, 0.5)]),  # a passage sharing no token is not a hit
        ([0.0, 0.0], 3, []),
        ([1.0, 3.0, 2.0], 0, []),
        ([1.0, 1.0, 1.0, 1.0, 2.0], 3, [(4, 2.0), (0, 1.0), (1, 1.0)]),  # ties at the cut
    ],
)
def test_best(scores: list[float], k: int, expected: list[tuple[int, float]]) -> None:
    assert best(np.array(scores), k) == expected


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from([0.5, 1.0, 1.5, 2.0]), min_size=PARTITION_ABOVE + 1, max_size=1500),
    st.integers(min_value=1, max_value=30),
)
def test_best_among_many_candidates(scores: list[float], k: int) -> None:
    # Past PARTITION_ABOVE candidates only those at or above the k-th best are sorted; many ties.
    scores = [0.0, *scores, 0.0]
    expected = sorted((i for i, s in enumerate(scores) if s), key=lambda i: (-scores[i], i))[:k]
    assert best(np.array(scores), k) == [(i, scores[i]) for i in expected]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from([0.0, 0.5, 1.0, 1.5, 2.0]), min_size=1, max_size=PARTITION_ABOVE),
    st.integers(min_value=1, max_value=30),
)
def test_best_among_few_candidates(scores: list[float], k: int) -> None:
    # Python's sort up to PYTHON_SORT_UP_TO passages, numpy's past it: the same ranking, ties in
    # passage order, no passage scoring 0.
    expected = sorted((i for i, s in enumerate(scores) if s), key=lambda i: (-scores[i], i))[:k]
    top = best(np.array(scores), k)
    assert top == [(i, scores[i]) for i in expected]
    assert all(type(i) is int and type(s) is float for i, s in top)


def test_a_repeated_query_token_counts_each_time() -> None:
    docs = [["メタ", "休み"], ["休み"], ["openai"]]
    index = BM25Index(docs)
    once, twice = index.scores(["メタ"]), index.scores(["メタ", "メタ"])
    assert twice[0] == pytest.approx(2 * once[0]) and twice[1] == 0.0
    np.testing.assert_allclose(twice, reference(docs, ["メタ", "メタ"]), rtol=0, atol=1e-9)


def test_stretch_finds_the_long_and_short_forms_of_a_token() -> None:
    index = BM25Index([["execut", "week"], ["zuckerberg"], ["work", "worker"]])
    assert index.stretch("exec", 4) == ["execut"]
    assert index.stretch("zuck", 4) == ["zuckerberg"]
    assert index.stretch("workers", 4) == ["work", "worker"]  # its beginnings of 4 letters or more
    assert index.stretch("wor", 4) == ["work", "worker"]
    assert index.stretch("week", 4) == []  # itself is no other form
    assert index.stretch("weekly", 5) == []  # "week" is shorter than asked


def test_holds_within_looks_from_the_first_passage_to_the_last() -> None:
    index = BM25Index([["チェン"], ["メタ"], ["メタ"], ["チェン"]])
    assert index.holds_within("チェン", 0, 2) and index.holds_within("チェン", 1, 3)
    assert not index.holds_within("チェン", 1, 2)
    assert not index.holds_within("アルトマン", 0, 3)


def test_held_is_each_passage_share_of_the_distinct_query_tokens() -> None:
    index = BM25Index([["休み", "休み", "休み"], ["会社", "休み"], ["メタ"]])
    held = index.held(["会社", "休み", "休み", "unseen"])  # three distinct tokens
    assert held.tolist() == [1 / 3, 2 / 3, 0.0]
    assert index.held([]).tolist() == [0.0, 0.0, 0.0]


def test_ending_finds_the_longer_tokens_ending_with_one() -> None:
    index = BM25Index([["引き抜き", "取り組む"], ["抜く", "組む", "抜き"], ["食い止める"]])
    assert index.ending("抜き") == ["引き抜き"]
    assert index.ending("組む") == ["取り組む"]
    assert index.ending("止める") == ["食い止める"]
    assert index.ending("休む") == []
