"""Questions that ask why, and passages that state an aim or a strategy.

"なんで1週間も休むの?" and "Why is OpenAI shutting down for a week?" want the passage that says what
the week off is for (a strategic move to slow Meta's hiring), not the one that describes the week
off and so shares more of the question's words. Like an answer type, but only a bonus in the
ranking: a reason is not a fact whose absence means the article does not answer.
"""

from __future__ import annotations

import re

from .tokenize import normalize

# On normalised (NFKC, casefolded) text.
_ASKS = re.compile(
    r"なぜ|何故|なんで|どうして|理由|何のため|なんのため|目的|狙い|\bwhy\b|\bwhat for\b|\bthe reason\b|\breasons?\b|\bpurpose\b"
)
# An aim or a strategy. A cause in general (ため alone, ので, because, due to) was measured too: it
# holds in too many passages to move any question (README, "Retrieval quality").
_STATES = re.compile(
    r"ために|目的|戦略|狙い|ねらい|意図|\bin order to\b|\bso that\b|\bso as to\b|\bto slow\b|\baim(?:s|ed)? (?:to|at)\b|\bstrateg|\bintended to\b|\bpurpose\b"
)


def asks_reason(question: str) -> bool:
    """Whether the question asks why (なぜ, なんで, 理由, why, what for ...)."""
    return _ASKS.search(normalize(question)) is not None


def states_reason(text: str) -> bool:
    """Whether the text states an aim or a strategy (ために, 戦略, in order to, to slow ...)."""
    return _STATES.search(normalize(text)) is not None
