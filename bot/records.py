"""Questions and feedback in a local SQLite database, for `python -m bot report`.

Every question asked on Discord is stored with its language, whether the article answered it,
where it came from and when (the buttons under an answer look it up; the report counts the
unanswered ones), and each 👍/👎 vote per quoted passage. A user id only as a keyed hash (HMAC
with a salt kept outside the database), enough to count one vote per person and nothing more.
Rows older than `days` are deleted. A file that is not a readable database is moved aside (kept,
renamed with the time) and a fresh one started.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import re
import secrets
import sqlite3
import time
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
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
    verdict TEXT  -- answered | related | off_topic (index.verdict) | social (thanks, hi); NULL: older
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


DAYS = 90  # records kept, by default (BOT_RECORDS_DAYS)
_PRUNE_EVERY = 3600.0  # seconds between deletions of old rows while running


class RecordsError(Exception):
    """The records file cannot be used: unreadable for `report` (which never changes it), or in
    a place the bot cannot write. The message names the file and says why."""


class Records:
    """The database: one connection, WAL mode, created on first use. Close it (or use `with`).

    `read_only`: open an existing file as it is (`python -m bot report`): no table, salt, WAL
    switch or deletion is written, and a file that is not a database raises RecordsError.
    """

    def __init__(
        self,
        path: str | Path,
        salt: str | None = None,
        *,
        days: int = DAYS,
        read_only: bool = False,
    ) -> None:
        self.path = Path(path)
        self.days = days
        self._pruned = 0.0
        memory = str(path) == ":memory:"
        if read_only:
            self._db = _open_read_only(self.path)
            self._salt = b""  # hashes are only compared, never made, in a report
            return
        try:
            self._db = self._start(memory)
            self._salt = self._kept_salt(memory, salt).encode()
        except (OSError, sqlite3.DatabaseError) as e:  # a folder or key that cannot be written
            if hasattr(self, "_db"):
                self._db.close()
            raise RecordsError(f"cannot use the records file {self.path}: {e}") from e
        self.prune()

    def _start(self, memory: bool) -> sqlite3.Connection:
        """The database, made on first use; a file that is not one is moved aside first."""
        if not memory:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return self._open(str(self.path) if not memory else ":memory:")
        except sqlite3.DatabaseError as e:
            if memory or not _unreadable(e) or not os.path.lexists(self.path):
                raise
            kept = _move_aside(self.path)
            log.warning(
                "the records file %s is not a readable database (%s): moved it to %s and started"
                " a new one",
                self.path,
                e,
                kept,
            )
            return self._open(str(self.path))

    @staticmethod
    def _open(path: str) -> sqlite3.Connection:
        db = sqlite3.connect(path)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            # In WAL mode NORMAL syncs at checkpoints, not at every commit: a question is stored
            # in ~0.1 ms instead of an fsync's worth of milliseconds on the event loop, and a
            # power cut can lose only the last few records, never the database.
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA foreign_keys=ON")
            # Deleted rows (past BOT_RECORDS_DAYS, an old salt) are overwritten, not left in
            # free pages of the file.
            db.execute("PRAGMA secure_delete=ON")
            with db:
                db.executescript(_SCHEMA)
                columns = {row[1] for row in db.execute("PRAGMA table_info(questions)")}
                if "verdict" not in columns:  # a database from before the verdicts
                    db.execute("ALTER TABLE questions ADD COLUMN verdict TEXT")
            row = db.execute("PRAGMA quick_check(1)").fetchone()
            if row is None or row[0] != "ok":
                raise sqlite3.DatabaseError(f"quick_check: {row[0] if row else 'no answer'}")
        except BaseException:
            db.close()
            raise
        return db

    def _kept_salt(self, memory: bool, configured: str | None) -> str:
        """`configured` (BOT_RECORDS_SALT), else the key file beside the database (owner-only),
        made on first use: whoever holds the database alone cannot test ids against its hashes.
        A salt that an older version kept inside the database moves to the key file (so hashes
        made with it stay valid), whichever salt is in use."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'salt'").fetchone()
        if memory:
            return configured or (str(row[0]) if row else secrets.token_hex(16))
        key = key_path(self.path)
        if row:
            if not key.exists():
                _write_key(key, str(row[0]))
            with self._db:
                self._db.execute("DELETE FROM meta WHERE key = 'salt'")
        if configured:
            return configured
        if not key.exists():
            _write_key(key, secrets.token_hex(16))
        if key.stat().st_mode & 0o077:
            key.chmod(0o600)
        return key.read_text(encoding="utf-8").strip()

    def prune(self) -> int:
        """Delete questions (and their votes) older than `days`; how many questions went."""
        self._pruned = time.monotonic()
        cutoff = (datetime.now(UTC) - timedelta(days=self.days)).isoformat(timespec="seconds")
        old = "SELECT id FROM questions WHERE asked_at < ?"
        with self._db:
            self._db.execute(f"DELETE FROM feedback WHERE question_id IN ({old})", (cutoff,))
            return self._db.execute("DELETE FROM questions WHERE asked_at < ?", (cutoff,)).rowcount

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
        if time.monotonic() - self._pruned > _PRUNE_EVERY:
            self.prune()
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
        # A file from before the verdicts, opened read-only by a report, has no such column.
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(questions)")}
        verdict = "COALESCE(last.verdict, '')" if "verdict" in columns else "''"
        social = " AND COALESCE(verdict, '') != 'social'" if "verdict" in columns else ""
        rows = self._db.execute(
            f"SELECT first.question, g.n, {verdict} FROM ("
            "  SELECT COUNT(*) AS n, MIN(id) AS first_id, MAX(id) AS last_id FROM questions"
            f"  WHERE answered = 0{social} GROUP BY normalized"
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


def key_path(path: Path) -> Path:
    """The salt's key file, beside the database: `bot-records.sqlite3.key`."""
    return path.with_name(path.name + ".key")


def _write_key(key: Path, salt: str) -> None:
    fd = os.open(key, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(salt + "\n")


def _unreadable(error: sqlite3.DatabaseError) -> bool:
    """A file that is not (or no longer) a database, or not a file; not a busy or full one."""
    text = str(error).lower()
    if isinstance(error, sqlite3.OperationalError):
        # a directory at the path; a damaged file; another program's database of that name
        return any(m in text for m in ("unable to open", "malformed", "no such column"))
    return True


def _move_aside(path: Path) -> Path:
    """Rename the file (and its -wal and -shm) with the time; never delete it."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = path.with_name(f"{path.name}.unreadable-{stamp}")
    n = 1
    while os.path.lexists(kept):
        n += 1
        kept = path.with_name(f"{path.name}.unreadable-{stamp}-{n}")
    os.replace(path, kept)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if os.path.lexists(side):
            os.replace(side, kept.with_name(kept.name + suffix))
    return kept


def _open_read_only(path: Path) -> sqlite3.Connection:
    from urllib.request import pathname2url  # (its import is ~10 ms of every start)

    uri = f"file:{pathname2url(str(path.resolve()))}?mode=ro"
    try:
        db = sqlite3.connect(uri, uri=True)
        db.execute("SELECT COUNT(*) FROM questions").fetchone()
    except sqlite3.DatabaseError as e:
        raise RecordsError(f"{path} is not a readable records database ({e})") from None
    return db


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
