"""BM25 over token lists: rank-bm25's scoring behind an inverted index.

rank-bm25 scores every passage for every query token in a Python loop. Only passages that share a
token with the query can score above the rest, so the inverted index picks those candidates and
`get_batch_scores` scores just them; the scores equal a full `get_scores` for every candidate.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

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
            self.idf[word] = math.log(1 + (n_docs - freq + 0.5) / (freq + 0.5))
        self.average_idf = sum(self.idf.values()) / len(self.idf) if self.idf else 0.0


class BM25Index:
    """Score passages (lists of tokens) against a query (a list of tokens)."""

    def __init__(self, docs: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75) -> None:
        self.size = len(docs)
        # rank-bm25 divides by the mean length: an index of empty passages still needs one token.
        self._bm25 = NonNegativeOkapi([list(d) or ["\0"] for d in docs], k1=k1, b=b)
        # Converted once: rank-bm25 turns the list into an array on every batch call otherwise.
        self._bm25.doc_len = np.asarray(self._bm25.doc_len)
        postings: dict[str, list[int]] = defaultdict(list)
        for i, doc in enumerate(docs):
            for token in set(doc):
                postings[token].append(i)
        self.postings = dict(postings)
        # What a token found in no passage would weigh: the idf of document frequency 0.
        self.unseen_idf = math.log(1 + (self.size + 0.5) / 0.5)

    def idf(self, token: str) -> float:
        """The token's weight, 0.0 for a token in no passage."""
        return self._bm25.idf.get(token, 0.0)

    def contains(self, doc: int, token: str) -> bool:
        return token in self._bm25.doc_freqs[doc]

    def top(self, query: Sequence[str], k: int) -> list[tuple[int, float]]:
        """The k best (passage index, score) pairs among passages sharing a token with the query."""
        scored = self.scores(query)
        scored.sort(key=lambda pair: (-pair[1], pair[0]))
        return scored[:k]

    def scores(self, query: Sequence[str]) -> list[tuple[int, float]]:
        """(passage index, score) for every passage sharing a token with the query, unsorted."""
        candidates = sorted({i for token in query for i in self.postings.get(token, ())})
        if not candidates:
            return []
        return list(zip(candidates, self._bm25.get_batch_scores(list(query), candidates)))
