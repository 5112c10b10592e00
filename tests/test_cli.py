"""`python -m index` as a user runs it: output formats, stdin, and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from index.forms import CHAT_FORMS, FORMS

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "index", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=60,
    )


def test_search_json_follows_the_contract() -> None:
    out = run("search", "メタは研究者にいくら提示した?", "--json", "--top", "2")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["query"] == "メタは研究者にいくら提示した?"
    assert data["lang"] == "ja" and data["answerable"] is True
    assert [h["lines"] for h in data["hits"]][0] == [7, 7]
    assert len(data["hits"]) == 2


def test_search_plain_text_for_people() -> None:
    out = run("search", "How much did Meta offer?")
    assert out.returncode == 0
    text = out.stdout.decode()
    assert "[en, answered]" in text
    assert "line 7" in text and "$100 million" in text


def test_stdin_is_json_lines_and_bad_lines_do_not_stop_it() -> None:
    lines = "メタのオファーは?\n\n".encode() + b"\xff\xfe bad\n" + b"How old is Sam Altman?\n"
    out = run("search", "--json", stdin=lines)
    assert out.returncode == 0
    rows = [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert len(rows) == 4
    assert rows[0]["answerable"] is True
    assert "empty" in rows[1]["error"]
    assert "UTF-8" in rows[2]["error"]
    assert rows[3]["answerable"] is False


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("search", "   "), "the question is empty"),
        (("search", "?!"), "no words"),
        (("search", "あ" * 600), "too long"),
        (("search", "メタ", "--seeds", "/nonexistent/seeds"), "seeds folder not found"),
    ],
)
def test_errors_are_one_line_without_traceback(args: tuple[str, ...], message: str) -> None:
    out = run(*args)
    assert out.returncode == 2
    err = out.stderr.decode()
    assert message in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_empty_seeds_folder(tmp_path: Path) -> None:
    out = run("passages", "--seeds", str(tmp_path))
    assert out.returncode == 2 and b"no article" in out.stderr


def test_passages_lists_ids_lines_and_sections() -> None:
    out = run("passages", "--json")
    rows = [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert len(rows) == 29
    assert rows[0]["passage"] == "000_30e68451fde60380:2" and rows[0]["lines"] == [2, 2]


def _two_questions(tmp_path: Path) -> Path:
    """One question the article answers (line 7) and one everyday question it does not."""
    questions = tmp_path / "q.jsonl"
    questions.write_text(
        '{"id": "a", "lang": "ja", "q": "メタは研究者にいくら提示した?", "gold": [7]}\n'
        '{"id": "b", "lang": "en", "q": "How do I bake bread?", "gold": [], "kind": "offtopic"}\n',
        encoding="utf-8",
    )
    return questions


def test_eval_prints_the_figures(tmp_path: Path) -> None:
    questions = _two_questions(tmp_path)
    out = run("eval", str(questions))
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["answerable"]["ja"]["recall@1"] == 1.0
    assert report["declined_by_kind"]["offtopic"]["declined"] == 1.0


def test_eval_scores_a_channel_s_ways_of_writing(tmp_path: Path) -> None:
    questions = _two_questions(tmp_path)
    out = run("eval", str(questions), "--forms")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert {row["form"] for row in rows} == set(FORMS)
    laughing = next(row for row in rows if row["form"] == "en lmaooo")
    assert laughing == {"form": "en lmaooo", "lost": {}, "gained": {}, "n": {"unanswerable": 1}}


@pytest.mark.parametrize(("half", "counted"), [("even", 1), ("odd", 0)])
def test_eval_takes_one_half_of_the_articles(tmp_path: Path, half: str, counted: int) -> None:
    questions = tmp_path / "q.jsonl"
    questions.write_text(
        '{"id": "a", "lang": "ja", "q": "メタは研究者にいくら提示した?", "gold": [7],'
        ' "doc": "000_30e68451fde60380.txt"}\n',
        encoding="utf-8",
    )
    out = run("eval", str(questions), "--articles", half)
    assert out.returncode == 0, out.stderr
    answerable = json.loads(out.stdout)["answerable"]
    assert answerable.get("ja", {}).get("n", 0) == counted


def test_eval_chat_scores_follow_ups_written_as_a_channel_writes_them(tmp_path: Path) -> None:
    chats = tmp_path / "c.jsonl"
    chats.write_text(
        '{"id": "c", "lang": "en", "turns": [{"q": "who is mark chen?", "gold": [9],'
        ' "followup": false}, {"q": "what did he say?", "gold": [10], "followup": true}]}\n',
        encoding="utf-8",
    )
    out = run("eval-chat", str(chats), "--forms")
    assert out.returncode == 0, out.stderr
    rows = {row["form"]: row for row in map(json.loads, out.stdout.splitlines())}
    assert set(rows) == set(FORMS) | set(CHAT_FORMS)
    # (right as written, right so written, of how many: "thanks! what did he say?")
    assert rows["en thanks! before"]["followups"] == [1, 1, 1]
    assert rows["ja ありがと、before"]["followups"] == [0, 0, 0]  # (no Japanese conversation)
