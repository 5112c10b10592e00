"""Score a conversation set: follow-up turns in context, against alone, and topic changes.

A conversation set is JSON Lines: {"id", "lang", "kind", "turns": [{"q", "gold": [article line
numbers], "followup": bool}]}; "followup" says whether the turn leans on the ones before (the
first turn never does). Each conversation is played in order through `index.followup.resolve`,
as the bot plays it, each turn keeping the passages its reply quotes; a turn counts at rank 1
when its best passage holds a gold line and the article is judged to answer it (a decline is a
miss). A turn with no gold line asks what the article does not say: it counts apart, right when
declined.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import QAError
from .evaluate import read_lines
from .followup import Turn, leans_on_previous, resolve
from .search import Library, SearchResult, detect_lang
from .verdict import RELATED

# What a reply quotes (bot/answer.py's PAGE and RELATIVE_SCORE; tests/test_conversation.py holds
# them equal), so a turn replayed keeps what the bot keeps of it: up to PAGE passages scoring at
# least RELATIVE_SCORE of the best when answered, the closest one when related, none off topic.
PAGE = 3
RELATIVE_SCORE = 0.6


@dataclass(frozen=True, slots=True)
class ChatTurn:
    q: str
    gold: tuple[int, ...]
    followup: bool


@dataclass(frozen=True, slots=True)
class Conversation:
    id: str
    lang: str
    kind: str  # "followup" | "topic_change" (its second turn starts a new topic)
    turns: tuple[ChatTurn, ...]


@dataclass(slots=True)
class Tally:
    n: int = 0
    at1: int = 0

    def add(self, hit: bool) -> None:
        self.n += 1
        self.at1 += hit

    def share(self) -> float:
        return round(self.at1 / self.n, 4) if self.n else 0.0


@dataclass(slots=True)
class ChatReport:
    first: Tally = field(default_factory=Tally)  # the opening questions
    followup: Tally = field(default_factory=Tally)  # follow-up turns, in their conversation
    followup_alone: Tally = field(default_factory=Tally)  # the same, asked alone
    # follow-up turns whose previous turn was answered right (what context can do at best)
    followup_after_hit: Tally = field(default_factory=Tally)
    followup_declined: Tally = field(default_factory=Tally)  # follow-up turns declined
    change: Tally = field(default_factory=Tally)  # topic-change turns, in their conversation
    change_alone: Tally = field(default_factory=Tally)  # the same, asked alone
    detected: Tally = field(default_factory=Tally)  # follow-ups the bot took for follow-ups
    inherited: Tally = field(default_factory=Tally)  # new topics the bot took for follow-ups
    unanswered: Tally = field(default_factory=Tally)  # turns with no gold line, declined
    misses: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        def part(t: Tally) -> dict[str, float | int]:
            return {"n": t.n, "recall@1": t.share()}

        def share(t: Tally) -> dict[str, float | int]:
            return {"n": t.n, "share": t.share()}

        return {
            "first_turns": part(self.first),
            "followups": part(self.followup),
            "followups_alone": part(self.followup_alone),
            "followups_after_a_right_answer": part(self.followup_after_hit),
            "followups_declined": share(self.followup_declined),
            "topic_changes": part(self.change),
            "topic_changes_alone": part(self.change_alone),
            "followups_detected": share(self.detected),
            "topic_changes_taken_as_followups": share(self.inherited),
            "unanswered_declined": share(self.unanswered),
        }


def load_conversations(path: str | Path) -> list[Conversation]:
    conversations = []
    for n, line in enumerate(read_lines(path), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            turns = tuple(
                ChatTurn(str(t["q"]), tuple(int(g) for g in t["gold"]), bool(t["followup"]))
                for t in raw["turns"]
            )
            conversations.append(
                Conversation(str(raw["id"]), raw["lang"], raw.get("kind", "followup"), turns)
            )
        except (ValueError, KeyError, TypeError) as e:
            raise QAError(f"{path}:{n}: not a conversation object ({e})") from e
    return conversations


def _at1(result: SearchResult, gold: tuple[int, ...]) -> bool:
    if not result.answerable or not result.hits:
        return False
    lines = result.hits[0].passage.lines
    return any(lines[0] <= g <= lines[1] for g in gold)


def quoted(result: SearchResult) -> tuple[str, ...]:
    """The ids of the passages a reply to the result quotes, best first."""
    if result.answerable and result.hits:
        best = result.hits[0].score
        hits = [h for h in result.hits[:PAGE] if h.score >= RELATIVE_SCORE * best]
    elif result.verdict == RELATED:
        hits = list(result.hits[:1])
    else:
        hits = []
    return tuple(h.passage.id for h in hits)


def evaluate_conversations(
    library: Library,
    conversations: Iterable[Conversation],
    context_weight: float | None = None,
) -> ChatReport:
    report = ChatReport()
    for chat in conversations:
        previous: Turn | None = None
        previous_hit = False
        for i, turn in enumerate(chat.turns):
            lang = detect_lang(turn.q) if previous is None else None
            resolved = resolve(
                library, turn.q, previous, top=10, lang=lang, context_weight=context_weight
            )
            taken = i > 0 and leans_on_previous(library, turn.q)
            if i > 0:
                (report.detected if turn.followup else report.inherited).add(taken)
            hit = _at1(resolved.result, turn.gold)
            if not turn.gold:  # (the article does not say: right when declined)
                hit = not resolved.result.answerable
                report.unanswered.add(hit)
            elif i == 0:
                report.first.add(hit)
            else:
                alone = _at1(library.search(turn.q, top=10), turn.gold)
                if turn.followup:
                    report.followup.add(hit)
                    report.followup_alone.add(alone)
                    report.followup_declined.add(not resolved.result.answerable)
                    if previous_hit:
                        report.followup_after_hit.add(hit)
                else:
                    report.change.add(hit)
                    report.change_alone.add(alone)
            if not hit:
                top = resolved.result.hits[0].passage.lines[0] if resolved.result.hits else None
                verdict = "" if resolved.result.answerable else " declined"
                report.misses.append(
                    f"{chat.id}#{i + 1}{verdict} (top line {top}, gold {list(turn.gold)}, "
                    f"context {list(resolved.context)}): {turn.q}"
                )
            previous_hit = hit
            previous = Turn(turn.q, resolved.result.lang, quoted(resolved.result), resolved.context)
    return report
