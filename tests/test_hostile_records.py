"""Hostile records files: a header overwritten, a directory at the path, garbage, a truncated
or foreign database. The bot moves the file aside (renamed with the time, never deleted) and
starts a fresh one with one warning; `report` never writes; the salt is never in the file."""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hostile import ROOT, run, said

from bot.records import Records, key_path


def _valid(path: Path) -> None:
    with Records(path, salt="s") as records:
        qid = records.add_question("東京の天気は?", lang="ja", answered=False, user_id=1)
        records.add_feedback(qid, ["a:7"], 1, 1)


def _header(path: Path) -> None:
    _valid(path)
    with path.open("r+b") as f:
        f.write(b"this is no header")


def _directory(path: Path) -> None:
    path.mkdir()
    (path / "inside.txt").write_text("kept", encoding="utf-8")


def _garbage(path: Path) -> None:
    path.write_bytes(os.urandom(5000))


def _truncated(path: Path) -> None:
    _valid(path)
    for side in ("-wal", "-shm"):
        Path(f"{path}{side}").unlink(missing_ok=True)
    path.write_bytes(path.read_bytes()[:1500])


def _foreign(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE questions (id INTEGER PRIMARY KEY, title TEXT)")
    db.commit()
    db.close()


BROKEN: list[tuple[str, Callable[[Path], None]]] = [
    ("header overwritten", _header),
    ("a directory", _directory),
    ("random bytes", _garbage),
    ("truncated", _truncated),
    ("another program's database", _foreign),
]


def _kept(path: Path) -> list[Path]:
    return sorted(path.parent.glob(path.name + ".unreadable-*"))


@pytest.mark.parametrize(("case", "make"), BROKEN, ids=[c for c, _ in BROKEN])
def test_unreadable_file_is_moved_aside_and_a_fresh_one_started(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, case: str, make: Callable[[Path], None]
) -> None:
    path = tmp_path / "records.sqlite3"
    make(path)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    with caplog.at_level(logging.WARNING), Records(path, salt="s") as records:
        qid = records.add_question("How much?", lang="en", answered=True, user_id=2)
        assert records.question(qid) is not None  # the fresh file works
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and str(path) in warnings[0] and "moved it to" in warnings[0]
    (kept,) = [p for p in _kept(path) if not p.name.endswith(("-wal", "-shm"))]
    assert kept.name in warnings[0]
    assert kept.name.startswith(f"records.sqlite3.unreadable-{datetime.now(UTC):%Y%m%d}")
    if case == "a directory":
        assert (kept / "inside.txt").read_text(encoding="utf-8") == "kept"  # nothing deleted
    else:
        assert kept.stat().st_size > 0
    after = {p.name for p in tmp_path.rglob("*")}
    assert len(after) >= len(before)  # nothing was deleted, only renamed


def test_report_on_an_unreadable_file_says_so_and_leaves_it(tmp_path: Path) -> None:
    path = tmp_path / "records.sqlite3"
    _header(path)
    data = path.read_bytes()
    proc = run(["bot", "report"], tmp_path)
    out, err = said(proc)
    assert proc.returncode == 2 and "Traceback" not in err and err.count("\n") == 1
    assert err.startswith(f"error: {path} is not a readable records database")
    assert path.read_bytes() == data and not _kept(path)


def test_report_opens_read_only(tmp_path: Path) -> None:
    path = tmp_path / "records.sqlite3"
    _valid(path)
    db = sqlite3.connect(path)  # checkpoint, so that the report finds the file alone
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    for side in ("-wal", "-shm"):
        Path(f"{path}{side}").unlink(missing_ok=True)
    os.chmod(path, 0o444)
    data, mtime = path.read_bytes(), path.stat().st_mtime_ns
    proc = run(["bot", "report"], tmp_path)
    out, err = said(proc)
    assert proc.returncode == 0, err
    assert "東京の天気は?" in out
    assert path.read_bytes() == data and path.stat().st_mtime_ns == mtime
    # no key file; SQLite itself may add the empty side files any reader of a WAL file needs
    assert not key_path(path).exists()
    wal = Path(f"{path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_salt_is_an_owner_only_key_file_beside_the_database(tmp_path: Path) -> None:
    path = tmp_path / "records.sqlite3"
    with Records(path) as records:
        first = records.user_hash(42)
    key = key_path(path)
    assert key.name == "records.sqlite3.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    salt = key.read_text(encoding="utf-8").strip()
    assert len(salt) == 32
    for f in [path, Path(f"{path}-wal")]:
        assert not f.exists() or salt.encode() not in f.read_bytes()  # never inside it
    with Records(path) as again:
        assert again.user_hash(42) == first


def test_a_salt_kept_inside_by_an_older_version_moves_out(tmp_path: Path) -> None:
    path = tmp_path / "records.sqlite3"
    with Records(path) as records:  # as an older version left it: the salt in `meta`
        salt = key_path(path).read_text(encoding="utf-8").strip()
        records._db.execute("INSERT INTO meta (key, value) VALUES ('salt', ?)", (salt,))
        records._db.commit()
        old = records.user_hash(7)
    key_path(path).unlink()
    with Records(path) as records:
        assert records.user_hash(7) == old  # hashes made with it still match
        assert (
            records._db.execute("SELECT COUNT(*) FROM meta WHERE key = 'salt'").fetchone()[0] == 0
        )
    assert key_path(path).read_text(encoding="utf-8").strip() == salt


def test_old_rows_are_removed_after_the_retention(tmp_path: Path) -> None:
    path = tmp_path / "records.sqlite3"
    with Records(path, salt="s") as records:
        old = records.add_question("old?", lang="en", answered=False, user_id=1)
        new = records.add_question("new?", lang="en", answered=False, user_id=1)
        records.add_feedback(old, ["a:1"], 1, 1)
        when = (datetime.now(UTC) - timedelta(days=31)).isoformat(timespec="seconds")
        records._db.execute("UPDATE questions SET asked_at = ? WHERE id = ?", (when, old))
        records._db.commit()
    with Records(path, salt="s", days=90) as records:
        assert records.question(old) is not None  # within 90 days
    with Records(path, salt="s", days=30) as records:
        assert records.question(old) is None and records.question(new) is not None
        assert records.feedback() == []  # its votes went with it


@pytest.mark.parametrize(
    "name",
    [
        "bot-records.sqlite3",
        "bot-records.sqlite3-wal",
        "bot-records.sqlite3-shm",
        "bot-records.sqlite3.key",
        "bot-records.sqlite3.unreadable-20260101T000000Z",
    ],
)
def test_gitignore_covers_the_records_files(name: str) -> None:
    proc = subprocess.run(
        ["git", "check-ignore", "--no-index", "-q", name], cwd=ROOT, capture_output=True
    )
    assert proc.returncode == 0, f"{name} is not ignored"


def test_a_records_path_that_cannot_be_made_is_one_line_at_start(tmp_path: Path) -> None:
    """Below a file, say: nothing to move aside, so the bot says so and stops (exit 2)."""
    (tmp_path / "afile").write_text("not a folder", encoding="utf-8")
    path = tmp_path / "afile" / "records.sqlite3"
    proc = run(["bot"], tmp_path, DISCORD_TOKEN="x", BOT_RECORDS_PATH=str(path))
    out, err = said(proc)
    assert proc.returncode == 2 and "Traceback" not in err
    assert err.startswith(f"error: cannot use the records file {path}: ")
    assert err.count("\n") == 1
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "not a folder"


def test_a_salt_inside_leaves_the_database_with_a_configured_salt_too(tmp_path: Path) -> None:
    path = tmp_path / "records.sqlite3"
    with Records(path, salt="configured") as records:
        records._db.execute("INSERT INTO meta (key, value) VALUES ('salt', 'old-inside')")
        records._db.commit()
    with Records(path, salt="configured") as records:
        assert records._db.execute("SELECT COUNT(*) FROM meta").fetchone()[0] == 0
    assert key_path(path).read_text(encoding="utf-8").strip() == "old-inside"
    assert b"old-inside" not in path.read_bytes()
