"""Extractive summaries of an article: its most central sentences, quoted and cited.

Sentences come from the passages (index.passages.split_sentences) and are tokenized by the same
fugashi path as search. Similarity is the cosine of idf-weighted sets of content words, idf over
the article's sentences. Centrality is continuous LexRank (Erkan & Radev 2004): a random walk over
the similarity graph, damping 0.85, a fixed number of iterations, so the same article always
gives the same scores. Its random jump leans towards sentences that echo their section's heading
(the title heads the lede): a heading is the author's own summary of what stands under it, and
without it a name repeated in many sentences (here Chen) outweighs a fact stated once (the $100
million offers). MMR then picks central sentences that do not repeat each other, and the summary
keeps the article's order. A topic mixes each sentence's relevance into its score, and only
sentences that mention the topic may be picked.

Why not sumy's LexRankSummarizer: it would pull in about twenty packages (nltk, lxml, requests,
breadability, pycountry...) for some forty lines of arithmetic; it reads sentences into its own
Document objects, so every pick would have to be matched back to a passage and line; its power
method has no damping and stops at a loose epsilon of 0.1; its idf, log(N / (1 + n)), is zero or
negative for a word in half the sentences; and it has no MMR, topic bias or heading prior. The
algorithm below is small, uses numpy (already needed by index.bm25) and keeps citations exact.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .errors import QAError
from .passages import Article, Heading, Passage, split_sentences
from .tokenize import is_japanese

if TYPE_CHECKING:
    from .search import Library

LENGTHS = {"short": 3, "medium": 5, "long": 10}

DAMPING = 0.85  # the chance the random walk follows an edge rather than jumps
ITERATIONS = 100  # fixed, so scores never depend on a convergence test; 0.85**100 < 1e-7
HEADING_BIAS = 0.5  # share of the random jump that goes to sentences echoing their heading
MMR_LAMBDA = 0.7  # weight of a sentence's own score against its similarity to those already picked
NEAR_DUPLICATE = 0.5  # token-set Jaccard at or above which two sentences say the same thing
MIN_SENTENCE_CHARS = 15  # shorter "sentences" are fragments: a lead-in, a quote's tail
LEAD_IN_ENDS = tuple("、,:：;；")  # "...he said:" announces the next line and says nothing alone
TOPIC_WEIGHT = 0.5  # share of a topic summary's score that is relevance (the rest: centrality)
# The article has something on a topic when one sentence holds this share of the topic's weight
# (idf-weighted topic words, a word the article never uses weighing the most): "Metaのパン作り"
# shares only メタ with the article, and that is not a summary of bread-making.
MIN_TOPIC_COVERAGE = 0.25
# A sentence is about the topic when it holds this share of the best sentence's relevance.
MIN_RELATIVE_RELEVANCE = 0.3
JA_WEIGHT_FOR_EN = 0.3  # as in search: the glossary's Japanese side adds evidence to English topics
MAX_TOPIC_CHARS = 500


@dataclass(frozen=True, slots=True)
class SummarySentence:
    text: str  # verbatim Japanese sentence (substring of passage.text)
    # Its English rendering: the aligned sentence of passage.text_en, or the whole passage.text_en
    # when the two sides do not split into the same number of sentences.
    text_en: str | None
    passage: Passage
    lines: tuple[int, int]  # the source lines it stands on


@dataclass(frozen=True, slots=True)
class Summary:
    doc: str
    sentences: tuple[SummarySentence, ...]  # in article order
    topic: str | None
    on_topic: bool  # False when a topic was given and the article has nothing on it
    section: str | None


@dataclass(frozen=True, slots=True)
class _Sentence:
    quote: SummarySentence
    tokens: tuple[str, ...]


def sections(library: Library, doc: str | None = None) -> list[str]:
    """The headings usable as `section`, in article order: those with passages under them."""
    article = _article(library, doc)
    return [h.text for h in _sections(article)]


def summarize(
    library: Library,
    *,
    length: str = "medium",
    section: str | None = None,
    topic: str | None = None,
    doc: str | None = None,
) -> Summary:
    """The article's central sentences in article order, optionally of one section or on a topic."""
    if length not in LENGTHS:
        raise QAError(f"unknown length {length!r}: use one of {', '.join(LENGTHS)}")
    article = _article(library, doc)
    topic = _check_topic(topic)
    heading = _section(article, section) if section is not None else None
    section = heading.text if heading else None

    everything = _sentences(library, article.passages)
    idf = _idf([s.tokens for s in everything])
    scope = [s for s in everything if heading is None or s.quote.passage.section == heading.text]
    vectors = [_vector(s.tokens, idf) for s in scope]
    similarity = _similarities(vectors)
    headings = {h.text: _vector(library.tokenize_ja(h.text), idf) for h in article.headings}
    echo = [
        _cosine(v, headings.get(s.quote.passage.section or "", {}))
        for v, s in zip(vectors, scope, strict=True)
    ]
    scores = _lexrank(similarity, prior=echo)

    # Whole sentences first; fragments only when there are too few of them to fill the summary.
    usable = [bool(s.tokens) for s in scope]
    preferred = [u and _is_summary_worthy(s) for u, s in zip(usable, scope, strict=True)]
    if topic is not None:
        relevance = _relevance(library, topic, scope)
        best = max(relevance, default=0.0)
        if best < MIN_TOPIC_COVERAGE:
            return Summary(article.doc, (), topic, False, section)
        about = [r >= MIN_RELATIVE_RELEVANCE * best for r in relevance]
        usable = [u and a for u, a in zip(usable, about, strict=True)]
        preferred = [p and a for p, a in zip(preferred, about, strict=True)]
        top = max(scores) or 1.0
        scores = [
            (1 - TOPIC_WEIGHT) * c / top + TOPIC_WEIGHT * r / best
            for c, r in zip(scores, relevance, strict=True)
        ]

    words = [frozenset(s.tokens) for s in scope]
    picked = _mmr(scores, similarity, words, preferred, LENGTHS[length])
    picked = _mmr(scores, similarity, words, usable, LENGTHS[length], picked)
    chosen = tuple(scope[i].quote for i in sorted(picked))
    return Summary(article.doc, chosen, topic, True, section)


# --- the article, its sections and its sentences ----------------------------------------------


def _article(library: Library, doc: str | None) -> Article:
    if not library.articles:
        raise QAError("there is no article to summarize")
    if doc is None:
        return min(library.articles, key=lambda a: a.doc)
    for article in library.articles:
        if doc in (article.doc, article.doc.rsplit(".", 1)[0]):
            return article
    raise QAError(f"no article named {doc!r}")


def _sections(article: Article) -> list[Heading]:
    used = {p.section for p in article.passages}
    return [h for h in article.headings if h.text in used]


def _section(article: Article, name: str) -> Heading:
    headings = _sections(article)
    wanted = name.strip()
    for h in headings:
        if wanted in (h.text, h.text_en):
            return h
    key = _fold(wanted)
    found = [h for h in headings if key and (key in _fold(h.text) or key in _fold(h.text_en or ""))]
    if len(found) == 1:
        return found[0]
    if not found:
        raise QAError(f"no section matches {name!r}")
    raise QAError(f"several sections match {name!r}: be more specific")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().strip()


def _check_topic(topic: str | None) -> str | None:
    if topic is None:
        return None
    topic = topic.strip()
    if not topic:
        return None
    if len(topic) > MAX_TOPIC_CHARS:
        raise QAError(f"the topic is too long ({len(topic)} characters; at most {MAX_TOPIC_CHARS})")
    return topic


def _sentences(library: Library, passages: Sequence[Passage]) -> list[_Sentence]:
    out: list[_Sentence] = []
    for passage in passages:
        japanese = split_sentences(passage.text)
        english = split_sentences(passage.text_en) if passage.text_en else []
        aligned = len(english) == len(japanese)
        end = 0
        for k, text in enumerate(japanese):
            text_en = english[k] if aligned else passage.text_en
            start = passage.text.index(text, end)
            end = start + len(text)
            quote = SummarySentence(text, text_en, passage, passage.lines_of(start, end))
            out.append(_Sentence(quote, tuple(library.tokenize_ja(text))))
    return out


def _is_summary_worthy(sentence: _Sentence) -> bool:
    """Not a fragment: long enough, with content words (a bare quote has none), and ending as a
    sentence rather than as a lead-in to the next line."""
    text = sentence.quote.text
    return (
        len(text) >= MIN_SENTENCE_CHARS
        and len(set(sentence.tokens)) >= 2
        and not text.endswith(LEAD_IN_ENDS)
    )


# --- similarity and centrality ---------------------------------------------------------------


def _idf(documents: Sequence[Sequence[str]]) -> dict[str, float]:
    """Lucene's idf, as in index.bm25: positive, and falling smoothly with document frequency."""
    n = len(documents)
    freq = Counter(t for doc in documents for t in set(doc))
    return {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in freq.items()}


def _vector(tokens: Sequence[str], idf: dict[str, float]) -> dict[str, float]:
    # A set, not counts: a word said twice in one sentence ("物足りなさ" in line 24) is not twice
    # what the sentence is about, and would pull a quote's echo to the centre.
    return {t: idf.get(t, 0.0) for t in set(tokens)}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b[t] for t, w in a.items() if t in b)
    if not dot:
        return 0.0
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm


def _similarities(vectors: Sequence[dict[str, float]]) -> np.ndarray:
    n = len(vectors)
    matrix = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            matrix[i, j] = matrix[j, i] = _cosine(vectors[i], vectors[j])
    return matrix


def _lexrank(similarity: np.ndarray, prior: Sequence[float]) -> list[float]:
    """Continuous LexRank: the stationary distribution of a damped walk over the similarity graph,
    whose random jump lands on a sentence partly at random, partly in proportion to `prior`.

    A sentence sharing no word with any other (a row of zeros) links to every sentence alike, so
    the walk never gets stuck and the scores sum to 1.
    """
    n = len(similarity)
    if n == 0:
        return []
    jump = np.full(n, 1.0 / n)
    weights = np.asarray(prior, dtype=float)
    if weights.sum() > 0:
        jump = (1 - HEADING_BIAS) * jump + HEADING_BIAS * weights / weights.sum()
    rows = similarity.sum(axis=1, keepdims=True)
    transition = np.where(rows > 0, similarity / np.where(rows > 0, rows, 1.0), 1.0 / n)
    p = np.full(n, 1.0 / n)
    for _ in range(ITERATIONS):
        p = (1 - DAMPING) * jump + DAMPING * (transition.T @ p)
    return [float(x) for x in p]


# --- topic relevance -------------------------------------------------------------------------


def _relevance(library: Library, topic: str, scope: Sequence[_Sentence]) -> list[float]:
    """Each sentence's share of the topic's weight, 0..1. English topics are matched against the
    English rendering; the glossary's Japanese words, weighed less as in search, can raise a
    sentence's share but never lower it."""
    japanese_docs = [s.tokens for s in scope]
    if is_japanese(topic):
        return _coverages(_topic_tokens(library.tokenize_ja(topic)), japanese_docs)
    tokens = _topic_tokens(library.tokenize_en(topic))
    japanese = _coverages(library.glossary.to_japanese(tokens), japanese_docs)
    if not any(s.quote.text_en for s in scope):
        return japanese
    english_docs = [tuple(library.tokenize_en(s.quote.text_en or "")) for s in scope]
    english = _coverages(tokens, english_docs, _english_numerals(library))
    w = JA_WEIGHT_FOR_EN
    return [max(e, (e + w * j) / (1 + w)) for e, j in zip(english, japanese, strict=True)]


def _topic_tokens(tokens: list[str]) -> list[str]:
    if not tokens:
        raise QAError("the topic has no words to look for")
    return tokens


_NUMERAL = re.compile(r"[0-9〇一二三四五六七八九十百千万億兆]+")


def _english_numerals(library: Library) -> frozenset[str]:
    return frozenset(library.tokenize_en("hundred thousand million billion trillion"))


def _units(tokens: Sequence[str], numerals: frozenset[str]) -> list[tuple[str, ...]]:
    """Tokens, with each run of adjacent numerals joined into one unit: a number means something
    only with its magnitude, so 1億ドル must not match 億万長者 (億) or 1週間 (1)."""
    units: list[tuple[str, ...]] = []
    run: list[str] = []
    for token in tokens:
        if _NUMERAL.fullmatch(token) or token in numerals:
            run.append(token)
            continue
        if run:
            units.append(tuple(run))
            run = []
        units.append((token,))
    if run:
        units.append(tuple(run))
    return units


def _contains(doc: Sequence[str], unit: tuple[str, ...]) -> bool:
    n = len(unit)
    return any(tuple(doc[i : i + n]) == unit for i in range(len(doc) - n + 1))


def _coverages(
    topic: Sequence[str],
    documents: Sequence[Sequence[str]],
    numerals: frozenset[str] = frozenset(),
) -> list[float]:
    """Share of the topic's idf weight each document holds; a word no document has weighs most,
    so a topic mostly about something the article never mentions covers little anywhere."""
    units = list(dict.fromkeys(_units(topic, numerals)))
    hits = [[_contains(doc, u) for doc in documents] for u in units]
    n = len(documents)
    weights = [math.log(1 + (n - sum(h) + 0.5) / (sum(h) + 0.5)) for h in hits]
    total = sum(weights)
    if not total:
        return [0.0] * n
    return [sum(w for w, h in zip(weights, hits, strict=True) if h[d]) / total for d in range(n)]


# --- selection -------------------------------------------------------------------------------


def _mmr(
    scores: Sequence[float],
    similarity: np.ndarray,
    words: Sequence[frozenset[str]],
    eligible: Sequence[bool],
    count: int,
    picked: Sequence[int] = (),
) -> list[int]:
    """Maximal marginal relevance: `picked` and then, until there are `count`, the best-scoring
    eligible sentence that least repeats those picked; a near-duplicate of a picked sentence is
    never picked. Ties go to the earlier sentence."""
    top = max(scores, default=0.0) or 1.0
    picked = list(picked)
    candidates = [
        i
        for i, ok in enumerate(eligible)
        if ok and all(i != j and _jaccard(words[i], words[j]) < NEAR_DUPLICATE for j in picked)
    ]

    def gain(i: int) -> tuple[float, int]:
        redundancy = max((float(similarity[i, j]) for j in picked), default=0.0)
        return (MMR_LAMBDA * scores[i] / top - (1 - MMR_LAMBDA) * redundancy, -i)

    while candidates and len(picked) < count:
        best = max(candidates, key=gain)
        picked.append(best)
        candidates = [
            i for i in candidates if i != best and _jaccard(words[i], words[best]) < NEAR_DUPLICATE
        ]
    return picked


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


if __name__ == "__main__":
    import argparse

    from .search import Library

    parser = argparse.ArgumentParser(prog="python -m index.summarize", description=__doc__)
    parser.add_argument("--length", default="medium", choices=list(LENGTHS))
    parser.add_argument("--section")
    parser.add_argument("--topic")
    parser.add_argument("--doc")
    parser.add_argument("--lang", default="ja", choices=["ja", "en"])
    args = parser.parse_args()
    lib = Library.from_seeds()
    try:
        result = summarize(
            lib, length=args.length, section=args.section, topic=args.topic, doc=args.doc
        )
    except QAError as e:
        raise SystemExit(f"error: {e}") from None
    if not result.on_topic:
        print(f"The article says nothing about {result.topic!r}.")
    for s in result.sentences:
        text = s.text_en if args.lang == "en" and s.text_en else s.text
        first, last = s.lines
        print(f"- {text} [{s.passage.doc}:{first}" + (f"-{last}]" if last != first else "]"))
