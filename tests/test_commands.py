"""Each command's callback and each button driven with a mocked Interaction; mentions and DMs with
a mocked Message; the bot's construction, command sync, translations and shutdown."""

from __future__ import annotations

import asyncio
import logging
import os
import re
import signal
import sqlite3
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from unittest.mock import AsyncMock, Mock

import discord
import pytest
from discord import app_commands

import bot.client
from bot.client import QABot, QATree, create_bot
from bot.commands import QACog
from bot.config import Config
from bot.cooldown import Cooldown
from bot.records import Records
from bot.translator import JA, Translator
from bot.views import PERSISTENT, LangButton, MoreButton, VoteButton
from index import Library

JA_LOCALE = discord.Locale.japanese
EN_LOCALE = discord.Locale.american_english


@pytest.fixture
def cog(bot: QABot) -> QACog:
    return QACog(bot)


async def invoke(cog: QACog, name: str, interaction: Any, **options: Any) -> None:
    """Run a command's callback as the tree does: its errors go to the tree's one error handler."""
    command = getattr(cog, name)
    try:
        await command.callback(cog, interaction, **options)
    except Exception as e:
        await cog.bot.tree.on_error(interaction, app_commands.CommandInvokeError(command, e))


def sent(interaction: Any) -> dict[str, Any]:
    """The kwargs of the one message the interaction got (a response, a follow-up or an edit)."""
    calls = [
        *interaction.response.send_message.await_args_list,
        *interaction.followup.send.await_args_list,
        *interaction.response.edit_message.await_args_list,
    ]
    assert len(calls) == 1, calls
    kwargs = calls[0].kwargs
    mentions = kwargs["allowed_mentions"]
    assert (mentions.everyone, mentions.users, mentions.roles, mentions.replied_user) == (
        False,
        False,
        False,
        False,
    )
    return kwargs


def description(kwargs: dict[str, Any]) -> str:
    return kwargs["embed"].description


def custom_ids(view: discord.ui.View) -> list[str]:
    return [item.custom_id for item in view.children]


# -- /ask -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "locale", "says", "quote"),
    [
        (
            "メタは研究者にいくら提示した?",
            EN_LOCALE,
            "記事には次のようにあります",
            "**1億ドル相当**の契約ボーナス",
        ),
        (
            "How much did Meta offer OpenAI staff?",
            JA_LOCALE,
            "Here is what the article says",
            "worth **$100 million**",
        ),
        # no clue to the language: the user's locale; the headline's word alone: its summary
        ("OpenAI", JA_LOCALE, "記事には次のようにあります", "異例の措置を取った"),
        ("東京の天気は?", EN_LOCALE, "記事の話題から外れています", None),
        ("How do I bake bread?", JA_LOCALE, "not something the article covers", None),
    ],
)
async def test_ask_defers_then_follows_up_with_the_answer(
    cog: QACog,
    records: Records,
    question: str,
    locale: discord.Locale,
    says: str,
    quote: str | None,
    make_interaction: Any,
) -> None:
    interaction = make_interaction(cog.bot, locale=locale)
    await invoke(cog, "ask", interaction, question=question)
    interaction.response.defer.assert_awaited_once_with(thinking=True)
    kwargs = sent(interaction)
    assert interaction.followup.send.await_count == 1
    assert kwargs["ephemeral"] is False
    assert says in description(kwargs)
    if quote:
        assert quote in description(kwargs)
        assert kwargs["embed"].fields[0].value.startswith("[1] ")
    ids = custom_ids(kwargs["view"])
    assert all(len(i) <= 100 for i in ids)
    stored = records.question(int(ids[0].split(":")[2]))
    assert (
        stored is not None
        and stored.question == question
        and stored.answered == (quote is not None)
    )


async def test_ask_lang_option_overrides_the_question_language(
    cog: QACog, make_interaction: Any
) -> None:
    interaction = make_interaction(cog.bot)
    await invoke(cog, "ask", interaction, question="メタは研究者にいくら提示した?", lang="en")
    assert "worth **$100 million**" in description(sent(interaction))


@pytest.mark.parametrize(
    ("question", "locale", "says"),
    [
        ("", JA_LOCALE, "質問を書いてください"),
        ("   ", EN_LOCALE, "Please write a question"),
        ("長" * 501, EN_LOCALE, "質問が長すぎます(501文字)"),
        ("what " * 120, JA_LOCALE, "too long"),  # an English question: told in English
    ],
)
async def test_ask_errors_a_user_can_fix_get_a_short_ephemeral_reply(
    cog: QACog,
    records: Records,
    question: str,
    locale: discord.Locale,
    says: str,
    make_interaction: Any,
) -> None:
    interaction = make_interaction(cog.bot, locale=locale)
    await invoke(cog, "ask", interaction, question=question)
    interaction.response.defer.assert_not_awaited()
    kwargs = sent(interaction)
    assert kwargs["ephemeral"] is True
    assert says in kwargs["content"]
    assert records.unanswered() == []


async def test_cooldown_is_per_user_and_told_ephemerally_in_their_language(
    library: Library, records: Records, records_path: Path, make_interaction: Any
) -> None:
    limited = create_bot(
        Config(records_path=records_path, cooldown_rate=1, cooldown_seconds=60), library, records
    )
    cog = QACog(limited)
    first = make_interaction(limited, user_id=1, locale=JA_LOCALE)
    await invoke(cog, "ask", first, question="How much did Meta offer OpenAI staff?")
    again = make_interaction(limited, user_id=1, locale=JA_LOCALE)
    await invoke(cog, "ask", again, question="How much did Meta offer OpenAI staff?")
    again.response.defer.assert_not_awaited()
    kwargs = sent(again)
    assert kwargs["ephemeral"] is True
    assert re.search(r"(59|60)秒後にもう一度", kwargs["content"])
    other = make_interaction(limited, user_id=2)
    await invoke(cog, "ask", other, question="How much did Meta offer OpenAI staff?")
    other.response.defer.assert_awaited_once()


def test_cooldown_window() -> None:
    now = [0.0]
    cooldown = Cooldown(rate=2, per=10, clock=lambda: now[0])
    assert cooldown.hit("a") == 0 and cooldown.hit("a") == 0
    now[0] = 4
    assert cooldown.hit("a") == pytest.approx(6)
    assert cooldown.hit("b") == 0
    now[0] = 10
    assert cooldown.hit("a") == 0
    assert Cooldown(rate=0, per=10).hit("a") == 0  # rate 0: no cooldown


async def test_unexpected_errors_are_logged_and_the_user_gets_an_apology(
    cog: QACog,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    make_interaction: Any,
) -> None:
    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("index exploded")

    monkeypatch.setattr("bot.commands.compose", broken)
    interaction = make_interaction(cog.bot, locale=JA_LOCALE)
    with caplog.at_level(logging.ERROR, logger="bot"):
        await invoke(cog, "ask", interaction, question="メタは研究者にいくら提示した?")
    kwargs = sent(interaction)  # a follow-up: the command had deferred
    assert kwargs["content"].startswith("すみません")
    # for the asker alone: the public "thinking..." goes, so the follow-up can be ephemeral
    interaction.delete_original_response.assert_awaited_once()
    assert kwargs["ephemeral"] is True
    assert "exploded" not in kwargs["content"] and "Traceback" not in kwargs["content"]
    [record] = [r for r in caplog.records if r.exc_info]
    assert isinstance(record.exc_info[1], RuntimeError)


def test_the_tree_has_the_one_error_handler(bot: QABot) -> None:
    assert isinstance(bot.tree, QATree)


# -- /passage, /article, /help, /summary ------------------------------------------------------


async def test_passage_shows_the_paragraph_and_neighbours_without_deferring(
    cog: QACog, make_interaction: Any
) -> None:
    interaction = make_interaction(cog.bot)
    await invoke(cog, "passage", interaction, number=7, lang="en")
    interaction.response.defer.assert_not_awaited()
    kwargs = sent(interaction)
    assert "> ▶ According to reports" in description(kwargs)
    assert [line.split()[1] for line in kwargs["embed"].fields[0].value.splitlines()] == [
        "line",
        "line",
        "line",
    ]
    assert (
        "line 6" in kwargs["embed"].fields[0].value and "line 8" in kwargs["embed"].fields[0].value
    )


async def test_passage_in_the_users_language_and_beyond_the_end(
    cog: QACog, make_interaction: Any
) -> None:
    interaction = make_interaction(cog.bot, locale=JA_LOCALE)
    await invoke(cog, "passage", interaction, number=7)
    assert "▶ 報道によれば" in description(sent(interaction))
    interaction = make_interaction(cog.bot, locale=JA_LOCALE)
    await invoke(cog, "passage", interaction, number=500)
    kwargs = sent(interaction)
    assert kwargs["ephemeral"] is True and "2〜38行目" in kwargs["content"]


@pytest.mark.parametrize(
    ("locale", "says"),
    [(JA_LOCALE, "全29段落・5セクション"), (EN_LOCALE, "29 passages in 5 sections")],
)
async def test_article(
    cog: QACog, locale: discord.Locale, says: str, make_interaction: Any
) -> None:
    interaction = make_interaction(cog.bot, locale=locale)
    await invoke(cog, "article", interaction)
    assert says in description(sent(interaction))


@pytest.mark.parametrize(
    ("locale", "says"), [(JA_LOCALE, "/質問 質問文 [言語]"), (EN_LOCALE, "/ask question [lang]")]
)
async def test_help_lists_the_commands_in_the_users_language(
    cog: QACog, locale: discord.Locale, says: str, make_interaction: Any
) -> None:
    interaction = make_interaction(cog.bot, locale=locale)
    await invoke(cog, "help", interaction)
    kwargs = sent(interaction)
    assert kwargs["ephemeral"] is True
    assert says in description(kwargs)
    assert description(kwargs).count("\n/") == 5  # ask, passage, article, summary, help


@pytest.mark.parametrize(("length", "count"), [("short", 3), ("medium", 5), ("long", 10)])
async def test_summary_lengths_are_cited_sentences(
    cog: QACog, length: str, count: int, make_interaction: Any
) -> None:
    interaction = make_interaction(cog.bot)
    await invoke(cog, "summary", interaction, length=length, lang="en")
    kwargs = sent(interaction)
    assert re.findall(r"\*\*\[(\d+)\]\*\*", description(kwargs)) == [
        str(n) for n in range(1, count + 1)
    ]
    assert kwargs["embed"].fields[0].name.startswith("Sources")


async def test_summary_topic_and_section(cog: QACog, make_interaction: Any) -> None:
    interaction = make_interaction(cog.bot, locale=JA_LOCALE)
    await invoke(cog, "summary", interaction, topic="パン作り")
    assert "記事には「パン作り」についての記述がありません" in description(sent(interaction))
    interaction = make_interaction(cog.bot)
    await invoke(cog, "summary", interaction, section="no such section", lang="en")
    assert sent(interaction)["ephemeral"] is True


async def test_summary_defers_at_once_and_summarizes_off_the_event_loop(
    cog: QACog, make_interaction: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    import bot.commands

    seen: list[tuple[bool, bool]] = []
    real = bot.commands.make_summary

    def spy(*args: Any, **kwargs: Any) -> Any:
        # (deferred before summarizing, on a thread other than the event loop's)
        seen.append((interaction.response.is_done(), threading.current_thread() is main))
        return real(*args, **kwargs)

    main = threading.current_thread()
    monkeypatch.setattr(bot.commands, "make_summary", spy)
    interaction = make_interaction(cog.bot)
    await invoke(cog, "summary", interaction, length="short", lang="en")
    interaction.response.defer.assert_awaited_once_with(thinking=True)
    assert seen == [(True, False)]
    assert re.findall(r"\*\*\[(\d+)\]\*\*", description(sent(interaction))) == ["1", "2", "3"]


async def test_section_autocomplete_lists_headings_in_the_users_language(
    cog: QACog, make_interaction: Any
) -> None:
    from bot.commands import section_autocomplete

    english = await section_autocomplete(make_interaction(cog.bot), "exodus")
    assert [c.name for c in english] == ["Is OpenAI's week-long pause enough to stem the exodus?"]
    assert english[0].value == "OpenAIの1週間の休止は流出を食い止めるのに十分か?"
    japanese = await section_autocomplete(make_interaction(cog.bot, locale=JA_LOCALE), "")
    assert len(japanese) == 6 and all(len(c.name) <= 100 for c in japanese)


# -- buttons: more, language, feedback; they work after a restart ------------------------------


async def _asked(
    make_interaction: Any, cog: QACog, question: str = "How much did Meta offer OpenAI staff?"
) -> discord.ui.View:
    interaction = make_interaction(cog.bot)
    await invoke(cog, "ask", interaction, question=question)
    return sent(interaction)["view"]


async def _restart_and_click(
    make_interaction: Any, custom_id: str, library: Library, records_path: Path, **who: Any
) -> Any:
    """Click a button of an earlier answer on a freshly started bot (new process, same database)."""
    with Records(records_path, salt="test-salt") as records:
        fresh = create_bot(Config(records_path=records_path, cooldown_rate=0), library, records)
        interaction = make_interaction(fresh, **who)
        for cls in PERSISTENT:
            match = cls.__discord_ui_compiled_template__.fullmatch(custom_id)
            if match:
                item = await cls.from_custom_id(interaction, Mock(), match)
                await item.callback(interaction)
                return interaction
    raise AssertionError(f"no persistent button handles {custom_id}")


async def test_more_passages_button_shows_the_next_results(
    cog: QACog, library: Library, records_path: Path, make_interaction: Any
) -> None:
    view = await _asked(make_interaction, cog)
    [more] = [i for i in custom_ids(view) if i.startswith("qa:more:")]
    interaction = await _restart_and_click(make_interaction, more, library, records_path)
    kwargs = sent(interaction)
    assert kwargs["ephemeral"] is True
    assert "More passages (results" in description(kwargs)
    first_new = int(more.split(":")[3]) + 1
    assert f"**[{first_new}]**" in description(kwargs)


async def test_language_button_edits_the_answer_into_the_other_language(
    cog: QACog, library: Library, records_path: Path, make_interaction: Any
) -> None:
    view = await _asked(make_interaction, cog)
    [toggle] = [i for i in custom_ids(view) if i.startswith("qa:lang:")]
    assert toggle.endswith(":ja")
    interaction = await _restart_and_click(make_interaction, toggle, library, records_path)
    kwargs = interaction.response.edit_message.await_args.kwargs
    assert "記事には次のようにあります" in description(kwargs)
    assert any(i.startswith("qa:lang:") and i.endswith(":en") for i in custom_ids(kwargs["view"]))


async def test_feedback_is_recorded_per_passage_one_vote_per_user(
    cog: QACog, library: Library, records: Records, records_path: Path, make_interaction: Any
) -> None:
    view = await _asked(make_interaction, cog)
    up = next(i for i in custom_ids(view) if i.endswith(":up"))
    down = next(i for i in custom_ids(view) if i.endswith(":down"))
    thanks = await _restart_and_click(make_interaction, up, library, records_path, user_id=5)
    assert sent(thanks)["ephemeral"] is True and "glad it helped" in sent(thanks)["content"]
    await _restart_and_click(make_interaction, up, library, records_path, user_id=6)
    await _restart_and_click(
        make_interaction, down, library, records_path, user_id=6
    )  # changes their mind
    counts = {f.passage: (f.up, f.down) for f in records.feedback()}
    assert counts["000_30e68451fde60380:7"] == (1, 1)


async def test_a_button_for_an_unknown_answer_says_it_expired(
    library: Library, records_path: Path, make_interaction: Any
) -> None:
    interaction = await _restart_and_click(
        make_interaction, "qa:more:999:3:en", library, records_path, locale=JA_LOCALE
    )
    kwargs = sent(interaction)
    assert kwargs["ephemeral"] is True and "no longer on record" in kwargs["content"]


def test_button_state_round_trips_through_custom_ids() -> None:
    for item, expected in [
        (MoreButton(12, 3, "ja"), "qa:more:12:3:ja"),
        (LangButton(12, 0, "en"), "qa:lang:12:0:en"),
        (VoteButton(12, 0, "en", -1), "qa:vote:12:0:en:down"),
    ]:
        assert item.custom_id == expected
        assert type(item).__discord_ui_compiled_template__.fullmatch(expected)
        others = [c for c in PERSISTENT if c is not type(item)]
        assert not any(c.__discord_ui_compiled_template__.fullmatch(expected) for c in others)


# -- mentions, DMs, listen-channels -------------------------------------------------------------

ME = 4242


def message(
    content: str,
    *,
    guild: bool = True,
    mentions_me: bool = True,
    channel: int = 10,
    author_bot: bool = False,
) -> Any:
    me = SimpleNamespace(id=ME)
    return SimpleNamespace(
        id=1,
        content=content,
        author=SimpleNamespace(id=77, bot=author_bot),
        guild=SimpleNamespace(preferred_locale=JA_LOCALE, self_role=None) if guild else None,
        channel=SimpleNamespace(id=channel),
        mentions=[me] if mentions_me else [],
        role_mentions=[],
        reply=AsyncMock(),
    )


@pytest.fixture
def logged_in(bot: QABot) -> QABot:
    bot._connection.user = SimpleNamespace(id=ME)  # what login would set
    return bot


@pytest.mark.parametrize(
    ("msg", "says"),
    [
        (
            message(f"<@{ME}> How much did Meta offer OpenAI staff? @everyone"),
            "worth **$100 million**",
        ),
        (message(f"<@!{ME}> メタは研究者にいくら提示した?"), "**1億ドル相当**"),
        (
            message("How much did Meta offer OpenAI staff?", guild=False, mentions_me=False),
            "worth **$100 million**",
        ),
    ],
)
async def test_mentions_and_dms_are_answered_like_ask(
    logged_in: QABot, records: Records, msg: Any, says: str
) -> None:
    await QACog(logged_in).on_message(msg)
    kwargs = msg.reply.await_args.kwargs
    assert says in kwargs["embed"].description
    assert kwargs["mention_author"] is False
    assert (
        kwargs["allowed_mentions"].everyone is False and kwargs["allowed_mentions"].roles is False
    )
    assert custom_ids(kwargs["view"])
    stored = records.question(int(custom_ids(kwargs["view"])[0].split(":")[2]))
    assert stored is not None and "<@" not in stored.question


async def test_other_messages_are_left_alone(logged_in: QABot) -> None:
    for msg in (message("How much?", mentions_me=False), message(f"<@{ME}> hi", author_bot=True)):
        await QACog(logged_in).on_message(msg)
        msg.reply.assert_not_awaited()


async def test_listen_channels_answer_every_message(library: Library, records: Records) -> None:
    listening = create_bot(Config(listen_channel_ids=(10,), cooldown_rate=0), library, records)
    assert listening.intents.message_content  # the privileged intent, only when it is needed
    listening._connection.user = SimpleNamespace(id=ME)
    msg = message("How much did Meta offer OpenAI staff?", mentions_me=False, channel=10)
    await QACog(listening).on_message(msg)
    assert "worth **$100 million**" in msg.reply.await_args.kwargs["embed"].description


async def test_an_empty_mention_gets_a_hint_in_the_guild_language(logged_in: QABot) -> None:
    msg = message(f"<@{ME}>")
    await QACog(logged_in).on_message(msg)
    assert "質問してください" in msg.reply.await_args.args[0]


# -- construction, sync, translations, shutdown ------------------------------------------------


def test_bot_defaults_ping_nobody_and_need_no_privileged_intent(bot: QABot) -> None:
    mentions = bot.allowed_mentions
    assert mentions is not None and not (mentions.everyone or mentions.users or mentions.roles)
    assert not bot.intents.message_content and not bot.intents.members and not bot.intents.presences
    assert bot.intents.guild_messages and bot.intents.dm_messages


@pytest.mark.parametrize(("guilds", "synced"), [((1, 2), [1, 2]), ((), [])])
async def test_start_syncs_only_to_the_configured_guilds(
    library: Library, records: Records, guilds: tuple[int, ...], synced: list[int]
) -> None:
    started = create_bot(Config(guild_ids=guilds), library, records)
    started.tree.sync = AsyncMock(return_value=[])  # type: ignore[method-assign]
    started.add_dynamic_items = Mock()  # type: ignore[method-assign]
    await started.setup_hook()
    assert [c.kwargs["guild"].id for c in started.tree.sync.await_args_list] == synced
    started.add_dynamic_items.assert_called_once_with(*PERSISTENT)
    assert {c.name for c in started.tree.get_commands()} == {
        "ask",
        "passage",
        "article",
        "help",
        "summary",
    }
    assert started.get_cog("QACog") is not None


async def test_every_command_string_has_a_valid_japanese_translation(bot: QABot) -> None:
    await bot.setup_hook()  # sync_on_start=False
    name = re.compile(r"[-_\w]{1,32}")
    for command in bot.tree.get_commands():
        payload = await command.get_translated_payload(bot.tree, Translator())
        entries = [payload, *payload["options"]]
        for entry in entries:
            for value in (entry["name"], entry["name_localizations"]["ja"]):
                assert name.fullmatch(value) and value == value.lower(), value
            for value in (entry["description"], entry["description_localizations"]["ja"]):
                assert 1 <= len(value) <= 100
            for choice in entry.get("choices", []):
                assert choice["name_localizations"]["ja"] == JA[choice["name"]]
        names = [o["name_localizations"]["ja"] for o in payload["options"]]
        assert len(names) == len(set(names))


async def test_sigterm_closes_the_connection_and_the_database(
    config: Config, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[QABot] = []

    def fake_create_bot(config: Config, library: Library, records: Records, **kw: Any) -> QABot:
        b = create_bot(config, library, records, **kw)

        async def connected(token: str) -> None:  # like Client.start: runs until the bot is closed
            while not b.is_closed():
                await asyncio.sleep(0.01)

        b.start = connected  # type: ignore[method-assign]
        made.append(b)
        return b

    monkeypatch.setattr(bot.client, "create_bot", fake_create_bot)
    loop = asyncio.get_running_loop()
    started = loop.time()
    loop.call_later(0.2, os.kill, os.getpid(), signal.SIGTERM)
    await asyncio.wait_for(
        bot.client.main(Config(token="t", records_path=config.records_path), library), 5
    )
    [stopped] = made
    assert stopped.is_closed()
    assert loop.time() - started >= 0.2  # it ran until the signal came
    with pytest.raises(sqlite3.ProgrammingError):
        stopped.records.question(1)
