"""Typos of the articles' words: "zuckerburg", "reserchers", "offfer", ザッカバーグ, アルトマソ.

A word a question uses that no article, glossary entry or word list of the language holds, and
that is one edit from a word the articles use (a letter left out, added or changed, or two next
to each other swapped), is read as that word: a channel's typo, not a new subject. A symmetric
delete index (SymSpell's, at distance one): each word and each of its forms with one letter left
out point at the word, so a lookup costs a word's length, not the vocabulary's.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping


class Speller:
    """The words of a vocabulary one edit from a given word."""

    def __init__(self, counts: Mapping[str, int]) -> None:
        self._counts = counts  # word -> how many passages use it (the likelier correction first)

    @functools.cached_property
    def _deletions(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for word in self._counts:
            for form in _with_one_left_out(word):
                out.setdefault(form, []).append(word)
        return out

    def __contains__(self, word: str) -> bool:
        return word in self._counts

    def near(self, word: str) -> list[str]:
        """The vocabulary's words one edit from `word` (not itself), most used first, then a-z."""
        found = {w for form in _with_one_left_out(word) for w in self._deletions.get(form, ())}
        found = {w for w in found if w != word and one_edit(word, w)}
        return sorted(found, key=lambda w: (-self._counts[w], w))


def _with_one_left_out(word: str) -> set[str]:
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


def one_edit(a: str, b: str) -> bool:
    """Whether b is a with one letter left out, added or changed, or two adjacent ones swapped."""
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        swapped = a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :]
        return a[i + 1 :] == b[i + 1 :] or swapped
    return a[i + (len(a) > len(b)) :] == b[i + (len(b) > len(a)) :]
