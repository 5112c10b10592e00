"""Sudachi's synonym dictionary as shipped (index/data/synonyms.tsv) and as built from its source."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from index import Library
from index.synonyms import Synonyms, verb_of


def _builder():  # type: ignore[no-untyped-def]
    return importlib.import_module("index.data.build_synonyms")


SOURCE = """\
000312,1,0,1,0,0,1,(ビジネス),salary,,
000312,1,0,2,0,0,0,(ビジネス),給料,,
000312,1,0,3,0,0,0,(ビジネス),給与,,
000312,1,1,4,0,0,0,(ビジネス),手当,,
000312,1,2,5,0,0,0,(ビジネス),ギャラ,,
000312,1,0,6,0,0,0,(ビジネス),月額給与,,

000400,1,0,1,0,0,0,(),1位,,
000400,1,0,2,0,0,0,(),トップ,,

000398,1,0,1,0,0,0,(IT),スーパーコンピューター,,
000398,1,0,1,0,0,1,(IT),supercomputer,,
000398,1,0,1,0,2,0,(IT),スパコン,,
"""


def test_the_build_honours_the_flags_and_keeps_only_single_tokens(tmp_path: Path) -> None:
    source = tmp_path / "synonyms.txt"
    source.write_text(SOURCE, encoding="utf-8")
    groups = _builder().build(source)
    # 手当 (flag 1) is only expanded to; ギャラ (flag 2) is gone; 月額給与 is two tokens; 1位 is
    # not the number 1 (one group member left: no group).
    # (手当て: unidic-lite 1.0.8's lemma of 手当.)
    # スパコン and スーパーコンピューター are one lexeme (number 1): one word's forms.
    assert groups == [
        [["給料", "給与"], ["手当て"], ["salari"], [], []],
        [
            ["スーパーコンピューター", "スパコン"],
            [],
            ["supercomput"],
            [],
            ["スーパーコンピューター|スパコン"],
        ],
    ]
    everyone = {t: True for t in ("給料", "給与", "手当て", "salari")}.get
    synonyms = Synonyms.build(
        [tuple(g) for g in groups],
        everyone,
        everyone,  # type: ignore[misc]
    )
    assert synonyms.japanese("給料") == ["給与", "手当て"]
    assert synonyms.japanese("手当て") == []  # flag 1: never expands
    assert synonyms.to_english("給与") == ["salari"]
    assert synonyms.to_japanese("salari") == ["給料", "給与", "手当て"]
    assert synonyms.variants("スパコン") == []  # no article writes スーパーコンピューター


def test_a_form_the_articles_do_not_write_is_searched_as_the_form_they_do(
    library: Library,
) -> None:
    # スパコン is Sudachi's abbreviation of スーパーコンピューター (line 27); as a synonym at 0.3 it
    # lost to 増える ~ 高まる in line 22.
    assert library.synonyms.variants("スパコン") == ["スーパーコンピューター"]
    assert library.synonyms.variants("スーパーコンピューター") == []  # the article's own form
    for question in ("スパコン増えるの?", "スパコンについては?"):
        assert library.search(question).hits[0].passage.lines == (27, 27)


@pytest.mark.parametrize(
    ("token", "synonym"),
    [("給料", "給与"), ("幹部", "役員"), ("プレッシャー", "重圧"), ("退職", "辞任")],
)
def test_the_shipped_file_maps_headwords_onto_our_tokens(token: str, synonym: str) -> None:
    synonyms = Synonyms.load(lambda t: True, lambda t: True)
    assert synonym in synonyms.japanese(token)


def test_a_library_keeps_only_the_synonyms_its_articles_use(library: Library) -> None:
    used = library.synonyms.japanese("給料")
    assert "給与" in used  # the article says 給与
    assert all(library.ja.idf(t) for t in used)


@pytest.mark.parametrize(
    ("noun", "verb"),
    [
        ("奪い合い", "奪い合う"),
        ("取り組み", "取り組む"),
        ("引き抜き", "引き抜く"),
        ("人材", ""),
        ("ai", ""),
    ],
)
def test_a_noun_made_of_a_verbs_stem_finds_the_verb(noun: str, verb: str) -> None:
    assert verb_of(noun) == verb


def test_a_noun_made_of_a_verbs_stem_has_the_verbs_synonyms(library: Library) -> None:
    # Sudachi groups the verb 奪い合う with 争奪 (the article's 人材争奪戦); 奪い合い, as a channel
    # writes it, is a noun unidic lemmatises as itself
    assert (
        library.synonyms.japanese("奪い合い") == library.synonyms.japanese("奪い合う") == ["争奪"]
    )
