"""Shared fixtures: the real article's Library (built once), the tokenizers, a records database, the bot, and a
mocked discord.py Interaction that records what the bot sent."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from unittest.mock import AsyncMock

import discord
import pytest

from bot.client import QABot, create_bot
from bot.config import Config
from bot.records import Records
from index import DEFAULT_SEEDS, Library
from index.tokenize import EnglishTokenizer, JapaneseTokenizer


def pytest_configure(config: pytest.Config) -> None:
    # The index's disk cache goes to a folder of this test run's own (subprocesses inherit it),
    # never to the user's ~/.cache.
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="qa-tests-cache-")


@pytest.fixture(scope="session")
def library() -> Library:
    return Library.from_seeds(DEFAULT_SEEDS)


@pytest.fixture(scope="session")
def ja() -> JapaneseTokenizer:
    return JapaneseTokenizer()


@pytest.fixture(scope="session")
def en() -> EnglishTokenizer:
    return EnglishTokenizer()


@pytest.fixture
def records_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "records.sqlite3"


@pytest.fixture
def records(records_path: Path) -> Iterator[Records]:
    with Records(records_path, salt="test-salt") as r:
        yield r


@pytest.fixture
def config(records_path: Path) -> Config:
    # Threads off: these tests read replies in the channel (tests/e2e test the threads).
    return Config(token=None, records_path=records_path, cooldown_rate=0, threads="off")


@pytest.fixture
def bot(config: Config, library: Library, records: Records) -> QABot:
    return create_bot(config, library, records, sync_on_start=False)


class FakeResponse:
    """discord.InteractionResponse as far as the bot uses it; one acknowledgement only."""

    def __init__(self) -> None:
        self.done = False
        self.type: discord.InteractionResponseType | None = None
        kinds = discord.InteractionResponseType
        self.defer = AsyncMock(side_effect=self._ack(kinds.deferred_channel_message))
        self.send_message = AsyncMock(side_effect=self._ack(kinds.channel_message))
        self.edit_message = AsyncMock(side_effect=self._ack(kinds.message_update))

    def _ack(self, kind: discord.InteractionResponseType) -> Callable[..., None]:
        def ack(*args: Any, **kwargs: Any) -> None:
            assert not self.done, "an interaction can be acknowledged only once"
            self.done = True
            self.type = kind

        return ack

    def is_done(self) -> bool:
        return self.done


def new_interaction(
    client: discord.Client,
    *,
    user_id: int = 111,
    locale: discord.Locale = discord.Locale.american_english,
) -> Any:
    return SimpleNamespace(
        client=client,
        user=SimpleNamespace(id=user_id),
        locale=locale,
        channel=None,
        guild=None,
        extras={},
        command=None,
        namespace=SimpleNamespace(),
        response=FakeResponse(),
        followup=SimpleNamespace(send=AsyncMock()),
        delete_original_response=AsyncMock(),
    )


@pytest.fixture
def make_interaction() -> Callable[..., Any]:
    """make_interaction(client, user_id=..., locale=...): a mocked Interaction for that client."""
    return new_interaction
