"""Fit the verdict (index/verdict.py) on the tuning parts of tests/data/, write index/data/verdict.json
and index/data/form.json (index/form.py: how a question is put, one of the verdict's features).

    python -m index.verdict_fit            # fit, write, and report tuning and held-out figures
    python -m index.verdict_fit --report   # only report, with the verdict.json in use
    python -m index.verdict_fit --jsquad ../shared/data/jsquad-valid-v1.1.json
                                           # (re)write tests/data/jsquad_offtopic.jsonl first

The sets (tests/data/README.md): questions.jsonl is all tuning (it chose the search's settings
before); questions_validation.jsonl is all held out; answerable.jsonl, offtopic.jsonl,
nearmiss.jsonl and jsquad_offtopic.jsonl carry a "split" per question ("tune" | "heldout").
The form is learned from channel.jsonl's tuning part as well (the verdict is not: its answerable
questions judge the search, index.evaluate; they set the operating point with the verdict's own,
which are too few to: 2% of 178 is a whole question's confidence at a time); the verdict is fitted
on each tuning question's form as scored by a form learned without it (five folds: a form learned
on a question itself would be trusted more than it deserves on a new one).
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .errors import QAError
from .evaluate import Question, gold_rank, load_questions
from .form import Form
from .passages import load_seeds
from .search import DEFAULT_SEEDS, Library
from .verdict import (
    ANSWERED,
    FEATURES,
    OFF_TOPIC,
    Evidence,
    Judge,
    Verdict,
    fit_logistic,
)

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
OUT = Path(__file__).resolve().parent / "data" / "verdict.json"
FORM_OUT = OUT.with_name("form.json")
SETS = (
    "questions.jsonl",
    "questions_validation.jsonl",
    "answerable.jsonl",
    "offtopic.jsonl",
    "nearmiss.jsonl",
    "jsquad_offtopic.jsonl",
)
FORM_ONLY = "channel.jsonl"  # (its tuning part teaches the form only)
FORM_KINDS = {"answerable": True, "offtopic": False}  # (near misses and JSQuAD's are put as ours)
FOLDS = 5
WHOLE = {"questions.jsonl": "tune", "questions_validation.jsonl": "heldout"}
# The operating point: the highest threshold at which at most this share of the tuning part's
# answerable questions (channel.jsonl's with them) is declined (the target for held-out questions).
MAX_WRONGLY_DECLINED = 0.02
# Each kind's share of the fit's weight: everyday off-topic questions are what users meet most
# and the hardest to tell. JSQuAD's had 0.05 (they were easy) until the form (index.form): they
# are put as questions about an article are, so the form cannot tell them, and at 0.05 the fit
# let 3 points more of them through for the form's 2 on the everyday ones; at 0.3 it keeps them
# (five-fold cross-validation on the tuning part).
WEIGHTS = {"answerable": 0.5, "offtopic": 0.3, "nearmiss": 0.15, "jsquad": 0.3}
L2 = 10.0  # ridge on the standardised weights (chosen by five-fold cross-validation on the tuning part: 1, 3, 5, 10, 20, 30, 50)


def split_of(name: str, q: Question) -> str:
    return WHOLE.get(name) or q.split or "tune"


def load_sets(data: Path = DATA) -> list[tuple[str, Question]]:
    rows = []
    for name in (*SETS, FORM_ONLY):
        if (data / name).exists():
            rows += [(name, q) for q in load_questions(data / name)]
    return rows


def collect(library: Library, rows: list[tuple[str, Question]]) -> list[dict]:
    out = []
    for name, q in rows:
        result = library.search(q.q, top=3)
        assert result.evidence is not None
        out.append(
            {
                "set": name,
                "q": q,
                "split": split_of(name, q),
                "x": result.evidence.vector(),
                "rank": gold_rank(q, result.hits) if q.gold else None,
                "form": library.form_features(q.q),
            }
        )
    return out


def _kind(row: dict) -> str:
    if row["q"].gold:
        return "answerable"
    return "jsquad" if row["set"] == "jsquad_offtopic.jsonl" else row["q"].kind


def fit_form(rows: list[dict]) -> Form:
    """The form (index.form), learned from the tuning part's answerable and everyday questions."""
    return Form.fit(
        (r["form"], FORM_KINDS[_kind(r)])
        for r in rows
        if r["split"] == "tune" and _kind(r) in FORM_KINDS
    )


def _fold(row: dict) -> int:
    return zlib.crc32(row["q"].id.encode()) % FOLDS


def with_form(rows: list[dict], form: Form) -> list[dict]:
    """The rows, each with its form scored: a tuning question's by a form learned without its
    fold, a held-out one's by `form`."""
    learned = [fit_form([r for r in rows if _fold(r) != k]) for k in range(FOLDS)]
    out = []
    for r in rows:
        scorer = learned[_fold(r)] if r["split"] == "tune" else form
        evidence = Evidence(*r["x"])._replace(form=scorer.score(r["form"]))
        out.append({**r, "x": evidence.vector()})
    return out


def fit(rows: list[dict]) -> Judge:
    """The verdict, fitted on the tuning part of the verdict's sets; its threshold chosen on their
    answerable questions and FORM_ONLY's (channel.jsonl's 1,270: 2% of the verdict's own 178
    moved the threshold by a whole question's confidence at a time)."""
    operating = [r for r in rows if r["split"] == "tune" and r["q"].gold]
    tune = [r for r in rows if r["split"] == "tune" and r["set"] != FORM_ONLY]
    x = np.array([r["x"] for r in tune])
    y = np.array([float(bool(r["q"].gold)) for r in tune])
    kinds = [_kind(r) for r in tune]
    w = np.zeros(len(tune))
    for kind, share in WEIGHTS.items():
        mask = np.array([k == kind for k in kinds])
        w[mask] = share / max(1, mask.sum())
    positive = y == 1
    answers = fit_logistic(x, y, w, L2)
    ok = np.sort([answers.probability(r["x"]) for r in operating])
    # The largest threshold that declines at most MAX_WRONGLY_DECLINED of them.
    threshold = float(ok[int(np.floor(MAX_WRONGLY_DECLINED * len(ok)))]) - 1e-9
    # Related or off-topic, among the unanswerable: near-miss questions against the others.
    neg = ~positive
    near = np.array([r["q"].kind == "nearmiss" for r in tune])[neg]
    wn = np.where(near, 0.5 / max(1, near.sum()), 0.5 / max(1, (~near).sum()))
    related = fit_logistic(x[neg], near.astype(float), wn, L2)
    meta = {
        "fitted_on": {
            name: f"split {'tune (all)' if WHOLE.get(name) == 'tune' else 'tune'}"
            for name in SETS
            if name != "questions_validation.jsonl"
        },
        "held_out": ["questions_validation.jsonl (all)", "the 'heldout' split of the others"],
        "rows": int(len(tune)),
        "operating_point": f"at most {MAX_WRONGLY_DECLINED:.0%} of the tuning answerable declined "
        f"(with {FORM_ONLY}'s)",
        "weights": WEIGHTS,
        "features": list(FEATURES),
        "form": f"index/data/form.json, fitted on the same parts and {FORM_ONLY}'s tuning part",
        "script": "python -m index.verdict_fit",
    }
    return Judge(answers, related, threshold, meta)


def to_json(judge: Judge) -> dict:
    return {
        **judge.meta,
        "threshold": round(judge.threshold, 6),
        "answers": judge.answers.to_json(),
        "related": judge.related.to_json(),
    }


def report(rows: list[dict], judge: Judge) -> dict[str, dict[str, str]]:
    """Figures per split: declined shares per kind and language, wrongly declined, recall@1."""
    figures: dict[str, dict[str, list[int]]] = {
        "tune": defaultdict(lambda: [0, 0]),
        "heldout": defaultdict(lambda: [0, 0]),
    }
    for r in rows:
        verdict = judge(Evidence(*r["x"]))
        q: Question = r["q"]
        f = figures[r["split"]]
        if q.gold:
            f[f"answerable {q.lang}: wrongly declined"][0] += verdict.verdict != ANSWERED
            f[f"answerable {q.lang}: wrongly declined"][1] += 1
            f[f"answerable {q.lang}: recall@1, declines as misses"][0] += (
                r["rank"] == 1 and verdict.verdict == ANSWERED
            )
            f[f"answerable {q.lang}: recall@1, declines as misses"][1] += 1
        else:
            kind = "jsquad" if r["set"] == "jsquad_offtopic.jsonl" else q.kind
            key = f"{kind} {q.lang}: declined"
            f[key][0] += verdict.verdict != ANSWERED
            f[key][1] += 1
            if kind == "nearmiss":
                f[f"{kind} {q.lang}: related"][0] += verdict.verdict == "related"
                f[f"{kind} {q.lang}: related"][1] += 1
            else:
                f[f"{kind} {q.lang}: off_topic"][0] += verdict.verdict == OFF_TOPIC
                f[f"{kind} {q.lang}: off_topic"][1] += 1
    return {
        split: {k: f"{a / b:.3f} ({a}/{b})" for k, (a, b) in sorted(f.items())}
        for split, f in figures.items()
    }


def write_jsquad_offtopic(source: str | Path, out: Path) -> int:
    """JSQuAD's questions as questions about our article (none has an answer here), split by
    Wikipedia article: even-numbered articles tune, odd held out."""
    try:
        data = json.loads(Path(source).read_text(encoding="utf-8"))["data"]
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise QAError(f"cannot read JSQuAD from {source}: {e}") from e
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for i, article in enumerate(data):
            for paragraph in article["paragraphs"]:
                for qa in paragraph["qas"]:
                    row = {
                        "id": f"jsquad-{qa['id']}",
                        "lang": "ja",
                        "q": qa["question"],
                        "gold": [],
                        "kind": "offtopic",
                        "split": "tune" if i % 2 == 0 else "heldout",
                    }
                    f.write(json.dumps(row, ensure_ascii=False) + "\n")
                    n += 1
    return n


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m index.verdict_fit", description=__doc__)
    parser.add_argument("--report", action="store_true", help="report with the verdict in use")
    parser.add_argument("--jsquad", help="jsquad-valid-v1.1.json: rewrite the JSQuAD set first")
    args = parser.parse_args(argv)
    try:
        return run(args)
    except QAError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2


def run(args: argparse.Namespace) -> int:
    if args.jsquad:
        n = write_jsquad_offtopic(args.jsquad, DATA / "jsquad_offtopic.jsonl")
        print(f"wrote {n} questions to {DATA / 'jsquad_offtopic.jsonl'}")
    if args.report:
        library = Library.from_seeds(cache=False)
        rows = collect(library, [(name, q) for name, q in load_sets() if name != FORM_ONLY])
        judge = Judge.load()
    else:  # (the form each question is given is replaced: with_form)
        library = Library(
            load_seeds(DEFAULT_SEEDS),
            judge=lambda e: Verdict(0.0, OFF_TOPIC),
            form=Form({}),
        )
        rows = collect(library, load_sets())
        form = fit_form(rows)
        rows = with_form(rows, form)
        judge = fit(rows)
        rows = [r for r in rows if r["set"] != FORM_ONLY]  # (as --report: the verdict's sets)
        meta = {
            "fitted_on": judge.meta["fitted_on"] | {FORM_ONLY: "split tune"},
            "learned": "answerable questions against everyday ones (kind offtopic); near misses "
            "and JSQuAD's left out: they are put as questions about an article are",
            "script": "python -m index.verdict_fit",
        }
        text = json.dumps(form.to_json(meta), indent=0, ensure_ascii=False)
        FORM_OUT.write_text(text + "\n", "utf-8")
        print(f"wrote {FORM_OUT} ({len(form.weights)} weights)")
        OUT.write_text(json.dumps(to_json(judge), indent=1, ensure_ascii=False) + "\n", "utf-8")
        print(f"wrote {OUT} (threshold {judge.threshold:.3f})")
        for name, weight in zip(FEATURES, judge.answers.weights, strict=True):
            print(f"  {name:>14} {weight:+.3f}")
    for split, figures in report(rows, judge).items():
        print(f"[{split}]")
        for key, value in figures.items():
            print(f"  {key:<48} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
