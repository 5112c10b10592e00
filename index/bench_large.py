"""The benchmark's hostile and large inputs: a 50,000-character `1,1,1,...` line, and articles of
several megabytes built from the seed article's paragraphs (with their English rendering), each
built in a child process so that its time and peak memory are its own."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .search import Library

NUMBERS_CHARS = 50_000


def numbers_article(folder: Path) -> Path:
    """An article whose one paragraph is `1,1,1,...`, 50,000 characters long."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "numbers.txt"
    line = ",".join(["1"] * (NUMBERS_CHARS // 2))
    path.write_text("数字の列\n\n" + line + "\n", encoding="utf-8")
    return path


def large_article(folder: Path, seeds: Path, megabytes: float) -> Path:
    """An article of about `megabytes` MB (UTF-8): the seed article's paragraphs over and over,
    each numbered so that no two are the same, a heading every 20, with the English rendering's
    lines beside them (line for line, as a real rendering)."""
    folder.mkdir(parents=True, exist_ok=True)
    source = sorted(p for p in seeds.glob("*.txt") if not p.stem.endswith(".en"))[0]
    ja = [line for line in source.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    en_path = source.with_name(source.stem + ".en.txt")
    en_all = en_path.read_text(encoding="utf-8").splitlines() if en_path.is_file() else []
    en = [line for line in en_all[1:] if line.strip()] if en_all else []
    body = [(j, e) for j, e in zip(ja, en, strict=False)] if en else [(j, j) for j in ja]
    out_ja, out_en = ["大きな記事"], ["A large article"]
    size, k = 0, 0
    target = int(megabytes * 2**20)
    while size < target:
        j, e = body[k % len(body)]
        if k % 20 == 0:
            out_ja += ["", f"第{k // 20 + 1}部"]
            out_en += ["", f"Part {k // 20 + 1}"]
        out_ja += ["", f"{j}({k + 1})"]
        out_en += ["", f"{e} ({k + 1})"]
        size += len(out_ja[-1].encode()) + 2
        k += 1
    path = folder / "large.txt"
    path.write_text("\n".join(out_ja) + "\n", encoding="utf-8")
    path.with_name("large.en.txt").write_text("\n".join(out_en) + "\n", encoding="utf-8")
    return path


def main(sizes_mb: list[float], out: Callable[[str], None] = print) -> int:
    """The 1,1,1 line and the articles of `sizes_mb`, with a progress bar on a terminal; 1 if a
    target is missed."""
    import tempfile

    from . import DEFAULT_SEEDS
    from .progress import Bar

    bar = Bar(1 + len(sizes_mb))

    def say(line: str) -> None:  # the bar, if shown, gives way to the line
        bar.clear()
        out(line)

    with tempfile.TemporaryDirectory(prefix="index-bench-large-") as tmp:
        try:
            rows = run(Path(tmp), DEFAULT_SEEDS, sizes_mb, say, bar.step)
        finally:
            bar.close()
    return 0 if check(rows, out) else 1


def _build(folder: Path) -> dict[str, Any]:
    from .bench import _max_rss_mb

    rss = _max_rss_mb()
    start = time.perf_counter()
    library = Library.from_seeds(folder, cache=False)
    built = time.perf_counter() - start
    start = time.perf_counter()
    library.search("メタは研究者にいくら提示した?")
    searched = time.perf_counter() - start
    longest = max(len(p.text) for p in library.passages)
    return {
        # the article's own size; its English rendering beside it is built too
        "bytes": sum(p.stat().st_size for p in folder.iterdir() if not p.stem.endswith(".en")),
        "passages": len(library.passages),
        "longest": longest,
        "build_s": built,
        "search_ms": searched * 1e3,
        "peak_mb": _max_rss_mb(),
        "grew_mb": _max_rss_mb() - rss,
    }


def run(
    tmp: Path,
    seeds: Path,
    sizes_mb: list[float],
    out: Callable[[str], None],
    step: Callable[[str], None],
) -> list[dict[str, Any]]:
    """Build each input in a child process and print a table; the rows, for the targets."""
    from .bench import _isolated

    inputs = [("1,1,1,... line (50,000 chars)", lambda d: numbers_article(d))]
    inputs += [
        (f"article {mb:g} MB", lambda d, mb=mb: large_article(d, seeds, mb)) for mb in sizes_mb
    ]
    rows = []
    out("")
    out(
        "| input | Japanese text | passages | longest passage | build | first search | peak resident (grew) |"
    )
    out("|---|---:|---:|---:|---:|---:|---:|")
    for n, (name, make) in enumerate(inputs):
        step(name)
        folder = tmp / f"large-{n}"
        make(folder)
        row = {"name": name, **_isolated(_build, folder)}
        rows.append(row)
        out(
            f"| {name} | {row['bytes'] / 2**20:.2f} MB | {row['passages']:,} | {row['longest']} |"
            f" {row['build_s']:.2f} s | {row['search_ms']:.1f} ms |"
            f" {row['peak_mb']:.0f} MB (+{row['grew_mb']:.0f}) |"
        )
    return rows


def check(rows: list[dict[str, Any]], out: Callable[[str], None]) -> bool:
    """The issue's targets for these inputs, as far as an index build goes (issue 13)."""
    ok = True
    out("\ntargets for large and hostile inputs")
    for row in rows:
        name = row["name"]
        if name.startswith("1,1,1"):
            targets = [("indexes in <= 1 s", row["build_s"] <= 1.0)]
        elif "20 MB" in name:
            targets = [("builds under 3 GB", row["peak_mb"] < 3 * 1024)]
        elif "2 MB" in name:
            targets = [
                ("builds in <= 30 s", row["build_s"] <= 30),
                ("under 1 GB", row["peak_mb"] < 1024),
            ]
        else:
            targets = []
        targets.append(("passages <= 400 chars", row["longest"] <= 400))
        for what, held in targets:
            out(f"  {name + ': ' + what:60s} {'ok' if held else 'MISSED'}")
            ok = ok and held
    return ok
