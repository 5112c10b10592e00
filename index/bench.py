"""`python -m index bench`: what a question, a build and a start-up cost on this machine.

A benchmark, not a test: it prints figures and checks the targets of issue 6 as ratios measured
in the same run, so they hold on a noisy machine (the README's Performance section has a run and what it means).

- Per question, p50/p99 over a few hundred questions, warm and uncached: the floor (fugashi's
  plain parse of the question, surfaces only), `Library.search`, `search` + JSON, the bot's full
  answer (`bot.answer.compose`, handed in by `python -m bot bench`), our BM25 alone and bm25s on the
  same tokens (`pip install -e '.[bench]'`), and rank-bm25's plain `get_scores`.
- Per corpus: the article (--seeds), JSQuAD (--jsquad, turned into a seeds folder) and synthetic
  corpora of N passages made of JSQuAD's paragraphs copied under other names (--sizes), each built
  in a child process so that its memory is its own: tokenizing, indexing, the memory the library
  holds and the peak, start-up from the disk cache.
- Cold start: `python -m bot ask` and `python -m index search` as whole processes next to
  `python -c "import discord, fugashi, rank_bm25"`.
"""

from __future__ import annotations

import dataclasses
import gc
import json
import math
import multiprocessing
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from . import cache as disk
from .evaluate import load_questions
from .glossary import Glossary
from .passages import Article, load_seeds, split_article
from .search import DEFAULT_SEEDS, Library, PassageTokens, save_tokens
from .tokenize import EnglishTokenizer, JapaneseTokenizer

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_JSQUAD = ROOT.parent / "shared" / "data" / "jsquad-valid-v1.1.json"
ARTICLE_QUESTIONS = [
    ROOT / "tests" / "data" / "questions.jsonl",
    ROOT / "tests" / "data" / "questions_validation.jsonl",
]
COLD_QUESTION = "メタは研究者にいくら提示した?"

# Targets (issue 6), as ratios within one run.
SEARCH_X_FLOOR = 10
ANSWER_X_FLOOR = 15
GROWTH_ARTICLE_TO_JSQUAD = 4
SEARCH_X_BM25S_AT_50K = 3
COLD_START_X_IMPORTS = 1.3


@dataclasses.dataclass
class Corpus:
    name: str
    articles: Callable[[], list[Article]]  # built in the child process, so its memory is counted
    questions: list[str]


def run(
    seeds: str | Path = DEFAULT_SEEDS,
    jsquad: str | Path | None = DEFAULT_JSQUAD,
    sizes: Sequence[int] = (1000, 10000, 50000),
    n_questions: int = 300,
    cold_runs: int = 7,
    out: Callable[[str], None] = print,
    compose: Callable[..., object] | None = None,
) -> int:
    """Print the figures and the targets. `compose` (question -> answer) is the bot's full answer,
    handed in by `python -m bot bench`: index never imports the bot."""
    from .progress import Bar

    out(machine())
    bar: Bar | None = None

    def say(line: str) -> None:  # the bar, if shown, gives way to the line
        if bar is not None:
            bar.clear()
        out(line)

    with tempfile.TemporaryDirectory(prefix="index-bench-") as tmp:
        name = "article" if Path(seeds).resolve() == DEFAULT_SEEDS else f"seeds {Path(seeds).name}"
        corpora = [Corpus(name, lambda: load_seeds(seeds), _article_questions(seeds))]
        if jsquad and Path(jsquad).is_file():
            from .jsquad import convert

            folder = Path(tmp) / "jsquad"
            convert(jsquad, folder)
            questions = [q.q for q in load_questions(folder / "questions.jsonl")]
            sample = questions[:: max(1, len(questions) // n_questions)][:n_questions]
            corpora.append(Corpus("jsquad", lambda: load_seeds(folder), sample))
            for size in sizes:
                corpora.append(Corpus(_size_name(size), _synthetic(folder, size), sample))
        else:
            out(f"no JSQuAD at {jsquad}: only the article is measured (--jsquad PATH)")
        results = []
        bar = Bar(len(corpora) + (1 if cold_runs else 0))
        try:
            for corpus in corpora:
                bar.step(corpus.name)
                rounds = max(1, math.ceil(n_questions / max(1, len(corpus.questions))))
                cache_file = Path(tmp) / f"{corpus.name}.cache"
                results.append(_isolated(_measure, corpus, rounds, cache_file, compose))
                _print_corpus(results[-1], say)
            if cold_runs:
                bar.step("cold start")
            cold = cold_start(cold_runs) if cold_runs else None
        finally:
            bar.close()
    if cold:
        _print_cold(cold, out)
    return _print_targets(results, cold, out)


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or "?"
    from importlib.metadata import PackageNotFoundError, version

    versions = []
    for package in ("fugashi", "unidic-lite", "rank-bm25", "numpy", "bm25s"):
        try:
            versions.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            versions.append(f"{package} -")
    load = ""
    if hasattr(os, "getloadavg"):  # other work on the machine shows in the p99s
        load = ", load average " + " ".join(f"{n:.1f}" for n in os.getloadavg())
    return (
        f"machine: {os.cpu_count()} CPUs ({cpu}){load}\n"
        f"Python {platform.python_version()}, " + ", ".join(versions)
    )


def _article_questions(seeds: str | Path) -> list[str]:
    own = Path(seeds) / "questions.jsonl"
    files = (
        [own]
        if own.is_file()
        else ARTICLE_QUESTIONS
        if Path(seeds).resolve() == DEFAULT_SEEDS
        else []
    )
    questions = [q.q for f in files if f.is_file() for q in load_questions(f)]
    if questions:
        return questions
    # A seeds folder without questions: the first words of each passage stand in for them.
    return [p.text[:30] for a in load_seeds(seeds) for p in a.passages]


def _size_name(size: int) -> str:
    return f"synthetic {size // 1000}k" if size % 1000 == 0 else f"synthetic {size}"


def _synthetic(folder: Path, size: int) -> Callable[[], list[Article]]:
    """`size` passages: JSQuAD's articles again and again, each copy under another file name."""

    def articles() -> list[Article]:
        sources = [
            (p.name, p.read_text(encoding="utf-8").splitlines())
            for p in sorted(folder.glob("*.txt"))
        ]
        out: list[Article] = []
        total = copy = 0
        while total < size:
            for name, lines in sources:
                article = split_article(f"{copy:03d}-{name}", lines)
                article = dataclasses.replace(article, passages=article.passages[: size - total])
                out.append(article)
                total += len(article.passages)
                if total >= size:
                    break
            copy += 1
        return out

    return articles


def _isolated(fn: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any]:
    """fn(*args) in a forked child, so that the memory it reports is its own peak."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return fn(*args)
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)

    def child() -> None:
        try:
            send.send((True, fn(*args)))
        except BaseException as e:
            send.send((False, f"{type(e).__name__}: {e}"))
            raise

    process = context.Process(target=child)
    process.start()
    send.close()  # so that a child that dies unheard ends recv() with EOFError
    ok, result = receive.recv()
    process.join()
    if not ok:
        raise RuntimeError(f"the benchmark's child process failed: {result}")
    return result


def _max_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 2**20 if sys.platform == "darwin" else rss / 2**10  # bytes on macOS, KiB on Linux


def _anonymous_mb() -> float | None:
    """The process's own memory now (Linux): its heap, not the files it maps, such as MeCab's
    dictionary, whose pages the resident set counts as they are read."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("RssAnon:"):
                return int(line.split()[1]) / 2**10
    except OSError:
        pass
    return None


def _measure(
    corpus: Corpus, rounds: int, cache_file: Path, compose: Callable[..., object] | None
) -> dict[str, Any]:
    import fugashi

    result: dict[str, Any] = {"name": corpus.name}
    ja, en = JapaneseTokenizer(), EnglishTokenizer()
    glossary = Glossary.load(ja, en)
    rss, anon = _max_rss_mb(), _anonymous_mb()
    t0 = time.perf_counter()
    articles = corpus.articles()
    passages = [p for a in articles for p in a.passages]
    t1 = time.perf_counter()
    tokens = PassageTokens.build(passages, ja, en)
    t2 = time.perf_counter()
    library = Library(articles, ja, en, glossary, tokens)
    t3 = time.perf_counter()
    result.update(
        passages=len(passages),
        load_s=t1 - t0,
        tokenize_s=t2 - t1,
        index_s=t3 - t2,
        peak_mb=_max_rss_mb() - rss,
    )
    key = disk.key(articles, ja, en)
    save_tokens(cache_file, key, glossary, tokens, library.synonyms, library.wordnet)
    del tokens  # the library keeps none of them: what is left is what a bot holds
    gc.collect()
    now = _anonymous_mb()
    result["held_mb"] = now - anon if now is not None and anon is not None else None
    # Start-up with the disk cache, read back as the bot's start-up reads it (after reading the
    # articles, counted in).
    t4 = time.perf_counter()
    Library.cached(articles, cache_file)
    result.update(
        cached_s=t1 - t0 + time.perf_counter() - t4, cache_mb=cache_file.stat().st_size / 2**20
    )
    stored = disk.load(cache_file, key) or {}
    docs = stored["tokens"]["ja"]  # the same tokens again, for bm25s

    tagger = fugashi.Tagger()
    reference = _bm25s(docs)
    plain = library.ja._bm25  # rank-bm25 as it is, for its growth curve
    queries = [(q, ja(q)) for q in corpus.questions]
    timers: dict[str, Callable[[str, list[str]], object]] = {
        "floor": lambda q, t: [w.surface for w in tagger(q)],
        "search": lambda q, t: library.search(q),
        "search+json": lambda q, t: json.dumps(library.search(q).to_json(), ensure_ascii=False),
        "bm25 top10": lambda q, t: library.ja.top(t, 10),
    }
    if compose:
        timers["answer"] = lambda q, t: compose(library, q)
    if reference:
        timers["bm25s top10"] = lambda q, t: reference(t)
    times: dict[str, list[float]] = {name: [] for name in timers}
    # Each in a loop over the questions of its own, as the floor is "warm": run between the
    # others, fugashi's parse would pay for the caches they evict, and the ratios look better.
    for _ in range(rounds):
        for name, fn in timers.items():
            for q, t in queries[:20]:  # warm up
                fn(q, t)
            for q, t in queries:
                if name == "bm25s top10" and not t:
                    continue  # bm25s needs a token
                start = time.perf_counter()
                fn(q, t)
                times[name].append(time.perf_counter() - start)
    # rank-bm25 scores every passage for every token in Python: a few questions are enough.
    times["rank-bm25 get_scores"] = []
    for _, t in queries[: 300 if len(passages) < 5000 else 30]:
        start = time.perf_counter()
        plain.get_scores(t)
        times["rank-bm25 get_scores"].append(time.perf_counter() - start)
    result["questions"] = len(queries)
    result["rounds"] = rounds
    result["ms"] = {name: _percentiles(ts) for name, ts in times.items() if ts}
    return result


def _percentiles(seconds: list[float]) -> tuple[float, float, int]:
    ordered = sorted(seconds)
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
    return statistics.median(ordered) * 1e3, p99 * 1e3, len(ordered)


def _bm25s(docs: list[list[str]]) -> Callable[[list[str]], object] | None:
    """bm25s on the same tokens, with the same k1, b and Lucene idf."""
    try:
        import bm25s
    except ImportError:
        return None
    retriever = bm25s.BM25(k1=1.2, b=0.75, method="lucene")
    retriever.index([d or [""] for d in docs], show_progress=False)
    k = min(10, len(docs))
    return lambda tokens: retriever.retrieve([tokens], k=k, show_progress=False, n_threads=0)


def cold_start(runs: int) -> dict[str, tuple[float, float]]:
    """Whole-process wall time, median and best of `runs`, the commands interleaved."""
    python = sys.executable
    commands = {
        "import discord, fugashi, rank_bm25": [python, "-c", "import discord, fugashi, rank_bm25"]
    }
    if (ROOT / "bot" / "__main__.py").is_file():
        commands["python -m bot ask"] = [python, "-m", "bot", "ask", COLD_QUESTION]
    commands["python -m index search"] = [python, "-m", "index", "search", COLD_QUESTION]
    with tempfile.TemporaryDirectory(prefix="index-bench-cache-") as empty:
        if "python -m bot ask" in commands:
            commands["python -m bot ask, no cache"] = commands["python -m bot ask"]
        times: dict[str, list[float]] = {name: [] for name in commands}
        for n in range(runs + 1):
            for name, command in commands.items():
                env = dict(os.environ)
                if name.endswith("no cache"):
                    env["XDG_CACHE_HOME"] = str(Path(empty) / str(n))  # a new, empty cache each run
                start = time.perf_counter()
                subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, check=True)
                if n:  # the first round fills the disk cache and the OS's file cache
                    times[name].append(time.perf_counter() - start)
    return {name: (statistics.median(ts), min(ts)) for name, ts in times.items()}


def _print_corpus(r: dict[str, Any], out: Callable[[str], None]) -> None:
    ms = r["ms"]
    floor = ms["floor"][0]
    out(f"\n{r['name']}: {r['passages']} passages, {r['questions']} questions x {r['rounds']}")
    held = f"{r['held_mb']:.0f} MB" if r["held_mb"] is not None else "?"
    out(
        f"  build {r['load_s'] + r['tokenize_s'] + r['index_s']:.2f} s (read {r['load_s']:.2f}, "
        f"tokenize {r['tokenize_s']:.2f}, index {r['index_s']:.2f}); memory held {held}, peak "
        f"resident +{r['peak_mb']:.0f} MB; start-up from the disk cache {r['cached_s']:.2f} s "
        f"({r['cache_mb']:.1f} MB)"
    )
    out(f"  {'per question':22s} {'p50 ms':>8s} {'p99 ms':>8s} {'p50 / floor':>12s}")
    for name, (p50, p99, _) in ms.items():
        out(f"  {name:22s} {p50:8.3f} {p99:8.3f} {p50 / floor:11.1f}x")
    if "bm25s top10" not in ms:
        out("  (bm25s is not installed: pip install -e '.[bench]')")
    if "answer" not in ms:
        out("  (the full answer is timed by `python -m bot bench`)")


def _print_cold(cold: dict[str, tuple[float, float]], out: Callable[[str], None]) -> None:
    base_median, base_best = cold["import discord, fugashi, rank_bm25"]
    bytecode = os.environ.get("PYTHONDONTWRITEBYTECODE")
    out("\ncold start: whole process, wall time, median and best run, and x the imports")
    if bytecode:
        out(f"  (PYTHONDONTWRITEBYTECODE={bytecode}: this project's modules compile at each start)")
    for name, (median, best) in cold.items():
        ratios = f"{median / base_median:4.2f}x / {best / base_best:4.2f}x"
        out(f"  {name:36s} {median:6.3f} s / {best:6.3f} s   {ratios}")


def _print_targets(
    results: list[dict[str, Any]],
    cold: dict[str, tuple[float, float]] | None,
    out: Callable[[str], None],
) -> int:
    by_name = {r["name"]: r["ms"] for r in results}
    checks: list[tuple[str, float, float]] = []
    article = results[0]["ms"]
    floor = article["floor"][0]
    first = results[0]["name"]
    checks.append((f"{first}: search p50 / floor", article["search"][0] / floor, SEARCH_X_FLOOR))
    if "answer" in article:
        checks.append(
            (f"{first}: answer p50 / floor", article["answer"][0] / floor, ANSWER_X_FLOOR)
        )
    if "jsquad" in by_name:
        jsquad = by_name["jsquad"]
        # per question cost relative to its own floor, so the two question sets compare
        growth = jsquad["search"][0] / article["search"][0]
        checks.append(("growth article -> jsquad: search p50", growth, GROWTH_ARTICLE_TO_JSQUAD))
        plain = jsquad["rank-bm25 get_scores"][0] / article["rank-bm25 get_scores"][0]
        longer = jsquad["floor"][0] / floor
        out(
            f"\narticle -> jsquad: rank-bm25 get_scores grows {plain:.1f}x, the floor {longer:.1f}x"
        )
    big = by_name.get("synthetic 50k")
    if big and "bm25s top10" in big:
        checks.append(
            (
                "50k passages: search p50 / bm25s p50",
                big["search"][0] / big["bm25s top10"][0],
                SEARCH_X_BM25S_AT_50K,
            )
        )
    if cold and "python -m bot ask" in cold:
        base = cold["import discord, fugashi, rank_bm25"][0]
        checks.append(
            (
                "cold start: bot ask / imports (median)",
                cold["python -m bot ask"][0] / base,
                COLD_START_X_IMPORTS,
            )
        )
    out("\ntargets")
    for name, value, limit in checks:
        verdict = "ok" if value <= limit else f"MISSED by {value / limit:.2f}x"
        out(f"  {name:48s} {value:6.2f}x  (<= {limit}x)  {verdict}")
    return 0
