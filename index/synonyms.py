"""Sudachi's synonym dictionary, as tokens, restricted to the words a library's articles use.

index/data/synonyms.tsv is built from SudachiDict's synonyms.txt by index/data/build_synonyms.py
(licence and provenance in index/data/SUDACHI-SYNONYMS.md). A group's members are synonyms of each
other; a member marked "only expanded to" (Sudachi's 展開制御フラグ 1) is found from the others but
does not find them. English members bridge the two languages (給与 ... salary). The forms of one
lexeme (スパコン, スーパーコンピューター) are one word, not synonyms: a question that writes a form the
articles do not is searched with the form they use (`variants`).

Only synonyms the articles use can change a score, so a library keeps just those: a handful for one
article, and a map small enough for the index cache even for JSQuAD's 59 articles.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import resources
from typing import Any

from .cache import strings
from .tokenize import I_ROW, U_ROW

Vocabulary = Callable[[str], object]  # truthy when the articles use the token (BM25Index.idf)
Group = tuple[list[str], list[str], list[str], list[str], list[str]]


class Synonyms:
    """Japanese token -> its Japanese synonyms, Japanese -> English members, English -> Japanese,
    each restricted to the articles' words."""

    def __init__(
        self,
        japanese: dict[str, list[str]],
        english: dict[str, list[str]],
        to_ja: dict[str, list[str]],
        variants: dict[str, list[str]],
    ) -> None:
        self._japanese = japanese
        self._english = english
        self._to_ja = to_ja
        self._variants = variants

    @classmethod
    def load(cls, ja_vocabulary: Vocabulary, en_vocabulary: Vocabulary) -> Synonyms:
        text = resources.files(__package__).joinpath("data/synonyms.tsv").read_text("utf-8")
        return cls.build(_parse(text), ja_vocabulary, en_vocabulary)

    @classmethod
    def build(
        cls,
        groups: Iterable[Group],
        ja_vocabulary: Vocabulary,
        en_vocabulary: Vocabulary,
    ) -> Synonyms:
        japanese: dict[str, list[str]] = {}
        english: dict[str, list[str]] = {}
        to_ja: dict[str, list[str]] = {}
        variants: dict[str, list[str]] = {}
        for ja_expand, ja_only, en_expand, en_only, lexemes in groups:
            ja_used = [t for t in ja_expand + ja_only if ja_vocabulary(t)]
            en_used = [t for t in en_expand + en_only if en_vocabulary(t)]
            for token in ja_expand:
                _extend(japanese, token, [t for t in ja_used if t != token])
                _extend(english, token, en_used)
            for token in en_expand:
                _extend(to_ja, token, ja_used)
            for forms in (lexeme.split("|") for lexeme in lexemes):
                used = [t for t in forms if ja_vocabulary(t)]
                for token in forms:
                    if not ja_vocabulary(token):
                        _extend(variants, token, used)
        return cls(japanese, english, to_ja, variants)

    def to_json(self) -> dict[str, object]:
        return {
            "ja": self._japanese,
            "en": self._english,
            "to_ja": self._to_ja,
            "variants": self._variants,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Synonyms:
        """Synonyms from `to_json`; TypeError, ValueError or KeyError if not of that shape."""
        maps = [
            {str(k): strings(v) for k, v in data[name].items()}
            for name in ("ja", "en", "to_ja", "variants")
        ]
        return cls(*maps)

    def japanese(self, token: str) -> list[str]:
        """The articles' Japanese words in a group with this Japanese token, or with the verb a
        noun made of a verb's stem comes from (奪い合い: 奪い合う, whose group holds 争奪)."""
        return self._japanese.get(token) or self._japanese.get(verb_of(token), [])

    def to_english(self, token: str) -> list[str]:
        """The English rendering's words in a group with this Japanese token."""
        return self._english.get(token, [])

    def to_japanese(self, token: str) -> list[str]:
        """The articles' Japanese words in a group with this English token."""
        return self._to_ja.get(token, [])

    def variants(self, token: str) -> list[str]:
        """The forms the articles use of a Japanese word they never write this way (スパコン ->
        スーパーコンピューター): the same lexeme in Sudachi's dictionary."""
        return self._variants.get(token, [])


# A verb's stem used as a noun ends in its i-row kana (奪い合い, 取り組み, 引き抜き): the verb ends in
# the same consonant's u-row one (奪い合う, 取り組む, 引き抜く).
_STEM_TO_VERB = dict(zip(I_ROW, U_ROW, strict=True))


def verb_of(token: str) -> str:
    """The verb a noun made of its stem comes from (奪い合い -> 奪い合う), or "" if none could be."""
    if len(token) < 2 or token[-1] not in _STEM_TO_VERB:
        return ""
    before = token[-2]  # (a kanji or a stem's kana: 抜き, 合い; not きれい, はやり)
    if before in _STEM_TO_VERB or "\u4e00" <= before <= "\u9fff":
        return token[:-1] + _STEM_TO_VERB[token[-1]]
    return ""


def _extend(mapping: dict[str, list[str]], key: str, values: list[str]) -> None:
    if not values:
        return
    targets = mapping.setdefault(key, [])
    targets.extend(v for v in values if v not in targets)


def _parse(text: str) -> Iterable[Group]:
    for line in text.splitlines():
        if line and not line.startswith("#"):
            a, b, c, d, e = line.split("\t")
            yield a.split(), b.split(), c.split(), d.split(), e.split()
