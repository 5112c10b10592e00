"""The plain form of a question, however it is written.

"HOW MUCH DID META OFFER?", "ｈｏｗ ｍｕｃｈ…", "メタはいくら出したの?笑" and "…の？？www" are the same
questions as their plain forms: the search sees the plain form, so they get the same passages, the
same verdict and the same reply language.
"""

from __future__ import annotations

import re
import unicodedata

_JA_RUN = re.compile(
    r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]+(?:[・ー][\u3040-\u30ff\u3400-\u9fff]+)*"
)
# Laughter and emphasis at the end of a question: (笑), 笑, w (after anything but a Latin letter:
# "how" keeps its w), 草 (after punctuation or other laughter), lol, haha, !!!, ?!?, ~ and the like.
_TRAILING = re.compile(
    r"(?:\s*(?:[(\[]笑[)\]]|笑|(?<![a-zA-Z])[wW]+|(?<=[\s!?.。…~〜wW笑])草|(?<=[\s!?.])(?:lol|lmao|(?:ha){2,})\b|[!?.。…~〜]+))+\s*$",
    re.IGNORECASE,
)
_LOWER = re.compile(r"[a-z]")
_UPPER = re.compile(r"[A-Z]")


def plain(question: str) -> str:
    """NFKC (full-width letters and digits as ASCII), laughter and emphasis at the end dropped
    (with the end's question mark kept), and a question written all in capitals in lower case
    with a capital first letter: its words are no more names than anyone's."""
    text = unicodedata.normalize("NFKC", question).strip()
    stripped = _TRAILING.sub("", text)
    if stripped and stripped != text:
        text = stripped + ("?" if "?" in text[len(stripped) :] else "")
    if _UPPER.search(text) and not _LOWER.search(text):
        lower = text.lower()
        text = lower[:1].upper() + lower[1:]
    return text


def japanese_part(text: str) -> str:
    """The runs of kana and kanji in the text (a Japanese name in an English question)."""
    return " ".join(_JA_RUN.findall(text))
