"""Questions that ask who someone is ("マーク・チェンって誰?", "who's sam altman").

A news article introduces a person once, at the first mention, with full name and role ("OpenAIの
マーク・チェン最高研究責任者(CRO)"); later mentions say "チェン" and what he did. So "who is X" wants
the first passage that mentions X, not the one that mentions X most or most briefly. Like the
answer types and the reason cue, a bonus in the ranking only.
"""

from __future__ import annotations

import re

# The whole question is "X って誰?" or "who is X?" (with a channel's openers and endings): "誰が
# CEO?", "who is Chen working with?", "日本共産党の委員長は誰?" (a name asked by role: JSQuAD's kind)
# ask something else: X is a name, without kana (particles, verbs) and short. On normalised (NFKC, casefolded) text.
_JA = re.compile(
    r"^(?:その|この|あの)?(?P<x>[^\u3041-\u3096]{1,15}?)(?:(?:って|とは|ってさ|てさ)(?:一体)?(?:誰|だれ|何者|なにもの|どなた|どんな人|どういう人)"
    r"|は(?:一体)?(?:何者|なにもの|どんな人|どういう人))"
    r"(?:なの|なん|ですか|でしたっけ|だっけ|だった|なのか|か|よ|ね|\s)*[?!。、w笑]*$"
)
_EN = re.compile(
    r"^(?:(?:so|and|ok|okay|hey|wait|um|btw|quick q)[,:]?\s+)*"
    r"(?:who(?:'s|s| is| was| are| were)|who the (?:heck|hell) is)\s+(?P<x>[^?!]+?)\s*[?!.]*$"
)


# "who is mark chen", "who's the gtm employee"; "who is chen working with to keep people..." asks
# something else.
MAX_NAME_WORDS = 3


def identity_subject(normalized_question: str) -> str | None:
    """X in "X って誰?" / "who is X?", or None when the question asks something else."""
    match = _JA.match(normalized_question)
    if match and not match.group("x").endswith("の"):  # "言ったのは誰": who did it, not who it is
        return match.group("x").strip(" 、,")
    match = _EN.match(normalized_question)
    if match and len(match.group("x").split()) <= MAX_NAME_WORDS:
        return match.group("x").strip(" ,")
    return None
