"""Questions that ask what comes of something or what is done about it, and the passages saying so.

"Is it gonna work?", "それで効果あるの?" after a question about the week off want the passage that
weighs what the week off may achieve ("may temporarily halt recruiters' advances"), not the ones
that describe the week off or the staff's work. A news article weighs an outcome in hedged words
(かもしれない, 可能性, may, could). "What's he doing about it?", "どう対策してんの?" want the passage
telling what someone does in response (working on retaining talent, 模索している), not the one
quoting what he said. Like the reason's, preferences in the ranking only.
"""

from __future__ import annotations

import re

from .reason import cue_found

# Whether it works, helps or succeeds (not "work" with an object or a place: "work 80 hours",
# "work at openai"), or what comes of it if it does (メタが勝ったらどうなる, "what happens if meta's
# recruiting works": line 37's "could change dramatically"); on the question's plain form.
_ASKS_JA = re.compile(
    r"効果|効く|効いて|うまくいく|上手くいく|うまくいった|意味(?:ある|あんの|あった)|成功"
    r"|(?:たら|れば|なら)[、,\s]*(?:\w{1,6}(?:は|って))?どうな"
)
# ... of which what comes if it succeeds (メタが勝ったらどうなる, "what happens if meta wins") asks
# for a conditional outcome (line 37: "if Meta's recruiting succeeds ... could change"), and the
# rest whether a measure works (line 32: "may temporarily halt recruiters' advances")
_CONDITION_JA = re.compile(
    r"(?:たら|れば|なら)[、,\s]*(?:\w{1,6}(?:は|って))?どうな|(?:たら|れば|なら)[?？]*$"
)
_CONDITION_EN = re.compile(
    r"\bwhat (?:happens|would happen|will happen|could happen|happens next) (?:\w+ )?if\b"
    r"|\bwhat if\b",
    re.IGNORECASE,
)
# ... and whether a measure works ("does the forced break work?", "will the shutdown even work";
# not "do the execs still work?": whether people work)
_MEASURE_WORKS = (
    r"(?P<measure>\b(?:does|do|did|will|would|can|could)\b (?:the |this |that |their |its |a |an )?"
    r"(?:[\w'-]+ ){0,2}?(?:break|shutdown|pause|rest|week off|time off|plan|strategy|move|tactic"
    r"|approach|idea|measure|policy|trick)s?(?: (?:actually|even|really))?) work(?:s|ed)?"
    r"(?: out)?(?=\s*(?:[?!.,]|tho\b|though\b|lol\b|$))"
)
# "work" asking whether it works, not of the staff's work: searched, it finds the 80-hour weeks.
_WORKS_ASKED = (
    r"\b(?P<by>it|that|this|gonna|going to|actually|even|really) work(?:s|ed)?(?: out)?"
    r"(?=\s*(?:[?!.,]|tho\b|though\b|lol\b|$))|\bwork(?:s|ed)? out\b|" + _MEASURE_WORKS
)
_ASKS_EN = re.compile(
    _WORKS_ASKED + r"|\beffective|\beffect\b|\bpay off|\bsucceed\w*|\bhelp(?:s|ed)? at all"
    r"|\bmake a difference"
    # whether it will stop or slow what it is meant to ("will the week off actually stop the
    # poaching", "is one week off enough to stop ppl quitting"; not how: "how would the shutdown
    # slow meta down" asks the means, line 4)
    r"|^(?:so |and |but |ok )?(?:will|would|does|did|is|are|can|could)\b[\w\s']{0,40}?"
    r"\b(?:stop|stops|stopping|halt|slow|fix|solve|stem|end)\b|\benough to\b"
    r"|\bwhat (?:happens|would happen|will happen|could happen|happens next) if\b|\bwhat if\b",
    re.IGNORECASE,
)
# A likely outcome weighed: a hedge on what will happen ...
_HEDGE_JA = r"(?:かもしれない|可能性|見込み|恐れがある|だろう)"
_HEDGE_EN = r"\b(?:may|might|could|likely|would)\b"
# ... of a measure, on what it is meant to stop or slow (止めるかもしれない, "may temporarily halt";
# not "Meta would take advantage of the shutdown week", a warning of what someone will do) ...
_EFFECT_JA = re.compile(rf"(?:止め|食い止め|鈍ら|抑え|防げ|防ぐ)\w{{0,4}}{_HEDGE_JA}")
_EFFECT_EN = re.compile(
    rf"{_HEDGE_EN} (?:\w+ )?(?:halt|stop|slow|stem|curb|prevent|end|fix|solve)\b", re.IGNORECASE
)
# ... and if something happens (もし...成功すれば...かもしれない, "If ... succeeds, ... could change")
_CONDITION_STATED_JA = re.compile(rf"(?:もし|れば|たら)[^。]*{_HEDGE_JA}")
_CONDITION_STATED_EN = re.compile(rf"\bif\b[^.]*{_HEDGE_EN}", re.IGNORECASE)


_WORKS = re.compile(_WORKS_ASKED, re.IGNORECASE)


def unframed(question: str) -> str:
    """The question without "work" where it asks whether something works."""
    return _WORKS.sub(lambda m: m["by"] or m["measure"] or " ", question)


def asks_effect(question: str) -> bool:
    """Whether the question asks whether something works (効果ある?, "is it gonna work")."""
    return cue_found(_ASKS_JA, _ASKS_EN, question)


def asks_condition(question: str) -> bool:
    """Whether the question asks what comes if something happens (メタが勝ったらどうなる)."""
    return cue_found(_CONDITION_JA, _CONDITION_EN, question)


# What effect something had ("what effect did that have", どんな効果): the consequence it tells,
# not whether a measure works
_WHAT_EFFECT = re.compile(
    r"\b(?:what|which)\b[\w\s']{0,20}\beffects?\b|\beffects? of\b|(?:どんな|どういう|何の|なんの)効果"
    r"|効果(?:は|って)(?:何|なに|なん)",
    re.IGNORECASE,
)


def asks_works(question: str) -> bool:
    """Whether the question asks whether something works (not what effect it had, nor what
    comes if it does)."""
    return (
        asks_effect(question) and not _WHAT_EFFECT.search(question) and not asks_condition(question)
    )


def weighs_effect(text: str) -> bool:
    """Whether the text weighs whether a measure stops or slows something (止めるかもしれない)."""
    return cue_found(_EFFECT_JA, _EFFECT_EN, text)


def weighs_condition(text: str) -> bool:
    """Whether the text weighs what comes if something happens ("If ..., ... could change")."""
    return cue_found(_CONDITION_STATED_JA, _CONDITION_STATED_EN, text)


# What is being done about something (a response, a countermeasure), asked ...
_RESPONSE_ASKED_JA = re.compile(
    r"対策|対応|反応|手を打|巻き返|(?:何|なに|なん)(?:を)?(?:して|やって)(?:ん|る|い)"
)
_RESPONSE_ASKED_EN = re.compile(
    r"\b(?:doing|done)(?: anything| something| much)? about\b|\b(?:do|did) (?:anything|something"
    r"|much) about\b"
    r"|\bhow(?:'s|'d|s|d|'re| (?:are|is|did|do|does|were|was))\b[\w\s']{0,30}?"
    r"\b(?:react|respond|handl|deal|cop|fight|counter|push)\w*|\b(?:response|reaction|countermeasures?|counter(?:ed|ing)?)\b"
    r"|\bwhat(?:'s|s| is| are| was| were) [\w\s']{0,30}?\bdoing\b",
    re.IGNORECASE,
)
# ... and told: someone working on it, exploring, scrambling for countermeasures, a step taken.
_RESPONSE_TOLD_JA = re.compile(r"対策|取り組|模索|奔走|措置|対抗")
_RESPONSE_TOLD_EN = re.compile(
    r"\b(?:countermeasures?|working on|exploring|scrambling|step to|measures? to)\b", re.IGNORECASE
)


def asks_response(question: str) -> bool:
    """Whether the question asks what is done about something (対策は?, "what's he doing about it")."""
    return cue_found(_RESPONSE_ASKED_JA, _RESPONSE_ASKED_EN, question)


def tells_response(text: str) -> bool:
    """Whether the text tells what someone does in response (対策, 模索, working on, scrambling)."""
    return cue_found(_RESPONSE_TOLD_JA, _RESPONSE_TOLD_EN, text)
