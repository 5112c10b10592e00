"""How informative a word is in the language at large, not only in the articles.

In-article idf says "long", "point", "house" are rare (this article uses them once or never),
though they are common everywhere; a question about the boiling point of water is not about an
article that says "pointing". wordfreq's frequencies (index/data/README.md: what, whence, licence),
as our own tokens, give each word its information: rare words say what a question is about.
"""

from __future__ import annotations

from importlib import resources

# Zipf values: log10 of a word's occurrences per billion words (the/の ~7.7, house ~5.6, boil
# ~4.3). A token the list does not hold is rarer than its floor (index/data/build_wordfreq.py).
MAX_ZIPF = 7.5
UNLISTED_ZIPF = 2.5


class WordFrequency:
    """Token -> Zipf frequency, for Japanese tokens (unidic lemmas) and English ones (stems)."""

    def __init__(self, tables: dict[str, dict[str, str | float]]) -> None:
        self._tables = tables

    @classmethod
    def load(cls) -> WordFrequency:
        tables = {}
        for lang in ("ja", "en"):
            path = resources.files(__package__).joinpath(f"data/wordfreq-{lang}.tsv")
            # Read as strings, converted on lookup: parsing 130,000 floats would cost a start-up
            # ~40 ms; a question looks up a handful.
            fields = path.read_text("utf-8").split()
            tables[lang] = dict(zip(fields[0::2], fields[1::2], strict=True))
        return cls(tables)

    def zipf(self, token: str, lang: str) -> float:
        table = self._tables[lang]
        zipf = table.get(token)
        if zipf is None:
            return UNLISTED_ZIPF
        if isinstance(zipf, str):  # read as a string: converted once, on first use
            zipf = table[token] = float(zipf)
        return zipf

    def information(self, token: str, lang: str) -> float:
        """How much a token says about what a question is about: rarer says more (> 0)."""
        return max(0.25, MAX_ZIPF - self.zipf(token, lang))
