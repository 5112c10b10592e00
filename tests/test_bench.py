"""`python -m bot bench` (the index benchmark with the full answer timed) runs end to end on small
corpora (a smoke test: it times nothing)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main


def test_the_benchmark_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paragraphs = [
        {
            "context": "東京[SEP]東京は日本の首都である。人口は約1400万人。",
            "qas": [
                {"id": "q1", "question": "日本の首都はどこ?"},
                {"id": "q2", "question": "東京の人口は?"},
            ],
        },
        {
            "context": "東京[SEP]東京タワーは1958年に完成した。",
            "qas": [{"id": "q3", "question": "東京タワーはいつ完成した?"}],
        },
    ]
    jsquad = tmp_path / "jsquad.json"
    jsquad.write_text(json.dumps({"data": [{"title": "東京", "paragraphs": paragraphs}]}), "utf-8")
    args = ["bench", "--jsquad", str(jsquad), "--sizes", "5", "--questions", "3", "--cold", "0"]
    assert main([*args, "--large-mb", "0.01"]) == 0
    out = capsys.readouterr().out
    for corpus in ("article:", "jsquad: 2 passages", "synthetic 5: 5 passages"):
        assert corpus in out
    for figure in ("floor", "search", "answer", "rank-bm25 get_scores"):
        assert f"  {figure} " in out
    # bm25s is the `bench` extra's, not the `test` extra's
    assert "  bm25s top10 " in out or "bm25s is not installed" in out
    assert "article: search p50 / floor" in out and "growth article -> jsquad" in out
    # the hostile and large inputs (issue 13): built, with their passages within the limit
    assert "| 1,1,1,... line (50,000 chars) | 0.05 MB | 125 | 400 |" in out
    assert "| article 0.01 MB |" in out
    assert "passages <= 400 chars" in out and "MISSED" not in out.split("large and hostile")[1]
    # the large-article summaries, here of a 10 KB article: summarized twice, the same
    assert "0.01 MB (" in out and "same twice: True" in out


def test_the_large_article_part_runs_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paragraphs = [{"context": "東京[SEP]東京は日本の首都である。人口は約1400万人。", "qas": []}]
    jsquad = tmp_path / "jsquad.json"
    jsquad.write_text(json.dumps({"data": [{"title": "東京", "paragraphs": paragraphs}]}), "utf-8")
    args = ["bench", "--jsquad", str(jsquad), "--large-only", "--large-mb", "0.02"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "0.02 MB (" in out and "same twice: True" in out
    assert "| 1,1,1,... line (50,000 chars) |" in out and "| article 0.02 MB |" in out
    assert "article:" not in out  # the rest of the benchmark did not run
