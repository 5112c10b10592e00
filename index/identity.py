"""Questions that ask who someone is ("マーク・チェンって誰?", "who's sam altman", "チェンの役職は?").

A news article introduces a person once, at the first mention, with full name and role ("OpenAIの
マーク・チェン最高研究責任者(CRO)"); later mentions say "チェン" and what he did. So "who is X" wants
the first passage that mentions X, not the one that mentions X most or most briefly. Like the
answer types and the reason cue, a bonus in the ranking only.
"""

from __future__ import annotations

import re

# The whole question is "X って誰?" / "Xの役職は?" or "who is X?" / "what's X's job?" (with a
# channel's openers and endings): "誰がCEO?", "who is Chen working with?", "日本共産党の委員長は誰?" (a
# name asked by role: JSQuAD's kind) ask something else: X is a name, without kana (particles,
# verbs) and short. On normalised (NFKC, casefolded) text.
_NAME_JA = r"^(?:その|この|あの)?(?P<x>[^\u3041-\u3096]{1,15}?)"
_END_JA = r"(?:なの|なん|ですか|でしたっけ|だっけ|だった|なのか|か|よ|ね|\s)*[?!。、w笑]*$"
_JA = (
    re.compile(
        _NAME_JA
        + r"(?:(?:って|とは|ってさ|てさ)(?:一体)?(?:誰|だれ|何者|なにもの|どなた|どんな人|どういう人)"
        r"|は(?:一体)?(?:何者|なにもの|どんな人|どういう人))" + _END_JA
    ),
    # the role: "チェンの役職は?", "アルトマンって何の仕事してる人?"
    re.compile(
        _NAME_JA
        + r"(?:の|って)(?:役職|肩書き?|職業|仕事|役割|ポジション|立場)(?:は|って)?(?:何|なに|なん)?"
        + _END_JA
    ),
)
_OPENERS_EN = r"^(?:(?:so|and|ok|okay|hey|wait|um|btw|quick q)[,:]?\s+)*"
_EN = (
    re.compile(
        _OPENERS_EN + r"(?:who(?:'s|s| is| was| are| were)|who the (?:heck|hell) is)\s+"
        r"(?P<x>[^?!]+?)\s*[?!.]*$"
    ),
    # the role: "what's chen's role", "what is sam altman's job", "what does zuckerberg do"
    re.compile(
        _OPENERS_EN + r"what(?:'s|s| is| was)\s+(?P<x>[^?!]+?)(?:'s?|s')\s+"
        r"(?:role|title|job|position)\s*[?!.]*$"
    ),
    re.compile(_OPENERS_EN + r"what does\s+(?P<x>[^?!]+?)\s+do(?: for a living)?\s*[?!.]*$"),
)


# "who is mark chen", "who's the gtm employee"; "who is chen working with to keep people..." asks
# something else.
MAX_NAME_WORDS = 3


def identity_subject(normalized_question: str) -> str | None:
    """X in "X って誰?" / "who is X?" (or X's role asked), or None when the question asks
    something else."""
    for pattern in _JA:
        if match := pattern.match(normalized_question):
            return match.group("x").strip(" 、,")
    for pattern in _EN:
        match = pattern.match(normalized_question)
        if match and len(match.group("x").split()) <= MAX_NAME_WORDS:
            return match.group("x").strip(" ,")
    return None
