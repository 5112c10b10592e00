"""Summaries for the bot: `index.summarize` picks the sentences; here they become cited quotes.

Pure, like `answer.py`: the console and Discord render the same `Gist`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from index import Library
from index.summarize import LENGTHS, Summary, summarize

from .answer import QUOTE_CHARS, Citation, Quote, excerpt

__all__ = ["LENGTHS", "Gist", "make_summary", "gist_json"]


@dataclass(frozen=True, slots=True)
class Gist:
    lang: str
    doc: str
    title: str  # the article's title in the reply's language
    section: str | None  # the section summarized, in the reply's language
    topic: str | None
    on_topic: bool  # False: the article has nothing on the topic, and `quotes` summarize it all
    quotes: tuple[Quote, ...]  # one per sentence, in the article's order


def make_summary(
    library: Library,
    *,
    lang: str,
    length: str = "medium",
    section: str | None = None,
    topic: str | None = None,
    doc: str | None = None,
) -> Gist:
    """The article's key sentences (of one section, on a topic) quoted in `lang` with citations.
    Raises index.QAError for an unknown length, section or article."""
    result = summarize(
        library, length=length, section=section or None, topic=topic or None, doc=doc or None
    )
    shown: Summary = result
    if not result.on_topic:  # say so, and offer what there is: the summary without the topic
        shown = summarize(library, length=length, section=result.section, doc=result.doc)
    article = library.article(result.doc)
    assert article is not None
    title = article.title_in(lang)
    section_name = result.section
    if section_name and lang == "en":
        heading = next((h for h in article.headings if h.text == section_name), None)
        section_name = (heading.text_en if heading else None) or section_name
    quotes = []
    for n, s in enumerate(shown.sentences, start=1):
        p = s.passage
        text = s.text_en if lang == "en" and s.text_en else s.text
        text, cut = excerpt(text, QUOTE_CHARS)
        sec = (p.section_en or p.section) if lang == "en" else p.section
        quotes.append(Quote(Citation(n, p.doc, title, s.lines, sec), p, text, s.text, cut))
    return Gist(lang, result.doc, title, section_name, result.topic, result.on_topic, tuple(quotes))


def gist_json(gist: Gist) -> dict[str, Any]:
    """The `summary --json` shape."""
    return {
        "lang": gist.lang,
        "topic": gist.topic,
        "on_topic": gist.on_topic,
        "sentences": [
            {
                "text": q.text,
                "original": q.original,
                "doc": q.passage.doc,
                "lines": list(q.citation.lines),
            }
            for q in gist.quotes
        ],
    }
