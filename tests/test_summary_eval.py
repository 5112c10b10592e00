"""The summary scorer: ROUGE over the right tokens, the references as written, the command."""

from __future__ import annotations

import pytest

from index import DEFAULT_SEEDS
from index.cli import main
from index.summarize import LENGTHS, METHODS
from index.summary_eval import load_references, rouge_l, rouge_lsum, rouge_n, sentences_of, words

REFS = load_references()
JA_LINES = (DEFAULT_SEEDS / str(REFS["doc"])).read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize(
    ("candidate", "reference", "r1", "r2", "rl"),
    [
        ("a b c d", "a b c d", 1.0, 1.0, 1.0),
        ("a b c d", "e f g h", 0.0, 0.0, 0.0),
        # 2 of 4 unigrams (P = R = 0.5), 1 of 3 bigrams, LCS "a c" of 2
        ("a b c d", "a x c y", 0.5, 0.0, 0.5),
        ("a b c d", "a b x y", 0.5, 1 / 3, 0.5),
        ("a b", "a b a b", 2 / 3, 0.5, 2 / 3),  # P = 1, R = 0.5 for R-1
    ],
)
def test_rouge_is_the_f1_of_overlaps(
    candidate: str, reference: str, r1: float, r2: float, rl: float
) -> None:
    c, r = candidate.split(), reference.split()
    assert rouge_n(c, r, 1) == pytest.approx(r1)
    assert rouge_n(c, r, 2) == pytest.approx(r2)
    assert rouge_l(c, r) == pytest.approx(rl)


def test_summary_level_lcs_does_not_depend_on_the_order_of_sentences() -> None:
    reference = [["c", "d", "a", "b"]]
    ordered, swapped = [["a", "b"], ["c", "d"]], [["c", "d"], ["a", "b"]]
    # Over the concatenation, "a b c d" against "c d a b" has an LCS of 2 of 4.
    assert rouge_l([t for s in ordered for t in s], reference[0]) == pytest.approx(0.5)
    assert rouge_lsum(ordered, reference) == rouge_lsum(swapped, reference) == pytest.approx(1.0)
    # A reference token is matched once, however many summary sentences hold it: P = R = 1/2.
    assert rouge_lsum([["a"], ["a"]], [["a", "b"]]) == pytest.approx(0.5)


def test_references_split_into_sentences() -> None:
    assert sentences_of("OpenAIは休む。メタは雇う。", "ja") == [
        ["openai", "は", "休む"],
        ["メタ", "は", "雇う"],
    ]
    assert sentences_of("It rests. Meta hires!", "en") == [["it", "rest"], ["meta", "hire"]]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # fugashi's surfaces, punctuation left out (unidic-lite 1.0.8)
        ("OpenAIは1週間休む。", "ja", ["openai", "は", "1", "週間", "休む"]),
        ("OpenAI's week-long shutdown.", "en", ["openai", "s", "week", "long", "shutdown"]),
        ("Running runs", "en", ["run", "run"]),  # stemmed, as rouge-score's use_stemmer
    ],
)
def test_words_are_fugashi_surfaces_or_stemmed_english_words(
    text: str, lang: str, expected: list[str]
) -> None:
    assert words(text, lang) == expected


def test_references_cover_both_languages_and_every_length() -> None:
    for lang in ("ja", "en"):
        assert set(REFS["summaries"][lang]) == set(LENGTHS)
    for fact in REFS["facts"]:
        assert fact["lengths"] and set(fact["lengths"]) <= set(LENGTHS)
        # each fact stands on lines of the article that have text
        assert all(JA_LINES[n - 1].strip() for n in fact["lines"]), fact["id"]
    for length in LENGTHS:
        assert any(length in f["lengths"] for f in REFS["facts"])


def test_the_command_scores_every_method_language_and_length(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["summaries"]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    assert len(rows) == len(METHODS) * 2 * len(LENGTHS)
    assert {tuple(r.split()[:3]) for r in rows} == {
        (m, lang, length) for m in METHODS for lang in ("ja", "en") for length in LENGTHS
    }


def test_the_check_finds_nothing_wrong_with_the_seed_article(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["summaries", "--check"]) == 0
    assert "summaries of 1 articles checked: 0 problems" in capsys.readouterr().out
