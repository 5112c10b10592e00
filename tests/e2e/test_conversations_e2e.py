"""Conversations on Discord, end to end: a mention opens a thread answered there, and later
questions in the thread (a mention, /ask, a plain message) are follow-ups, across a restart;
/ask's button opens a thread; without the permission the reply lands in the channel."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from dataclasses import replace
from typing import Any

import pytest

from bot.config import Config
from index import Library

from .conftest import BotRun, started
from .fake_discord import INTERACTION_DEADLINE, FakeDiscord, FakeUser, buttons
from .test_bot_e2e import (
    answered,
    assert_pings_nobody,
    assert_quoted_and_cited,
    embed,
    lead,
    stored,
)

FIRST = "マーク・チェンってOpenAIでどういうポジションの人?"
FOLLOW_UP = "彼は何て言ってた?"
FOLLOW_UP_QUOTE = "誰かが家に押し入って何かを盗んだような"
ABOUT = f"(「{FIRST}」を受けて)"


@pytest.fixture
def threads_config(config: Config) -> Config:
    return replace(config, threads="auto")


@pytest.fixture
async def qa(fake: FakeDiscord, threads_config: Config, library: Library) -> AsyncIterator[BotRun]:
    async with started(fake, threads_config, library) as run:
        yield run


async def reply_in(fake: FakeDiscord, channel_id: int, after: float) -> dict[str, Any]:
    """The bot's first message in a channel (a thread) since `after`."""
    return await fake.wait_until(
        lambda: next(iter(fake.replies_in(channel_id, after=after)), None),
        timeout=INTERACTION_DEADLINE,
        what=f"a message from the bot in channel {channel_id}",
    )


async def ask_in_thread(fake: FakeDiscord, user: FakeUser, question: str) -> tuple[int, dict]:
    """A mention in the channel; the thread it opened and the answer posted there."""
    message = await fake.send_message(user, question, mention_bot=True)
    thread = int(message["id"])  # a thread started from a message has the message's id
    reply = await reply_in(fake, thread, fake.sent_at[thread])
    return thread, reply


async def mention_in(fake: FakeDiscord, user: FakeUser, channel_id: int, text: str) -> dict:
    """A mention of the bot in a channel (a thread), and the bot's reply to it."""
    message = await fake.send_message(user, text, mention_bot=True, channel_id=channel_id)
    return await fake.reply_to_message(message)


async def test_a_mention_opens_a_thread_and_follow_ups_there_keep_the_context(
    fake: FakeDiscord, qa: BotRun
) -> None:
    user = fake.user("reader", locale="ja")
    victim = fake.user("victim")
    thread, reply = await ask_in_thread(fake, user, f"<@{victim.id}> @everyone {FIRST}")
    # The thread is named after the question, without the mentions.
    assert fake.threads[thread]["name"] == FIRST
    assert int(fake.threads[thread]["parent_id"]) == fake.channel_id
    assert fake.replies_in(fake.channel_id, after=0) == []  # answered in the thread only
    assert_quoted_and_cited(reply, "ja")
    assert not lead(reply).startswith("(")  # a first question: no context shown

    # A follow-up mention in the thread: searched with the first question, and says so.
    reply = await mention_in(fake, user, thread, FOLLOW_UP)
    assert lead(reply).startswith("(「") and lead(reply).endswith(f"{FIRST}」を受けて)")
    assert_quoted_and_cited(reply, "ja", FOLLOW_UP_QUOTE)

    # A follow-up /ask in the thread: the same.
    inv = await fake.run_command(user, "ask", {"question": FOLLOW_UP}, channel_id=thread)
    reply = await answered(fake, inv)
    assert lead(reply).startswith("(「")
    assert "qa:thread" not in str(buttons(reply))  # already in a thread
    assert_quoted_and_cited(reply, "ja", FOLLOW_UP_QUOTE)
    assert_pings_nobody(fake)


async def test_a_new_topic_in_the_thread_is_answered_on_its_own(
    fake: FakeDiscord, qa: BotRun
) -> None:
    user = fake.user("reader", locale="ja")
    thread, _ = await ask_in_thread(fake, user, FIRST)
    reply = await mention_in(fake, user, thread, "OpenAIの社員は週何時間働いてるの?")
    assert not lead(reply).startswith("(")
    assert_quoted_and_cited(reply, "ja", "週80時間")


async def test_thanks_and_hello_are_answered_in_kind_and_keep_the_context(
    fake: FakeDiscord, qa: BotRun
) -> None:
    user = fake.user("reader", locale="ja")
    # "@bot こんにちは" in the channel: a greeting back, and no thread for it.
    message = await fake.send_message(user, "こんにちは!", mention_bot=True)
    reply = await fake.reply_to_message(message)
    assert lead(reply).startswith("こんにちは。") and int(message["id"]) not in fake.threads
    thread, _ = await ask_in_thread(fake, user, FIRST)
    reply = await mention_in(fake, user, thread, "ありがとう!")
    assert lead(reply).startswith("どういたしまして。") and not embed(reply).get("fields")
    # The next follow-up still follows the question, not the thanks.
    reply = await mention_in(fake, user, thread, FOLLOW_UP)
    assert lead(reply) == ABOUT
    assert_quoted_and_cited(reply, "ja", FOLLOW_UP_QUOTE)
    assert_pings_nobody(fake)


async def test_source_and_english_in_a_thread_quote_the_last_answer_again(
    fake: FakeDiscord, qa: BotRun
) -> None:
    user = fake.user("reader", locale="ja")
    thread, _ = await ask_in_thread(fake, user, FIRST)
    await mention_in(fake, user, thread, FOLLOW_UP)
    # "in English": the same quote, in English (the thread's turns come from the records)
    reply = await mention_in(fake, user, thread, "英語で")
    assert_quoted_and_cited(reply, "en", "someone has broken into the house")
    # and the next follow-up still follows the question before it, not "英語で"; in its own
    # script's language, as any follow-up
    reply = await mention_in(fake, user, thread, "ソースは?")
    assert "英語で" not in lead(reply)
    assert_quoted_and_cited(reply, "ja", FOLLOW_UP_QUOTE)
    assert_pings_nobody(fake)


async def test_the_button_under_ask_opens_a_thread(fake: FakeDiscord, qa: BotRun) -> None:
    user = fake.user("reader", locale="en-US")
    question = "What is Mark Chen's role at OpenAI?"
    reply = await answered(fake, await fake.run_command(user, "ask", {"question": question}))
    custom_id = next(
        b["custom_id"] for b in buttons(reply) if b["custom_id"].startswith("qa:thread")
    )
    inv = await fake.click_button(user, reply, custom_id)
    notice = await answered(fake, inv)
    thread = int(reply["id"])  # started from the answer
    assert thread in fake.threads and fake.threads[thread]["name"] == question
    assert f"<#{thread}>" in notice["content"]

    reply = await mention_in(fake, user, thread, "What did he say?")
    assert lead(reply) == f"(about: {question})"
    assert_quoted_and_cited(reply, "en", "broken into the house")
    # The follow-up's own buttons answer it in the same context.
    lang = next(b["custom_id"] for b in buttons(reply) if b["custom_id"].startswith("qa:lang"))
    await answered(fake, await fake.click_button(user, reply, lang))
    edited = fake.messages[int(reply["id"])]
    assert lead(edited) == f"(「{question}」を受けて)"
    assert_quoted_and_cited(edited, "ja", "誰かが家に押し入って")
    assert_pings_nobody(fake)


async def test_after_a_restart_a_follow_up_still_has_its_context(
    fake: FakeDiscord, threads_config: Config, library: Library
) -> None:
    user = fake.user("reader", locale="ja")
    async with started(fake, threads_config, library):
        thread, _ = await ask_in_thread(fake, user, FIRST)
    async with started(fake, threads_config, library) as run:
        message = await fake.send_message(user, FOLLOW_UP, mention_bot=True, channel_id=thread)
        reply = await fake.reply_to_message(message)
        assert lead(reply) == ABOUT
        assert_quoted_and_cited(reply, "ja", FOLLOW_UP_QUOTE)
        # The asker is kept only as the salted hash.
        rows = stored(threads_config.records_path, "SELECT user_hash FROM conversation_turns")
        assert len(rows) == 2 and all(str(user.id) not in r[0] for r in rows)
        assert {r[0] for r in rows} == {run.records.user_hash(user.id)}


async def test_an_archived_thread_forgets_its_conversation(
    fake: FakeDiscord, qa: BotRun, threads_config: Config
) -> None:
    user = fake.user("reader", locale="ja")
    thread, _ = await ask_in_thread(fake, user, FIRST)
    path = threads_config.records_path
    sql = "SELECT question FROM conversation_turns WHERE channel = ?"
    assert stored(path, sql, thread) == [(FIRST,)]
    await fake.archive_thread(thread)
    await fake.wait_until(lambda: not stored(path, sql, thread), timeout=3, what="the deletion")


async def test_a_dm_is_one_conversation(fake: FakeDiscord, qa: BotRun) -> None:
    user = fake.user("reader", locale="ja")
    await fake.reply_to_message(await fake.send_message(user, FIRST, dm=True))
    reply = await fake.reply_to_message(await fake.send_message(user, FOLLOW_UP, dm=True))
    assert lead(reply) == ABOUT
    assert_quoted_and_cited(reply, "ja", FOLLOW_UP_QUOTE)


async def test_plain_messages_in_the_bots_thread_with_the_message_content_intent(
    fake: FakeDiscord, threads_config: Config, library: Library
) -> None:
    user = fake.user("reader", locale="ja")
    async with started(fake, replace(threads_config, message_content=True), library):
        thread, _ = await ask_in_thread(fake, user, FIRST)
        reply = await fake.reply_to_message(
            await fake.send_message(user, FOLLOW_UP, channel_id=thread)
        )
        assert lead(reply) == ABOUT
        # A plain message elsewhere is still not a question.
        await fake.send_message(user, FOLLOW_UP)
        assert fake.replies_in(fake.channel_id, after=0) == []


async def test_without_thread_permission_the_reply_lands_in_the_channel(
    fake: FakeDiscord, qa: BotRun, caplog: pytest.LogCaptureFixture
) -> None:
    fake.forbid_threads()
    user = fake.user("reader", locale="ja")
    caplog.set_level(logging.WARNING, logger="bot")
    for question in (FIRST, FOLLOW_UP):
        message = await fake.send_message(user, question, mention_bot=True)
        reply = await fake.reply_to_message(message)
        assert reply["channel_id"] == str(fake.channel_id)
        assert embed(reply)["description"]
    assert not fake.threads
    # A channel is no conversation: the second question is answered on its own.
    assert not lead(reply).startswith("(")
    why = [r for r in caplog.records if "cannot start a thread" in r.getMessage()]
    assert len(why) == 1  # logged once
    assert_pings_nobody(fake)


async def test_with_threads_on_the_button_only_a_mention_is_answered_in_the_channel(
    fake: FakeDiscord, threads_config: Config, library: Library
) -> None:
    user = fake.user("reader", locale="ja")
    async with started(fake, replace(threads_config, threads="button"), library):
        reply = await fake.reply_to_message(await fake.send_message(user, FIRST, mention_bot=True))
        assert reply["channel_id"] == str(fake.channel_id) and not fake.threads
        inv = await fake.run_command(user, "ask", {"question": FIRST})
        assert any(
            b["custom_id"].startswith("qa:thread") for b in buttons(await answered(fake, inv))
        )


async def test_an_idle_conversation_is_deleted_without_another_question(
    fake: FakeDiscord, threads_config: Config, library: Library
) -> None:
    user = fake.user("reader", locale="ja")
    config = replace(threads_config, conversation_minutes=0.01)  # 0.6 s
    async with started(fake, config, library) as run:
        thread, _ = await ask_in_thread(fake, user, FIRST)
        run.bot.get_cog("QACog").expire_conversations.change_interval(seconds=0.05)
        sql = "SELECT COUNT(*) FROM conversation_turns"
        await fake.wait_until(
            lambda: stored(config.records_path, sql) == [(1,)], timeout=1, what="the turn stored"
        )
        await fake.wait_until(
            lambda: stored(config.records_path, sql) == [(0,)], timeout=3, what="the expiry"
        )
