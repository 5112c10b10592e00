"""How much of a question one sentence of a passage holds.

The coordination factor (index.search.COORDINATION) counts the share of the question's distinct
words a passage holds anywhere in it; an answer sits in one sentence, so a passage whose best
sentence holds the words together is worth more than one holding them scattered over several.
Each passage's sentences (index.passages.split_sentences) are tokenized like the passage, and a
question's share is taken over the sentence holding the most of its words.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import numpy as np


class SentenceIndex:
    """The passages' sentences as token sets: per passage, the best sentence's share of a query."""

    def __init__(self, sentences: Sequence[Sequence[Sequence[str]]]) -> None:
        """`sentences`: per passage, its sentences' tokens (a passage without any holds none)."""
        self.size = len(sentences)
        counts = [max(len(s), 1) for s in sentences]  # an empty passage: one empty sentence
        # Sentence n of the flat list belongs to the passage whose run holds n; each passage's
        # run starts at starts[p] (runs in passage order, so np.maximum.reduceat takes each one's
        # best).
        self._starts = np.cumsum([0, *counts[:-1]], dtype=np.intp)
        self._n = sum(counts)
        # Built at the first question: a library of many articles starts without it.
        self._sentences = sentences

    @functools.cached_property
    def _postings(self) -> dict[str, np.ndarray]:
        """Each token's sentences (flat numbers, ascending), built in numpy: one pass in Python
        over the tokens to number them."""
        lengths = [len(s) for p in self._sentences for s in (p or [[]])]
        tokens = [t for p in self._sentences for s in p for t in s]
        vocabulary: dict[str, int] = {}
        ids = np.fromiter(
            (vocabulary.setdefault(t, len(vocabulary)) for t in tokens), np.intp, len(tokens)
        )
        sentence = np.repeat(np.arange(self._n, dtype=np.intp), lengths)
        pairs = np.unique(ids * self._n + sentence)  # each (token, sentence) once, by token
        token_ids, sentence_ids = np.divmod(pairs, self._n)
        starts = np.flatnonzero(np.diff(token_ids, prepend=-1)).tolist()
        ends = [*starts[1:], len(pairs)][: len(starts)]  # (no token: no posting)
        names = list(vocabulary)
        return {
            names[token_ids[start]]: sentence_ids[start:end]
            for start, end in zip(starts, ends, strict=True)
        }

    def held(self, query: Sequence[str]) -> np.ndarray:
        """Every passage's best sentence's share of the query's distinct tokens."""
        distinct = dict.fromkeys(query)
        found = [ids for ids in map(self._postings.get, distinct) if ids is not None]
        if not found or not self.size:
            return np.zeros(self.size)
        shares = np.bincount(np.concatenate(found), minlength=self._n) / len(distinct)
        return np.maximum.reduceat(shares, self._starts)
