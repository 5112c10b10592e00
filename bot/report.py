"""`python -m bot report`: what people ask that the article (or the retrieval) misses, and votes."""

from __future__ import annotations

from index import Library, QAError

from .config import Config
from .errors import BotError
from .records import Records, RecordsError

VERDICTS = [
    ("related", "  related (the article talks about it but does not say):"),
    ("off_topic", "  off topic (the article is not about it):"),
    ("", "  from before the verdicts:"),
]


def report_text(config: Config, limit: int = 20) -> str:
    path = config.records_path
    if not path.exists():
        return f"No records yet at {path}: they are written as the bot answers on Discord."
    try:  # read-only: a report never changes the file it reads
        with Records(path, read_only=True) as records:
            unanswered = records.unanswered(limit)
            votes = records.feedback()
    except RecordsError as e:
        raise BotError(f"{e}; the bot moves such a file aside and starts a new one") from None
    out = [f"Records: {path}", "", "Most frequent unanswered questions, by verdict:"]
    for verdict, heading in VERDICTS:
        group = [u for u in unanswered if u.verdict == verdict]
        if group:
            out += [heading] + [f"{u.count:6}  {u.question}" for u in group]
    if not unanswered:
        out.append("     -  (none)")
    out += ["", "Feedback per passage (👍 up / 👎 down):"]
    texts = _passage_texts(config)
    for v in votes:
        text = texts.get(v.passage, "")
        out.append(
            f"{v.up:4} {v.down:4}  {v.passage}"
            + (f"  {text[:40]}…" if len(text) > 40 else f"  {text}")
        )
    if not votes:
        out.append("     -  (none)")
    return "\n".join(out)


def _passage_texts(config: Config) -> dict[str, str]:
    try:
        library = Library.from_seeds(config.seeds)
    except QAError:  # the seeds moved: the report still lists the passage ids
        return {}
    return {p.id: p.text for p in library.passages}
