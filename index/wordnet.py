"""Open English WordNet's synonyms, restricted to the words an English rendering uses.

index/data/wordnet-en.tsv is built from Open English WordNet by index/data/build_wordnet.py
(licence and provenance in index/data/WORDNET.md). A question's word or phrase that the rendering
never uses ("holiday", "quit", "step down") is searched through the members of its synsets that the
rendering does use ("vacation", "resign"), and, through the glossary, in Japanese. A word the
rendering uses needs no synonym, and one would only add the noise of the word's other senses.

A member is its words: stems, and stopwords as written ("step down", "wear out"), so that phrases
are found among a question's words before its stopwords are dropped. The bridges this gives are
everyday words for the rendering's: instead -> rather, wearing out -> exhaust, tire.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from importlib import resources
from typing import Any

from .tokenize import EnglishTokenizer

Vocabulary = Callable[[str], object]  # truthy when the rendering uses the token (BM25Index.idf)


class WordNet:
    """A member (its words joined by spaces) -> the rendering's tokens of its synonyms."""

    def __init__(self, synonyms: dict[str, list[str]] | str) -> None:
        # As read from the index cache: its lines, parsed at the first question (a start-up that
        # answers no English question does not pay for it).
        self._text = synonyms if isinstance(synonyms, str) else None
        if not isinstance(synonyms, str):
            self.__dict__["_synonyms"] = synonyms
        self._tokenize = EnglishTokenizer()

    @functools.cached_property
    def _synonyms(self) -> dict[str, list[str]]:
        lines = (line.split("\t") for line in (self._text or "").splitlines())
        return {fields[0]: fields[1].split() for fields in lines if len(fields) == 2}

    @functools.cached_property
    def _heads(self) -> dict[str, int]:
        """A member's first word -> the most words of a member starting with it."""
        heads: dict[str, int] = {}
        for member in self._synonyms:
            words = member.split(" ")
            heads[words[0]] = max(heads.get(words[0], 0), len(words))
        return heads

    @classmethod
    def load(cls, vocabulary: Vocabulary) -> WordNet:
        return cls.build(_parse(_text()), vocabulary)

    @classmethod
    def build(cls, synsets: Iterable[list[str]], vocabulary: Vocabulary) -> WordNet:
        """Each member of a synset -> the content tokens of its other members that the rendering
        uses every one of; a member the rendering itself uses in full gets none."""
        vocabulary = functools.cache(vocabulary)  # a word is in many synsets
        synonyms: dict[str, list[str]] = {}
        for marked in synsets:
            # "<": only expands (a phrase with a stopword), ">": only expanded to (not among the
            # member's most frequent senses); index/data/build_wordnet.py.
            members = [m.lstrip("<>") for m in marked]
            tokens = {m: m.split() for m in members}
            used = [
                m
                for m, mark in zip(members, marked, strict=True)
                if mark[0] != "<" and all(map(vocabulary, tokens[m]))
            ]
            if not used:
                continue
            for member, mark in zip(members, marked, strict=True):
                if mark[0] == ">" or member in used:
                    continue
                targets = synonyms.setdefault(member, [])
                targets.extend(t for m in used for t in tokens[m] if t not in targets)
        return cls(synonyms)

    def to_json(self) -> dict[str, object]:
        lines = (f"{member}\t{' '.join(targets)}" for member, targets in self._synonyms.items())
        return {"synonyms": "\n".join(lines)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> WordNet:
        """A WordNet from `to_json`; TypeError or KeyError if not of that shape (a line that is not
        a member and its synonyms is passed over)."""
        text = data["synonyms"]
        if not isinstance(text, str):
            raise TypeError("not WordNet's lines")
        return cls(text)

    def words(self, text: str) -> list[str]:
        """The text's words as members are written: stems, and stopwords as written."""
        return self._tokenize.words(text)

    def synonyms(self, text: str) -> list[str]:
        """The rendering's tokens for the words and phrases of `text` it does not use, longest
        phrase first (a phrase's words are not looked up again)."""
        if not self._synonyms:
            return []
        words = self.words(text)
        heads = self._heads
        out: list[str] = []
        i = 0
        while i < len(words):
            longest = heads.get(words[i], 0)
            for n in range(min(longest, len(words) - i), 0, -1):
                targets = self._synonyms.get(" ".join(words[i : i + n]))
                if targets:
                    out.extend(t for t in targets if t not in out)
                    i += n
                    break
            else:
                i += 1
        return out


def _text() -> str:
    return resources.files(__package__).joinpath("data/wordnet-en.tsv").read_text("utf-8")


@functools.cache
def dictionary_words() -> frozenset[str]:
    """Every word of a synset's members (stemmed, as our English tokens): the words the language
    has in WordNet's dictionary (shaky, blitz, crunch), which names mostly are not (zelda, osaka,
    wimbledon). Read at the first question that asks."""
    return frozenset(
        w for members in _parse(_text()) for m in members for w in m.lstrip("<>").split()
    )


def _parse(text: str) -> Iterable[list[str]]:
    for line in text.splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t")[1:]
