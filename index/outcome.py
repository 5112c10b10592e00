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
# A likely outcome weighed: a hedge on what will happen.
_STATES_JA = re.compile(r"かもしれない|可能性|見込み|恐れがある|だろう")
_STATES_EN = re.compile(r"\b(?:may|might|could|likely|would)\b", re.IGNORECASE)


_WORKS = re.compile(_WORKS_ASKED, re.IGNORECASE)


def unframed(question: str) -> str:
    """The question without "work" where it asks whether something works."""
    return _WORKS.sub(lambda m: m["by"] or m["measure"] or " ", question)


def asks_effect(question: str) -> bool:
    """Whether the question asks whether something works (効果ある?, "is it gonna work")."""
    return cue_found(_ASKS_JA, _ASKS_EN, question)


def weighs_outcome(text: str) -> bool:
    """Whether the text weighs a likely outcome (かもしれない, 可能性, may, could ...)."""
    return cue_found(_STATES_JA, _STATES_EN, text)


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
