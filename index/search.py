"""Search the articles of a seeds folder: question in, ranked passages and a verdict out."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .bm25 import BM25Index
from .errors import QueryError
from .glossary import Glossary
from .passages import Article, Passage, load_seeds
from .tokenize import EnglishTokenizer, JapaneseTokenizer, Tokenizer, is_japanese, normalize

log = logging.getLogger(__name__)

DEFAULT_SEEDS = Path(__file__).resolve().parent.parent / "seeds"
MAX_QUERY_CHARS = 500
_WORD = re.compile(r"\w")

# A question is answerable when the best passage holds this share of the question's weight
# (idf-weighted query tokens, a token the articles never use weighing the most). Calibrated on
# tests/data/questions.jsonl; see the README for the figures.
MIN_COVERAGE = 0.5


@dataclass(frozen=True, slots=True)
class Hit:
    passage: Passage
    score: float


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    lang: str  # "ja" | "en": the language the question is written in
    answerable: bool
    hits: tuple[Hit, ...]
    coverage: float  # share of the question's weight found in the best passage, 0..1
    tokens: tuple[str, ...]  # the query tokens searched

    def to_json(self) -> dict[str, object]:
        return {
            "query": self.query,
            "lang": self.lang,
            "answerable": self.answerable,
            "hits": [
                {
                    "doc": h.passage.doc,
                    "passage": h.passage.id,
                    "lines": list(h.passage.lines),
                    "section": h.passage.section,
                    "score": round(h.score, 4),
                    "text": h.passage.text,
                    "text_en": h.passage.text_en,
                }
                for h in self.hits
            ],
        }


def check_query(query: str) -> str:
    """The question stripped, or QueryError with a message a user can act on."""
    query = query.strip()
    if not query:
        raise QueryError("the question is empty")
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"the question is too long ({len(query)} characters; at most {MAX_QUERY_CHARS})")
    if not _WORD.search(normalize(query)):
        raise QueryError("the question has no words in it")
    return query


def detect_lang(text: str) -> str:
    return "ja" if is_japanese(text) else "en"


class Library:
    """The passages of one or more articles, indexed for Japanese and English questions."""

    def __init__(
        self,
        articles: Sequence[Article],
        ja_tokenizer: Tokenizer | None = None,
        en_tokenizer: Tokenizer | None = None,
        glossary: Glossary | None = None,
    ) -> None:
        self.articles = tuple(articles)
        self.passages: tuple[Passage, ...] = tuple(p for a in articles for p in a.passages)
        self.tokenize_ja = ja_tokenizer or JapaneseTokenizer()
        self.tokenize_en = en_tokenizer or EnglishTokenizer()
        self.glossary = glossary or Glossary.load(self.tokenize_ja, self.tokenize_en)
        self.ja = BM25Index([self.tokenize_ja(p.text) for p in self.passages])
        self.en = BM25Index([self.tokenize_en(p.text_en or "") for p in self.passages])
        self.has_english = any(p.text_en for p in self.passages)

    @classmethod
    def from_seeds(cls, folder: str | Path = DEFAULT_SEEDS) -> Library:
        return cls(load_seeds(folder))

    def article(self, doc: str) -> Article | None:
        return next((a for a in self.articles if a.doc == doc), None)

    def search(self, query: str, top: int = 3, lang: str | None = None) -> SearchResult:
        """The best `top` passages for the question, and whether the articles answer it."""
        query = check_query(query)
        lang = lang or detect_lang(query)
        if is_japanese(query):
            tokens = self.tokenize_ja(query)
            ranked, coverage = _rank(self.ja, tokens, top)
        else:
            tokens = self.tokenize_en(query)
            ranked, coverage = self._rank_english(tokens, top)
        hits = tuple(Hit(self.passages[i], s) for i, s in ranked)
        answerable = bool(hits) and coverage >= MIN_COVERAGE
        return SearchResult(query, lang, answerable, hits, coverage, tuple(tokens))

    def _rank_english(self, tokens: list[str], top: int) -> tuple[list[tuple[int, float]], float]:
        """English questions: the English rendering, fused with the Japanese side via the glossary."""
        ja_tokens = self.glossary.to_japanese(tokens)
        if not self.has_english:
            return _rank(self.ja, ja_tokens, top)
        en_ranked, en_cov = _rank(self.en, tokens, len(self.passages))
        ja_ranked, _ = _rank(self.ja, ja_tokens, len(self.passages))
        fused = _fuse([en_ranked, ja_ranked], [1.0, JA_WEIGHT_FOR_EN])
        return fused[:top], en_cov


JA_WEIGHT_FOR_EN = 0.3


def _fuse(rankings: list[list[tuple[int, float]]], weights: list[float]) -> list[tuple[int, float]]:
    """Sum of max-normalised scores; the first ranking's scale is kept for display."""
    total: dict[int, float] = {}
    scale = rankings[0][0][1] if rankings and rankings[0] else 1.0
    for ranking, weight in zip(rankings, weights):
        if not ranking:
            continue
        best = ranking[0][1] or 1.0
        for i, score in ranking:
            total[i] = total.get(i, 0.0) + weight * score / best
    return sorted(((i, s * scale) for i, s in total.items()), key=lambda p: (-p[1], p[0]))


def _rank(index: BM25Index, tokens: list[str], top: int) -> tuple[list[tuple[int, float]], float]:
    """Top passages and the share of the query's idf weight the best one holds."""
    if not tokens:
        return [], 0.0
    ranked = index.top(tokens, top)
    if not ranked:
        return [], 0.0
    return ranked, coverage(index, tokens, ranked[0][0])


def coverage(index: BM25Index, tokens: Sequence[str], doc: int) -> float:
    """Share of the query's idf weight that passage `doc` holds; unseen tokens weigh the most."""
    weights = {t: index.idf(t) or index.unseen_idf for t in set(tokens)}
    total = sum(weights.values())
    found = sum(w for t, w in weights.items() if index.contains(doc, t))
    return found / total if total else 0.0
