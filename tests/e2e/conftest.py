"""Fixtures for the end-to-end tests: a fake Discord on loopback, and the bot started against it."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import discord
import pytest

from bot.client import QABot, create_bot
from bot.config import Config
from bot.records import Records
from index import Library

from .fake_discord import FakeDiscord, pointed_at

# Every wait in these tests is bounded: a broken bot fails fast instead of hanging the suite.
START_TIMEOUT = 10.0
STOP_TIMEOUT = 5.0


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    server = await FakeDiscord().start()
    with pointed_at(server):
        yield server
    await server.close()


@contextlib.asynccontextmanager
async def running(client: discord.Client, fake: FakeDiscord) -> AsyncIterator[asyncio.Task[None]]:
    """Run a discord.py client against the fake until the block ends; close it cleanly after."""
    task = asyncio.create_task(client.start(fake.token), name="bot under test")
    try:
        ready = asyncio.create_task(fake.ready(timeout=START_TIMEOUT))
        done, _ = await asyncio.wait(
            {task, ready}, timeout=START_TIMEOUT, return_when=asyncio.FIRST_COMPLETED
        )
        if task in done:
            ready.cancel()
            task.result()  # raises what stopped the client
            raise AssertionError("the client stopped before it connected")
        if ready not in done:
            ready.cancel()
            raise TimeoutError(f"the client did not connect within {START_TIMEOUT}s")
        ready.result()
        # on_ready: discord.py has taken in the guild (closing before leaves its task dangling).
        await asyncio.wait_for(client.wait_until_ready(), START_TIMEOUT)
        yield task
        if task.done():
            task.result()  # the client must not have crashed while the test ran
    finally:
        await asyncio.wait_for(client.close(), STOP_TIMEOUT)
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait_for(task, STOP_TIMEOUT)


# -- the project's bot ---------------------------------------------------------------------------
# `library` (the real article, built once) comes from tests/conftest.py.


@pytest.fixture
def config(fake: FakeDiscord, tmp_path: Path) -> Config:
    """A small configuration: the fake's token, its guild to sync to, a fresh database."""
    return Config(
        token=fake.token,
        guild_ids=(fake.guild_id,),
        records_path=tmp_path / "records.sqlite3",
        records_salt="e2e-salt",
        cooldown_rate=0,  # the cooldown test turns it on
        threads="off",  # replies in the channel; test_conversations_e2e.py turns threads on
    )


class BotRun:
    """A started bot and its database, as a test sees them."""

    def __init__(self, bot: QABot, records: Records, task: asyncio.Task[None]) -> None:
        self.bot = bot
        self.records = records
        self.task = task

    def alive(self) -> bool:
        return not self.task.done() and not self.bot.is_closed()


def _guild_syncs(fake: FakeDiscord) -> int:
    path = rf"/applications/{fake.app_id}/guilds/{fake.guild_id}/commands"
    return sum(r.status == 200 for r in fake.requests_to("PUT", path))


@contextlib.asynccontextmanager
async def started(
    fake: FakeDiscord, config: Config, library: Library, **changes: Any
) -> AsyncIterator[BotRun]:
    """Construct the bot with `create_bot` (as `python -m bot` does), start it, await its sync."""
    config = replace(config, **changes)
    syncs = _guild_syncs(fake)
    with Records(config.records_path, config.records_salt) as records:
        # guild_ready_timeout only shortens discord.py's wait for on_ready after GUILD_CREATE.
        bot = create_bot(config, library, records, guild_ready_timeout=0.05)
        async with running(bot, fake) as task:
            await fake.wait_until(
                lambda: _guild_syncs(fake) > syncs,
                timeout=START_TIMEOUT,
                what="the bot to sync its commands to the guild",
            )
            yield BotRun(bot, records, task)


@pytest.fixture
async def qa(fake: FakeDiscord, config: Config, library: Library) -> AsyncIterator[BotRun]:
    async with started(fake, config, library) as run:
        yield run
