"""Hostile state end to end: the bot started as `python -m bot` starts it (`bot.client.main`) on
a records file that is not a database comes up, keeps the old file, and answers."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3

import pytest

from bot.client import main as run_bot
from bot.config import Config
from index import Library

from .conftest import START_TIMEOUT, STOP_TIMEOUT, _guild_syncs
from .fake_discord import FakeDiscord
from .test_bot_e2e import JA_QUESTION, JA_QUOTE, answered, assert_quoted_and_cited


@pytest.mark.parametrize("broken", ["garbage", "directory"])
async def test_a_bot_started_on_a_corrupt_records_file_comes_up_and_answers(
    fake: FakeDiscord,
    config: Config,
    library: Library,
    caplog: pytest.LogCaptureFixture,
    broken: str,
) -> None:
    path = config.records_path
    if broken == "garbage":
        path.write_bytes(b"SQLite format 2\x00" + b"\xde\xad" * 2000)  # a header overwritten
    else:
        path.mkdir()
    syncs = _guild_syncs(fake)
    with caplog.at_level(logging.WARNING, logger="bot.records"):
        task = asyncio.create_task(run_bot(config, library), name="python -m bot")
        try:
            await fake.wait_until(
                lambda: _guild_syncs(fake) > syncs or task.done(),
                timeout=START_TIMEOUT,
                what="the bot to come up",
            )
            assert not task.done(), task.exception()
            await fake.ready(timeout=START_TIMEOUT)
            user = fake.user("hanako", locale="ja")
            reply = await answered(
                fake, await fake.run_command(user, "ask", {"question": JA_QUESTION})
            )
            assert_quoted_and_cited(reply, "ja", JA_QUOTE)
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait_for(task, STOP_TIMEOUT)
    (kept,) = path.parent.glob("records.sqlite3.unreadable-*")
    assert (
        kept.is_dir() if broken == "directory" else kept.read_bytes().startswith(b"SQLite format 2")
    )
    warnings = [
        r.getMessage()
        for r in caplog.records
        if r.levelno >= logging.WARNING and r.name.startswith(("bot", "index"))
    ]
    assert len(warnings) == 1 and kept.name in warnings[0]
    with contextlib.closing(sqlite3.connect(path)) as db:  # the fresh file holds the question
        assert db.execute("SELECT question FROM questions").fetchall() == [(JA_QUESTION,)]
