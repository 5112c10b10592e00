"""Retrieval quality on our own question sets, scored by the same code as `python -m index eval`.

Two sets, written independently from the article: questions.jsonl (used to choose the method's
settings) and questions_validation.jsonl (only to check that the choices generalise). The floors
below are the figures measured when the method was fixed, less a small margin, so a change that
makes retrieval worse fails here; README "Retrieval quality" has the figures and the targets.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from index import Library
from index.evaluate import evaluate, load_questions

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def library() -> Library:
    return Library.from_seeds()


FLOORS = {
    # set: (ja r@1, ja r@3, en r@1, en r@3, near-miss declined, wrongly declined at most)
    "questions.jsonl": (0.64, 0.84, 0.71, 0.77, 0.60, 0.09),
    "questions_validation.jsonl": (0.80, 0.89, 0.84, 0.95, 0.65, 0.03),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_question_set(library: Library, name: str) -> None:
    questions = load_questions(DATA / name)
    assert len(questions) >= 60
    report = evaluate(library, questions).as_dict()
    ja, en = report["answerable"]["ja"], report["answerable"]["en"]
    ja1, ja3, en1, en3, nearmiss, wrong = FLOORS[name]
    assert ja["recall@1"] >= ja1 and ja["recall@3"] >= ja3
    assert en["recall@1"] >= en1 and en["recall@3"] >= en3
    assert report["declined_by_kind"]["offtopic"]["declined"] == 1.0
    assert report["declined_by_kind"]["nearmiss"]["declined"] >= nearmiss
    assert report["wrongly_declined"] <= wrong


def test_question_sets_are_well_formed() -> None:
    for name in FLOORS:
        questions = load_questions(DATA / name)
        assert len({q.id for q in questions}) == len(questions)
        assert {q.lang for q in questions} == {"ja", "en"}
        assert sum(not q.gold for q in questions) >= 15
        assert all(1 <= g <= 38 for q in questions for g in q.gold)
