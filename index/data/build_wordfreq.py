"""Build index/data/wordfreq-{ja,en}.tsv from wordfreq's word lists, as our tokens.

    pip install wordfreq==3.1.1 && python -m index.data.build_wordfreq

wordfreq's Japanese list is MeCab (ipadic) words and its English list words; our tokens are
unidic-lite lemmas and Snowball stems. Each entry is put through our own tokenizers and its
frequency added to the token it becomes (休ん, 休み and 休む all count for 休む), so the lookup at
run time is one dict access on the tokens a question already has. An entry that becomes several
tokens, or none (a stopword), is left out. Kept: tokens of at least MIN_ZIPF, written as Zipf
values (log10 of occurrences per billion words) with two decimals; a token not listed is rarer.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from pathlib import Path

from index.tokenize import EnglishTokenizer, JapaneseTokenizer, Tokenizer

# One occurrence in a million words: rarer is "rare" for our purpose (and the table small).
MIN_ZIPF = 3.0
HERE = Path(__file__).resolve().parent
_KANJI = re.compile(r"[\u4e00-\u9fff]")
PREFIXED = "チーム"  # a noun a prefix can stand before, and that no kanji joins into one word


def build(lang: str, tokenize: Tokenizer) -> dict[str, float]:
    import wordfreq

    totals: dict[str, float] = defaultdict(float)
    for word, freq in wordfreq.get_frequency_dict(lang, wordlist="large").items():
        tokens = tokenize(word)
        if not tokens and _KANJI.fullmatch(word):
            # A prefix (新, 再, 高) alone is parsed as a symbol, and would be unlisted, as rare
            # as can be: it is read before a noun, as a question writes it (新チーム).
            tokens = tokenize(word + PREFIXED)[:1]
            tokens = tokens if tokens == [word] else []
        if len(tokens) == 1:
            totals[tokens[0]] += freq
    zipf = {t: round(math.log10(f * 1e9), 2) for t, f in totals.items()}
    return {t: z for t, z in zipf.items() if z >= MIN_ZIPF}


def main() -> None:
    for lang, tokenize in (("ja", JapaneseTokenizer()), ("en", EnglishTokenizer())):
        table = build(lang, tokenize)
        rows = sorted(table.items(), key=lambda kv: (-kv[1], kv[0]))
        path = HERE / f"wordfreq-{lang}.tsv"
        path.write_text("".join(f"{t}\t{z:.2f}\n" for t, z in rows), encoding="utf-8")
        print(f"{path.name}: {len(rows)} tokens")


if __name__ == "__main__":
    main()
