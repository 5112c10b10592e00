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
            context = paragraph["context"].split("[SEP]", 1)[-1].strip()
            lines.append(" ".join(context.split()))
            for qa in paragraph["qas"]:
                questions.append(
                    {
                        "id": qa["id"],
                        "lang": "ja",
                        "q": qa["question"],
                        "gold": [len(lines)],
                        "doc": doc,
                    }
                )
        (folder / doc).write_text("\n".join(lines) + "\n", encoding="utf-8")
    with (folder / "questions.jsonl").open("w", encoding="utf-8") as f:
        for q in questions:
            f.write(json.dumps(q, ensure_ascii=False) + "\n")
    return len(data), len(questions)
