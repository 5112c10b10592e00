"""Hostile seed files: unreadable ones (binary, not UTF-8, a rendering that is not UTF-8), text
that made regexes quadratic, paragraphs without punctuation, copies of an article. The bad file
is skipped with one warning naming it; the rest are served."""

from __future__ import annotations

import logging
import shutil
import time
from pathlib import Path

import pytest
from hostile import run, said
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answer import compose
from bot.render import answer_text
from index import DEFAULT_SEEDS, Library
from index.answertype import AnswerType, states
from index.passages import MAX_PASSAGE_CHARS, load_seeds, split_article

ARTICLE = "000_30e68451fde60380"
QUESTION = "メタは研究者にいくら提示した?"

UNREADABLE = [
    # file name, bytes, what the warning says about it
    ("bin.txt", bytes(range(256)) * 4, "bin.txt is not UTF-8 text"),
    (
        "latin1.txt",
        "Café crème\n\nUn article en Latin-1.\n".encode("latin-1"),
        "latin1.txt is not UTF-8",
    ),
    ("shiftjis.txt", "メタの記事\n\n本文です。\n".encode("shift_jis"), "shiftjis.txt is not UTF-8"),
    ("nul.md", b"# title\n\nvalid \x00 utf-8 with a NUL\n", "nul.md is a binary file"),
]


def _seeds(tmp: Path) -> Path:
    folder = tmp / "seeds"
    folder.mkdir()
    for path in DEFAULT_SEEDS.glob(f"{ARTICLE}*"):
        shutil.copy(path, folder)
    return folder


@pytest.mark.parametrize(("name", "data", "warning"), UNREADABLE, ids=lambda v: str(v)[:12])
def test_unreadable_file_is_skipped_with_one_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, name: str, data: bytes, warning: str
) -> None:
    folder = _seeds(tmp_path)
    (folder / name).write_bytes(data)
    with caplog.at_level(logging.WARNING):
        articles = load_seeds(folder)
    assert [a.doc for a in articles] == [f"{ARTICLE}.txt"]  # the others are still served
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and name in warnings[0] and warning in warnings[0]


def test_unreadable_rendering_leaves_the_article_in_japanese(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = _seeds(tmp_path)
    (folder / f"{ARTICLE}.en.txt").write_bytes(b"\xff\xfe broken")
    with caplog.at_level(logging.WARNING):
        (article,) = load_seeds(folder)
    assert not article.has_english and article.passages
    assert [f"{ARTICLE}.en.txt" in r.getMessage() for r in caplog.records] == [True]


def test_the_bot_starts_and_answers_beside_an_unreadable_file(tmp_path: Path) -> None:
    folder = _seeds(tmp_path)
    (folder / "bin.txt").write_bytes(bytes(range(256)))
    proc = run(["bot", "--seeds", str(folder), "ask", QUESTION], tmp_path)
    out, err = said(proc)
    assert proc.returncode == 0 and "記事には次のようにあります" in out
    assert err.count("bin.txt") == 1 and "Traceback" not in err


def test_only_unreadable_files_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "bin.txt").write_bytes(bytes(range(256)))
    proc = run(["index", "search", "--seeds", str(folder), QUESTION], tmp_path)
    out, err = said(proc)
    assert proc.returncode == 2 and "error: no article in" in err and "Traceback" not in err


ADVERSARIAL = [
    ",".join(["1"] * 25_000),  # the line: the answer-type regexes were quadratic on it
    ",,".join(["1"] * 16_000),
    "1" * 50_000,
    "一" * 50_000,
    "前" + " " * 20_000 + "後。",
    "$ " * 25_000,
    "1日" * 25_000,
]


@pytest.mark.parametrize("line", ADVERSARIAL, ids=lambda v: repr(v[:6]))
def test_adversarial_line_indexes_in_linear_time(tmp_path: Path, line: str) -> None:
    """Not a benchmark (`python -m bot bench` times the 1,1,1 line): a bound 10x the measured
    time, where the quadratic regexes took ~200 s."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "numbers.txt").write_text("数字\n\n" + line + "\n", encoding="utf-8")
    start = time.perf_counter()
    library = Library.from_seeds(folder, cache=False)
    library.search("いくら?")
    assert time.perf_counter() - start < 10
    assert max(len(p.text) for p in library.passages) <= MAX_PASSAGE_CHARS


@pytest.mark.parametrize(
    "lines",
    [
        ["題"] + ["あいうえおかきくけこ、"] * 120_000,  # one sentence going on over every line
        ["Title", ""] + ["word word word"] * 120_000,  # one paragraph wrapped over every line
    ],
    ids=["continued", "wrapped"],
)
def test_a_paragraph_of_many_lines_splits_in_linear_time(lines: list[str]) -> None:
    """Joined line by line into one string, such a paragraph cost its length squared (~50 s)."""
    start = time.perf_counter()
    article = split_article("x.txt", lines)
    assert time.perf_counter() - start < 5
    assert max(len(p.text) for p in article.passages) <= MAX_PASSAGE_CHARS
    assert article.passages[-1].lines[1] == len(lines)


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        (AnswerType.MONEY, "1,000ドル"),
        (AnswerType.MONEY, "3.5億ドル"),
        (AnswerType.MONEY, "1億ドル相当"),
        (AnswerType.DAY, "1月,5日に"),
        (AnswerType.DURATION, "10 days"),
        (AnswerType.COUNT, "8人の研究者"),
        (AnswerType.AGE, "四十歳"),
    ],
)
def test_linear_number_pattern_still_finds_facts(kind: AnswerType, text: str) -> None:
    assert states(kind, text)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.text(st.sampled_from(list("あいう漢字ab1 ,、。.!?「」\t")), min_size=1, max_size=1500),
        min_size=1,
        max_size=4,
    )
)
def test_passages_never_exceed_the_limit_and_stay_verbatim(lines: list[str]) -> None:
    article = split_article("x.txt", ["Title", "", *lines])
    for p in article.passages:
        assert len(p.text) <= MAX_PASSAGE_CHARS
        # verbatim: the lines' own characters in order (joining lines may add a space)
        assert "".join(p.text.split()) in "".join("".join(lines).split())


def test_identical_passages_are_quoted_once_and_titles_tell_files_apart(tmp_path: Path) -> None:
    folder = _seeds(tmp_path)
    shutil.copy(folder / f"{ARTICLE}.txt", folder / "001_copy.txt")
    shutil.copy(folder / f"{ARTICLE}.txt", folder / "002_copy.txt")
    text = (folder / f"{ARTICLE}.txt").read_text(encoding="utf-8")
    (folder / "003_edited.txt").write_text(
        text.replace("報道によれば", "報道では"), encoding="utf-8"
    )
    library = Library.from_seeds(folder, cache=False)
    answer = compose(library, QUESTION)
    quoted = [q.text for q in answer.quotes]
    assert len(quoted) == len(set(quoted)) >= 2
    reply = answer_text(answer)
    assert "[1] 7行目 [2] 7行目" not in reply
    # two quoted articles share a title: each citation names its file
    assert f"{ARTICLE}.txt 7行目" in reply and "003_edited.txt 7行目" in reply
