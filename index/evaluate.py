"""Score a question set: recall@k and MRR per language, and how well unanswerable ones are declined.

A question set is JSON Lines: {"id", "lang", "q", "gold": [article line numbers]}; `gold` empty
means the article does not answer it. An optional "kind" ("offtopic" / "nearmiss") splits the
declined share by kind, and an optional "split" ("tune" / "heldout") says which part of the set
settings were chosen on. A hit counts when its line range contains a gold line; "answered@1" is
recall@1 counting a question the verdict declined as a miss.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import QAError
from .search import Hit, Library


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    lang: str
    q: str
    gold: tuple[int, ...]
    kind: str = "answerable"
    doc: str | None = None  # restrict gold lines to one article (many-article seeds folders)
    split: str | None = None  # "tune" (settings were chosen on it) | "heldout" (only reported)


@dataclass(slots=True)
class LangScore:
    n: int = 0
    at1: int = 0
    answered_at1: int = 0  # right first passage and the verdict answered
    at3: int = 0
    rr: float = 0.0
    wrongly_declined: int = 0

    def as_dict(self) -> dict[str, float | int]:
        n = self.n or 1
        return {
            "n": self.n,
            "recall@1": round(self.at1 / n, 4),
            "answered@1": round(self.answered_at1 / n, 4),
            "recall@3": round(self.at3 / n, 4),
            "mrr": round(self.rr / n, 4),
            "wrongly_declined": round(self.wrongly_declined / n, 4),
        }


@dataclass(slots=True)
class Report:
    langs: dict[str, LangScore] = field(default_factory=dict)
    declined: dict[str, list[int]] = field(default_factory=dict)  # kind -> [declined, total]
    verdicts: dict[str, dict[str, int]] = field(default_factory=dict)  # kind -> verdict -> count
    misses: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        answerable = list(self.langs.values())
        total = sum(s.n for s in answerable) or 1
        unanswerable = [
            sum(v[0] for v in self.declined.values()),
            sum(v[1] for v in self.declined.values()),
        ]
        return {
            "answerable": {lang: s.as_dict() for lang, s in sorted(self.langs.items())},
            "wrongly_declined": round(sum(s.wrongly_declined for s in answerable) / total, 4),
            "unanswerable_declined": _share(unanswerable),
            "declined_by_kind": {k: _share(v) for k, v in sorted(self.declined.items())},
            "verdicts_by_kind": {
                k: dict(sorted(v.items())) for k, v in sorted(self.verdicts.items())
            },
        }


def _share(pair: list[int]) -> dict[str, float | int]:
    return {"n": pair[1], "declined": round(pair[0] / pair[1], 4) if pair[1] else 0.0}


def read_lines(path: str | Path) -> list[str]:
    """The lines of a question set, or QAError saying why it cannot be read."""
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise QAError(f"cannot read the question set {path} ({e})") from e


def in_half(doc: str | None, articles: str | None) -> bool:
    """Whether an article is in the `articles` half ("even" / "odd": its file name's leading
    number, JSQuAD's NNN_ files); every article is when `articles` is None."""
    if articles is None:
        return True
    number = (doc or "").split("_", 1)[0]
    return number.isdigit() and int(number) % 2 == (articles == "odd")


def load_questions(path: str | Path, split: str | None = None) -> list[Question]:
    """The questions of a set, those of one `split` only if given (a question without a split
    belongs to every one)."""
    questions = []
    for n, line in enumerate(read_lines(path), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            gold = tuple(int(g) for g in raw["gold"])
            kind = raw.get("kind") or ("answerable" if gold else "unanswerable")
            questions.append(
                Question(
                    str(raw["id"]),
                    raw["lang"],
                    raw["q"],
                    gold,
                    kind,
                    raw.get("doc"),
                    raw.get("split"),
                )
            )
        except (ValueError, KeyError, TypeError) as e:
            raise QAError(f"{path}:{n}: not a question object ({e})") from e
    return [q for q in questions if split is None or q.split in (None, split)]


def gold_rank(question: Question, hits: Iterable[Hit]) -> int | None:
    """The rank of the first hit whose line range holds a gold line (in the question's article)."""
    return next(
        (
            r
            for r, hit in enumerate(hits, start=1)
            if (question.doc is None or hit.passage.doc == question.doc)
            and any(hit.passage.lines[0] <= g <= hit.passage.lines[1] for g in question.gold)
        ),
        None,
    )


def evaluate(library: Library, questions: Iterable[Question]) -> Report:
    report = Report()
    for question in questions:
        result = library.search(question.q, top=10)
        counts = report.verdicts.setdefault(question.kind, {})
        counts[result.verdict] = counts.get(result.verdict, 0) + 1
        if not question.gold:
            pair = report.declined.setdefault(question.kind, [0, 0])
            pair[1] += 1
            pair[0] += not result.answerable
            if result.answerable:
                report.misses.append(
                    f"{question.id} {result.verdict} ({result.confidence:.2f}): {question.q}"
                )
            continue
        score = report.langs.setdefault(question.lang, LangScore())
        score.n += 1
        rank = gold_rank(question, result.hits)
        if rank == 1:
            score.at1 += 1
            score.answered_at1 += result.answerable
        if rank is not None and rank <= 3:
            score.at3 += 1
        if rank is not None:
            score.rr += 1 / rank
        if not result.answerable:
            score.wrongly_declined += 1
            report.misses.append(
                f"{question.id} {result.verdict} ({result.confidence:.2f}): {question.q}"
            )
        if rank != 1:
            top = result.hits[0].passage.lines[0] if result.hits else None
            report.misses.append(
                f"{question.id} rank {rank} (top line {top}, gold {list(question.gold)}): {question.q}"
            )
    return report
