"""A bilingual glossary: English question words to the Japanese words an article would use.

It lets an article without an English rendering still answer English questions, adds the
Japanese side's evidence to English questions where there is a rendering, and the other way
round lets a Japanese question also search the English rendering in the glossary's words.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Collection, Iterable
from importlib import resources
from itertools import chain
from typing import TYPE_CHECKING, Any

from .cache import strings
from .tokenize import Tokenizer

if TYPE_CHECKING:
    from .synonyms import Synonyms


class Glossary:
    """English tokens (and token pairs, for phrases) -> Japanese tokens."""

    _dictionary: Synonyms | None = None

    def __init__(
        self,
        entries: Iterable[tuple[str, str]],
        ja: Tokenizer,
        en: Tokenizer,
        names: Iterable[str] = (),
    ) -> None:
        # The entries of one English word that are names (a company, a person, a place).
        self.names = frozenset(t[0] for t in map(en, names) if len(t) == 1)
        self._map: dict[tuple[str, ...], list[str]] = {}
        # Japanese words listed for the same English word are near-synonyms of each other.
        self._synonyms: dict[str, list[str]] = {}
        for english, japanese in entries:
            key = tuple(en(english))
            if not key:
                continue
            targets = self._map.setdefault(key, [])
            words = [ja(word) for word in japanese.split()]
            for tokens in words:
                targets.extend(t for t in tokens if t not in targets)
            for word in words:
                if len(word) != 1:
                    continue
                siblings = self._synonyms.setdefault(word[0], [])
                siblings.extend(
                    t for other in words for t in other if t != word[0] and t not in siblings
                )
        self._longest = max((len(k) for k in self._map), default=1)
        self._english = _reverse(self._map)

    @classmethod
    def load(cls, ja: Tokenizer, en: Tokenizer) -> Glossary:
        text = resources.files(__package__).joinpath("data/glossary.tsv").read_text("utf-8")
        names = (
            e for e, japanese in _parse(text, NAME_SECTIONS) if _TRANSLITERATED.match(japanese)
        )
        return cls(_parse(text), ja, en, names)

    def to_json(self) -> dict[str, object]:
        """The built glossary (for index.cache: tokenizing its entries is most of a start-up)."""
        return {
            "map": [[list(k), v] for k, v in self._map.items()],
            "synonyms": self._synonyms,
            "names": sorted(self.names),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Glossary:
        """A glossary from `to_json`; TypeError or ValueError if `data` is not of that shape."""
        glossary = cls.__new__(cls)
        glossary._map = {tuple(strings(k)): strings(v) for k, v in data["map"]}
        glossary._synonyms = {str(k): strings(v) for k, v in data["synonyms"].items()}
        glossary.names = frozenset(strings(data["names"]))
        glossary._longest = max((len(k) for k in glossary._map), default=1)
        glossary._english = _reverse(glossary._map)
        return glossary

    def with_dictionary(self, dictionary: Synonyms) -> Glossary:
        """This glossary backed by a synonym dictionary (index.synonyms): its groups give the
        synonyms of the Japanese words they hold, and its English members translate the words
        this glossary has no line for."""
        glossary = copy.copy(self)
        glossary._dictionary = dictionary
        return glossary

    def synonyms(self, token: str) -> list[str]:
        """The dictionary's synonyms of this Japanese token where it has any, else the Japanese
        tokens listed beside it for the same English word."""
        if self._dictionary is not None:
            return self._dictionary.japanese(token) or self._synonyms.get(token, [])
        return self._synonyms.get(token, [])

    def to_english(self, tokens: list[str]) -> list[str]:
        """English tokens of the one-word entries that list these Japanese tokens (else the
        dictionary's English members for them), once each."""
        get = self._english.get
        if self._dictionary is not None:
            fallback = self._dictionary.to_english
            return list(dict.fromkeys(chain.from_iterable(get(t) or fallback(t) for t in tokens)))
        return list(dict.fromkeys(chain.from_iterable(get(t, ()) for t in tokens)))

    def has_key(self, token: str) -> bool:
        return (token,) in self._map

    def to_japanese(self, tokens: list[str], guessed: Collection[str] = ()) -> list[str]:
        """Japanese tokens for an English token list, longest phrase first; unknown Latin words
        (names, acronyms) are kept, since Japanese text often writes them in Latin letters.
        The dictionary translates no token in `guessed` (a long form guessed for a word the
        rendering lacks, sideshow -> side: translated too, it searched the wrong word twice)."""
        out: list[str] = []
        i = 0
        while i < len(tokens):
            for n in range(min(self._longest, len(tokens) - i), 0, -1):
                targets = self._map.get(tuple(tokens[i : i + n]))
                if targets:
                    out.extend(targets)
                    i += n
                    break
            else:
                word = tokens[i]
                known = (
                    self._dictionary.to_japanese(word)
                    if self._dictionary and word not in guessed
                    else []
                )
                out.extend(known or [word])
                i += 1
        return out


def _reverse(mapping: dict[tuple[str, ...], list[str]]) -> dict[str, list[str]]:
    english: dict[str, list[str]] = {}
    for key, targets in mapping.items():
        if len(key) == 1:
            for token in targets:
                english.setdefault(token, []).append(key[0])
    return english


# The sections of glossary.tsv ("# === Places ===") whose entries are names, where Japanese
# first writes them in katakana or Latin letters (グーグル, テスラ; not 地域 for "area", 州 for
# "state", 英国 for "uk": the sections also list words for places in general).
NAME_SECTIONS = ("Companies and organisations", "Media", "People", "Places")
_TRANSLITERATED = re.compile(r"[ァ-ヶー・A-Za-z0-9]+(?:\s|$)")


def _parse(text: str, sections: Collection[str] | None = None) -> Iterable[tuple[str, str]]:
    """The entries (English, Japanese); with `sections`, only those under these headings."""
    inside = sections is None
    for line in text.splitlines():
        if line.startswith("# ==="):
            heading = line.strip("# =")
            inside = sections is None or any(heading.startswith(s) for s in sections)
        elif inside and line.strip() and not line.startswith("#") and "\t" in line:
            english, japanese = line.split("\t", 1)
            yield english.strip(), japanese.strip()
