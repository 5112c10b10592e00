"""Questions and feedback in a local SQLite database, for `python -m bot report`.

The question text is stored (the report is about what people ask); a user id only as a salted
hash, enough to count one vote per person and nothing more.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import secrets
import sqlite3
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS questions (
    id INTEGER PRIMARY KEY,
    asked_at TEXT NOT NULL,
    user_hash TEXT,
    question TEXT NOT NULL,
    normalized TEXT NOT NULL,
    lang TEXT NOT NULL,
    answered INTEGER NOT NULL,
    source TEXT NOT NULL,
    verdict TEXT  -- index.verdict: answered | related | off_topic (NULL: stored before it existed)
);
CREATE INDEX IF NOT EXISTS questions_unanswered ON questions (answered, normalized);
CREATE TABLE IF NOT EXISTS feedback (
    question_id INTEGER NOT NULL REFERENCES questions (id),
    passage TEXT NOT NULL,
    user_hash TEXT NOT NULL,
    vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
    at TEXT NOT NULL,
    PRIMARY KEY (question_id, passage, user_hash)
);
"""


@dataclass(frozen=True, slots=True)
class StoredQuestion:
    id: int
    question: str
    lang: str
    answered: bool


@dataclass(frozen=True, slots=True)
class Unanswered:
    question: str  # as first asked
    count: int
    verdict: str  # "related" | "off_topic" | "" (stored before there were verdicts)


@dataclass(frozen=True, slots=True)
class PassageFeedback:
    passage: str  # the passage id, `<doc stem>:<line>`
    up: int
    down: int


def normalize_question(text: str) -> str:
    """The form under which the report counts a question as 'the same'."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"\s+", " ", text).strip().rstrip("?？!！。. ")


class Records:
    """The database: one connection, WAL mode, created on first use. Close it (or use `with`)."""

    def __init__(self, path: str | Path, salt: str | None = None) -> None:
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path))
        self._db.execute("PRAGMA journal_mode=WAL")
        # In WAL mode NORMAL syncs at checkpoints, not at every commit: a question is stored in
        # ~0.1 ms instead of an fsync's worth of milliseconds on the event loop, and a power cut
        # can lose only the last few records, never the database.
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        with self._db:
            self._db.executescript(_SCHEMA)
            columns = {row[1] for row in self._db.execute("PRAGMA table_info(questions)")}
            if "verdict" not in columns:  # a database from before the verdicts
                self._db.execute("ALTER TABLE questions ADD COLUMN verdict TEXT")
        self._salt = (salt or self._stored_salt()).encode()

    def _stored_salt(self) -> str:
        # Without a configured salt, one is made on first use and kept with the data, so hashes
        # stay stable across restarts and cannot be matched against another bot's records.
        row = self._db.execute("SELECT value FROM meta WHERE key = 'salt'").fetchone()
        if row:
            return str(row[0])
        salt = secrets.token_hex(16)
        with self._db:
            self._db.execute("INSERT INTO meta (key, value) VALUES ('salt', ?)", (salt,))
        return salt

    def user_hash(self, user_id: int | str) -> str:
        return hmac.new(self._salt, str(user_id).encode(), hashlib.sha256).hexdigest()[:32]

    def add_question(
        self,
        question: str,
        *,
        lang: str,
        answered: bool,
        user_id: int | str | None = None,
        source: str = "slash",
        verdict: str | None = None,
    ) -> int:
        """Store a question; its id goes into the buttons under the answer."""
        user = self.user_hash(user_id) if user_id is not None else None
        with self._db:
            cursor = self._db.execute(
                "INSERT INTO questions"
                " (asked_at, user_hash, question, normalized, lang, answered, source, verdict)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    _now(),
                    user,
                    question,
                    normalize_question(question),
                    lang,
                    int(answered),
                    source,
                    verdict,
                ),
            )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def question(self, question_id: int) -> StoredQuestion | None:
        row = self._db.execute(
            "SELECT id, question, lang, answered FROM questions WHERE id = ?", (question_id,)
        ).fetchone()
        return StoredQuestion(row[0], row[1], row[2], bool(row[3])) if row else None

    def add_feedback(
        self, question_id: int, passages: Iterable[str], vote: int, user_id: int | str
    ) -> None:
        """One vote per user, question and passage: voting again replaces the earlier vote."""
        if vote not in (-1, 1):
            raise ValueError("vote must be 1 or -1")
        user = self.user_hash(user_id)
        with self._db:
            self._db.executemany(
                "INSERT INTO feedback (question_id, passage, user_hash, vote, at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (question_id, passage, user_hash)"
                " DO UPDATE SET vote = excluded.vote, at = excluded.at",
                [(question_id, p, user, vote, _now()) for p in passages],
            )

    def unanswered(self, limit: int = 10) -> list[Unanswered]:
        """The most frequent questions the article did not answer, most frequent first, with the
        verdict they last got."""
        rows = self._db.execute(
            "SELECT first.question, g.n, COALESCE(last.verdict, '') FROM ("
            "  SELECT COUNT(*) AS n, MIN(id) AS first_id, MAX(id) AS last_id FROM questions"
            "  WHERE answered = 0 GROUP BY normalized"
            ") AS g JOIN questions AS first ON first.id = g.first_id"
            " JOIN questions AS last ON last.id = g.last_id"
            " ORDER BY g.n DESC, g.last_id DESC LIMIT ?",
            (limit,),
        ).fetchall()
        return [Unanswered(q, n, v) for q, n, v in rows]

    def feedback(self) -> list[PassageFeedback]:
        """👍 and 👎 counts per passage, the most voted first."""
        rows = self._db.execute(
            "SELECT passage, SUM(vote > 0), SUM(vote < 0) FROM feedback"
            " GROUP BY passage ORDER BY COUNT(*) DESC, passage"
        ).fetchall()
        return [PassageFeedback(p, up, down) for p, up, down in rows]

    @property
    def connection(self) -> sqlite3.Connection:
        """The open database, for tables kept beside these (bot.conversations_store)."""
        return self._db

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Records:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
