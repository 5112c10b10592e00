"""Questions that ask who someone is ("マーク・チェンって誰?", "who's sam altman", "チェンの役職は?").

A news article introduces a person once, at the first mention, with full name and role ("OpenAIの
マーク・チェン最高研究責任者(CRO)"); later mentions say "チェン" and what he did. So "who is X" wants
the first passage that mentions X, not the one that mentions X most or most briefly. Like the
answer types and the reason cue, a bonus in the ranking only.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# The whole question is "X って誰?" / "Xの役職は?" or "who is X?" / "what's X's job?" (with a
# channel's openers and endings): "誰がCEO?", "who is Chen working with?", "日本共産党の委員長は誰?" (a
# name asked by role: JSQuAD's kind) ask something else: X is a name, without kana (particles,
# verbs) and short. On normalised (NFKC, casefolded) text.
_NAME_JA = (
    r"^(?:(?:まじで|マジで|てか|ちな|ちなみに|で|じゃあ|ところで)[、,\s]*)?"  # a channel's opener
    r"(?:その|この|あの)?(?P<x>[^\u3041-\u3096]{1,15}?)(?:さん|氏|くん|ちゃん)?"
)
_END_JA = (
    r"(?:なの|なん|ですか|でしたっけ|だっけ|だった|なのか|やねん|やろ|かな|だろう|でしょう|っけ"
    r"|か?(?:教えて|知ってる|知りたい|わかる|分かる)(?:ください)?|か|よ|ね|\s)*[?!。、w笑]*$"
)
_JA = (
    re.compile(
        _NAME_JA
        + r"(?:(?:って|とは|ってさ|てさ)(?:一体)?(?:誰|だれ|何者|なにもの|どなた|どんな人|どういう人|(?:何|なん|どこ)の人)"
        r"|は(?:一体)?(?:何者|なにもの|どんな人|どういう人)|とは)" + _END_JA
    ),
    # the role: "チェンの役職は?", "アルトマンって何の仕事してる人?", "マーク・チェンって何の役職の人?"
    re.compile(
        _NAME_JA
        + r"(?:の|って)(?:役職|肩書き?|職業|仕事|役割|ポジション|立場)(?:は|って)?(?:何|なに|なん)?"
        + _END_JA
    ),
    # (where: "チェンってopenaiでどんなポジションの人?")
    re.compile(
        _NAME_JA + r"(?:って|は)(?:[^\u3041-\u3096]{1,15}(?:で|での))?"
        r"(?:何|なに|なん|どういう|どんな)の?(?:役職|肩書き?|職業|仕事|役割|ポジション|立場)"
        r"(?:の人|して(?:る|いる)人|の方)?" + _END_JA
    ),
)
_OPENERS_EN = r"^(?:(?:so|and|ok|okay|hey|wait|um|btw|quick q)[,:]?\s+)*"
_EN = (
    re.compile(
        _OPENERS_EN + r"(?:who(?:'s|s| is| was| are| were)|who (?:the (?:heck|hell|f|fuck)|tf|even"
        r"|exactly|actually) is)\s+(?:this\s+)?(?P<x>[^?!]+?)(?:\s+(?:again|exactly|even))?\s*[?!.]*$"
    ),
    re.compile(_OPENERS_EN + r"(?P<x>[^?!]+?),? who\s*[?!.]*$"),  # "chen who?"
    # the role: "what's chen's role", "what is sam altman's job", "what does zuckerberg do"
    re.compile(
        _OPENERS_EN + r"what(?:'s|s| is| was)\s+(?P<x>[^?!]+?)(?:'s?|s'|s)\s+"
        r"(?:role|(?:job )?title|job|position)(?:\s+(?:at|in|with)\s+[^?!]+?)?\s*[?!.]*$"
    ),
    re.compile(_OPENERS_EN + r"what does\s+(?P<x>[^?!]+?)\s+do(?: for a living)?\s*[?!.]*$"),
)


# "who is mark chen", "who's the gtm employee"; "who is chen working with to keep people..." asks
# something else.
MAX_NAME_WORDS = 3
# A message of two questions (split after a question mark, or at a comma before a question word)
# asks who someone is when one does and the other is a few words more: at most this many English
# words or Japanese characters ("役職は", "whats his job").
_PARTS = re.compile(r"(?<=[?？!！])\s*|,\s*(?=(?:who|what|whats|what's)\b)")
MAX_MORE_WORDS = 3
MAX_MORE_CHARS = 6
_LATIN = re.compile(r"[a-z]")


def identity_subject(normalized_question: str) -> str | None:
    """X in "X って誰?" / "who is X?" (or X's role asked), or None when the question asks
    something else. A message of two questions asks it when one does and the other is a few
    words more ("マークチェンって何の人? 役職は", "who is chen again, whats his job")."""
    subject = _subject(normalized_question)
    if subject is None:
        parts = [p for p in _PARTS.split(normalized_question) if p.strip()]
        if len(parts) == 2:
            first, last = parts
            if _few_words(last):
                subject = _subject(first)
            if subject is None and _few_words(first):
                subject = _subject(last)
    return subject


def _few_words(text: str) -> bool:
    if _LATIN.search(text):
        return len(text.split()) <= MAX_MORE_WORDS
    return len(text.strip(" ?？!！")) <= MAX_MORE_CHARS


def _subject(normalized_question: str) -> str | None:
    for pattern in _JA:
        if match := pattern.match(normalized_question):
            return match.group("x").strip(" 、,")
    for pattern in _EN:
        match = pattern.match(normalized_question)
        if match and len(match.group("x").split()) <= MAX_NAME_WORDS:
            return match.group("x").strip(" ,")
    return None


# "Who are the people in the article?", 登場人物は?: the people the article names, each where it
# introduces them. On normalised text.
_PEOPLE_LIST = re.compile(
    r"\bwho(?:'s| is| are| were)(?: all)? (?:the )?(?:people|persons|names|(?:main|key) (?:people|players"
    r"|figures|characters)|players|characters)(?: (?:mentioned|named|involved|quoted|in (?:the|this)"
    r" (?:article|story))\b|\W*$)|\blist (?:all )?(?:the )?(?:people|names|persons)\b"
    r"|\bwhich people (?:are )?(?:mentioned|named|quoted|in)\b"
    r"|\bwho(?:'s| is| are)(?: all)? (?:in|mentioned in|named in|quoted in) (?:the|this) (?:article|story)\b"
    r"|\b(?:people|names) (?:mentioned|named|quoted) in (?:the|this) (?:article|story)\b"
    r"|(?:記事|この話)に(?:出て|登場して|でて)(?:くる|きた|いる)(?:人|人物|人たち)|登場人物"
)
# A person's full name as a news article writes it at first mention: katakana parts joined by ・
# (マーク・チェン), one of them tagged a person's name by the dictionary.
_FULL_NAME = re.compile(r"[ァ-ヴー]+(?:・[ァ-ヴー]+)+")


def asks_people_list(normalized_question: str) -> bool:
    """Whether a question asks who the article's people are ("who's in the article?")."""
    return _PEOPLE_LIST.search(normalized_question) is not None


def first_mentions(texts: list[str], person: Callable[[str], bool]) -> list[tuple[str, int]]:
    """Each full name in `texts` (a passage's Japanese each) whose parts `person` takes for a
    person's name, with the index of the text that first names it, in the order named."""
    seen: dict[str, int] = {}
    for i, text in enumerate(texts):
        for name in _FULL_NAME.findall(text):
            if name not in seen and person(name):
                seen[name] = i
    return list(seen.items())
