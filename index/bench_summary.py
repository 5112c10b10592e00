"""Summaries of large articles: how long one takes and how much memory, as the article grows.

Part of `python -m index bench` (and `python -m bot bench`); `--large-only` runs just this part.
Each article is one file of JSQuAD's paragraphs (distinct text, with a heading every
PARAGRAPHS_A_SECTION paragraphs), repeated to the size asked. Each size is measured in a forked
child (index.bench._isolated), so its peak memory is its own: the library is built (timed, not
a target here), then a medium summary is made twice and must come out the same.
Targets (issue 13): 2 MB summarises in <= 5 s under 1 GB; 20 MB summarises under 3 GB.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .bench import _isolated, _max_rss_mb
from .passages import split_article

PARAGRAPHS_A_SECTION = 20
TARGETS = {2: (5.0, 1024.0), 20: (None, 3072.0)}  # MB of article -> (seconds, peak MB)


def article_lines(jsquad: str | Path, megabytes: float) -> list[str]:
    """An article of about `megabytes` of UTF-8: a title, then JSQuAD's paragraphs in blank-line
    separated blocks under a heading every PARAGRAPHS_A_SECTION paragraphs, again and again."""
    data = json.loads(Path(jsquad).read_text(encoding="utf-8"))["data"]
    paragraphs = [
        (a["title"], p["context"].replace("\n", " ").strip()) for a in data for p in a["paragraphs"]
    ]
    wanted = int(megabytes * 2**20)
    lines = ["大きな記事の見出し", ""]
    size = 0
    n = 0
    while size < wanted:
        title, text = paragraphs[n % len(paragraphs)]
        if n % PARAGRAPHS_A_SECTION == 0:
            lines += [f"{title}について {n // PARAGRAPHS_A_SECTION + 1}", ""]
        # JSQuAD's contexts begin "Title [SEP] ...": the text after the marker is the paragraph.
        lines += [text.split("[SEP]", 1)[-1].strip(), ""]
        size += len(text.encode("utf-8")) + 1
        n += 1
    return lines


def _measure(jsquad: str, megabytes: float) -> dict[str, Any]:
    from .search import Library
    from .summarize import summarize

    t0 = time.perf_counter()
    lines = article_lines(jsquad, megabytes)
    article = split_article("large.txt", lines)
    library = Library([article])
    t1 = time.perf_counter()
    rss = _max_rss_mb()
    first = summarize(library, length="medium")
    t2 = time.perf_counter()
    again = summarize(library, length="medium")
    return {
        "mb": megabytes,
        "chars": sum(len(line) for line in lines),
        "passages": len(article.passages),
        "build_s": t1 - t0,
        "summary_s": t2 - t1,
        "peak_before_mb": rss,
        "peak_mb": _max_rss_mb(),
        "same": first == again,
        "lines": [s.lines[0] for s in first.sentences],
    }


def run(
    jsquad: str | Path, sizes: Sequence[float] = (2, 20), out: Callable[[str], None] = print
) -> int:
    """Print each size's figures and whether it meets its target; 1 if one does not."""
    if not Path(jsquad).is_file():
        out(f"no JSQuAD at {jsquad}: the large-article summaries are not measured (--jsquad PATH)")
        return 0
    out("Large articles, one medium summary each (build, then summary; peak RSS of the process):")
    failed = 0
    for mb in sizes:
        try:
            r = _isolated(_measure, str(jsquad), mb)
        except RuntimeError as e:
            out(f"  {mb:g} MB: FAILED ({e})")
            failed += 1
            continue
        seconds, memory = TARGETS.get(int(mb), (None, None))
        ok = (
            (seconds is None or r["summary_s"] <= seconds)
            and (memory is None or r["peak_mb"] <= memory)
            and r["same"]
        )
        failed += not ok
        target = " / ".join(
            t
            for t in (
                f"<= {seconds:g} s" if seconds else "",
                f"<= {memory:g} MB" if memory else "",
            )
            if t
        )
        out(
            f"  {mb:g} MB ({r['chars']:,} chars, {r['passages']:,} passages): build "
            f"{r['build_s']:.1f} s; summary {r['summary_s']:.2f} s; peak {r['peak_mb']:.0f} MB "
            f"({r['peak_before_mb']:.0f} MB before the summary); same twice: {r['same']}"
            + (f"  [target {target}: {'met' if ok else 'MISSED'}]" if target else "")
        )
    return 1 if failed else 0
