"""`python -m index`: search, list passages and score question sets from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict

from .errors import QAError
from .evaluate import Report, evaluate, in_half, load_questions
from .search import DEFAULT_SEEDS, Library, SearchResult
from .spanscore import SpanReport, load_span_questions, score_spans, sweep
from .tokenize import scrub


def main(argv: Sequence[str] | None = None, compose: Callable[..., object] | None = None) -> int:
    """`compose` is the bot's full answer, handed in by `python -m bot bench` to be timed."""
    parser = _parser()
    # Bytes that are not UTF-8 arrive as lone surrogates, which nothing downstream can encode.
    args = parser.parse_args([scrub(arg) for arg in (sys.argv[1:] if argv is None else argv)])
    args.compose = compose
    try:
        return int(args.run(args) or 0)
    except QAError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m index", description=__doc__)
    sub = parser.add_subparsers(required=True, metavar="COMMAND")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.add_argument(
            "--seeds", default=str(DEFAULT_SEEDS), help="folder of articles (default: %(default)s)"
        )
        return p

    p = command("search", "print the passages that best answer a question")
    p.add_argument(
        "question", nargs="?", help="the question; without it, one question a line from stdin"
    )
    p.add_argument("--top", type=int, default=3, help="how many passages (default: %(default)s)")
    p.add_argument("--json", action="store_true", help="one JSON object (a line each for stdin)")
    p.set_defaults(run=_search)

    p = command("passages", "list the passages with their ids, lines and sections")
    p.add_argument("--json", action="store_true", help="one JSON object a line")
    p.set_defaults(run=_passages)

    p = command("eval", "score a question set (JSON Lines: id, lang, q, gold)")
    p.add_argument("file", help="the question set")
    p.add_argument("--misses", action="store_true", help="also list the questions it got wrong")
    p.add_argument("--split", choices=["tune", "heldout"], help="only this part of the set")
    p.add_argument(
        "--forms",
        action="store_true",
        help="score the questions written as a channel writes them (index.forms) against their "
        "plain wording",
    )
    p.add_argument(
        "--spans",
        action="store_true",
        help="score the sentence shown first and the highlighted span against 'answers'",
    )
    p.add_argument(
        "--articles",
        choices=["even", "odd"],
        help="only questions on articles numbered so (JSQuAD's NNN_ files): the span settings "
        "were chosen on the even half, the odd one is held out",
    )
    p.add_argument(
        "--sweep",
        action="store_true",
        help="with --spans: score every combination of the span settings tried (best first)",
    )
    p.set_defaults(run=_eval)

    p = command("eval-chat", "score a conversation set (JSON Lines: id, lang, kind, turns)")
    p.add_argument("file", help="the conversation set")
    p.add_argument("--misses", action="store_true", help="also list the turns it got wrong")
    p.add_argument("--context-weight", type=float, help="weight of the earlier question's words")
    p.add_argument(
        "--forms",
        action="store_true",
        help="score the turns after the first written as a channel writes them (index.forms): "
        "right as written, right so written, of how many",
    )
    p.set_defaults(run=_eval_chat)

    p = command("summaries", "score the summarizers against the reference summaries")
    p.add_argument("--refs", help="reference summaries (default: tests/data/summaries.json)")
    p.add_argument("--json", action="store_true", help="one JSON object a row")
    p.add_argument("--grid", action="store_true", help="score the headline method's weight grid")
    p.add_argument(
        "--check",
        action="store_true",
        help="no scores: check every summary of every article in --seeds (e.g. JSQuAD's) is sane",
    )
    p.set_defaults(run=_summaries)

    p = command("jsquad", "turn JSQuAD's JSON into a seeds folder and a question set")
    p.add_argument("file", help="jsquad-valid-v1.1.json")
    p.add_argument(
        "out", help="folder to write (articles go in OUT, questions in OUT/questions.jsonl)"
    )
    p.set_defaults(run=_jsquad)

    p = command("bench", "time questions, builds and start-up next to the tokenization floor")
    p.add_argument(
        "--jsquad",
        help="JSQuAD's JSON (default: ../shared/data/jsquad-valid-v1.1.json beside the repo)",
    )
    p.add_argument(
        "--sizes",
        default="1000,10000,50000",
        help="synthetic corpora of JSQuAD's paragraphs, in passages (default: %(default)s)",
    )
    p.add_argument("--questions", type=int, default=300, help="per corpus (default: %(default)s)")
    p.add_argument(
        "--cold",
        type=int,
        default=7,
        help="runs of each start-up, 0 for none (default: %(default)s)",
    )
    p.add_argument(
        "--large-mb",
        default="2,20",
        help="after a 50,000-char 1,1,1 line, large articles to build and summarize, in MB;"
        " empty for none (default: %(default)s)",
    )
    p.add_argument("--large-only", action="store_true", help="only the large-article parts")
    p.set_defaults(run=_bench)
    return parser


def _search(args: argparse.Namespace) -> int:
    if args.top < 1:
        raise QAError("--top must be at least 1")
    library = Library.from_seeds(args.seeds)
    if args.question is not None:
        result = library.search(args.question, top=args.top)
        print(
            json.dumps(result.to_json(), ensure_ascii=False) if args.json else format_result(result)
        )
        return 0
    stdin = sys.stdin.buffer
    for raw in stdin:
        try:
            line = raw.decode("utf-8").rstrip("\r\n")
            result = library.search(line, top=args.top)
        except UnicodeDecodeError:
            _print_error(
                args.json, "the line is not valid UTF-8", raw.decode("utf-8", "replace").strip()
            )
            continue
        except QAError as e:
            _print_error(args.json, str(e), line)
            continue
        print(
            json.dumps(result.to_json(), ensure_ascii=False)
            if args.json
            else format_result(result),
            flush=True,
        )
    return 0


def _print_error(as_json: bool, message: str, query: str) -> None:
    if as_json:
        print(json.dumps({"query": query, "error": message}, ensure_ascii=False), flush=True)
    else:
        print(f"error: {message}", file=sys.stderr, flush=True)


def format_result(result: SearchResult) -> str:
    verdict = "answered" if result.answerable else "not answered by the article"
    lines = [f"{result.query}  [{result.lang}, {verdict}]"]
    for n, hit in enumerate(result.hits, start=1):
        p = hit.passage
        where = f"{p.doc} line {p.lines[0]}" + (
            f"-{p.lines[1]}" if p.lines[1] != p.lines[0] else ""
        )
        lines.append(f"{n}. {where}  § {p.section or '-'}  (score {hit.score:.2f})")
        lines.append(f"   {p.text}")
        if result.lang == "en" and p.text_en:
            lines.append(f"   {p.text_en}")
    return "\n".join(lines)


def _passages(args: argparse.Namespace) -> int:
    library = Library.from_seeds(args.seeds)
    for p in library.passages:
        if args.json:
            row = {
                "passage": p.id,
                "doc": p.doc,
                "lines": list(p.lines),
                "section": p.section,
                "text": p.text,
                "text_en": p.text_en,
            }
            print(json.dumps(row, ensure_ascii=False))
        else:
            print(f"{p.id}\tlines {p.lines[0]}-{p.lines[1]}\t§ {p.section or '-'}\t{p.text[:40]}")
    return 0


def _eval(args: argparse.Namespace) -> int:
    library = Library.from_seeds(args.seeds)
    if args.spans:
        questions = load_span_questions(args.file, args.articles, args.split)
        if args.sweep:
            for row in sweep(library, questions):
                print(json.dumps(row, ensure_ascii=False))
            return 0
        report: SpanReport | Report = score_spans(library, questions)
    elif args.forms:
        from .forms import score_forms

        chosen = load_questions(args.file, args.split)
        for name, score in score_forms(library, chosen).items():
            print(json.dumps({"form": name, **asdict(score)}, ensure_ascii=False))
        return 0
    else:
        questions = load_questions(args.file, args.split)
        report = evaluate(library, [q for q in questions if in_half(q.doc, args.articles)])
    print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    if args.misses:
        print("\n".join(report.misses))
    return 0


def _eval_chat(args: argparse.Namespace) -> int:
    from .followup_eval import evaluate_conversations, load_conversations

    library = Library.from_seeds(args.seeds)
    chats = load_conversations(args.file)
    if args.forms:
        from .forms import score_chat_forms

        for name, parts in score_chat_forms(library, chats).items():
            print(json.dumps({"form": name, **parts}, ensure_ascii=False))
        return 0
    report = evaluate_conversations(library, chats, args.context_weight)
    print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    if args.misses:
        print("\n".join(report.misses))
    return 0


def _summaries(args: argparse.Namespace) -> int:
    from . import summary_eval

    library = Library.from_seeds(args.seeds)
    if args.check:
        n, problems = summary_eval.check(library)
        print("\n".join(problems))
        articles = len(library.articles)
        print(f"{n} summaries of {articles} articles checked: {len(problems)} problems")
        return 1 if problems else 0
    references = summary_eval.load_references(args.refs or summary_eval.REFERENCES)
    if args.grid:
        print(summary_eval.format_grid(summary_eval.grid(library, references)))
        return 0
    rows = summary_eval.evaluate(library, references)
    if args.json:
        for row in rows:
            print(json.dumps(row.as_dict(), ensure_ascii=False))
    else:
        print(summary_eval.format_table(rows))
    return 0


def _jsquad(args: argparse.Namespace) -> int:
    from .jsquad import convert

    n_articles, n_questions = convert(args.file, args.out)
    print(f"wrote {n_articles} articles and {n_questions} questions to {args.out}")
    return 0


def _bench(args: argparse.Namespace) -> int:
    from .bench import DEFAULT_JSQUAD, run

    try:
        sizes = [int(n) for n in args.sizes.split(",") if n.strip()]
    except ValueError:
        raise QAError(f"--sizes takes passage counts and commas, not {args.sizes!r}") from None
    try:
        large = [float(n) for n in args.large_mb.split(",") if n.strip()]
    except ValueError:
        raise QAError(f"--large-mb takes sizes and commas, not {args.large_mb!r}") from None
    if not all(0 < mb <= 1000 for mb in large):
        raise QAError(f"--large-mb takes sizes from 0 to 1000 MB, not {args.large_mb!r}")
    status = 0
    if not args.large_only:
        status = run(
            args.seeds,
            args.jsquad or DEFAULT_JSQUAD,
            sizes,
            args.questions,
            args.cold,
            compose=args.compose,
        )
    from . import bench_large

    # The 1,1,1 line and the large articles' index builds (passages, time, memory), then their
    # summaries.
    status = max(status, bench_large.main(large))
    if large:
        from . import bench_summary

        status = max(status, bench_summary.run(args.jsquad or DEFAULT_JSQUAD, large))
    return status
