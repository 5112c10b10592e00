"""A conversation: each question answered with the turn before it in mind.

Pure: no Discord, no I/O. The console, `python -m bot chat` and the Discord bot (a thread or a
DM, its turns kept in `conversations_store`) answer through `ask` and keep what it returns.
"""

from __future__ import annotations

from index import Library
from index.followup import Turn

from .answer import Answer, compose


def turn_of(answer: Answer) -> Turn:
    """What the conversation keeps of an answer: enough to resolve the next question. After the
    summary ("what's this about?"), what was asked is the headline: "why?" next asks why OpenAI
    shuts down; after "source?" or "in English pls", what was asked before it."""
    passages = tuple(q.passage.id for q in answer.quotes)
    if answer.again and answer.context:  # "source?", "in English pls": the turn before, again
        return Turn(answer.context[0], answer.lang, passages, answer.context[1:])
    question = " / ".join(answer.about) if answer.gist else answer.question
    return Turn(question, answer.lang, passages, answer.context)


def about(answer: Answer) -> str | None:
    """The earlier questions a follow-up was understood with, oldest first; None for a question
    answered on its own."""
    return " / ".join(reversed(answer.context)) or None


def ask(
    library: Library,
    question: str,
    previous: Turn | None,
    *,
    lang: str | None = None,
    fallback_lang: str = "en",
) -> tuple[Answer, Turn | None]:
    """The answer to a question asked after `previous` (None: the conversation's first), and the
    turn to keep for the next one."""
    answer = compose(library, question, lang=lang, fallback_lang=fallback_lang, previous=previous)
    # ("thanks", "hi": the next follow-up still follows the question before)
    return answer, previous if answer.social else turn_of(answer)


class Conversation:
    """One conversation held in memory (the console, `python -m bot chat`)."""

    def __init__(self, library: Library, default_lang: str = "en") -> None:
        self.library = library
        self.default_lang = default_lang
        self.previous: Turn | None = None

    def ask(self, question: str, lang: str | None = None) -> Answer:
        answer, self.previous = ask(
            self.library, question, self.previous, lang=lang, fallback_lang=self.default_lang
        )
        return answer
