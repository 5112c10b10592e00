"""Conversations kept in the records database: each thread's or DM's recent turns.

A conversation is keyed by its Discord channel (a thread or a DM). It keeps its last few turns
(the question, the reply's language, the passages quoted), so a follow-up after a restart still
has its context; the asker only as the records' salted hash. A conversation idle longer than its
time to live, or whose thread was archived, is deleted with its text.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable

from index.followup import Turn

_SCHEMA = """
CREATE TABLE IF NOT EXISTS conversation_turns (
    channel INTEGER NOT NULL,
    n INTEGER NOT NULL,
    at REAL NOT NULL,
    user_hash TEXT,
    question TEXT NOT NULL,
    lang TEXT NOT NULL,
    passages TEXT NOT NULL,
    context TEXT NOT NULL,
    PRIMARY KEY (channel, n)
);
CREATE TABLE IF NOT EXISTS conversation_answers (
    question_id INTEGER PRIMARY KEY,
    channel INTEGER NOT NULL,
    previous TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS conversation_threads (
    channel INTEGER PRIMARY KEY,
    started_at REAL NOT NULL
);
"""
KEEP_TURNS = 5  # the last turns kept a conversation: only the last is read, the rest help a report


class ConversationStore:
    """Conversations in an open SQLite connection (the records'); `user_hash` hashes user ids."""

    def __init__(
        self,
        db: sqlite3.Connection,
        user_hash: Callable[[int | str], str],
        minutes: float = 60.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._db = db
        self._hash = user_hash
        self.ttl = minutes * 60
        self._clock = clock
        with self._db:
            self._db.executescript(_SCHEMA)

    def last(self, channel: int) -> Turn | None:
        """The conversation's last turn, or None when there is none or it has expired."""
        self.expire()
        row = self._db.execute(
            "SELECT question, lang, passages, context FROM conversation_turns"
            " WHERE channel = ? ORDER BY n DESC LIMIT 1",
            (channel,),
        ).fetchone()
        if row is None:
            return None
        return Turn(row[0], row[1], tuple(json.loads(row[2])), tuple(json.loads(row[3])))

    def add(self, channel: int, turn: Turn, user_id: int | str | None = None) -> None:
        user = self._hash(user_id) if user_id is not None else None
        with self._db:
            (n,) = self._db.execute(
                "SELECT COALESCE(MAX(n), 0) + 1 FROM conversation_turns WHERE channel = ?",
                (channel,),
            ).fetchone()
            self._db.execute(
                "INSERT INTO conversation_turns"
                " (channel, n, at, user_hash, question, lang, passages, context)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    channel,
                    n,
                    self._clock(),
                    user,
                    turn.question,
                    turn.lang,
                    json.dumps(list(turn.passages)),
                    json.dumps(list(turn.context), ensure_ascii=False),
                ),
            )
            self._db.execute(
                "DELETE FROM conversation_turns WHERE channel = ? AND n <= ?",
                (channel, n - KEEP_TURNS),
            )

    def answered_after(self, question_id: int, channel: int, previous: Turn) -> None:
        """Remember the turn a stored question followed, so its buttons (more passages, the
        other language, feedback) answer it in the same context."""
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO conversation_answers (question_id, channel, previous)"
                " VALUES (?, ?, ?)",
                (question_id, channel, _dump(previous)),
            )

    def previous_of(self, question_id: int) -> Turn | None:
        """The turn a stored question followed in its conversation, while that lasts."""
        row = self._db.execute(
            "SELECT previous FROM conversation_answers WHERE question_id = ?", (question_id,)
        ).fetchone()
        return _load(row[0]) if row else None

    def started_thread(self, channel: int) -> None:
        """Remember a thread the bot started: its plain messages are follow-ups."""
        with self._db:
            self._db.execute(
                "INSERT OR IGNORE INTO conversation_threads (channel, started_at) VALUES (?, ?)",
                (channel, self._clock()),
            )

    def is_bot_thread(self, channel: int) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM conversation_threads WHERE channel = ?", (channel,)
        ).fetchone()
        return row is not None

    def end(self, channel: int) -> None:
        """Forget a conversation (its thread was archived or deleted)."""
        with self._db:
            self._db.execute("DELETE FROM conversation_turns WHERE channel = ?", (channel,))
            self._db.execute("DELETE FROM conversation_answers WHERE channel = ?", (channel,))

    def expire(self) -> int:
        """Delete the conversations idle longer than the time to live; how many turns went."""
        cutoff = self._clock() - self.ttl
        with self._db:
            self._db.execute(
                "DELETE FROM conversation_answers WHERE channel NOT IN ("
                " SELECT channel FROM conversation_turns GROUP BY channel HAVING MAX(at) >= ?)",
                (cutoff,),
            )
            cursor = self._db.execute(
                "DELETE FROM conversation_turns WHERE channel IN ("
                " SELECT channel FROM conversation_turns GROUP BY channel HAVING MAX(at) < ?)",
                (cutoff,),
            )
        return cursor.rowcount


def _dump(turn: Turn) -> str:
    return json.dumps(
        [turn.question, turn.lang, list(turn.passages), list(turn.context)], ensure_ascii=False
    )


def _load(text: str) -> Turn:
    question, lang, passages, context = json.loads(text)
    return Turn(question, lang, tuple(passages), tuple(context))
