"""BM25 over token lists: rank-bm25's model, scored through an inverted index.

rank-bm25 builds the model (term frequencies, passage lengths, idf) and scores every passage for
every query token in a Python loop, with numpy calls whose overhead outweighs the arithmetic on a
few dozen passages. Only passages that share a token with the query score above zero, so each
token keeps the list of passages that hold it and its BM25 term weight in each, worked out once,
with rank-bm25's own formula and operand order: a query adds the weights of its tokens, and every
score equals rank-bm25's `get_scores` (tests/test_bm25.py).
"""

from __future__ import annotations

import bisect
import functools
import math
from collections.abc import Mapping, Sequence

import numpy as np
from rank_bm25 import BM25Okapi


class NonNegativeOkapi(BM25Okapi):
    """BM25Okapi with Lucene's idf, log(1 + (N - n + 0.5) / (n + 0.5)).

    rank-bm25's own idf is negative for a token in more than half the passages and is then
    replaced by epsilon x the mean idf: on an article of ~40 passages a common name (OpenAI) would
    weigh more than a rarer word. Lucene's form is positive and falls smoothly with n.
    """

    def _calc_idf(self, nd: dict[str, int]) -> None:
        n_docs = self.corpus_size
        for word, freq in nd.items():
            self.idf[word] = lucene_idf(n_docs, freq)
        self.average_idf = sum(self.idf.values()) / len(self.idf) if self.idf else 0.0


def lucene_idf(n_docs: int, freq: int) -> float:
    """Lucene's idf of a token in `freq` of `n_docs` passages."""
    return math.log(1 + (n_docs - freq + 0.5) / (freq + 0.5))


class BM25Index:
    """Score passages (lists of tokens) against a query (a list of tokens)."""

    def __init__(self, docs: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75) -> None:
        self.size = len(docs)
        # rank-bm25 divides by the mean length: an index of empty passages still needs one token.
        bm25 = self._bm25 = NonNegativeOkapi([list(d) or ["\0"] for d in docs], k1=k1, b=b)
        # Every (token, passage) pair as flat arrays, in passage order; the placeholder is no
        # query's token, so the empty passages hold none.
        freqs = [f if doc else {} for doc, f in zip(docs, bm25.doc_freqs, strict=True)]
        vocabulary = {token: n for n, token in enumerate(bm25.idf)}
        token_ids = np.fromiter(
            (vocabulary[t] for f in freqs for t in f), dtype=np.intp, count=sum(map(len, freqs))
        )
        passage_ids = np.repeat(np.arange(self.size, dtype=np.intp), [len(f) for f in freqs])
        tf = np.fromiter((n for f in freqs for n in f.values()), dtype=float, count=len(token_ids))
        idf = np.fromiter(bm25.idf.values(), dtype=float, count=len(vocabulary))
        # rank-bm25's term weight, the same operations in the same order (so the same numbers):
        # idf * (tf * (k1 + 1) / (tf + k1 * (1 - b + b * |d| / avgdl)))
        norm = bm25.k1 * (1 - bm25.b + bm25.b * np.asarray(bm25.doc_len) / bm25.avgdl)
        weights = idf[token_ids] * (tf * (bm25.k1 + 1) / (tf + norm[passage_ids]))
        # Grouped by token (a stable sort keeps each token's passages in order): the posting lists.
        order = np.argsort(token_ids, kind="stable")
        token_ids, passage_ids, weights = token_ids[order], passage_ids[order], weights[order]
        starts = np.flatnonzero(np.diff(token_ids, prepend=-1)).tolist()
        ends = [*starts[1:], len(token_ids)]  # one too many when there is no token: zip drops it
        names = list(vocabulary)
        self._postings = {
            names[token_ids[start]]: (passage_ids[start:end], weights[start:end])
            for start, end in zip(starts, ends, strict=False)
        }
        # What a token found in no passage would weigh: the idf of document frequency 0.
        self.unseen_idf = lucene_idf(self.size, 0)

    def idf(self, token: str) -> float:
        """The token's weight, 0.0 for a token in no passage."""
        return self._bm25.idf.get(token, 0.0)

    def held(self, query: Sequence[str]) -> np.ndarray:
        """Every passage's share of the query's distinct tokens, in passage order."""
        distinct = dict.fromkeys(query)
        found = [posting[0] for posting in map(self._postings.get, distinct) if posting is not None]
        if not found:
            return np.zeros(self.size)
        return np.bincount(np.concatenate(found), minlength=self.size) / len(distinct)

    @functools.cached_property
    def _sorted_tokens(self) -> list[str]:
        return sorted(self._postings)

    @functools.cached_property
    def _sorted_backwards(self) -> list[str]:
        return sorted(token[::-1] for token in self._postings)

    def ending(self, token: str) -> list[str]:
        """Indexed tokens longer than `token` that end with it (抜く: 引き抜く)."""
        backwards = token[::-1]
        tokens = self._sorted_backwards
        i = bisect.bisect_right(tokens, backwards)
        out = []
        while i < len(tokens) and tokens[i].startswith(backwards):
            out.append(tokens[i][::-1])
            i += 1
        return out

    def stretch(self, token: str, shortest: int) -> list[str]:
        """Indexed tokens that `token` is a beginning of, or that are a beginning of it at least
        `shortest` characters long: its long and short forms (exec -> execut, Zuck -> zuckerberg).
        """
        tokens = self._sorted_tokens
        i = bisect.bisect_left(tokens, token)
        longer = []
        while i < len(tokens) and tokens[i].startswith(token):
            longer.append(tokens[i])
            i += 1
        shorter = [token[:n] for n in range(shortest, len(token)) if token[:n] in self._postings]
        return [t for t in longer + shorter if t != token]

    @functools.cached_property
    def document_frequencies(self) -> dict[str, int]:
        """Each indexed token -> how many passages hold it."""
        return {token: len(posting[0]) for token, posting in self._postings.items()}

    def holding(self, token: str) -> np.ndarray:
        """The passages that hold the token (their indices, ascending)."""
        posting = self._postings.get(token)
        return posting[0] if posting is not None else np.zeros(0, dtype=int)

    def holds_within(self, token: str, first: int, last: int) -> bool:
        """Whether a passage from `first` to `last` (indices, both included) holds the token."""
        held = self.holding(token)
        i = int(np.searchsorted(held, first))
        return i < len(held) and held[i] <= last

    def contains(self, doc: int, token: str) -> bool:
        return token in self._bm25.doc_freqs[doc]

    def top(self, query: Sequence[str], k: int) -> list[tuple[int, float]]:
        """The k best (passage index, score) pairs among passages sharing a token with the query."""
        return best(self.scores(query), k)

    def scores(
        self, query: Sequence[str], factors: Mapping[str, float] | None = None
    ) -> np.ndarray:
        """Every passage's score, in passage order; 0.0 for those sharing no token with the query.
        A token in `factors` counts that many times its score (a setting's words at half, a
        word's idf blended with its synonym's).

        A token's weights are added in query order, a repeated token once for each time, as
        rank-bm25 adds them, so the sums are the same floating-point numbers: np.bincount adds
        its weights one after the other, in the order given. (One bincount over the query's
        posting lists costs about a third of one `total[ids] += weights` per token.)
        """
        postings = self._postings
        found = [
            (token, posting) for token in query if (posting := postings.get(token)) is not None
        ]
        if not found:
            return np.zeros(self.size)
        ids = np.concatenate([ids for _, (ids, _) in found])
        if factors:
            weights = np.concatenate(
                [
                    weights if (factor := factors.get(token, 1.0)) == 1.0 else weights * factor
                    for token, (_, weights) in found
                ]
            )
        else:
            weights = np.concatenate([weights for _, (_, weights) in found])
        return np.bincount(ids, weights, minlength=self.size)


PARTITION_ABOVE = 256
# Up to this many passages Python's sort of the scores as floats is faster than numpy's calls (one
# article's 29: 2.3 against 5.8 µs; at 128, 13.6 against 5.8).
PYTHON_SORT_UP_TO = 64


def best(scores: np.ndarray, k: int) -> list[tuple[int, float]]:
    """The k highest non-zero scores as (passage index, score), best first, ties by index.

    Among many candidates only those at or above the k-th best score are sorted (np.partition),
    so ranking 50,000 passages costs little more than ranking a hundred; among a few the
    partition costs more than it saves.
    """
    if k < 1:
        return []
    if len(scores) <= PYTHON_SORT_UP_TO:  # a stable sort (reversed, still stable): ties in order
        values = scores.tolist()
        order = sorted(range(len(values)), key=values.__getitem__, reverse=True)[:k]
        return [(i, values[i]) for i in order if values[i] > 0]
    if len(scores) <= PARTITION_ABOVE:  # a stable sort keeps ties in passage order
        order = np.argsort(-scores, kind="stable")[:k]
        order = order[scores[order] > 0]
        return list(zip(order.tolist(), scores[order].tolist(), strict=True))
    found = np.flatnonzero(scores)
    values = scores[found]
    if len(found) > max(k, PARTITION_ABOVE):
        keep = values >= np.partition(values, len(values) - k)[len(values) - k]
        found, values = found[keep], values[keep]
    order = np.lexsort((found, -values))[:k]
    return list(zip(found[order].tolist(), values[order].tolist(), strict=True))
