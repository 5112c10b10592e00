"""Score answer spans: is the sentence shown first the one holding the answer, and is the
highlighted span the answer's words?

A question set is JSON Lines as for index.evaluate, each question with "answers": [{"text",
"start"?}], the words that answer it in the text its reply quotes (the English rendering for an
English question), `start` an offset into the paragraph's line where known (JSQuAD; not needed: the
answer's words anywhere in the sentence or span count, as a reader finds them there). Only
questions whose first passage is right (holds a gold line and an answer) are scored, as the bot
would show them: the sentence from index.spans.focus on that passage's text, and for questions
asking for a kind of fact, the span, shown only when the search says the article answers.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .answertype import question_type
from .errors import QAError
from .evaluate import in_half, read_lines
from .search import Library
from .spans import focus

# A span "overlaps" a gold answer when it contains it with at most this many characters more (a
# qualifier: 約, 相当, 以上, 年間, "about"). Set before any measurement, not tuned.
OVERLAP_EXTRA = 4


@dataclass(frozen=True, slots=True)
class SpanQuestion:
    id: str
    lang: str
    q: str
    gold: tuple[int, ...]
    answers: tuple[tuple[str, int | None], ...]  # (text, offset into the paragraph's line)
    doc: str | None = None


@dataclass(slots=True)
class SpanReport:
    questions: int = 0
    passage_right: int = 0
    sentence_right: int = 0
    fact: int = 0  # of the passage-right questions, those asking for a kind of fact
    exact: int = 0
    overlap: int = 0  # exact, or within OVERLAP_EXTRA
    no_span: int = 0
    misses: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        def share(n: int, d: int) -> float:
            return round(n / d, 4) if d else 0.0

        return {
            "questions": self.questions,
            "first_passage_right": self.passage_right,
            "sentence_holds_answer": share(self.sentence_right, self.passage_right),
            "fact_questions": self.fact,
            "span_exact": share(self.exact, self.fact),
            "span_exact_or_overlap": share(self.overlap, self.fact),
            "span_none": share(self.no_span, self.fact),
            "overlap_rule": f"span contains the answer with at most {OVERLAP_EXTRA} more characters",
        }


def load_span_questions(
    path: str | Path, articles: str | None = None, split: str | None = None
) -> list[SpanQuestion]:
    """The questions with gold lines and answers; `articles` "even" / "odd": only those on
    articles whose file name starts with an even / odd number (JSQuAD's halves); `split`
    ("tune" / "heldout"): only those of that part of the set, or of none (index.evaluate)."""
    out = []
    for n, line in enumerate(read_lines(path), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            answers = tuple(
                (str(a["text"]), int(a["start"]) if a.get("start") is not None else None)
                for a in raw.get("answers") or ()
            )
            gold = tuple(int(g) for g in raw["gold"])
            if not in_half(raw.get("doc"), articles):
                continue
            if split is not None and raw.get("split") not in (None, split):
                continue
            if gold and answers:
                out.append(
                    SpanQuestion(
                        str(raw["id"]), raw["lang"], raw["q"], gold, answers, raw.get("doc")
                    )
                )
        except (ValueError, KeyError, TypeError) as e:
            raise QAError(f"{path}:{n}: not a question object ({e})") from e
    return out


def score_spans(library: Library, questions: Iterable[SpanQuestion]) -> SpanReport:
    report = SpanReport()
    for question in questions:
        report.questions += 1
        result = library.search(question.q, top=1)
        if not result.hits:
            continue
        passage = result.hits[0].passage
        if question.doc is not None and passage.doc != question.doc:
            continue
        if not any(passage.lines[0] <= g <= passage.lines[1] for g in question.gold):
            continue
        english = question.lang == "en" and passage.text_en is not None
        text = passage.text_en if english and passage.text_en else passage.text
        golds = _gold_spans(question, text)
        if not golds:
            continue  # the answer is in another part of a long paragraph
        report.passage_right += 1
        where = focus(library, question.q, text, fact=result.answerable)
        s0, s1 = where.sentence
        if any(s0 <= a and b <= s1 for a, b in golds):
            report.sentence_right += 1
        else:
            report.misses.append(f"{question.id} sentence: {question.q} -> {text[s0:s1][:80]}")
        if question_type(question.q) is None:
            continue
        report.fact += 1
        if where.span is None:
            report.no_span += 1
            report.misses.append(f"{question.id} no span: {question.q}")
            continue
        shown = text[where.span[0] : where.span[1]]
        answers = [text[a:b] for a, b in golds]
        if shown in answers:
            report.exact += 1
            report.overlap += 1
        elif any(
            where.span[0] <= a
            and b <= where.span[1]
            and (where.span[1] - where.span[0]) - (b - a) <= OVERLAP_EXTRA
            for a, b in golds
        ):
            report.overlap += 1
        else:
            report.misses.append(f"{question.id} span {shown!r} not {answers}: {question.q}")
    return report


def _gold_spans(question: SpanQuestion, text: str) -> list[tuple[int, int]]:
    """Every place in `text` where a gold answer's words stand (a reader finds the answer in any
    of them, so the sentence or span showing any one of them shows it)."""
    out = []
    for answer, _ in question.answers:
        pos = text.find(answer)
        while pos >= 0:
            out.append((pos, pos + len(answer)))
            pos = text.find(answer, pos + 1)
    return out


# The settings of index.spans chosen by `sweep` on the tuning questions, and the values tried.
SWEEP = {
    "BIGRAM_WEIGHT": (0.0, 0.5, 1.0, 2.0),
    "FACT_SENTENCE_BONUS": (0.0, 0.5),
    "SENTENCE_LENGTH_B": (0.0, 0.1, 0.25, 0.5),
}


def sweep(library: Library, questions: list[SpanQuestion]) -> list[dict[str, object]]:
    """Every combination of SWEEP's values scored on `questions` (the tuning part), best first:
    what chose index.spans' settings."""
    from itertools import product

    from . import spans

    saved = {name: getattr(spans, name) for name in SWEEP}
    rows: list[tuple[tuple[int, int], dict[str, object]]] = []
    try:
        for values in product(*SWEEP.values()):
            for name, value in zip(SWEEP, values, strict=True):
                setattr(spans, name, value)
            report = score_spans(library, questions)
            order = (-report.sentence_right, -report.overlap)
            rows.append((order, dict(zip(SWEEP, values, strict=True)) | report.as_dict()))
    finally:
        for name, value in saved.items():
            setattr(spans, name, value)
    rows.sort(key=lambda row: row[0])
    return [row for _, row in rows]
