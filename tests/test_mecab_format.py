"""JapaneseTokenizer reads MeCab's own output format (index.tokenize._NODE_FORMAT) for speed; it
must give exactly what reading fugashi's per-word `feature` objects gives. Depends on unidic-lite
1.0.8 (pinned) only as much as the reference below does: both read the same dictionary."""

from __future__ import annotations

import json
from pathlib import Path

import fugashi
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.tokenize import (
    _KANA_WHAT,
    _KATAKANA,
    _SPELLED,
    CONTENT_POS,
    OWN_SPELLING,
    PERSON_SUFFIXES,
    TOKEN_ALIASES,
    JapaneseTokenizer,
    normalize,
    transitive,
)

DATA = Path(__file__).resolve().parent / "data"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


class Reference:
    """The tokenizer as it was written against fugashi's feature objects."""

    def __init__(self, stopwords: frozenset[str]) -> None:
        self.tagger = fugashi.Tagger()
        self.stopwords = stopwords

    def form(self, word: fugashi.UnidicNode) -> str:  # type: ignore[name-defined]
        f = word.feature
        if f.lemma is None:
            return word.surface
        if f.orthBase in OWN_SPELLING:
            return f.orthBase
        if f.pos2 == "固有名詞" or _KATAKANA.fullmatch(word.surface):
            return f.orthBase or word.surface
        return f.lemma.split("-", 1)[0]

    def tokens(self, text: str) -> list[str]:
        out: list[str] = []
        spelled: list[str] = []  # katakana symbols in a row: a loanword spelled out (ワイ + アード)
        noun_before = None  # the noun a person suffix makes a person of (研究 + 者)
        after_te = False  # the word before is the conjunctive て / で
        for word in [*self.tagger(_KANA_WHAT.sub("何", normalize(text))), None]:
            # (a verb that can be subsidiary, right after て / で, is one: 戻ってきた)
            f = word.feature if word is not None else None
            subsidiary = after_te and f is not None and (f.pos1, f.pos2) == ("動詞", "非自立可能")
            after_te = f is not None and f.pos2 == "接続助詞" and word.surface in ("て", "で")
            if (
                word is not None
                and word.feature.pos1 == "記号"
                and _SPELLED.fullmatch(word.surface)
            ):
                spelled.append(word.surface)
                continue
            if len(spelled) > 1 and "".join(spelled) not in self.stopwords:
                out.append("".join(spelled))
            spelled = []
            if word is None:
                break
            f = word.feature
            if f.pos1 == "接尾辞" and word.surface in PERSON_SUFFIXES and noun_before:
                out.append(noun_before + word.surface)
            noun_before = None
            if (
                subsidiary
                or f.pos1 not in CONTENT_POS
                or f.pos2 == "代名詞"
                or f.pos1 == "名詞"
                and f.pos2 == "助動詞語幹"
            ):
                continue
            token = TOKEN_ALIASES.get(self.form(word), self.form(word))
            if f.pos1 == "動詞":
                token = transitive(token)
            if token and token not in self.stopwords:
                out.append(token)
                if f.pos1 == "名詞" and f.pos2 not in ("数詞", "固有名詞"):
                    noun_before = token
        return out

    def proper_nouns(self, text: str) -> dict[str, str]:
        return {
            self.form(w): w.feature.pos3
            for w in self.tagger(_KANA_WHAT.sub("何", normalize(text)))
            if w.feature.pos2 == "固有名詞"
        }


@pytest.fixture(scope="module")
def pair() -> tuple[JapaneseTokenizer, Reference]:
    fast = JapaneseTokenizer()
    return fast, Reference(fast.stopwords)


def _texts() -> list[str]:
    texts = [
        line
        for f in sorted(SEEDS.glob("*.txt"))
        for line in f.read_text(encoding="utf-8").splitlines()
    ]
    for f in sorted(DATA.glob("*.jsonl")):
        rows = [json.loads(line) for line in f.read_text(encoding="utf-8").splitlines() if line]
        # a question set's questions, and a conversation set's (followups*.jsonl)
        texts += [turn["q"] for row in rows for turn in row.get("turns", [row])]
    return texts


def test_the_articles_and_questions_tokenize_the_same(
    pair: tuple[JapaneseTokenizer, Reference],
) -> None:
    fast, reference = pair
    for text in _texts():
        tokens, names = fast.analyze(text)
        assert tokens == reference.tokens(text), text
        assert list(names.items()) == list(reference.proper_nouns(text).items()), text


# Kana, kanji, Latin, digits, and what could break a line-and-tab format: tabs, newlines, carriage
# returns, other line separators, commas and quotes (CSV), asterisks (MeCab leaves out "*" fields),
# and "EOS", the format's end-of-sentence line.
ALPHABET = (
    "あいうえおかがきくけこさしすせそたちつてとなにのはをん"
    "アイウエオカキクケコサシスセソタチッツテトナニノハバパマミムメモヤユヨラリルレロワン・ー"
    "東京大阪日本語研究者提示億円年月日人会社山田太郎花子abcXYZ019０９ＡＢ"
    "\t\n\r\x0b\x0c\u2028\x85 ,\"'「」（）*＊※。、？！EOS"
)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_any_text_tokenizes_the_same(pair: tuple[JapaneseTokenizer, Reference], text: str) -> None:
    fast, reference = pair
    tokens, names = fast.analyze(text)
    assert tokens == reference.tokens(text) == fast(text)
    assert list(names.items()) == list(reference.proper_nouns(text).items())
    assert fast.proper_nouns(text) == names
