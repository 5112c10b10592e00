"""Hostile console lines: a bare `/`, unknown commands, commands with wrong arguments, controls,
very long lines. Each gets a short message in the line's language (or the default), and the
console goes on to serve the next line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hostile import run, said
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.console import Console
from index import Library

ANSWER = "メタは研究者にいくら提示した?"
SERVED = "記事には次のようにあります"

LINES = [
    # line, what the console must say
    ("/", "error: / というコマンドはありません。/help でコマンドの一覧を表示します。"),
    ("/ ", "error: / というコマンドはありません"),
    ("//", "error: // というコマンドはありません"),
    ("/foo bar", "error: /foo というコマンドはありません"),
    ("/" + "x" * 5000, "error: /" + "x" * 40 + " というコマンドはありません"),
    ("/passage", "error: 使い方: /passage LINE [ja|en]"),
    ("/passage seven", "error: 使い方: /passage LINE [ja|en]"),
    ("/passage 99999", "error: 記事の段落は"),
    ("/lang fr", "error: 使い方: /lang ja|en|auto"),
    ("/ask", "error: 使い方: /ask QUESTION"),
    ("/summary huge", "error:"),
    ("/\x00\x1b[2J", "というコマンドはありません"),
    ("\x00", "error: 質問に言葉が含まれていません。"),
    ("メタ\udcffはいくら?", "メタ\ufffdはいくら?"),
    ("x" * 5000, "error: 質問が長すぎます"),
    ("/help", "/ask QUESTION"),
]


@pytest.mark.parametrize(("line", "expected"), LINES, ids=lambda v: repr(v)[:30])
def test_line_gets_a_short_message_and_the_next_is_served(
    library: Library, line: str, expected: str
) -> None:
    out = io.StringIO()
    console = Console(library, default_lang="ja", out=out)
    code = console.run(io.StringIO(f"{line}\n{ANSWER}\n"))
    text = out.getvalue()
    assert code == 0
    assert expected in text
    assert text.rstrip().endswith("/summary で要約")  # the next line's answer came
    assert SERVED in text.split(expected, 1)[1]
    assert "Traceback" not in text


def test_unknown_command_in_english(library: Library) -> None:
    out = io.StringIO()
    Console(library, default_lang="en", out=out).run(io.StringIO("/weather\n"))
    assert "error: Unknown command /weather: /help lists the commands." in out.getvalue()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(st.characters(codec=None, exclude_characters="\n\r"), max_size=60))
def test_any_line_after_a_slash(library: Library, rest: str) -> None:
    out = io.StringIO()
    assert Console(library, default_lang="en", out=out).run(io.StringIO(f"/{rest}\n")) == 0
    out.getvalue().encode("utf-8")


def test_console_as_a_subprocess(tmp_path: Path) -> None:
    """The same through `python -m bot console`, with a byte that is not UTF-8 on stdin."""
    stdin = b"/\n/nope\n\xff\xfe\n" + ANSWER.encode() + b"\n"
    proc = run(["bot", "console"], tmp_path, stdin=stdin)
    out, err = said(proc)
    assert proc.returncode == 0 and "Traceback" not in err
    assert out.count("というコマンドはありません") == 2
    assert SERVED in out
