"""Hostile questions: bytes that are not UTF-8 (as argv and stdin deliver them), lone surrogates,
controls and arbitrary Unicode, through every command that takes a question. Each is served
or gets a short message in the asker's language; never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile import run, said
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answer import compose
from bot.errors import QuestionError
from index import Library, QueryError
from index.tokenize import normalize, scrub

INVALID = "メタ".encode() + b"\xff" + "はいくら?".encode()  # printf 'メタ\xffはいくら?'

COMMANDS = [
    # argv, what the output must contain, exit code
    ([b"bot", b"ask", INVALID], "メタ\ufffdはいくら?", 0),
    ([b"bot", b"ask", b"--json", INVALID], '"lang": "ja"', 0),
    ([b"index", b"search", INVALID], "メタ\ufffdはいくら?  [ja,", 0),
    ([b"bot", b"summary", b"--topic", INVALID], "メタ\ufffdはいくら?", 0),
    ([b"bot", b"ask", b"\xff\xfe"], "質問に言葉が含まれていません", 2),
    ([b"bot", b"ask", b"How much did Meta \xc3 offer?"], "Here is what the article says", 0),
]


@pytest.mark.parametrize(("argv", "expected", "code"), COMMANDS, ids=lambda v: repr(v)[:40])
def test_invalid_utf8_in_argv(argv: list[bytes], expected: str, code: int, tmp_path: Path) -> None:
    proc = run(list(argv), tmp_path)
    out, err = said(proc)
    assert proc.returncode == code, err
    assert "Traceback" not in err
    assert expected in out + err


def test_invalid_utf8_on_stdin(tmp_path: Path) -> None:
    """`index search` without a question reads a line each, and the console reads lines: a line
    that is not UTF-8 gets an answer or a message, and the next line is still served."""
    lines = INVALID + b"\n" + "メタは研究者にいくら提示した?".encode() + b"\n"
    proc = run(["index", "search", "--json"], tmp_path, stdin=lines)
    out, err = said(proc)
    assert proc.returncode == 0 and "Traceback" not in err
    assert len(out.splitlines()) == 2
    proc = run(["bot", "console"], tmp_path, stdin=lines + b"/quit\n")
    out, err = said(proc)
    assert proc.returncode == 0 and "Traceback" not in err
    assert "メタ\ufffdはいくら?" in out and "記事には次のようにあります" in out


@pytest.mark.parametrize(
    "question",
    [
        "メタ\udcffはいくら?",  # a surrogate escape, as Python decodes a bad byte in argv
        "\ud800",
        "How much\udc80 did Meta offer?",
        "メタ\x00は",
        "\u202eいくら\u202c",
        "𠮷野家" * 10,
        "a" * 500,
        "\ufeffメタ",
    ],
)
def test_any_question_is_served_or_refused_clearly(library: Library, question: str) -> None:
    try:
        answer = compose(library, question)
    except QuestionError as e:
        assert e.message("ja") and e.message("en")
        return
    answer.question.encode("utf-8")  # printable, storable: no lone surrogate left
    assert answer.lang in ("ja", "en")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(st.characters(codec=None), max_size=80))
def test_search_never_fails_on_any_text(library: Library, text: str) -> None:
    try:
        result = library.search(text)
    except QueryError as e:
        assert e.reason in ("empty", "too_long", "no_words")
        return
    result.query.encode("utf-8")


@pytest.mark.parametrize(
    ("text", "scrubbed"),
    [("メタ\udcffは", "メタ\ufffdは"), ("a\ud800b\udfff", "a\ufffdb\ufffd"), ("ok", "ok")],
)
def test_one_normalisation_path_scrubs_surrogates(text: str, scrubbed: str) -> None:
    """Passages and questions go through `normalize`; it leaves nothing MeCab cannot encode."""
    assert scrub(text) == scrubbed
    normalize(text).encode("utf-8")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "error: cannot read the question set"),  # no such file
        (b"\xff\xfe\n", "error: cannot read the question set"),
        (b"garbage\n", ":1: not a "),  # a question (eval) or conversation (eval-chat) object
    ],
)
@pytest.mark.parametrize(
    "command", [["index", "eval"], ["index", "eval", "--spans"], ["index", "eval-chat"]]
)
def test_question_set_file_that_cannot_be_read(
    tmp_path: Path, content: bytes | None, message: str, command: list[str]
) -> None:
    path = tmp_path / "questions.jsonl"
    if content is not None:
        path.write_bytes(content)
    proc = run([*command, str(path)], tmp_path)
    out, err = said(proc)
    assert proc.returncode == 2 and "Traceback" not in err
    assert err.startswith("error: ") and message in err and err.count("\n") == 1
