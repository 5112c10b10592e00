"""Search the articles of a seeds folder: question in, ranked passages and a verdict out."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .answertype import AnswerType, question_type, states
from .bm25 import BM25Index
from .errors import QueryError
from .glossary import Glossary
from .passages import Article, Passage, load_seeds
from .tokenize import EnglishTokenizer, JapaneseTokenizer, Tokenizer, is_japanese, normalize

log = logging.getLogger(__name__)

DEFAULT_SEEDS = Path(__file__).resolve().parent.parent / "seeds"
MAX_QUERY_CHARS = 500
_WORD = re.compile(r"\w")
_LATIN = re.compile(r"[a-z][a-z0-9]*")
# A name in an English question: a capitalised word after the first of its sentence, an acronym,
# or a word with a capital inside (JavaScript).
_NAME = re.compile(r"(?<![.?!]\s)(?<!^)\b[A-Z][a-zA-Z0-9]+|\b[A-Z]{2,}\b|\b[a-zA-Z]+[A-Z][a-zA-Z]*\b")

# The settings below were chosen by measurement on tests/data/questions.jsonl and checked on
# tests/data/questions_validation.jsonl and JSQuAD (README, "Retrieval quality").

# A question is answerable when the best passage holds at least this share of the question's
# idf weight (a token the articles never use weighs the most) ...
MIN_COVERAGE = 0.05
# ... and, when it asks for a kind of fact (an amount, a count, a date, an age, a person), the
# best passage states one.
DECISIVE_TYPES = frozenset(AnswerType)
# Passages stating the kind of fact asked for rank higher by this share of their score.
ANSWER_TYPE_BONUS = 0.3
# English questions: weight of the Japanese side (question translated through the glossary)
# next to the English rendering, both scaled to their best score.
JA_WEIGHT_FOR_EN = 0.3
# Japanese questions: weight of the question's glossary synonyms (給料 -> 給与, 報酬) next to its
# own words.
SYNONYM_WEIGHT = 0.3


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
    answer_type: AnswerType | None = None

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
        raise QueryError(
            f"the question is too long ({len(query)} characters; at most {MAX_QUERY_CHARS})"
        )
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
        ja_tokenizer: JapaneseTokenizer | None = None,
        en_tokenizer: Tokenizer | None = None,
        glossary: Glossary | None = None,
    ) -> None:
        self.articles = tuple(articles)
        self.passages: tuple[Passage, ...] = tuple(p for a in articles for p in a.passages)
        self.tokenize_ja = ja_tokenizer or JapaneseTokenizer()
        self.tokenize_en = en_tokenizer or EnglishTokenizer()
        self.glossary = glossary or Glossary.load(self.tokenize_ja, self.tokenize_en)
        ja_docs = [self.tokenize_ja(p.text) for p in self.passages]
        # The section heading's words count for the passages under it: questions often name the
        # topic of a section (or, in an encyclopedia, the article's title) and not the sentence's.
        sections = {s: self.tokenize_ja(s) for s in {p.section or "" for p in self.passages}}
        self.ja = BM25Index([d + sections[p.section or ""] for d, p in zip(ja_docs, self.passages)])
        self.en = BM25Index([self.tokenize_en(p.text_en or "") for p in self.passages])
        self.has_english = any(p.text_en for p in self.passages)
        names = {
            token
            for p in self.passages
            for token, kind in self.tokenize_ja.proper_nouns(p.text).items()
            if kind == "人名"
        }
        self._facts: tuple[frozenset[AnswerType], ...] = tuple(
            frozenset(
                kind
                for kind in AnswerType
                if states(kind, p.text + "\n" + (p.text_en or ""), people=bool(names & set(d)))
            )
            for p, d in zip(self.passages, ja_docs)
        )

    @classmethod
    def from_seeds(cls, folder: str | Path = DEFAULT_SEEDS) -> Library:
        return cls(load_seeds(folder))

    def article(self, doc: str) -> Article | None:
        return next((a for a in self.articles if a.doc == doc), None)

    def search(self, query: str, top: int = 3, lang: str | None = None) -> SearchResult:
        """The best `top` passages for the question, and whether the articles answer it.

        `lang` labels the result (the reply language); the search itself follows the script the
        question is written in.
        """
        query = check_query(query)
        kind = question_type(query)
        if is_japanese(query):
            tokens = self.tokenize_ja(query)
            searched = self._with_glossary(tokens)
            ranked = self._expanded_scores(searched)
            index = self.ja
        else:
            tokens = self.tokenize_en(query)
            ranked = self._english_scores(tokens)
            index = self.en if self.has_english else self.ja
        if kind is not None:
            ranked = [
                (i, s * (1 + ANSWER_TYPE_BONUS) if kind in self._facts[i] else s) for i, s in ranked
            ]
        ranked.sort(key=lambda pair: (-pair[1], pair[0]))
        hits = tuple(Hit(self.passages[i], s) for i, s in ranked[: max(top, 1)])
        if index is self.en:
            cover = coverage(self.en, tokens, ranked[0][0]) if ranked else 0.0
        else:
            searched = self._with_glossary(tokens) if is_japanese(query) else self.glossary.to_japanese(tokens)
            cover = coverage(self.ja, searched, ranked[0][0]) if ranked else 0.0
        answerable = (
            cover >= MIN_COVERAGE
            and (kind not in DECISIVE_TYPES or kind in self._facts[ranked[0][0]])
            and not self.unknown_names(query)
        )
        return SearchResult(
            query, lang or detect_lang(query), answerable, hits[:top], cover, tuple(tokens), kind
        )

    def unknown_names(self, query: str) -> list[str]:
        """Names in the question that no article mentions (London, 大谷, Python).

        A question about something the articles never name is not answered by them, however
        well its other words match.
        """
        if is_japanese(query):
            names = [t for t in self.tokenize_ja.proper_nouns(query)]
            names += [t for t in self.tokenize_ja(query) if _LATIN.fullmatch(t)]
        else:
            names = [w.casefold() for w in _NAME.findall(query)]
        unknown = []
        for name in dict.fromkeys(names):
            spellings = self.glossary.to_japanese(self.tokenize_en(name)) + self.tokenize_ja(name)
            if _LATIN.fullmatch(name):  # SNS: its Japanese spellings (ソーシャルメディア) may be in use
                spellings += [s for t in spellings for s in self.glossary.synonyms(t)]
            if not any(self.ja.idf(t) or self.en.idf(t) for t in spellings + self.tokenize_en(name)):
                unknown.append(name)
        return unknown

    def _with_glossary(self, tokens: list[str]) -> list[str]:
        """Japanese query tokens, with Latin words (Sam Altman) also in their Japanese spelling."""
        extra = [t for t in self.glossary.to_japanese([w for w in tokens if _LATIN.fullmatch(w)])]
        return tokens + [t for t in extra if t not in tokens]

    def _expanded_scores(self, tokens: list[str]) -> list[tuple[int, float]]:
        """Japanese scores of the tokens, plus SYNONYM_WEIGHT x those of their glossary synonyms."""
        synonyms = [s for t in tokens for s in self.glossary.synonyms(t) if s not in tokens]
        if not synonyms or not SYNONYM_WEIGHT:
            return self.ja.scores(tokens)
        return _add(self.ja.scores(tokens), self.ja.scores(list(dict.fromkeys(synonyms))), SYNONYM_WEIGHT)

    def _english_scores(self, tokens: list[str]) -> list[tuple[int, float]]:
        """English questions: the English rendering, fused with the Japanese side via the glossary."""
        ja_scores = self.ja.scores(self.glossary.to_japanese(tokens))
        if not self.has_english:
            return ja_scores
        return _fuse([self.en.scores(tokens), ja_scores], [1.0, JA_WEIGHT_FOR_EN])


def _add(
    base: list[tuple[int, float]], extra: list[tuple[int, float]], weight: float
) -> list[tuple[int, float]]:
    total = dict(base)
    for i, score in extra:
        total[i] = total.get(i, 0.0) + weight * score
    return list(total.items())


def _fuse(rankings: list[list[tuple[int, float]]], weights: list[float]) -> list[tuple[int, float]]:
    """Sum of scores scaled to each ranking's best, in the first ranking's units."""
    total: dict[int, float] = {}
    unit = max((s for _, s in rankings[0]), default=0.0) or 1.0
    for ranking, weight in zip(rankings, weights):
        best = max((s for _, s in ranking), default=0.0)
        if best <= 0:
            continue
        for i, score in ranking:
            total[i] = total.get(i, 0.0) + weight * unit * score / best
    return list(total.items())


def coverage(index: BM25Index, tokens: Sequence[str], doc: int) -> float:
    """Share of the query's idf weight that passage `doc` holds; unseen tokens weigh the most.

    Glossary synonyms do not count here: measured, they let recipes and weather through.
    """
    weights = {t: index.idf(t) or index.unseen_idf for t in set(tokens)}
    total = sum(weights.values())
    found = sum(w for t, w in weights.items() if index.contains(doc, t))
    return found / total if total else 0.0
