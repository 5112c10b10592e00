"""Open English WordNet's synonyms (index/data/wordnet-en.tsv, index.wordnet): the build, the
restriction to the rendering's words, and the paraphrase bridges a channel's English needs."""

from __future__ import annotations

import importlib
from importlib import resources
from pathlib import Path

import pytest

from index import Library
from index.wordnet import WordNet, _parse

SHIPPED = list(_parse(resources.files("index").joinpath("data/wordnet-en.tsv").read_text("utf-8")))


def _builder():  # type: ignore[no-untyped-def]
    return importlib.import_module("index.data.build_wordnet")


SYNSETS = """\
00001-n:
  members: [vacation, holiday]
  partOfSpeech: n
00002-v:
  members: [resign, quit, step down]
  partOfSpeech: v
00003-v:
  members: [quit, leave off]
  partOfSpeech: v
00004-n:
  members: [time out, pause]
  partOfSpeech: n
"""
ENTRIES = """\
vacation: {n: {sense: [{id: a, synset: 00001-n}]}}
holiday: {n: {sense: [{id: b, synset: 00001-n}]}}
resign: {v: {sense: [{id: c, synset: 00002-v}]}}
step down: {v: {sense: [{id: d, synset: 00002-v}]}}
quit: {v: {sense: [{id: e, synset: 00003-v}, {id: f, synset: 00099-v}, {id: g, synset: 00002-v}]}}
leave off: {v: {sense: [{id: h, synset: 00003-v}]}}
time out: {n: {sense: [{id: i, synset: 00004-n}]}}
pause: {n: {sense: [{id: j, synset: 00004-n}]}}
"""


def test_the_build_marks_what_expands_and_what_is_expanded_to(tmp_path: Path) -> None:
    pytest.importorskip("yaml")
    (tmp_path / "verb.test.yaml").write_text(SYNSETS, encoding="utf-8")
    (tmp_path / "entries-a.yaml").write_text(ENTRIES, encoding="utf-8")
    synsets = _builder().build(tmp_path, senses=2)
    # quit's third sense is not among its two most frequent: it is expanded to, never expands;
    # "step down" and "time out" lose a stopword as tokens: they expand, are never expanded to.
    assert synsets == [
        ["n", "vacat", "holiday"],
        ["v", "resign", ">quit", "<step down"],
        ["v", "quit", "<leav off"],
        ["n", "<time out", "paus"],
    ]


@pytest.mark.parametrize(
    ("question", "used", "expected"),
    [
        ("any holiday plans?", {"vacat"}, ["vacat"]),  # a word the rendering lacks
        ("did he step down?", {"resign"}, ["resign"]),  # a phrase, stopwords and all
        ("did he quit?", {"resign"}, []),  # quit's third sense does not expand
        ("a vacation", {"vacat"}, []),  # a word the rendering uses needs no synonym
        ("a time out", {"paus"}, ["paus"]),
        ("a pause", {"time"}, []),  # "time out" is not "time": never expanded to
    ],
)
def test_synonyms_restricted_to_the_rendering(question: str, used: set, expected: list) -> None:
    synsets = [
        ["vacat", "holiday"],
        ["resign", ">quit", "<step down"],
        ["<time out", "paus"],
    ]
    assert WordNet.build(synsets, used.__contains__).synonyms(question) == expected


# Everyday words a channel uses for what a news rendering says otherwise: each bridge is WordNet's,
# found in the shipped file (not tied to a question of ours).
BRIDGES = [
    ("instead", "rather"),
    ("wearing people out", "exhaust"),
    ("on holiday", "vacat"),
    ("a job", "job"),  # used as written: no synonym needed
    ("he quit his job", "resign"),
    ("the boss", "chief"),
    ("buy", "purchas"),
]


@pytest.mark.parametrize(("question", "article_word"), BRIDGES)
def test_paraphrase_bridges_in_the_shipped_dictionary(question: str, article_word: str) -> None:
    wordnet = WordNet.build(SHIPPED, {article_word}.__contains__)
    found = wordnet.synonyms(question)
    if article_word in wordnet.words(question):
        assert found == []
    else:
        assert article_word in found


@pytest.mark.parametrize(
    "text", ["Step down", "HOLIDAYS", "time-off", "the boss's pay", "wore out"]
)
def test_the_build_and_the_search_write_words_alike(text: str) -> None:
    assert _builder().member_words(text) == WordNet({}).words(text)
    # WordNet writes a phrase's words joined by "_".
    assert _builder().member_words(text.replace(" ", "_")) == WordNet({}).words(text)


def test_the_shipped_file_is_compact_and_marked() -> None:
    assert 15_000 < len(SHIPPED) < 30_000
    members = [m for synset in SHIPPED for m in synset]
    assert all(m and m.lstrip("<>") == m.lstrip("<>").strip() for m in members)
    assert {m[0] for m in members} >= {"<", ">"}


def test_library_keeps_only_the_renderings_synonyms_and_caches_them(library: Library) -> None:
    wordnet = library.wordnet
    assert wordnet.synonyms("is building agi wearing people out") == ["exhaust", "tire"]
    assert WordNet.from_json(wordnet.to_json()).to_json() == wordnet.to_json()
