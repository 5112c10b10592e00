"""How a question is put: whether its form is that of a question about an article.

"来週有給とって休みにしようかな", "any tips for leading a small team for the first time", "面接で
会社の文化について聞いてもいいもの?" share words with this article (休み, team, 会社, 文化) and none
of its subject; what gives them away is how they are put: the asker's plans, advice asked, a
channel's small talk. The question's words are masked: a content word becomes K if the articles
use it as written (給料 is U: they write 給与) and U (with its part of speech's first character,
in Japanese) if not; the rest (particles, endings, pronouns, English function words) stay as
written. "来週有給とって休みにしようかな" reads `U名 U名 K て K に しよう か な` and "any tips for
leading a small team" `any U for U a U K`, so what is learned is the form, not this article's
subject, and holds for any article dropped into seeds/.

Naive Bayes over those words and their pairs (the log-count ratio of each between answerable
questions and everyday ones that are not: Wang and Manning 2012), clipped, is one feature of the
verdict (index.verdict.Evidence.form). Its weights are data, index/data/form.json, written by
`python -m index.verdict_fit` from the tuning parts of tests/data/.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any

from .tokenize import EnglishTokenizer, JapaneseTokenizer

KNOWN, UNKNOWN = "K", "U"
ALPHA = 1.0  # add-one smoothing of each word's count per class
MIN_COUNT = 2  # words seen fewer times in the tuning parts carry no weight
CLIP = 8.0  # the score's bound either way (one question's many rare pairs do not run away)
# (chosen by five-fold cross-validation of the verdict on the tuning parts: words alone, pairs or
# triples; smoothing 0.5 or 1; counts from 1 to 3; bounds 4 or 8: README, The verdict)


def masked_ja(forms: Iterable[tuple[str, str, str]], known: Callable[[str], float]) -> list[str]:
    """A Japanese question's words (index.tokenize.JapaneseTokenizer.forms: as written, pos1 and
    token) with each content word as K or U + its part of speech's first character."""
    return [
        (KNOWN if known(token) else UNKNOWN + pos1[:1]) if token else surface
        for surface, pos1, token in forms
    ]


def masked_en(
    words: Iterable[str], stopwords: frozenset[str], known: Callable[[str], float]
) -> list[str]:
    """An English question's words (index.tokenize.EnglishTokenizer.words: stems, function words
    as written) with each content word as K or U."""
    return [w if w in stopwords else KNOWN if known(w) else UNKNOWN for w in words]


def masked(
    question: str,
    japanese: bool,
    ja: JapaneseTokenizer,
    en: EnglishTokenizer,
    known: Callable[[str], float],
) -> tuple[str, list[str]]:
    """The question's language and its masked words (`known`: a token's idf in the articles'
    index of the question's language, 0.0 for a token they never use: BM25Index.idf). Known in
    some other form (給料 as 給与) was tried: on the tuning part it let 0.8 point more English
    answerable questions be declined (README, The verdict)."""
    if japanese:
        return "ja", masked_ja(ja.forms(question), known)
    return "en", masked_en(en.words(question), en.stopwords, known)


def features(lang: str, words: list[str]) -> frozenset[str]:
    """The masked words and each pair of neighbours, from the question's start to its end."""
    seq = ["<s>", *words, "</s>"]
    pairs = (f"{a} {b}" for a, b in zip(seq, seq[1:], strict=False))
    return frozenset(f"{lang}:{w}" for w in (*seq, *pairs))


@dataclass(frozen=True, slots=True)
class Form:
    """Each feature's log-count ratio: above 0, seen more in questions the articles answer."""

    weights: dict[str, float]
    clip: float = CLIP

    def score(self, found: Iterable[str]) -> float:
        weights = self.weights
        total = sum(weights.get(f, 0.0) for f in found)
        return max(-self.clip, min(self.clip, total))

    @classmethod
    def fit(
        cls,
        examples: Iterable[tuple[frozenset[str], bool]],
        alpha: float = ALPHA,
        min_count: int = MIN_COUNT,
    ) -> Form:
        """From (features, answerable) pairs: answerable questions against everyday ones."""
        counts: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}
        n = {True: 0, False: 0}
        for found, answerable in examples:
            counts[answerable].update(found)
            n[answerable] += 1
        pos, neg = counts[True], counts[False]
        weights = {
            f: round(
                math.log((pos[f] + alpha) / (n[True] + 2 * alpha))
                - math.log((neg[f] + alpha) / (n[False] + 2 * alpha)),
                4,
            )
            for f in sorted(pos.keys() | neg.keys())
            if pos[f] + neg[f] >= min_count
        }
        return cls(weights)

    @classmethod
    def load(cls) -> Form:
        text = resources.files(__package__).joinpath("data/form.json").read_text("utf-8")
        return cls.from_json(json.loads(text))

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Form:
        return cls(dict(data["weights"]), float(data["clip"]))

    def to_json(self, meta: dict[str, Any]) -> dict[str, Any]:
        return {**meta, "clip": self.clip, "weights": self.weights}
