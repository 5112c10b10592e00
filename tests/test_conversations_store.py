"""A conversation's turns in the records database: kept across a reopen, expired after idling,
deleted with their text, the asker only as the salted hash; thread names free of pings."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Config
from bot.conversations_store import KEEP_TURNS, ConversationStore
from bot.errors import ConfigError
from bot.records import Records
from bot.threads import THREAD_NAME, thread_name
from index.followup import Turn

TURN = Turn("メタは何人引き抜いたの?", "ja", ("doc:3",), ())
LATER = Turn("なぜ?", "ja", ("doc:4",), ("メタは何人引き抜いたの?",))


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def _store(records: Records, clock: Clock, minutes: float = 60) -> ConversationStore:
    return ConversationStore(records.connection, records.user_hash, minutes, clock)


def test_the_last_turn_survives_a_reopen_and_the_user_is_a_hash(records_path: Path) -> None:
    clock = Clock()
    with Records(records_path, salt="s") as records:
        store = _store(records, clock)
        store.add(7, TURN, user_id=1234567890)
        store.add(7, LATER, user_id=1234567890)
        store.started_thread(7)
    with Records(records_path, salt="s") as records:
        store = _store(records, clock)
        assert store.last(7) == LATER
        assert store.last(8) is None
        assert store.is_bot_thread(7) and not store.is_bot_thread(8)
        rows = records.connection.execute("SELECT user_hash FROM conversation_turns").fetchall()
        assert {r[0] for r in rows} == {records.user_hash(1234567890)}
        assert "1234567890" not in str(rows)


def test_an_idle_conversation_expires_with_its_text(records: Records) -> None:
    clock = Clock()
    store = _store(records, clock, minutes=60)
    store.add(1, TURN)
    store.add(2, TURN)
    clock.now += 59 * 60
    store.add(2, LATER)  # conversation 2 is active again
    assert store.last(1) == TURN
    clock.now += 2 * 60  # 61 minutes after conversation 1's last turn
    assert store.last(1) is None
    assert store.last(2) == LATER
    texts = records.connection.execute("SELECT question FROM conversation_turns").fetchall()
    assert texts == [(TURN.question,), (LATER.question,)]  # both of conversation 2's only


def test_ending_a_conversation_deletes_it_and_only_the_last_turns_are_kept(
    records: Records,
) -> None:
    store = _store(records, Clock())
    for _ in range(KEEP_TURNS + 3):
        store.add(5, TURN)
    (n,) = records.connection.execute("SELECT COUNT(*) FROM conversation_turns").fetchone()
    assert n == KEEP_TURNS
    store.end(5)
    assert store.last(5) is None


def test_a_stored_answer_keeps_the_turn_it_followed_while_the_conversation_lasts(
    records: Records,
) -> None:
    clock = Clock()
    store = _store(records, clock, minutes=60)
    store.add(3, TURN)
    store.answered_after(42, 3, TURN)
    assert store.previous_of(42) == TURN and store.previous_of(43) is None
    clock.now += 61 * 60
    store.expire()
    assert store.previous_of(42) is None  # its text went with the conversation
    store.add(4, TURN)
    store.answered_after(44, 4, TURN)
    store.end(4)
    assert store.previous_of(44) is None


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("メタは何人引き抜いたの?", "メタは何人引き抜いたの?"),
        ("<@123> @everyone  How much\ndid Meta offer?", "How much did Meta offer?"),
        ("<@&99> @here <#5>", "Question"),
        ("あ" * 150, "あ" * (THREAD_NAME - 1) + "…"),
    ],
)
def test_a_thread_is_named_after_the_question_without_pings(question: str, name: str) -> None:
    assert thread_name(question) == name
    assert len(thread_name(question)) <= THREAD_NAME


@pytest.mark.parametrize(
    ("env", "threads", "minutes"),
    [
        ({}, "auto", 60.0),
        ({"BOT_THREADS": "Button", "BOT_CONVERSATION_MINUTES": "5"}, "button", 5.0),
    ],
)
def test_conversation_settings(env: dict[str, str], threads: str, minutes: float) -> None:
    config = Config.from_env(env)
    assert (config.threads, config.conversation_minutes) == (threads, minutes)


def test_a_wrong_threads_setting_says_what_is_allowed() -> None:
    with pytest.raises(ConfigError, match="auto, button or off"):
        Config.from_env({"BOT_THREADS": "sometimes"})
