"""Build index/data/wordnet-en.tsv from Open English WordNet's YAML source.

    pip install pyyaml
    python -m index.data.build_wordnet /path/to/english-wordnet/src/yaml

Open English WordNet (github.com/globalwordnet/english-wordnet, CC BY 4.0 over the Princeton
WordNet licence: see WORDNET.md). Each synset's members are written as our English tokens: a
member's words lower-cased, each stemmed as index.tokenize.EnglishTokenizer stems it, except its
stopwords, which are kept as written so that a phrase ("step down", "wear out") is found in a
question's words before stopwords are dropped. A member is kept when each of its content words
is in wordfreq's English list (index/data/wordfreq-en.tsv: Zipf >= 3, a word people type);
a synset is kept with two distinct members or more. One synset a line:

    part of speech <TAB> member <TAB> member ...

A member marked "<" only expands (a phrase with a stopword: "time out" searched as "time" would
be another word); one marked ">" is only expanded to (the synset is not among its SENSES most
frequent senses: "quit" is rarely "resign").

Run it again after a change to the English stopwords or stemmer (tests/test_wordnet.py checks
that the file agrees with them on a sample).
"""

from __future__ import annotations

import sys
from pathlib import Path

from index.tokenize import EN_STOPWORDS, EnglishTokenizer

HERE = Path(__file__).resolve().parent
OUT = HERE / "wordnet-en.tsv"
HEADER = (
    "# Built by index/data/build_wordnet.py from Open English WordNet (CC BY 4.0; see WORDNET.md).\n"
    "# One synset a line: part of speech, then its members as stemmed words (stopwords as written);\n"
    "# <: only expands, >: only expanded to.\n"
)

_POS_FILES = {"noun", "verb", "adj", "adv"}
# A member expands to its synonyms only in its most frequent senses: "break" is a pause in work
# more often than it reveals, severs or develops. Chosen on the tuning sets (README, "Retrieval
# quality"): 1 lost an English question, 3 and all senses one at recall@3.
SENSES = 2
_TOKENIZE = EnglishTokenizer()


def member_words(text: str) -> list[str]:
    """A member's words (WordNet writes "step_down"), as the search writes a question's: stems,
    and stopwords as written (index.tokenize.EnglishTokenizer.words)."""
    return _TOKENIZE.words(text.replace("_", " "))


def build(source: Path, senses: int = SENSES) -> list[list[str]]:
    import yaml  # only to rebuild

    rank = _sense_ranks(source, yaml)

    common = {
        line.split()[0]
        for line in (HERE / "wordfreq-en.tsv").read_text("utf-8").splitlines()
        if line.strip()
    }
    out = []
    files = sorted(p for p in source.glob("*.yaml") if p.name.split(".")[0] in _POS_FILES)
    synsets = {}
    for path in files:
        synsets.update(yaml.load(path.read_text("utf-8"), Loader=yaml.CSafeLoader))

    def mark(member: str, synset_id: str) -> tuple[str, str] | None:
        words = member_words(member)
        content = [w for w in words if w not in EN_STOPWORDS]
        if not content or not all(w in common for w in content):
            return None
        # Expands: the synset is among the member's most frequent senses. Expanded to:
        # searchable as written (no stopword dropped from it: "time out" is not "time").
        expands = rank.get((member, synset_id), senses + 1) <= senses
        target = len(content) == len(words)
        sign = "" if expands and target else "<" if expands else ">" if target else None
        return None if sign is None else (" ".join(words), sign)

    for synset_id, synset in synsets.items():
        members: dict[str, str] = {}
        for member in synset.get("members", []):
            marked = mark(str(member), synset_id)
            if marked is not None and marked[0] not in members:
                members[marked[0]] = marked[1]
        if len(members) >= 2 and any(m != ">" for m in members.values()):
            if any(m != "<" for m in members.values()):
                out.append([synset["partOfSpeech"], *(m + k for k, m in members.items())])
    return out


def _sense_ranks(source: Path, yaml) -> dict[tuple[str, str], int]:  # type: ignore[no-untyped-def]
    """(member as written, synset id) -> its rank among the member's senses (1: the most frequent,
    in WordNet's order)."""
    rank = {}
    for path in sorted(source.glob("entries-*.yaml")):
        for lemma, by_pos in yaml.load(path.read_text("utf-8"), Loader=yaml.CSafeLoader).items():
            for entry in by_pos.values():
                for i, sense in enumerate(entry.get("sense", []), 1):
                    rank[(str(lemma), sense["synset"])] = i
    return rank


def main() -> None:
    source = Path(sys.argv[1] if len(sys.argv) > 1 else "english-wordnet/src/yaml")
    synsets = build(source, int(sys.argv[2]) if len(sys.argv) > 2 else SENSES)
    OUT.write_text(HEADER + "\n".join("\t".join(s) for s in synsets) + "\n", encoding="utf-8")
    print(f"{len(synsets)} synsets -> {OUT}")


if __name__ == "__main__":
    main()
