"""Questions that ask whether something works, and passages that weigh a likely outcome.

"Is it gonna work?", "それで効果あるの?" after a question about the week off want the passage that
weighs what the week off may achieve ("may temporarily halt recruiters' advances"), not the ones
that describe the week off or the staff's work. A news article weighs an outcome in hedged words
(かもしれない, 可能性, may, could). Like the reason's, a preference in the ranking only.
"""

from __future__ import annotations

import re

from .reason import _found

# Whether it works, helps or succeeds (not "work" with an object or a place: "work 80 hours",
# "work at openai"); on the question's plain form.
_ASKS_JA = re.compile(
    r"効果|効く|効いて|うまくいく|上手くいく|うまくいった|意味(?:ある|あんの|あった)|成功"
)
_ASKS_EN = re.compile(
    r"\b(?:it|that|this|gonna|going to|actually|even|really) work(?:s|ed)?(?: out)?"
    r"(?=\s*(?:[?!.,]|tho\b|though\b|lol\b|$))|\bwork(?:s|ed)? out\b|\beffective|\beffect\b"
    r"|\bpay off|\bsucceed\w*|\bhelp(?:s|ed)? at all|\bmake a difference",
    re.IGNORECASE,
)
# A likely outcome weighed: a hedge on what will happen.
_STATES_JA = re.compile(r"かもしれない|可能性|見込み|恐れがある|だろう")
_STATES_EN = re.compile(r"\b(?:may|might|could|likely|would)\b", re.IGNORECASE)


# "work" asking whether it works, not of the staff's work: searched, it finds the 80-hour weeks.
_WORKS = re.compile(
    r"\b(?P<by>it|that|this|gonna|going to|actually|even|really) work(?:s|ed)?(?: out)?"
    r"(?=\s*(?:[?!.,]|tho\b|though\b|lol\b|$))|\bwork(?:s|ed)? out\b",
    re.IGNORECASE,
)


def unframed(question: str) -> str:
    """The question without "work" where it asks whether something works."""
    return _WORKS.sub(lambda m: m["by"] or " ", question)


def asks_effect(question: str) -> bool:
    """Whether the question asks whether something works (効果ある?, "is it gonna work")."""
    return _found(_ASKS_JA, _ASKS_EN, question)


def weighs_outcome(text: str) -> bool:
    """Whether the text weighs a likely outcome (かもしれない, 可能性, may, could ...)."""
    return _found(_STATES_JA, _STATES_EN, text)
