"""Build index/data/synonyms.tsv from Sudachi's synonym dictionary (synonyms.txt).

    python -m index.data.build_synonyms ../shared/data/sudachi-synonyms/synonyms.txt

Each headword is mapped onto our tokens (what index.tokenize's tokenizers make of it: a unidic-lite
lemma for Japanese, a Snowball stem for English); a headword that is not exactly one token (a
compound the tokenizer splits, a stopword, a phrase) is left out, since the search expands tokens.
Flags: 展開制御フラグ 2 (never expand: kept only as a record of harmful synonyms) is dropped; 1 (is
expanded to, never expands) is kept apart. One group a line, four tab-separated fields:

    Japanese tokens that expand <TAB> Japanese tokens only expanded to <TAB> English ditto <TAB> ditto

Run it again after a change to the tokenizers' tables or dictionary (tests/test_synonyms.py
checks that the file agrees with them on a sample).
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from index.tokenize import (
    EnglishTokenizer,
    JapaneseTokenizer,
    _shared_tagger,  # noqa: E402
    normalize,
)

OUT = Path(__file__).resolve().parent / "synonyms.tsv"
HEADER = (
    "# Built by index/data/build_synonyms.py from Sudachi's synonyms.txt (SudachiDict, Apache-2.0:\n"
    "# see SUDACHI-SYNONYMS.md). One group a line: Japanese tokens that expand, Japanese tokens\n"
    "# only expanded to (flag 1), English tokens that expand, English tokens only expanded to, the\n"
    "# Japanese words with more than one form (one word's forms joined by |, flag 0 only).\n"
)
_LATIN = re.compile(r"[A-Za-z]")


def build(source: Path) -> list[list[list[str]]]:
    ja, en = JapaneseTokenizer(), EnglishTokenizer()
    groups: dict[str, list[list[str]]] = {}
    lexemes: dict[str, dict[str, list[str]]] = {}  # group -> lexeme number -> its forms' tokens
    with source.open(encoding="utf-8", newline="") as f:
        for row in csv.reader(f):
            if len(row) < 9 or not row[0].strip():
                continue
            flag = row[2] or "0"
            if flag == "2":
                continue
            headword = row[8]
            english = _LATIN.search(headword) is not None and headword.isascii()
            tokens = (en if english else ja)(headword)
            # One token, and for Japanese one word: 1位 is not 1 once 位 is dropped as a stopword.
            if len(tokens) != 1 or not (english or _one_word(headword)):
                continue
            fields = groups.setdefault(row[0], [[], [], [], []])
            fields[(2 if english else 0) + (flag == "1")].append(tokens[0])
            if not english and flag == "0":
                lexemes.setdefault(row[0], {}).setdefault(row[3], []).append(tokens[0])
    out = []
    for group, fields in groups.items():
        expand = [list(dict.fromkeys(f)) for f in fields]
        # A token listed both ways expands.
        expand[1] = [t for t in expand[1] if t not in expand[0]]
        expand[3] = [t for t in expand[3] if t not in expand[2]]
        if len({t for f in expand for t in f}) >= 2 and (expand[0] or expand[2]):
            forms = (list(dict.fromkeys(f)) for f in lexemes.get(group, {}).values())
            expand.append(["|".join(f) for f in forms if len(f) > 1])
            out.append(expand)
    return out


def _one_word(headword: str) -> bool:
    tagger, _ = _shared_tagger()
    return tagger.parse(normalize(headword)).count("\n") == 1  # the word's line, then EOS


def main() -> None:
    source = Path(
        sys.argv[1] if len(sys.argv) > 1 else "../shared/data/sudachi-synonyms/synonyms.txt"
    )
    groups = build(source)
    lines = ["\t".join(" ".join(f) for f in fields) for fields in groups]
    OUT.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(groups)} groups -> {OUT}")


if __name__ == "__main__":
    main()
