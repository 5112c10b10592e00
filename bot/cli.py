"""`python -m bot`: run the Discord bot, or answer in the console when there is no token.

python -m bot                      connect to Discord (DISCORD_TOKEN), else the console mode
python -m bot ask [--json] [--lang ja|en] QUESTION
python -m bot chat [--json]        one conversation from stdin, a question a line
python -m bot passage LINE [--lang ja|en]
python -m bot article [--lang ja|en]
python -m bot summary [--length short|medium|long] [--section S] [--topic T] [--lang ja|en] [--json]
python -m bot console              the interactive console, token or not
python -m bot sync [--guild ID]    sync the slash commands (globally, or to one guild) and exit
python -m bot report [--limit N]   most frequent unanswered questions, feedback per passage
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from dotenv import find_dotenv, load_dotenv

from index import Library, QAError
from index.tokenize import scrub

from .config import Config
from .errors import BotError
from .records import RecordsError

log = logging.getLogger(__name__)

HOW_TO_GET_A_TOKEN = """\
To run the bot on Discord: create an application at https://discord.com/developers/applications,
open its Bot page, press Reset Token, and put the token in a .env file here as
DISCORD_TOKEN=... (see .env.example and the README for the invite link and permissions)."""
NO_TOKEN = (
    "No DISCORD_TOKEN is set, so this starts the console mode "
    "(the same answers, without Discord).\n" + HOW_TO_GET_A_TOKEN
)


def main(argv: Sequence[str] | None = None) -> int:
    # `.env` from the working directory (or a parent), as the README's commands are run there;
    # variables already in the environment win.
    load_dotenv(find_dotenv(usecwd=True))
    # Bytes that are not UTF-8 arrive as lone surrogates, which nothing downstream can encode.
    argv = [scrub(arg) for arg in (sys.argv[1:] if argv is None else argv)]
    if argv[:1] == ["bench"]:  # its options are the index benchmark's
        return _bench(argv[1:])
    args = _parser().parse_args(argv)
    try:
        config = Config.from_env()
        if args.seeds:
            config = _replace(config, seeds=Path(args.seeds))
        _logging(config, quiet=args.run not in (_run, _sync))
        return int(args.run(args, config) or 0)
    except BotError as e:
        print(f"error: {e.message(getattr(args, 'lang', None) or 'en')}", file=sys.stderr)
        return 2
    except (QAError, RecordsError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def _replace(config: Config, **changes: object) -> Config:
    from dataclasses import replace

    return replace(config, **changes)  # type: ignore[arg-type]


def _logging(config: Config, quiet: bool) -> None:
    # The console modes print answers on stdout; their log (stderr) says only what matters.
    level = logging.WARNING if quiet else getattr(logging, config.log_level, logging.INFO)
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--seeds", help="folder of articles (default: BOT_SEEDS or seeds/)")
    parser.set_defaults(run=_run)
    sub = parser.add_subparsers(metavar="COMMAND")

    p = sub.add_parser("ask", help="answer one question and exit")
    p.add_argument("question", help="the question, in Japanese or English")
    p.add_argument("--lang", choices=["ja", "en"], help="reply language (default: the question's)")
    p.add_argument("--json", action="store_true", help="print the answer as JSON")
    p.set_defaults(run=_ask)

    p = sub.add_parser("chat", help="answer one conversation from stdin, a question a line")
    p.add_argument("--json", action="store_true", help="one answer a line, as JSON")
    p.set_defaults(run=_chat)

    p = sub.add_parser("passage", help="show a paragraph with the ones around it")
    p.add_argument("line", type=int, help="the paragraph's line, as cited")
    p.add_argument("--lang", choices=["ja", "en"])
    p.add_argument("--article", help="the article's file name (when there are several)")
    p.set_defaults(run=_passage)

    p = sub.add_parser("article", help="show the article's title and sections")
    p.add_argument("--lang", choices=["ja", "en"])
    p.add_argument("--article", help="the article's file name (when there are several)")
    p.set_defaults(run=_article)

    p = sub.add_parser("summary", help="summarize the article in its own quoted sentences")
    p.add_argument("--length", choices=["short", "medium", "long"], default="medium")
    p.add_argument("--section", help="summarize one section (its heading, or part of it)")
    p.add_argument("--topic", help="focus on a topic, in Japanese or English")
    p.add_argument("--lang", choices=["ja", "en"])
    p.add_argument("--article", help="the article's file name (when there are several)")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(run=_summary)

    p = sub.add_parser("console", help="the interactive console, even with a token")
    p.set_defaults(run=_console)

    p = sub.add_parser("sync", help="sync the slash commands and exit (needs DISCORD_TOKEN)")
    p.add_argument("--guild", type=int, help="only to this guild (instant); default: globally")
    p.set_defaults(run=_sync)

    p = sub.add_parser("report", help="most frequent unanswered questions and feedback per passage")
    p.add_argument(
        "--limit", type=int, default=20, help="how many questions (default: %(default)s)"
    )
    p.set_defaults(run=_report)

    p = sub.add_parser(
        "bench",
        help="`python -m index bench` with the full answer timed too (its options follow)",
    )
    return parser


def _bench(options: list[str]) -> int:
    from index.cli import main as index_main

    from .answer import compose

    return index_main(["bench", *options], compose=compose)


def _library(config: Config) -> Library:
    return Library.from_seeds(config.seeds)


def _run(args: argparse.Namespace, config: Config) -> int:
    if not config.token:
        print(NO_TOKEN, file=sys.stderr)
        return _console(args, config)
    import asyncio  # (only the Discord commands: ~20 ms of every console start)

    from .client import main as run_bot

    return _connected(lambda: asyncio.run(run_bot(config, _library(config))))


def _connected(connect: Callable[[], object]) -> int:
    """Run something that talks to Discord; its usual failures as one line each, not a traceback."""
    import aiohttp
    import discord

    try:
        connect()
    except discord.LoginFailure:
        print(
            "error: Discord rejected DISCORD_TOKEN: reset the token on your application's Bot page",
            file=sys.stderr,
        )
        return 2
    except discord.PrivilegedIntentsRequired:
        print(
            "error: DISCORD_LISTEN_CHANNEL_IDS and BOT_MESSAGE_CONTENT need the Message Content "
            "intent: enable it under "
            "Bot -> Privileged Gateway Intents in the Developer Portal",
            file=sys.stderr,
        )
        return 2
    except (aiohttp.ClientError, OSError) as e:
        print(f"error: cannot reach Discord ({type(e).__name__}: {e})", file=sys.stderr)
        return 2
    return 0


def _console(args: argparse.Namespace, config: Config) -> int:
    from .console import Console

    return Console(_library(config), config.default_lang).run()


def _ask(args: argparse.Namespace, config: Config) -> int:
    from .answer import compose, reply_lang
    from .console import answer_json
    from .render import answer_text

    args.lang = args.lang or reply_lang(args.question, None, config.default_lang)  # also for errors
    answer = compose(_library(config), args.question, lang=args.lang)
    if args.json:
        print(json.dumps(answer_json(answer), ensure_ascii=False))
    else:
        print(answer_text(answer, ansi=sys.stdout.isatty()))
    return 0


def _chat(args: argparse.Namespace, config: Config) -> int:
    from .console import chat_json
    from .conversation import Conversation
    from .render import answer_text

    conversation = Conversation(_library(config), config.default_lang)
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            answer = conversation.ask(line)
        except BotError as e:  # one bad line does not end the conversation
            message = e.message(conversation.previous.lang if conversation.previous else "en")
            print(json.dumps({"error": message}, ensure_ascii=False) if args.json else message)
            continue
        if args.json:
            print(json.dumps(chat_json(answer), ensure_ascii=False), flush=True)
        else:
            print(answer_text(answer) + "\n", flush=True)
    return 0


def _passage(args: argparse.Namespace, config: Config) -> int:
    from .console import passage_text

    print(passage_text(_library(config), args.line, args.lang or config.default_lang, args.article))
    return 0


def _article(args: argparse.Namespace, config: Config) -> int:
    from .console import article_text

    print(article_text(_library(config), args.lang or config.default_lang, args.article))
    return 0


def _summary(args: argparse.Namespace, config: Config) -> int:
    from .answer import reply_lang
    from .render import summary_page, to_text
    from .summary import gist_json, make_summary

    lang = args.lang or (
        reply_lang(args.topic, None, config.default_lang) if args.topic else config.default_lang
    )
    gist = make_summary(
        _library(config),
        lang=lang,
        length=args.length,
        section=args.section,
        topic=args.topic,
        doc=args.article,
    )
    print(
        json.dumps(gist_json(gist), ensure_ascii=False)
        if args.json
        else to_text(summary_page(gist))
    )
    return 0


def _sync(args: argparse.Namespace, config: Config) -> int:
    import asyncio

    from .client import sync_commands

    if not config.token:
        print("DISCORD_TOKEN is not set.\n" + HOW_TO_GET_A_TOKEN, file=sys.stderr)
        return 2
    synced: list[int] = []
    library = _library(config)
    code = _connected(
        lambda: synced.append(asyncio.run(sync_commands(config, args.guild, library)))
    )
    if code == 0:
        where = (
            f"guild {args.guild}" if args.guild else "all guilds (global commands can take a while)"
        )
        print(f"synced {synced[0]} commands to {where}")
    return code


def _report(args: argparse.Namespace, config: Config) -> int:
    from .report import report_text

    print(report_text(config, args.limit))
    return 0
