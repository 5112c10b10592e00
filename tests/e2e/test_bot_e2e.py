"""The project's bot, end to end: its real discord.py client against the fake Discord on loopback.

Each test drives users through the fake (messages, slash commands, button clicks) and checks what
they would see and what Discord would have received: the reply's language, quotes and citations,
the 3-second deadline, the request bodies, the database. The README's Tests section says what they cover.
"""

from __future__ import annotations

import asyncio
import logging
import re
import sqlite3
import statistics
from pathlib import Path
from typing import Any

import discord
import pytest

from bot.config import Config
from bot.translator import JA
from index import Library

from .conftest import BotRun, started
from .fake_discord import (
    CHANNEL_MESSAGE,
    DEFERRED_CHANNEL_MESSAGE,
    EPHEMERAL,
    INTERACTION_DEADLINE,
    UPDATE_MESSAGE,
    FakeDiscord,
    FakeUser,
    Invocation,
    buttons,
    message_text,
    pings_nobody,
)

JA_QUESTION = "メタは研究者にいくら提示した?"
EN_QUESTION = "How much did Meta offer?"
# The passage that answers both, at line 7 of the article, and its English rendering.
JA_QUOTE = "1億ドル相当の契約ボーナスと初年度の報酬パッケージを提示された"
EN_QUOTE = "compensation packages worth $100 million"
JA_TITLE = "メタの積極的な人材強奪に対抗するため"
EN_TITLE = "OpenAI forced into a week-long shutdown"

_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_MARKER = re.compile(r"\*\*\[(\d+)\]\*\*")
_SOURCE = re.compile(r"^\[(\d+)\]", re.M)


# -- reading replies ---------------------------------------------------------------------------


def embed(message: dict[str, Any]) -> dict[str, Any]:
    assert message["embeds"], f"expected an embed, got {message!r}"
    return message["embeds"][0]


def lead(message: dict[str, Any]) -> str:
    """The first line of the reply's description: what the bot says before quoting."""
    return embed(message).get("description", "").split("\n", 1)[0]


def sources_field(message: dict[str, Any], lang: str) -> str:
    title = "出典" if lang == "ja" else "Sources"
    fields = [f for f in embed(message).get("fields", []) if f["name"].startswith(title)]
    assert fields, f"no {title!r} field in {embed(message).get('fields')}"
    return "\n".join(f["value"] for f in fields)


def assert_quoted_and_cited(
    message: dict[str, Any], lang: str, quote: str | None = None, *, more: bool = False
) -> None:
    """Quotes (`> ... **[n]**`, from [1] unless it is a 'more passages' page) and a Sources list
    that cites exactly the quoted markers."""
    description = embed(message)["description"]
    quotes = [line for line in description.split("\n") if line.startswith("> ")]
    assert quotes, f"no quote in {description!r}"
    markers = {int(n) for n in _MARKER.findall(description)}
    assert markers and (more or 1 in markers), description
    sources = sources_field(message, lang)
    cited = {int(n) for n in _SOURCE.findall(sources)}
    assert cited == markers, f"sources cite {cited}, quotes carry {markers}"
    assert ("行目" if lang == "ja" else "line") in sources  # "line 7", "lines 9–10"
    if quote is not None:
        assert quote in unmarked(description)


def unmarked(text: str) -> str:
    """Text without the marks of where a quote answers (bold span, underlined sentence)."""
    return re.sub(r"(?<!\\)(\*\*|__)", "", text)


def is_japanese(text: str) -> bool:
    return bool(_JAPANESE.search(text))


async def answered(fake: FakeDiscord, inv: Invocation) -> dict[str, Any]:
    """The reply, checked against the 3-second deadline: first response and answer both."""
    ack = await fake.first_response(inv, timeout=INTERACTION_DEADLINE)
    assert 200 <= ack.status < 300
    remaining = INTERACTION_DEADLINE - (asyncio.get_running_loop().time() - inv.sent_at)
    reply = await fake.reply_to(inv, timeout=max(remaining, 0.01))
    assert len([c for c in inv.callbacks if 200 <= c.status < 300]) == 1
    return reply


def stored(path: Path, sql: str, *args: object) -> list[tuple[Any, ...]]:
    """Read the bot's database with a connection of our own: what landed on disk."""
    with sqlite3.connect(path) as db:
        return db.execute(sql, args).fetchall()


# -- command sync --------------------------------------------------------------------------------


async def test_synced_commands_match_the_bot(fake: FakeDiscord, qa: BotRun) -> None:
    guild = discord.Object(fake.guild_id)
    defined = {c.name: c for c in qa.bot.tree.get_commands(guild=guild)}
    synced = {c["name"]: c for c in fake.commands[fake.guild_id]}
    assert set(synced) == set(defined)
    assert {"ask", "passage", "article", "help"} <= set(synced)
    # Synced to the configured guild only: no global sync on start.
    assert fake.requests_to("PUT", rf"/applications/{fake.app_id}/commands") == []

    for name, cmd in defined.items():
        got = synced[name]
        assert got["description"] == cmd.description
        assert got["name_localizations"] == {"ja": JA[name]}
        assert got["description_localizations"] == {"ja": JA[cmd.description]}
        options = [(o["name"], o["type"], o.get("required", False)) for o in got["options"]]
        params = [(p.display_name, p.type.value, p.required) for p in cmd.parameters]
        assert options == params, name
        for option, param in zip(got["options"], cmd.parameters, strict=True):
            assert option["name_localizations"] == {"ja": JA[param.display_name]}
            assert option["description_localizations"] == {"ja": JA[param.description]}
            choices = [
                (c["value"], c["name_localizations"]["ja"]) for c in option.get("choices", [])
            ]
            assert choices == [(c.value, JA[c.name]) for c in param.choices]

    ask = synced["ask"]
    assert [(o["name"], o.get("required", False)) for o in ask["options"]] == [
        ("question", True),
        ("lang", False),
    ]
    assert [c["value"] for c in ask["options"][1]["choices"]] == ["ja", "en"]
    passage = synced["passage"]
    assert (passage["options"][0]["name"], passage["options"][0]["type"]) == ("number", 4)


# -- answers -----------------------------------------------------------------------------------

ANSWER_CASES = [
    # (id, locale, command, options, reply language, text that must be quoted)
    ("ask-ja", "en-US", "ask", {"question": JA_QUESTION}, "ja", JA_QUOTE),
    ("ask-en", "ja", "ask", {"question": EN_QUESTION}, "en", EN_QUOTE),
    ("ask-lang-option", "en-US", "ask", {"question": JA_QUESTION, "lang": "en"}, "en", EN_QUOTE),
    ("ask-name-locale-decides", "ja", "ask", {"question": "Mark Zuckerberg"}, "ja", None),
    ("passage-ja", "ja", "passage", {"number": 7}, "ja", JA_QUOTE),
    ("passage-en", "en-US", "passage", {"number": 7}, "en", EN_QUOTE),
]


@pytest.mark.parametrize(
    ("locale", "command", "options", "lang", "quote"),
    [case[1:] for case in ANSWER_CASES],
    ids=[case[0] for case in ANSWER_CASES],
)
async def test_quoted_cited_reply_in_time(
    fake: FakeDiscord,
    qa: BotRun,
    locale: str,
    command: str,
    options: dict[str, Any],
    lang: str,
    quote: str | None,
) -> None:
    user = fake.user("reader", locale=locale)
    reply = await answered(fake, await fake.run_command(user, command, options))
    assert not reply["flags"] & EPHEMERAL
    assert is_japanese(lead(reply)) == (lang == "ja"), lead(reply)
    assert_quoted_and_cited(reply, lang, quote)
    if lang == "en" and command == "ask":
        # An English quote shows the original Japanese beside it.
        assert JA_QUOTE in unmarked(embed(reply)["description"])
    if command == "passage":
        assert ("7行目" if lang == "ja" else "line 7") in embed(reply)["title"]
        assert "▶" in embed(reply)["description"]


@pytest.mark.parametrize(("locale", "lang"), [("ja", "ja"), ("en-GB", "en")])
async def test_article_help_and_summary(
    fake: FakeDiscord, qa: BotRun, locale: str, lang: str
) -> None:
    user = fake.user("reader", locale=locale)

    article = await answered(fake, await fake.run_command(user, "article"))
    assert (JA_TITLE if lang == "ja" else EN_TITLE) in embed(article)["title"]
    assert is_japanese(lead(article)) == (lang == "ja")
    assert "/ask" in embed(article)["description"]

    help_ = await answered(fake, await fake.run_command(user, "help"))
    assert help_["flags"] & EPHEMERAL
    text = message_text(help_)
    assert is_japanese(lead(help_)) == (lang == "ja")
    names = (
        ["質問", "段落", "記事", "ヘルプ"]
        if lang == "ja"
        else ["ask", "passage", "article", "help"]
    )
    for name in names:
        assert f"/{name}" in text

    if "summary" not in {c["name"] for c in fake.commands[fake.guild_id]}:
        return
    summary = await answered(fake, await fake.run_command(user, "summary"))
    assert_quoted_and_cited(summary, lang)


@pytest.mark.parametrize(
    ("question", "dm", "lang", "quote"),
    [(JA_QUESTION, False, "ja", JA_QUOTE), (EN_QUESTION, True, "en", EN_QUOTE)],
    ids=["mention-ja", "dm-en"],
)
async def test_mention_and_dm_get_the_same_answer(
    fake: FakeDiscord, qa: BotRun, question: str, dm: bool, lang: str, quote: str
) -> None:
    user = fake.user("reader", locale="en-US")
    message = await fake.send_message(user, question, mention_bot=not dm, dm=dm)
    reply = await fake.reply_to_message(message, timeout=INTERACTION_DEADLINE)
    assert reply["channel_id"] == message["channel_id"]
    assert is_japanese(lead(reply)) == (lang == "ja")
    assert_quoted_and_cited(reply, lang, quote)
    assert [b["custom_id"].split(":")[1] for b in buttons(reply)] == [
        "more",
        "lang",
        "vote",
        "vote",
    ]
    # The same answer as /ask gives.
    inv = await fake.run_command(user, "ask", {"question": question})
    assert embed(await answered(fake, inv))["description"] == embed(reply)["description"]


async def test_a_plain_message_is_not_answered(fake: FakeDiscord, qa: BotRun) -> None:
    # Without listen-channels the bot has no Message Content intent and answers only when addressed.
    await fake.send_message(fake.user("chatter"), JA_QUESTION)
    await asyncio.sleep(0.3)
    assert fake.message_bodies() == []


# -- buttons and the database --------------------------------------------------------------------


def button(message: dict[str, Any], action: str, vote: str | None = None) -> str:
    for b in buttons(message):
        parts = b["custom_id"].split(":")
        if parts[1] == action and (vote is None or parts[-1] == vote):
            return b["custom_id"]
    raise AssertionError(f"no {action} button in {[b['custom_id'] for b in buttons(message)]}")


def feedback_rows(path: Path) -> list[tuple[int, str, int]]:
    return stored(path, "SELECT question_id, passage, vote FROM feedback ORDER BY passage")


async def test_buttons_more_language_and_feedback(fake: FakeDiscord, qa: BotRun) -> None:
    hanako = fake.user("hanako", locale="ja")
    reply = await answered(fake, await fake.run_command(hanako, "ask", {"question": JA_QUESTION}))
    first_quotes = embed(reply)["description"]

    # More passages: the next results, shown only to the one who clicked.
    click = await fake.click_button(hanako, reply, button(reply, "more"))
    extra = await answered(fake, click)
    assert extra["flags"] & EPHEMERAL and click.response_type == CHANNEL_MESSAGE
    assert is_japanese(lead(extra))
    assert_quoted_and_cited(extra, "ja", more=True)
    new_quotes = [q for q in embed(extra)["description"].split("\n") if q.startswith("> ")]
    assert all(_MARKER.sub("", q).strip() not in first_quotes for q in new_quotes)

    # Language toggle: the same answer in English, in place, with the toggle now pointing back.
    toggle = await fake.click_button(hanako, reply, button(reply, "lang"))
    switched = await answered(fake, toggle)
    assert toggle.response_type == UPDATE_MESSAGE and switched["id"] == reply["id"]
    assert not is_japanese(lead(switched))
    assert_quoted_and_cited(switched, "en", EN_QUOTE)
    assert button(switched, "lang").endswith(":ja")
    assert fake.messages[int(reply["id"])]["embeds"][0]["description"] != first_quotes

    # Feedback: a thank-you only the voter sees, and the vote in the database.
    vote = await fake.click_button(hanako, reply, button(reply, "vote", "up"))
    thanks = await answered(fake, vote)
    assert thanks["flags"] & EPHEMERAL
    rows = feedback_rows(qa.records.path)
    assert rows and all(v == 1 for _, _, v in rows)
    assert "000_30e68451fde60380:7" in {p for _, p, _ in rows}
    # A second vote by the same user replaces the first.
    await answered(fake, await fake.click_button(hanako, reply, button(reply, "vote", "down")))
    assert [(p, v) for _, p, v in feedback_rows(qa.records.path)] == [(p, -1) for _, p, _ in rows]
    # User ids are stored only as salted hashes.
    hashes = stored(
        qa.records.path, "SELECT user_hash FROM feedback UNION SELECT user_hash FROM questions"
    )
    assert hashes and all(str(hanako.id) not in (h or "") for (h,) in hashes)


async def test_records_and_old_buttons_survive_a_restart(
    fake: FakeDiscord, config: Config, library: Library
) -> None:
    alice, bob = fake.user("alice", locale="en-US"), fake.user("bob", locale="ja")
    async with started(fake, config, library) as first:
        reply = await answered(
            fake, await fake.run_command(alice, "ask", {"question": EN_QUESTION})
        )
        await answered(fake, await fake.click_button(alice, reply, button(reply, "vote", "up")))
        unanswered = await answered(
            fake, await fake.run_command(alice, "ask", {"question": "What is the capital of Peru?"})
        )
        assert first.records.unanswered()
        assert "/summary" in message_text(unanswered)
    assert fake.identifies == 1

    async with started(fake, config, library) as second:
        assert fake.identifies == 2  # a new process: a new gateway session, same database
        assert [u.question for u in second.records.unanswered()] == ["What is the capital of Peru?"]
        up = {f.passage: (f.up, f.down) for f in second.records.feedback()}
        assert up["000_30e68451fde60380:7"] == (1, 0)

        # The old message's buttons, clicked after the restart.
        toggle = await fake.click_button(bob, reply, button(reply, "lang"))
        switched = await answered(fake, toggle)
        assert toggle.response_type == UPDATE_MESSAGE
        assert is_japanese(lead(switched))
        assert_quoted_and_cited(switched, "ja", JA_QUOTE)
        await answered(fake, await fake.click_button(bob, reply, button(reply, "vote", "down")))
        votes = {f.passage: (f.up, f.down) for f in second.records.feedback()}
        assert votes["000_30e68451fde60380:7"] == (1, 1)
        extra = await answered(fake, await fake.click_button(bob, reply, button(reply, "more")))
        assert_quoted_and_cited(extra, "ja", more=True)  # in Japanese since the toggle


# -- hostile input -------------------------------------------------------------------------------


def hostile(fake: FakeDiscord, victim: FakeUser) -> str:
    return (
        f"@everyone @here <@&{fake.role_id}> <@{victim.id}> <@!{victim.id}> **Meta** __offer__ "
        "`code` ||spoiler|| ~~strike~~ [link](https://example.com) # heading\n"
        f"> quote {JA_QUESTION}"
    )


def assert_pings_nobody(fake: FakeDiscord) -> None:
    bodies = fake.message_bodies()
    assert bodies
    for request, body in bodies:
        assert pings_nobody(body.get("allowed_mentions")), (request, body.get("allowed_mentions"))
    assert not any(fake.pings), [p for p in fake.pings if p]


def assert_escaped(text: str, fake: FakeDiscord, victim: FakeUser) -> None:
    raw = [
        "@everyone",
        "@here",
        f"<@&{fake.role_id}>",
        f"<@{victim.id}>",
        f"<@!{victim.id}>",
        "**Meta**",
    ]
    for token in raw:
        assert token not in text, f"{token!r} unescaped in {text!r}"
    assert r"\*\*Meta\*\*" in text


@pytest.mark.parametrize("via", ["slash", "mention", "dm"])
async def test_hostile_question_pings_nobody_and_is_escaped(
    fake: FakeDiscord, qa: BotRun, via: str
) -> None:
    victim, mallory = fake.user("victim"), fake.user("mallory")
    question = hostile(fake, victim)
    if via == "slash":
        reply = await answered(fake, await fake.run_command(mallory, "ask", {"question": question}))
    else:
        message = await fake.send_message(
            mallory, question, mention_bot=via == "mention", dm=via == "dm"
        )
        reply = await fake.reply_to_message(message)
    assert_quoted_and_cited(reply, "ja", JA_QUOTE)
    assert_escaped(message_text(reply), fake, victim)
    # Also the buttons' replies, which quote the same question.
    await answered(fake, await fake.click_button(mallory, reply, button(reply, "lang")))
    await answered(fake, await fake.click_button(mallory, reply, button(reply, "more")))
    assert_escaped(message_text(fake.messages[int(reply["id"])]), fake, victim)
    assert_pings_nobody(fake)


async def test_hostile_article_text_is_escaped_in_quotes(
    fake: FakeDiscord, config: Config, tmp_path: Path
) -> None:
    victim = fake.user("victim")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "001_hostile.txt").write_text(
        "メタの提示額\n\n"
        "メタは**研究者**に1億ドルを提示した。"
        f"@everyone と <@&{fake.role_id}> と <@{victim.id}> にも知らせた。\n\n"
        "オープンAIは1週間の休業を決めた。\n",
        encoding="utf-8",
    )
    (seeds / "001_hostile.en.txt").write_text(
        "Meta's offer\n\n"
        "Meta offered **researchers** $100 million. "
        f"@everyone, <@&{fake.role_id}> and <@{victim.id}> were told.\n\n"
        "OpenAI decided on a week-long break.\n",
        encoding="utf-8",
    )
    library = Library.from_seeds(seeds)
    async with started(fake, config, library):
        user = fake.user("reader", locale="ja")
        for question, marked in [
            (JA_QUESTION, r"\*\*研究者\*\*"),
            (EN_QUESTION, r"\*\*researchers\*\*"),
        ]:
            reply = await answered(
                fake, await fake.run_command(user, "ask", {"question": question})
            )
            text = message_text(reply)
            assert marked in text
            # The only bold is the bot's own: the markers and the answer's words.
            ours = text.replace("**[", "[").replace("]**", "]")
            ours = ours.replace("**1億ドル**", "1億ドル").replace(
                "**$100 million**", "$100 million"
            )
            for token in ["@everyone", f"<@&{fake.role_id}>", f"<@{victim.id}>", "**"]:
                assert token not in ours, (token, text)
        assert_pings_nobody(fake)


# -- faults --------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", [4000, None], ids=["close-4000", "abrupt"])
async def test_gateway_drop_resumes_and_answers(
    fake: FakeDiscord, qa: BotRun, code: int | None
) -> None:
    user = fake.user("reader", locale="ja")
    await answered(fake, await fake.run_command(user, "ask", {"question": JA_QUESTION}))
    await fake.drop_gateway(code=code)
    during = await fake.run_command(user, "ask", {"question": EN_QUESTION})  # replayed on RESUME
    await fake.wait_until(lambda: fake.resumes == 1, timeout=5, what="the bot to RESUME")
    assert fake.identifies == 1 and fake.gateway_log[-1][:2] == ("/resume", "RESUME")
    assert_quoted_and_cited(await answered(fake, during), "en", EN_QUOTE)
    after = await fake.run_command(user, "ask", {"question": JA_QUESTION})
    assert_quoted_and_cited(await answered(fake, after), "ja", JA_QUOTE)
    mention = await fake.send_message(user, EN_QUESTION, mention_bot=True)
    assert_quoted_and_cited(await fake.reply_to_message(mention), "en", EN_QUOTE)
    assert qa.alive()


RATE_LIMITED = {
    "interaction-callback": ("POST", r"/interactions/\d+/[^/]+/callback"),
    "follow-up": ("POST", r"/webhooks/\d+/[^/]+"),
    "channel-message": ("POST", r"/channels/\d+/messages"),
}


@pytest.mark.parametrize("route", list(RATE_LIMITED))
async def test_rate_limited_reply_is_delivered_exactly_once(
    fake: FakeDiscord, qa: BotRun, route: str
) -> None:
    method, path = RATE_LIMITED[route]
    fake.rate_limit_next(method, path, count=2, retry_after=0.05)
    user = fake.user("reader", locale="ja")
    if route == "channel-message":
        message = await fake.send_message(user, JA_QUESTION, mention_bot=True)
        reply = await fake.reply_to_message(message)
        await asyncio.sleep(0.3)  # time for a duplicate to show up, if there were one
        assert len(fake.replies_in(fake.channel_id, after=0)) == 1
    else:
        inv = await fake.run_command(user, "ask", {"question": JA_QUESTION})
        reply = await answered(fake, inv)
        await asyncio.sleep(0.3)
        assert inv.followup_ids == []  # the answer is the deferred message, not an extra one
        assert [c.status for c in inv.callbacks].count(200) == 1
    assert fake.faults_left() == 0
    attempts = fake.requests_to(method, path)
    assert [r.status for r in attempts[:2]] == [429, 429]
    assert sum(200 <= r.status < 300 for r in attempts) == 1
    assert_quoted_and_cited(reply, "ja", JA_QUOTE)


def bot_logged(
    caplog: pytest.LogCaptureFixture, exc_type: type[BaseException]
) -> list[logging.LogRecord]:
    return [
        r
        for r in caplog.records
        if r.name.startswith("bot")
        and r.levelno >= logging.WARNING
        and r.exc_info
        and isinstance(r.exc_info[1], exc_type)
    ]


async def test_forbidden_channel_is_logged_and_others_are_served(
    fake: FakeDiscord, qa: BotRun, caplog: pytest.LogCaptureFixture
) -> None:
    fake.forbid_channel(fake.other_channel_id)
    blocked, other = fake.user("blocked"), fake.user("other")
    await fake.send_message(
        blocked, JA_QUESTION, mention_bot=True, channel_id=fake.other_channel_id
    )
    await fake.wait_until(
        lambda: bot_logged(caplog, discord.Forbidden), timeout=3, what="the 403 in the log"
    )
    assert fake.replies_in(fake.other_channel_id, after=0) == []

    message = await fake.send_message(other, EN_QUESTION, mention_bot=True)
    assert_quoted_and_cited(await fake.reply_to_message(message), "en", EN_QUOTE)
    inv = await fake.run_command(other, "ask", {"question": JA_QUESTION})
    assert_quoted_and_cited(await answered(fake, inv), "ja", JA_QUOTE)
    assert qa.alive()


async def test_failing_interaction_callback_is_logged_without_a_crash(
    fake: FakeDiscord, qa: BotRun, caplog: pytest.LogCaptureFixture
) -> None:
    # Discord answers 500 until the interaction has expired; discord.py retries after 1 s and 3 s,
    # and the retry after the deadline gets 404 Unknown interaction.
    fake.fail_next("POST", r"/interactions/\d+/[^/]+/callback", 500, count=2)
    user = fake.user("reader", locale="en-US")
    failed = await fake.run_command(user, "ask", {"question": EN_QUESTION})
    await fake.wait_until(
        lambda: [
            r for r in caplog.records if r.name.startswith("bot") and r.levelno >= logging.ERROR
        ],
        timeout=7,
        what="the failure in the bot's log",
    )
    assert failed.ack is None and [c.status for c in failed.callbacks][:2] == [500, 500]
    errors = [r for r in caplog.records if r.name.startswith("bot") and r.levelno >= logging.ERROR]
    assert errors[0].exc_info, "logged with its traceback"
    assert not [r for r in caplog.records if r.name == "asyncio" and r.levelno >= logging.ERROR]
    assert qa.alive()
    inv = await fake.run_command(user, "ask", {"question": EN_QUESTION})
    assert_quoted_and_cited(await answered(fake, inv), "en", EN_QUOTE)


async def test_an_unexpected_error_after_the_public_defer_is_told_to_the_asker_alone(
    fake: FakeDiscord, qa: BotRun, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("index exploded")

    monkeypatch.setattr("bot.commands.compose", broken)
    user = fake.user("reader", locale="en-US")
    inv = await fake.run_command(user, "ask", {"question": EN_QUESTION})
    notice = await answered(fake, inv)
    assert inv.response_type == DEFERRED_CHANNEL_MESSAGE  # the public "thinking..." came first
    assert inv.original_id in fake.deleted  # and is gone
    assert notice["flags"] & EPHEMERAL and notice["content"].startswith("Sorry")
    assert "exploded" not in notice["content"]
    monkeypatch.undo()
    assert_quoted_and_cited(
        await answered(fake, await fake.run_command(user, "ask", {"question": EN_QUESTION})),
        "en",
        EN_QUOTE,
    )


async def test_cooldown_answers_ephemerally_in_the_users_language(
    fake: FakeDiscord, config: Config, library: Library
) -> None:
    async with started(fake, config, library, cooldown_rate=1, cooldown_seconds=60.0) as run:
        hanako, alice = fake.user("hanako", locale="ja"), fake.user("alice", locale="en-US")
        await answered(fake, await fake.run_command(hanako, "ask", {"question": JA_QUESTION}))
        again = await fake.run_command(hanako, "ask", {"question": JA_QUESTION})
        notice = await answered(fake, again)
        assert again.response_type == CHANNEL_MESSAGE and notice["flags"] & EPHEMERAL
        assert is_japanese(notice["content"]) and "秒" in notice["content"]
        assert not notice["embeds"]
        # Others are not held back; the refused question is not recorded as asked.
        assert_quoted_and_cited(
            await answered(fake, await fake.run_command(alice, "ask", {"question": EN_QUESTION})),
            "en",
            EN_QUOTE,
        )
        assert len(stored(run.records.path, "SELECT id FROM questions")) == 2


# -- load ----------------------------------------------------------------------------------------


async def test_burst_of_slash_commands_each_answered_once_in_time(
    fake: FakeDiscord, qa: BotRun, capsys: pytest.CaptureFixture[str]
) -> None:
    users = [fake.user(f"user{i}", locale="ja" if i % 2 else "en-US") for i in range(50)]
    questions = [JA_QUESTION, EN_QUESTION, "OpenAIはなぜ1週間休業したのか?", "Who is Mark Chen?"]
    invs = await asyncio.gather(
        *(
            fake.run_command(users[i % 50], "ask", {"question": questions[i % 4]})
            for i in range(200)
        )
    )
    await fake.wait_until(
        lambda: all(
            inv.ack or fake.loop_time() - inv.sent_at > INTERACTION_DEADLINE for inv in invs
        ),
        timeout=INTERACTION_DEADLINE + 2,
        what="first responses to the burst",
    )
    late = [inv for inv in invs if inv.ack is None]
    assert not late, f"{len(late)} of 200 got no first response within {INTERACTION_DEADLINE}s"
    latencies = sorted(inv.latency for inv in invs)
    await fake.wait_until(
        lambda: all(fake.visible_reply(inv) for inv in invs),
        timeout=10,
        what="every answer of the burst",
    )
    await asyncio.sleep(0.2)  # time for duplicates to show up, if there were any
    p50 = statistics.median(latencies)
    p99 = statistics.quantiles(latencies, n=100)[98]
    with capsys.disabled():
        print(
            f"\n[e2e load] 200 /ask from 50 users: time to first response "
            f"p50 {p50 * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms"
        )
    assert latencies[-1] < INTERACTION_DEADLINE
    for inv in invs:
        assert len(inv.callbacks) == 1 and inv.response_type in (
            CHANNEL_MESSAGE,
            DEFERRED_CHANNEL_MESSAGE,
        )
        assert inv.followup_ids == []
        reply = fake.visible_reply(inv)
        assert _MARKER.search(embed(reply)["description"]), reply
    assert len(stored(qa.records.path, "SELECT id FROM questions")) == 200
    assert qa.alive()


async def test_a_large_article_summary_blocks_nobody(
    fake: FakeDiscord, config: Config, library: Library
) -> None:
    # The seed article 100 times over (~700 KB, 3,300 sentences), each copy under its own
    # headings: a summary takes about a second. /summary answers within Discord's deadline (it
    # defers at once) and another user's /ask is answered while it is being made.
    from index.passages import split_article

    seed = (Path(__file__).parents[2] / "seeds" / "000_30e68451fde60380.txt").read_text("utf-8")
    lines = ["大きな記事"]
    for copy in range(100):
        for line in seed.splitlines()[1:]:
            is_heading = len(line) < 60 and not line.endswith(("。", "、", "”", '"', "」"))
            lines.append(f"{line}({copy + 1})" if is_heading else line)
    big = Library(
        [split_article("big.txt", lines)],
        library.tokenize_ja,
        library.tokenize_en,
        library.glossary,
    )
    async with started(fake, config, big):
        summary = await fake.run_command(fake.user("reader"), "summary")
        ask = await fake.run_command(fake.user("other"), "ask", {"question": JA_QUESTION})
        await fake.first_response(summary)  # within INTERACTION_DEADLINE
        answer = await answered(fake, ask)
        assert _MARKER.search(embed(answer)["description"])
        assert fake.visible_reply(summary) is None, "the /ask waited for the summary"
        reply = await fake.reply_to(summary, timeout=60)
        assert_quoted_and_cited(reply, "en")
