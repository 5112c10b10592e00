"""The same question written as a channel writes it: wrapped in courtesies, laughter, faces and
apologies, spaced out or on two lines. Each form rewrites a question of a set; a form the search
reads well answers (or declines) each question as its plain wording does.

    python -m index eval tests/data/channel.jsonl --split tune --forms
    python -m index eval-chat tests/data/followups.jsonl --forms   # follow-ups so written
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from .evaluate import Question, gold_rank
from .followup_eval import Conversation, evaluate_conversations
from .search import Library


def _tail(text: str) -> Callable[[str], str]:
    return lambda q: q + text


def _head(text: str) -> Callable[[str], str]:
    return lambda q: text + q


def _unmarked(q: str) -> str:
    return q.rstrip("?？!！ ")


def _ending(text: str) -> Callable[[str], str]:
    """Its question mark (or !) replaced by `text`."""
    return lambda q: _unmarked(q) + text


# name -> (the language of the questions it rewrites, the rewrite)
FORMS: dict[str, tuple[str, Callable[[str], str]]] = {
    "en capitals": ("en", str.upper),
    "en lol": ("en", _tail(" lol")),
    "en lmaooo": ("en", _tail(" lmaooo")),
    "en !!": ("en", _tail("!!")),
    "en ??": ("en", _ending("??")),
    "en emoji after": ("en", _tail(" 😂")),
    "en emoji before": ("en", _head("🤔 ")),
    "en hey bot": ("en", _head("hey bot, ")),
    "en spaces doubled": ("en", lambda q: q.replace(" ", "  ")),
    "en thanks on a new line": ("en", _tail("\nthanks!")),
    "en thanks in advance": ("en", _tail(", thanks in advance")),
    "en sorry if asked": ("en", _head("sorry if this was asked already, ")),
    "en genuinely curious": ("en", _head("genuinely curious, ")),
    "en quoted": ("en", lambda q: f'"{q}"'),
    "en no question mark": ("en", _unmarked),
    "en pls answer": ("en", _head("pls answer: ")),
    "en can someone tell me": ("en", lambda q: "can someone tell me " + _unmarked(q)),
    "ja 笑": ("ja", _tail("笑")),
    "ja www": ("ja", _tail("www")),
    "ja !!": ("ja", _tail("!!")),
    "ja ？？": ("ja", _ending("？？")),
    "ja emoji before": ("ja", _head("🤔 ")),
    "ja ねえbot": ("ja", _head("ねえbot、")),
    "ja よろしく on a new line": ("ja", _tail("\nよろしく")),
    "ja よろしくお願いします": ("ja", _tail("よろしくお願いします!")),
    "ja 既出だったらごめん": ("ja", _head("既出だったらごめん、")),
    "ja すみません": ("ja", _head("すみません、")),
    "ja 質問!": ("ja", _head("質問！")),
    "ja 誰か教えて": ("ja", lambda q: q.rstrip("?？") + "、誰か教えて"),
    "ja わかる人いる": ("ja", lambda q: q.rstrip("?？") + "？わかる人いる?"),
    "ja face": ("ja", _tail("(´・ω・`)")),
    "ja quoted": ("ja", lambda q: f"「{q}」"),
    "ja no question mark": ("ja", _unmarked),
    "ja 。": ("ja", _ending("。")),
    "ja …": ("ja", _ending("…")),
    "ja 質問です。": ("ja", _head("質問です。")),
    "ja drawn out ー？": ("ja", _ending("ー？")),
}


@dataclass
class FormScore:
    """Of a form's questions: how many it turned wrong and right, per kind of question."""

    lost: dict[str, int] = field(default_factory=dict)
    gained: dict[str, int] = field(default_factory=dict)
    n: dict[str, int] = field(default_factory=dict)


def _right(library: Library, question: Question, text: str) -> bool:
    """Answered with a gold passage first, or (the article does not answer it) declined."""
    result = library.search(text, top=3)
    if not question.gold:
        return not result.answerable
    return result.answerable and gold_rank(question, result.hits) == 1


def score_forms(library: Library, questions: Iterable[Question]) -> dict[str, FormScore]:
    """Per form, the questions of its language it answers otherwise than their plain wording."""
    questions = list(questions)
    plain = {q.id: _right(library, q, q.q) for q in questions}
    scores = {}
    for name, (lang, rewrite) in FORMS.items():
        score = FormScore()
        for q in (q for q in questions if q.lang == lang):
            kind = "answerable" if q.gold else "unanswerable"
            right = _right(library, q, rewrite(q.q))
            score.n[kind] = score.n.get(kind, 0) + 1
            if right != plain[q.id]:
                tally = score.gained if right else score.lost
                tally[kind] = tally.get(kind, 0) + 1
        scores[name] = score
    return scores


# ... and forms of a follow-up in a conversation: thanks for the last answer before the next
# question (any of FORMS applies as well)
CHAT_FORMS: dict[str, tuple[str, Callable[[str], str]]] = {
    "en thanks! before": ("en", _head("thanks! ")),
    "en cool, before": ("en", _head("cool, ")),
    "ja ありがと、before": ("ja", _head("ありがと、")),
    "ja なるほど、before": ("ja", _head("なるほど、")),
}


def score_chat_forms(
    library: Library, conversations: Iterable[Conversation]
) -> dict[str, dict[str, tuple[int, int, int]]]:
    """Per form, its language's conversations with every turn after the first so rewritten:
    follow-ups, topic changes and unanswered turns right, as written and rewritten, of how many."""
    conversations = list(conversations)
    written = {  # (each language's conversations as written, scored once for all its forms)
        lang: evaluate_conversations(library, [c for c in conversations if c.lang == lang])
        for lang in ("ja", "en")
    }
    out = {}
    for name, (lang, rewrite) in {**FORMS, **CHAT_FORMS}.items():
        rewritten = [
            replace(c, turns=(c.turns[0], *(replace(t, q=rewrite(t.q)) for t in c.turns[1:])))
            for c in conversations
            if c.lang == lang
        ]
        plain, form = written[lang], evaluate_conversations(library, rewritten)
        out[name] = {
            key: (getattr(plain, part).at1, getattr(form, part).at1, getattr(plain, part).n)
            for key, part in _CHAT_PARTS.items()
        }
    return out


# what score_chat_forms counts: ChatReport's tallies, by the names eval-chat reports them with
_CHAT_PARTS = {
    "followups": "followup",
    "topic_changes": "change",
    "unanswered_declined": "unanswered",
}
