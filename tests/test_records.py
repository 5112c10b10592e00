"""The records database: created on first use, WAL, salted user hashes, the report's queries."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.records import Records, normalize_question


def test_created_on_first_use_in_wal_mode(records_path: Path) -> None:
    assert not records_path.exists()
    with Records(records_path) as records:
        records.add_question("How much?", lang="en", answered=True)
        # commits sync at checkpoints only (1 = NORMAL), not at each question
        assert records._db.execute("PRAGMA synchronous").fetchone()[0] == 1
    assert records_path.exists()
    db = sqlite3.connect(records_path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_user_ids_are_stored_only_as_a_salted_hash(records_path: Path) -> None:
    user = 123456789012345678
    with Records(records_path) as records:  # no salt configured: one is made and kept
        qid = records.add_question("東京の天気は?", lang="ja", answered=False, user_id=user)
        records.add_feedback(qid, ["a:7"], 1, user)
        first = records.user_hash(user)
    files = [records_path, Path(f"{records_path}-wal")]
    assert not any(str(user).encode() in f.read_bytes() for f in files if f.exists())
    db = sqlite3.connect(records_path)
    assert db.execute("SELECT user_hash FROM questions").fetchone()[0] == first
    assert db.execute("SELECT user_hash FROM feedback").fetchone()[0] == first
    db.close()
    with Records(records_path) as reopened:
        assert reopened.user_hash(user) == first  # the kept salt: stable across restarts
    with Records(records_path, salt="another") as salted:
        assert salted.user_hash(user) != first


def test_questions_round_trip(records: Records) -> None:
    qid = records.add_question("メタは研究者にいくら提示した?", lang="ja", answered=True, user_id=1)
    stored = records.question(qid)
    assert stored is not None
    assert (stored.question, stored.lang, stored.answered) == (
        "メタは研究者にいくら提示した?",
        "ja",
        True,
    )
    assert records.question(qid + 100) is None


def test_unanswered_questions_most_frequent_first(records: Records) -> None:
    for q in [
        "東京の天気は?",
        "東京の天気は？",
        "東京の天気は",
        "How do I bake bread?",
        "How do I bake bread?",
        "What is AGI?",
    ]:
        records.add_question(q, lang="ja", answered=False)
    records.add_question("メタは研究者にいくら提示した?", lang="ja", answered=True)
    top = records.unanswered()
    assert [(u.question, u.count) for u in top] == [
        ("東京の天気は?", 3),
        ("How do I bake bread?", 2),
        ("What is AGI?", 1),
    ]
    assert len(records.unanswered(limit=1)) == 1


def test_thanks_and_greetings_are_no_unanswered_questions(records: Records) -> None:
    for _ in range(3):
        records.add_question("thanks!", lang="en", answered=False, verdict="social")
    records.add_question("東京の天気は?", lang="ja", answered=False, verdict="off_topic")
    assert [(u.question, u.verdict) for u in records.unanswered(limit=1)] == [
        ("東京の天気は?", "off_topic")
    ]


def test_a_database_from_before_the_verdicts_gains_the_column(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(
        "CREATE TABLE questions (id INTEGER PRIMARY KEY, asked_at TEXT NOT NULL, user_hash TEXT,"
        " question TEXT NOT NULL, normalized TEXT NOT NULL, lang TEXT NOT NULL,"
        " answered INTEGER NOT NULL, source TEXT NOT NULL);"
        "INSERT INTO questions VALUES (1, '2026-01-01', NULL, 'q?', 'q', 'en', 0, 'slash');"
    )
    db.commit()
    db.close()
    with Records(path, "salt", days=36500) as records:  # the old row is kept, whatever its age
        records.add_question("q?", lang="en", answered=False, verdict="off_topic")
        assert [(u.question, u.count, u.verdict) for u in records.unanswered()] == [
            ("q?", 2, "off_topic")
        ]


def test_feedback_counts_per_passage_one_vote_per_user(records: Records) -> None:
    qid = records.add_question("How much did Meta offer?", lang="en", answered=True)
    records.add_feedback(qid, ["a:7", "a:14"], 1, user_id=1)
    records.add_feedback(qid, ["a:7", "a:14"], 1, user_id=2)
    records.add_feedback(qid, ["a:7", "a:14"], -1, user_id=2)  # user 2 changes their vote
    records.add_feedback(qid, ["a:7"], 1, user_id=3)
    counts = {f.passage: (f.up, f.down) for f in records.feedback()}
    assert counts == {"a:7": (2, 1), "a:14": (1, 1)}
    assert records.feedback()[0].passage == "a:7"  # the most voted first
    with pytest.raises(ValueError):
        records.add_feedback(qid, ["a:7"], 0, user_id=1)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("東京の天気は?", "東京の天気は？"),
        ("How do I bake bread?", "how do i  bake bread"),
        ("ＯｐｅｎＡＩ", "openai"),
    ],
)
def test_normalized_questions_count_as_the_same(a: str, b: str) -> None:
    assert normalize_question(a) == normalize_question(b)


def test_closed_records_refuse_work(records_path: Path) -> None:
    records = Records(records_path)
    records.close()
    with pytest.raises(sqlite3.ProgrammingError):
        records.add_question("q", lang="en", answered=False)
