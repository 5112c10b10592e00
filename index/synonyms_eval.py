"""Reproduce the synonym-source and "why"-bonus choices (README, "Retrieval quality").

    python -m index.synonyms_eval [JSQUAD_SEEDS]     # JSQuAD as written by `python -m index jsquad`

Settings are chosen on tests/data/questions.jsonl and JSQuAD's tuning half (its articles sorted by
name, even positions); questions_validation.jsonl and JSQuAD's other half are reported only.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from index import search
from index.evaluate import evaluate, load_questions
from index.glossary import Glossary
from index.search import Library
from index.synonyms import Synonyms

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
Variant = Callable[[Library], None]


def hand_only(library: Library) -> None:
    library.glossary = library.glossary.with_dictionary(Synonyms({}, {}, {}))


def sudachi_only(library: Library) -> None:
    empty = Glossary([], library.tokenize_ja, library.tokenize_en)
    library.glossary = empty.with_dictionary(library.synonyms)


def added(library: Library) -> None:
    glossary, dictionary = library.glossary, library.synonyms

    def both(token: str) -> list[str]:
        own = glossary._synonyms.get(token, [])
        return own + [t for t in dictionary.japanese(token) if t not in own]

    glossary.synonyms = both  # type: ignore[method-assign]


def shipped(library: Library) -> None:
    pass


def halves(seeds: Path) -> tuple[Path, Path]:
    questions = [json.loads(line) for line in (seeds / "questions.jsonl").open(encoding="utf-8")]
    docs = sorted({q["doc"] for q in questions})
    tuning = set(docs[::2])
    out = Path(tempfile.mkdtemp(prefix="jsquad-halves-"))
    for name, keep in (("tuning", True), ("held_out", False)):
        lines = [
            json.dumps(q, ensure_ascii=False) for q in questions if (q["doc"] in tuning) == keep
        ]
        (out / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out / "tuning.jsonl", out / "held_out.jsonl"


def score(seeds: Path | None, questions: Path, variant: Variant) -> str:
    library = Library.from_seeds(seeds) if seeds else Library.from_seeds()
    variant(library)
    answerable = evaluate(library, load_questions(questions)).as_dict()["answerable"]
    return "  ".join(
        f"{lang} {s['recall@1']:.4f} / {s['recall@3']:.4f}"
        for lang, s in sorted(answerable.items())
    )


def main() -> None:
    jsquad = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/jsquad")
    tuning, held_out = halves(jsquad)
    sets = [
        ("questions.jsonl", None, DATA / "questions.jsonl"),
        ("questions_validation.jsonl", None, DATA / "questions_validation.jsonl"),
        ("JSQuAD", jsquad, jsquad / "questions.jsonl"),
        ("JSQuAD tuning half", jsquad, tuning),
        ("JSQuAD held-out half", jsquad, held_out),
    ]
    variants: list[tuple[str, Variant, float]] = [
        ("hand glossary only, no why bonus", hand_only, 0.0),
        ("Sudachi only (no hand glossary)", sudachi_only, search.REASON_BONUS),
        ("Sudachi added to the hand synonyms", added, 0.0),
        ("Sudachi instead where it has any, no why bonus", shipped, 0.0),
        *((f"shipped, why bonus {b}", shipped, b) for b in (0.1, 0.2, 0.5, 0.8)),
    ]
    chosen = search.REASON_BONUS
    for name, variant, bonus in variants:
        search.REASON_BONUS = bonus
        print(name)
        for label, seeds, questions in sets:
            print(f"  {label:28} {score(seeds, questions, variant)}", flush=True)
    search.REASON_BONUS = chosen


if __name__ == "__main__":
    main()
