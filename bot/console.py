"""The console mode: the same answers as on Discord, as plain text or JSON, without a token."""

from __future__ import annotations

import contextlib
import io
import sys
from typing import IO, Any

from index import Library, QAError
from index.tokenize import scrub

from .answer import Answer, context, reply_lang
from .conversation import Conversation
from .errors import BotError, CommandError
from .render import answer_text, article_page, context_page, help_page, summary_page, to_text

COMMANDS = [
    ("ask", "QUESTION", "Ask a question about the article"),
    ("passage", "LINE [ja|en]", "Read a paragraph of the article with the ones around it"),
    ("article", "", "Show the article's title, sections and how to ask"),
    ("summary", "[short|medium|long]", "Summarize the article in its own quoted sentences"),
]


def answer_json(answer: Answer) -> dict[str, Any]:
    """The `ask --json` shape: the Answer itself, and the reply as the console prints it."""
    return {
        "lang": answer.lang,
        "answered": answer.answered,
        "verdict": answer.verdict,
        "confidence": round(answer.confidence, 4),
        "text": answer_text(answer),
        "quotes": [q.to_json() for q in answer.quotes],
        "social": answer.social,  # "help", "thanks", "greeting", "bye", "sorry", "ack"
    }


def chat_json(answer: Answer) -> dict[str, Any]:
    """A turn of `python -m bot chat --json`: the `ask --json` shape, and the earlier question
    a follow-up was searched with (null for a question answered on its own)."""
    from .conversation import about

    return {**answer_json(answer), "context": about(answer)}


def passage_text(library: Library, line: int, lang: str, doc: str | None = None) -> str:
    return to_text(context_page(context(library, line, lang=lang, doc=doc), library))


def article_text(library: Library, lang: str, doc: str | None = None) -> str:
    return to_text(article_page(library, lang, doc))


def summary_text(
    library: Library,
    *,
    lang: str,
    length: str = "medium",
    section: str | None = None,
    topic: str | None = None,
    doc: str | None = None,
) -> str:
    from .summary import make_summary  # (~10 ms of a start: only for a summary)

    gist = make_summary(library, lang=lang, length=length, section=section, topic=topic, doc=doc)
    return to_text(summary_page(gist))


def help_text(lang: str) -> str:
    from .translator import ja

    usage = [
        (f"/{name} {args}".strip(), ja(description) if lang == "ja" else description)
        for name, args, description in COMMANDS
    ]
    return to_text(help_page(lang, usage, console=True))


class Console:
    """A prompt: a question a line, or /passage, /article, /summary, /lang, /help, /quit.

    The questions make one conversation: a follow-up is answered with the one before in mind."""

    def __init__(
        self, library: Library, default_lang: str = "en", out: IO[str] | None = None
    ) -> None:
        self.library = library
        self.default_lang = default_lang
        self.lang: str | None = None  # /lang: a fixed reply language; None follows each question
        self.out = out or sys.stdout
        self.conversation = Conversation(library, default_lang)

    def run(self, lines: IO[str] | None = None) -> int:
        lines = lines or sys.stdin
        if lines is sys.stdin and isinstance(lines, io.TextIOWrapper):
            lines.reconfigure(errors="replace")  # bytes that are not UTF-8: U+FFFD, not a crash
        interactive = lines.isatty()
        if interactive and lines is sys.stdin:
            with contextlib.suppress(ImportError):  # not on Windows: no line editing, still works
                import readline  # noqa: F401  (input() gains arrow keys and history)
        self.say(help_text(self.default_lang))
        while True:
            if interactive and lines is sys.stdin:
                try:
                    line = input("\n> ")
                except EOFError:
                    return 0
            else:
                if interactive:
                    self.out.write("\n> ")
                    self.out.flush()
                line = lines.readline()
                if not line:
                    return 0
            line = scrub(line).strip()
            if line in ("/quit", "/exit", "/q"):
                return 0
            if line:
                self.handle(line)

    def handle(self, line: str) -> None:
        # A command's name is no language clue ("/nope"): its errors, like its replies, come in
        # the console's language.
        question = not line.startswith("/")
        lang = self.lang or (
            reply_lang(line, None, self.default_lang) if question else self.default_lang
        )
        try:
            self.say(self.reply(line))
        except (BotError, QAError) as e:
            text = e.message(lang) if isinstance(e, BotError) else str(e)
            self.say(f"error: {text}")

    def reply(self, line: str) -> str:
        if not line.startswith("/"):
            return answer_text(self.conversation.ask(line, lang=self.lang), ansi=self.out.isatty())
        name, *args = line[1:].split() or [""]
        lang = self.lang or self.default_lang
        if name == "lang" and args and args[0] in ("ja", "en", "auto"):
            self.lang = None if args[0] == "auto" else args[0]
            return f"lang: {args[0]}"
        if name == "passage" and args and args[0].isdigit():
            lang = args[1] if len(args) > 1 and args[1] in ("ja", "en") else lang
            return passage_text(self.library, int(args[0]), lang)
        if name == "article":
            return article_text(self.library, lang)
        if name == "summary":
            return summary_text(self.library, lang=lang, length=args[0] if args else "medium")
        if name == "ask" and args:
            return self.reply(line.split(None, 1)[1])
        if name in ("help", "h", "?"):
            return help_text(lang)
        usage = dict((n, f"/{n} {a}".strip()) for n, a, _ in COMMANDS)
        usage["lang"] = "/lang ja|en|auto"
        if name in usage:  # a known command with arguments it does not take
            raise CommandError(
                f"Usage: {usage[name]} (/help lists the commands).",
                f"使い方: {usage[name]} (/help でコマンドの一覧を表示します)。",
            )
        shown = "/" + name[:40]
        raise CommandError(
            f"Unknown command {shown}: /help lists the commands.",
            f"{shown} というコマンドはありません。/help でコマンドの一覧を表示します。",
        )

    def say(self, text: str) -> None:
        self.out.write(text + "\n")
        self.out.flush()
