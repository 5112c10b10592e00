"""Sudachi's synonym dictionary as shipped (index/data/synonyms.tsv) and as built from its source."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from index import Library
from index.synonyms import Synonyms


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
"""


def test_the_build_honours_the_flags_and_keeps_only_single_tokens(tmp_path: Path) -> None:
    source = tmp_path / "synonyms.txt"
    source.write_text(SOURCE, encoding="utf-8")
    groups = _builder().build(source)
    # 手当 (flag 1) is only expanded to; ギャラ (flag 2) is gone; 月額給与 is two tokens; 1位 is
    # not the number 1 (one group member left: no group).
    # (手当て: unidic-lite 1.0.8's lemma of 手当.)
    assert groups == [[["給料", "給与"], ["手当て"], ["salari"], []]]
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
