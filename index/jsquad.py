"""JSQuAD (JGLUE) as a seeds folder: one article a file, its title on line 1, one paragraph a line."""

from __future__ import annotations

import json
import re
from pathlib import Path

from .errors import QAError

_SAFE = re.compile(r"[^\w]+")


def convert(source: str | Path, out: str | Path) -> tuple[int, int]:
    """Write OUT/<nn>_<title>.txt per article and OUT/questions.jsonl; return the counts."""
    try:
        data = json.loads(Path(source).read_text(encoding="utf-8"))["data"]
    except (OSError, ValueError, KeyError) as e:
        raise QAError(f"cannot read JSQuAD from {source}: {e}") from e
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    questions = []
    for n, article in enumerate(data):
        title = article["title"]
        doc = f"{n:03d}_{_SAFE.sub('_', title)}.txt"
        lines = [title]
        for paragraph in article["paragraphs"]:
            raw = paragraph["context"]
            body = raw.index("[SEP]") + len("[SEP]") if "[SEP]" in raw else 0
            line = " ".join(raw[body:].split())
            lines.append(line)
            for qa in paragraph["qas"]:
                questions.append(
                    {
                        "id": qa["id"],
                        "lang": "ja",
                        "q": qa["question"],
                        "gold": [len(lines)],
                        "doc": doc,
                        "answers": _answers(qa.get("answers", ()), line, raw, body),
                    }
                )
        (folder / doc).write_text("\n".join(lines) + "\n", encoding="utf-8")
    with (folder / "questions.jsonl").open("w", encoding="utf-8") as f:
        for q in questions:
            f.write(json.dumps(q, ensure_ascii=False) + "\n")
    return len(data), len(questions)


def _answers(
    answers: list[dict[str, object]], line: str, raw: str, body: int
) -> list[dict[str, object]]:
    """JSQuAD's answers as {"text", "start"}, `start` an offset into the paragraph's line (the
    context without its title and with its spaces collapsed), distinct, in JSQuAD's order."""
    out: list[dict[str, object]] = []
    for answer in answers:
        text = " ".join(str(answer["text"]).split())
        if not text:
            continue
        # Where the answer stood in the raw context, moved to the collapsed line: the occurrence
        # nearest its place there (collapsing spaces moves it left by a few characters at most).
        guess = len(" ".join(raw[body : int(str(answer.get("answer_start", 0)))].split()))
        starts = [m.start() for m in re.finditer(re.escape(text), line)]
        if not starts:
            continue
        start = min(starts, key=lambda s: abs(s - guess))
        entry = {"text": text, "start": start}
        if entry not in out:
            out.append(entry)
    return out
