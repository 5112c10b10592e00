"""Questions that ask why, and passages that state an aim or a strategy.

"なんで1週間も休むの?" and "Why is OpenAI shutting down for a week?" want the passage that says what
the week off is for (a strategic move to slow Meta's hiring), not the one that describes the week
off and so shares more of the question's words. Like an answer type, but only a bonus in the
ranking: a reason is not a fact whose absence means the article does not answer.
"""

from __future__ import annotations

import re

# (どうして asks why, どうしてる / どうしてんの / どうしている what someone is doing: not a reason.)
# Japanese and English cues apart, English ones case-insensitive, on the question's plain form
# (index.questionform) or a passage's text: one regular expression over both, or normalising every
# passage first, made a start-up from the disk cache 2-10 times as slow for the same matches.
_ASKS_JA = re.compile(
    r"なぜ|何故|なんで|どうして(?![るんいまた])|理由|何のため|なんのため|目的|狙い|ねらい|意図|動機"
)
_ASKS_EN = re.compile(
    r"\b(?:why|what for|the reason|reasons?|purpose|how come|(?:the|what'?s|whats) point"
    r"|motive|motivation|rationale)\b",
    re.IGNORECASE,
)
# An aim or a strategy. A cause in general (ため alone, ので, because, due to) was measured too: it
# holds in too many passages to move any question (README, "Retrieval quality").
# (Not a manner: 戦略的に行動, "acting strategically", says how, not what for.)
_STATES_JA = re.compile(r"ために|目的|戦略(?!的に)|狙い|ねらい|意図")
_STATES_EN = re.compile(
    r"\b(?:in order to|so that|so as to|to slow|aim(?:s|ed)? (?:to|at)|strateg(?!ically)"
    r"|intended to|purpose)",
    re.IGNORECASE,
)


def asks_reason(question: str) -> bool:
    """Whether the question asks why (なぜ, なんで, 理由, why, what for ...)."""
    return cue_found(_ASKS_JA, _ASKS_EN, question)


def states_reason(text: str) -> bool:
    """Whether the text states an aim or a strategy (ために, 戦略, in order to, to slow ...)."""
    return cue_found(_STATES_JA, _STATES_EN, text)


# A cause (によって, ので, because, due to): in too many passages to prefer over the whole article,
# but a bare "why?" after an answer asks the cause of what it said, among the passages near it.
_CAUSES_JA = re.compile(r"によって|により|ので|せいで|ため[、,]|結果")
_CAUSES_EN = re.compile(
    r"\b(?:because|due to|as a result|thanks to|caused|led to|driven by|amid|since)\b",
    re.IGNORECASE,
)


def states_cause(text: str) -> bool:
    """Whether the text states a cause (によって, ので, because, due to ...)."""
    return cue_found(_CAUSES_JA, _CAUSES_EN, text)


# A "why" of a feeling or a judgement ("why were they worried about the shutdown week", "why
# did someone think it was risky", 休業の週ってむしろ危ないって言われてたのなんで?, "why is a
# company-wide break better than pto", なんで会社全体で休む方がいいの?) asks its grounds (Meta would use
# the week to recruit, line 15; the employee's own words, line 24), not an aim: no aim is
# preferred for it.
_GROUNDS_JA = re.compile(
    r"心配|不安|危な|危険|怖|恐|ヤバ|やば|リスク|懸念|警戒|怒|嫌|(?:方|ほう)が(?:いい|良い)|嬉し|うれし"
)
_GROUNDS_EN = re.compile(
    r"\b(?:worr\w*|concern\w*|afraid|scared|fear\w*|risk\w*|danger\w*|unsafe|upset|angry|mad"
    r"|nervous|anxious|bad|wrong|better|worse|prefer\w*|happy|welcome)\b",
    re.IGNORECASE,
)


def asks_grounds(question: str) -> bool:
    """Whether a "why" question asks the grounds of a feeling or a judgement (worried, risky)."""
    return cue_found(_GROUNDS_JA, _GROUNDS_EN, question)


def cue_found(japanese: re.Pattern[str], english: re.Pattern[str], text: str) -> bool:
    """Whether either cue (a Japanese one, an English one) is in the text."""
    return japanese.search(text) is not None or english.search(text) is not None
