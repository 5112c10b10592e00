"""Score summaries against hand-written references: ROUGE-1, ROUGE-2, ROUGE-L and reference facts.

`python -m index summaries` prints one row per method, language and length. The references live
in tests/data/summaries.json: for one article, a short, medium and long summary in Japanese and
English written from the article, and the facts each length must state, each with the lines of
the article that state it. A summary covers a fact when it quotes one of those lines.

ROUGE is the F1 of n-gram (1, 2) and longest-common-subsequence overlap (Lin 2004), over fugashi's
surface tokens for Japanese (NFKC, punctuation left out) and Snowball-stemmed words for English,
as rouge-score's `use_stemmer` does. R-L is the LCS of the whole summary against the whole
reference, so it depends on the order of the summary's sentences; R-Lsum is Lin's summary-level
LCS (rouge-score's `rougeLsum`): each reference sentence's union of its LCS with every summary
sentence, each token counted once, so it does not. R-L is the figure the issue's target is on;
R-Lsum is shown beside it to tell order from content. It is computed here rather than with rouge-score, whose
tokenizer drops every non-Latin character and so scores any two Japanese texts as equal.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import Stemmer

from .summarize import LENGTHS, METHODS, summarize
from .tokenize import _shared_tagger, normalize

if TYPE_CHECKING:
    from .search import Library
    from .summarize import Mix, Summary

REFERENCES = Path(__file__).resolve().parent.parent / "tests" / "data" / "summaries.json"

_WORD = re.compile(r"[a-z0-9]+")
_PUNCTUATION_POS = ("補助記号", "記号", "空白")
_STEMMER = Stemmer.Stemmer("english")


@dataclass(frozen=True, slots=True)
class Score:
    method: str
    lang: str
    length: str
    rouge1: float
    rouge2: float
    rouge_l: float
    rouge_lsum: float
    facts: float  # share of the length's reference facts the summary quotes a line of
    missed: tuple[str, ...]  # the facts it does not
    lines: tuple[int, ...]  # the first line of each summary sentence

    def as_dict(self) -> dict[str, object]:
        return {
            "method": self.method,
            "lang": self.lang,
            "length": self.length,
            "rouge1": round(self.rouge1, 4),
            "rouge2": round(self.rouge2, 4),
            "rougeL": round(self.rouge_l, 4),
            "rougeLsum": round(self.rouge_lsum, 4),
            "facts": round(self.facts, 4),
            "missed": list(self.missed),
            "lines": list(self.lines),
        }


def words(text: str, lang: str) -> list[str]:
    """The tokens ROUGE counts: fugashi surfaces for Japanese, stemmed words for English."""
    if lang == "en":
        return _STEMMER.stemWords(_WORD.findall(normalize(text)))
    tagger, lock = _shared_tagger()
    with lock:
        parsed = tagger.parse(normalize(text))
    out = []
    for line in parsed.split("\n"):
        node = line.split("\t")
        if len(node) >= 2 and node[0].strip() and node[1] not in _PUNCTUATION_POS:
            out.append(node[0])
    return out


def rouge_n(candidate: Sequence[str], reference: Sequence[str], n: int) -> float:
    cand = Counter(tuple(candidate[i : i + n]) for i in range(len(candidate) - n + 1))
    ref = Counter(tuple(reference[i : i + n]) for i in range(len(reference) - n + 1))
    return _f1(sum((cand & ref).values()), sum(cand.values()), sum(ref.values()))


def rouge_l(candidate: Sequence[str], reference: Sequence[str]) -> float:
    return _f1(_lcs(candidate, reference), len(candidate), len(reference))


def rouge_lsum(candidate: Sequence[Sequence[str]], reference: Sequence[Sequence[str]]) -> float:
    """Summary-level LCS F1 over sentences (Lin 2004, 3.2; clipped as rouge-score's rougeLsum)."""
    left_c = Counter(t for sentence in candidate for t in sentence)
    left_r = Counter(t for sentence in reference for t in sentence)
    n_c, n_r = sum(left_c.values()), sum(left_r.values())
    hits = 0
    for ref in reference:
        union = sorted({k for cand in candidate for k in _lcs_positions(ref, cand)})
        for k in union:
            token = ref[k]
            if left_c[token] > 0 and left_r[token] > 0:
                hits += 1
                left_c[token] -= 1
                left_r[token] -= 1
    return _f1(hits, n_c, n_r)


def _lcs_positions(a: Sequence[str], b: Sequence[str]) -> list[int]:
    """The positions in `a` of one longest common subsequence of `a` and `b`."""
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            table[i + 1][j + 1] = (
                table[i][j] + 1 if x == y else max(table[i][j + 1], table[i + 1][j])
            )
    out = []
    i, j = len(a), len(b)
    while i and j:
        if a[i - 1] == b[j - 1]:
            out.append(i - 1)
            i, j = i - 1, j - 1
        elif table[i - 1][j] >= table[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return out[::-1]


_SENTENCE_END = re.compile(r"(?<=[。.!?！？])\s*")


def sentences_of(text: str, lang: str) -> list[list[str]]:
    """A reference's sentences, as ROUGE tokens."""
    return [w for part in _SENTENCE_END.split(text) if (w := words(part, lang))]


def _lcs(a: Sequence[str], b: Sequence[str]) -> int:
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def _f1(overlap: int, n_candidate: int, n_reference: int) -> float:
    if not overlap:
        return 0.0
    precision, recall = overlap / n_candidate, overlap / n_reference
    return 2 * precision * recall / (precision + recall)


def load_references(path: str | Path = REFERENCES) -> dict[str, object]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def score(
    summary: Summary, references: dict[str, object], method: str, lang: str, length: str
) -> Score:
    reference = references["summaries"][lang][length]  # type: ignore[index]
    if lang == "en":
        text = " ".join(s.text_en or s.text for s in summary.sentences)
    else:
        text = "".join(s.text for s in summary.sentences)
    cand, ref = words(text, lang), words(reference, lang)
    quoted_sentences = [
        words((s.text_en or s.text) if lang == "en" else s.text, lang) for s in summary.sentences
    ]
    quoted = {n for s in summary.sentences for n in range(s.lines[0], s.lines[1] + 1)}
    facts = [f for f in references["facts"] if length in f["lengths"]]  # type: ignore[attr-defined]
    missed = tuple(f["id"] for f in facts if not quoted & set(f["lines"]))
    return Score(
        method,
        lang,
        length,
        rouge_n(cand, ref, 1),
        rouge_n(cand, ref, 2),
        rouge_l(cand, ref),
        rouge_lsum(quoted_sentences, sentences_of(reference, lang)),
        1 - len(missed) / len(facts) if facts else 1.0,
        missed,
        tuple(s.lines[0] for s in summary.sentences),
    )


def evaluate(
    library: Library,
    references: dict[str, object],
    methods: Sequence[str] = METHODS,
    **options: object,
) -> list[Score]:
    """Every method's score in both languages at every length; `options` go to summarize."""
    doc = str(references["doc"])
    rows = []
    for method in methods:
        for length in LENGTHS:
            summary = summarize(library, length=length, doc=doc, method=method, **options)  # type: ignore[arg-type]
            for lang in ("ja", "en"):
                rows.append(score(summary, references, method, lang, length))
    return rows


def format_table(rows: Sequence[Score]) -> str:
    out = [f"{'method':10} {'lang':4} {'length':6}  R-1    R-2    R-L    R-Lsum facts  lines"]
    for r in sorted(rows, key=lambda r: (r.lang, list(LENGTHS).index(r.length))):
        out.append(
            f"{r.method:10} {r.lang:4} {r.length:6}  {r.rouge1:.3f}  {r.rouge2:.3f}  "
            f"{r.rouge_l:.3f}  {r.rouge_lsum:.3f}  {r.facts:.2f}   {' '.join(map(str, r.lines))}"
        )
    return "\n".join(out)


# The weights tried for each feature of summarize.Mix by `grid`.
GRID = {
    "centrality": (0.0, 1.0, 2.0),
    "title": (0.0, 1.0, 2.0),
    "heading": (0.0, 1.0, 2.0, 4.0),
    "lead": (0.0, 1.0),
    "section_lead": (0.0, 1.0),
    "section_title": (0.0, 1.0, 2.0, 4.0, 8.0),
    "share_title": (0.0, 1.0, 2.0, 3.0, 4.0, 8.0),
}
TUNING_LANG = "ja"  # the English references are held out
BASELINES = ("lexrank", "lead")
_METRICS = ("rouge1", "rouge2", "rouge_l", "facts")


def objective(rows: Sequence[Score]) -> float:
    """Over the lengths, the mean of ROUGE (1, 2, L averaged) and fact coverage."""
    return sum(((r.rouge1 + r.rouge2 + r.rouge_l) / 3 + r.facts) / 2 for r in rows) / len(rows)


def wins(rows: Sequence[Score], baselines: Sequence[Score]) -> int:
    """In how many (length, metric) cells `rows` beat every baseline row of the same length."""
    return sum(
        all(getattr(r, m) > getattr(b, m) for b in baselines if b.length == r.length)
        for r in rows
        for m in _METRICS
    )


def grid(
    library: Library, references: dict[str, object]
) -> list[tuple[int, float, Mix, list[Score]]]:
    """Every weighting of GRID scored on the tuning language, best first: most cells won against
    both baselines, then the highest objective."""
    from itertools import product

    from .summarize import Mix

    doc = str(references["doc"])
    baselines = [
        score(
            summarize(library, length=length, doc=doc, method=m), references, m, TUNING_LANG, length
        )
        for m in BASELINES
        for length in LENGTHS
    ]
    results = []
    for values in product(*GRID.values()):
        if not any(values):
            continue
        mix = Mix(**dict(zip(GRID, values, strict=True)))
        rows = [
            score(
                summarize(library, length=length, doc=doc, mix=mix),
                references,
                "headline",
                TUNING_LANG,
                length,
            )
            for length in LENGTHS
        ]
        results.append((wins(rows, baselines), objective(rows), mix, rows))
    results.sort(key=lambda r: (-r[0], -r[1], tuple(getattr(r[2], f) for f in GRID)))
    return results


def format_grid(results: Sequence[tuple[int, float, Mix, list[Score]]], top: int = 15) -> str:
    out = [
        f"{len(results)} weightings on the {TUNING_LANG} references (the English ones held out);"
        f" the best {top}. wins: cells of 12 (3 lengths x R-1, R-2, R-L, facts) above both"
        " lexrank and lead-k."
    ]
    out.append(
        "wins objective  "
        + " ".join(f"{f[:8]:>8}" for f in GRID)
        + "  R-1 s/m/l       R-2 s/m/l       R-L s/m/l       facts s/m/l"
    )
    for won, value, mix, rows in results[:top]:
        weights = " ".join(f"{getattr(mix, f):8.1f}" for f in GRID)
        cells = ["/".join(f"{getattr(r, m):.2f}" for r in rows) for m in _METRICS]
        out.append(f"{won:4d} {value:9.3f}  {weights}  " + "  ".join(cells))
    return "\n".join(out)


def check(library: Library) -> tuple[int, list[str]]:
    """A sanity check for articles without references (JSQuAD's): for every article, method and
    length, the summary has its length (or every sentence of a shorter article), quotes its
    article verbatim, never ends a sentence as a lead-in and comes out the same twice. Returns
    the number of summaries checked and the problems found."""
    from .summarize import LEAD_IN_ENDS

    problems = []
    n = 0
    for article in library.articles:
        for method in METHODS:
            for length in LENGTHS:
                n += 1
                where = f"{article.doc} {method} {length}"
                summary = summarize(library, length=length, doc=article.doc, method=method)
                if summary != summarize(library, length=length, doc=article.doc, method=method):
                    problems.append(f"{where}: not the same twice")
                if not summary.sentences:
                    problems.append(f"{where}: empty")
                if len(summary.sentences) > LENGTHS[length]:
                    problems.append(f"{where}: {len(summary.sentences)} sentences")
                for s in summary.sentences:
                    if s.text not in s.passage.text or s.passage.doc != article.doc:
                        problems.append(f"{where}: not verbatim: {s.text[:30]}")
                    if s.text.endswith(LEAD_IN_ENDS):
                        problems.append(f"{where}: a lead-in alone: {s.text[-30:]}")
    return n, problems
