"""Long work shows progress: an index build logs how far it is; the benchmark draws a bar on a
terminal and nothing elsewhere."""

from __future__ import annotations

import io
import logging

import pytest

from index import DEFAULT_SEEDS, progress
from index.passages import load_seeds
from index.search import PassageTokens
from index.tokenize import EnglishTokenizer, JapaneseTokenizer


def test_a_long_build_logs_its_progress(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # The article's 29 passages stand in for a large build: every passage counts as long work.
    monkeypatch.setattr(progress, "LOG_FROM", 10)
    monkeypatch.setattr(progress, "LOG_EVERY_S", 0.0)
    passages = [p for a in load_seeds(DEFAULT_SEEDS) for p in a.passages]
    with caplog.at_level(logging.INFO, logger="index.search"):
        PassageTokens.build(passages, JapaneseTokenizer(), EnglishTokenizer())
    lines = [r.getMessage() for r in caplog.records]
    n = len(passages)
    assert lines[0] == f"tokenizing passages: {n} to do"
    assert f"tokenizing passages: {n // 2} of {n} ({100 * (n // 2) // n}%)" in "\n".join(lines)
    assert lines[-1].startswith("tokenizing passages: done in ")


def test_a_short_build_logs_nothing(caplog: pytest.LogCaptureFixture) -> None:
    passages = [p for a in load_seeds(DEFAULT_SEEDS) for p in a.passages]
    with caplog.at_level(logging.INFO, logger="index.search"):
        PassageTokens.build(passages, JapaneseTokenizer(), EnglishTokenizer())
    assert not caplog.records


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("stream", "drawn"), [(Terminal(), True), (io.StringIO(), False)])
def test_the_bar_is_drawn_on_a_terminal_only(stream: io.StringIO, drawn: bool) -> None:
    bar = progress.Bar(4, stream)
    for label in ("article", "jsquad", "large", "cold start"):
        bar.step(label)
    bar.close()
    out = stream.getvalue()
    if drawn:
        assert "[------------------------] 0/4 article" in out
        assert "[##################------] 3/4 cold start" in out
        assert out.endswith("\r\x1b[2K")  # the line is left clean
    else:
        assert out == ""
