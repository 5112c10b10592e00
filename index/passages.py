"""Articles in a seeds folder, split into cited passages.

A passage is one paragraph or a run of sentences of one paragraph, never more, so its line range
stays tight. Headings (the title, and short lines without sentence-final punctuation) are not
passages: they name the section of the passages under them.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from pathlib import Path

from .errors import SeedsError

log = logging.getLogger(__name__)

SEED_SUFFIXES = (".txt", ".md")
EN_MARK = ".en"  # `article.en.txt` renders `article.txt` line for line

# A paragraph longer than this is cut into runs of whole sentences, each at most this long.
MAX_PASSAGE_CHARS = 400
MAX_HEADING_CHARS = 60

_SENTENCE_END = re.compile(
    r"(?<=[。！？!?])(?![」』）)\"”’])|(?<=[。！？!?][」』）)\"”’])|(?<=[.!?])\s+"
)
_NOT_HEADING_END = tuple('。．.！!、,:：;；」』)）"”’')
_QUOTE_START = tuple("「『\"“'‘(（")
# A line ending in one of these leaves its sentence open: the next line goes on with it (a quote
# introduced by "he said:" or "、").
_CONTINUES = tuple("、,，:：")


@dataclass(frozen=True, slots=True)
class Passage:
    """One citable unit of an article."""

    id: str  # stable: "<doc stem>:<first line>" plus ".<k>" for the k-th part of a long paragraph
    doc: str  # the article's file name in the seeds folder
    lines: tuple[int, int]  # 1-based first and last line in the source file
    section: str | None  # the heading the passage stands under (the title before any heading)
    text: str  # verbatim Japanese
    text_en: str | None = None  # the English rendering of the same lines, where there is one
    section_en: str | None = None
    # Where each source line after the first begins in `text` (a paragraph over several lines).
    breaks: tuple[int, ...] = ()

    def lines_of(self, start: int, end: int) -> tuple[int, int]:
        """The source lines that text[start:end] stands on."""
        first = self.lines[0]
        return (
            first + bisect_right(self.breaks, start),
            first + bisect_right(self.breaks, max(start, end - 1)),
        )


@dataclass(frozen=True, slots=True)
class Heading:
    line: int
    text: str
    text_en: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    doc: str
    title: str
    title_en: str | None
    headings: tuple[Heading, ...]
    passages: tuple[Passage, ...]

    @property
    def has_english(self) -> bool:
        return any(p.text_en for p in self.passages)

    def title_in(self, lang: str) -> str:
        """The title in `lang` ("ja" | "en"): the rendering's where there is one."""
        return (self.title_en if lang == "en" else None) or self.title


@dataclass(frozen=True, slots=True)
class _Block:
    first: int
    last: int
    text: str
    breaks: tuple[int, ...] = ()  # where each line after the first begins in `text`


def load_seeds(folder: str | Path) -> list[Article]:
    """Every article in `folder`, in file-name order. Raises SeedsError if there is none."""
    root = Path(folder)
    if not root.is_dir():
        raise SeedsError(f"seeds folder not found: {root}")
    files = sorted(
        p
        for p in root.iterdir()
        if p.suffix in SEED_SUFFIXES and not _is_rendering(p) and p.is_file()
    )
    articles = []
    for path in files:
        try:
            article = load_article(path)
        except SeedsError as e:  # one bad file must not keep the others from being served
            log.warning("%s in %s: skipped; the other articles are served", e, root)
            continue
        if article.passages:
            articles.append(article)
    if not articles:
        raise SeedsError(f"no article in {root}: put a UTF-8 .txt or .md file there")
    return articles


def _is_rendering(path: Path) -> bool:
    return path.stem.endswith(EN_MARK)


def rendering_path(path: Path) -> Path:
    return path.with_name(path.stem + EN_MARK + path.suffix)


def load_article(path: str | Path) -> Article:
    """Read one article and, if it sits beside it, its line-aligned English rendering."""
    path = Path(path)
    lines = _read_lines(path)
    en_path = rendering_path(path)
    en_lines = None
    if en_path.is_file():
        try:
            en_lines = _read_lines(en_path)
        except SeedsError as e:  # the article is still served, in Japanese only
            log.warning("%s: the rendering is ignored; %s is served in Japanese", e, path.name)
    return split_article(path.name, lines, en_lines)


def _read_lines(path: Path) -> list[str]:
    """The lines of a UTF-8 text file, or SeedsError saying why it cannot be read as one."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise SeedsError(f"{path.name} is not UTF-8 text (byte {e.start})") from e
    except OSError as e:
        raise SeedsError(f"{path.name} cannot be read ({e.strerror or e})") from e
    if "\x00" in text:
        raise SeedsError(f"{path.name} is a binary file, not text")
    return text.splitlines()


def split_article(doc: str, lines: list[str], en_lines: list[str] | None = None) -> Article:
    """Split an article's lines into headings and passages."""
    stem = doc.rsplit(".", 1)[0]
    blocks = _blocks(lines)
    headings: list[Heading] = []
    passages: list[Passage] = []
    section: Heading | None = None
    for i, block in enumerate(blocks):
        if i == 0 and len(blocks) > 1 or _is_heading(block):
            section = Heading(block.first, _heading_text(block.text), _span(en_lines, block))
            if section.text_en:
                section = Heading(section.line, section.text, _heading_text(section.text_en))
            headings.append(section)
            continue
        for k, part in enumerate(_parts(block)):
            passages.append(
                Passage(
                    id=f"{stem}:{block.first}" + (f".{k + 1}" if k else ""),
                    doc=doc,
                    lines=(part.first, part.last),
                    section=section.text if section else None,
                    text=part.text,
                    text_en=_span(en_lines, part),
                    section_en=section.text_en if section else None,
                    breaks=part.breaks,
                )
            )
    title = headings[0].text if headings and headings[0].line == blocks[0].first else stem
    title_en = headings[0].text_en if headings and headings[0].line == blocks[0].first else None
    return Article(doc, title, title_en, tuple(headings), tuple(passages))


def _blocks(lines: list[str]) -> list[_Block]:
    """Paragraphs: a blank line ends one; without blank lines each line is one.

    A paragraph wrapped over several lines is joined (without a space between Japanese lines), and
    so is a line whose sentence goes on into the next (it ends in 、 or :, as a line introducing a
    quote does). Markdown headings (`# ...`) always stand alone.
    """
    has_blank_separators = any(not line.strip() for line in lines[1:-1])
    blocks: list[_Block] = []
    current: list[tuple[int, str]] = []

    def flush() -> None:
        if current:
            # Pieces joined once (adding to one string line by line cost the paragraph's length
            # squared: minutes for a paragraph of 80,000 short lines).
            pieces: list[str] = []
            breaks: list[int] = []
            length = 0
            for _, part in current:
                if pieces and _spaced(pieces[-1], part):
                    pieces.append(" ")
                    length += 1
                breaks.append(length)
                pieces.append(part)
                length += len(part)
            text = "".join(pieces)
            blocks.append(_Block(current[0][0], current[-1][0], text, tuple(breaks[1:])))
            current.clear()

    for n, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("#"):
            flush()
            blocks.append(_Block(n, n, line))
        else:
            current.append((n, line))
            if not has_blank_separators and not line.endswith(_CONTINUES):
                flush()
    flush()
    return blocks


def _spaced(left: str, right: str) -> bool:
    """Whether two lines of a paragraph join with a space: between words and sentences of ASCII
    text ("word." + "Next"), not in Japanese."""
    a, b = left[-1], right[0]
    return a.isascii() and b.isascii() and (a.isalnum() or b.isalnum())


def _is_heading(block: _Block) -> bool:
    text = block.text
    if text.startswith("#"):
        return True
    return (
        block.first == block.last
        and len(text) <= MAX_HEADING_CHARS
        and not text.endswith(_NOT_HEADING_END)
        and not text.startswith(_QUOTE_START)
    )


def _heading_text(text: str) -> str:
    return text.lstrip("#").strip()


def _span(en_lines: list[str] | None, block: _Block) -> str | None:
    if en_lines is None or block.last > len(en_lines):
        return None
    text = " ".join(line.strip() for line in en_lines[block.first - 1 : block.last] if line.strip())
    return text or None


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph, each keeping its closing punctuation and quotes."""
    return [s for s in (part.strip() for part in _SENTENCE_END.split(text)) if s]


def _parts(block: _Block) -> list[_Block]:
    """The paragraph whole, or runs of whole sentences of at most MAX_PASSAGE_CHARS each, each
    run a slice of the paragraph's text (so verbatim) with the lines it stands on."""
    if len(block.text) <= MAX_PASSAGE_CHARS:
        return [block]
    spans: list[list[int]] = []  # [start, end] of each run in block.text
    end = 0
    for sentence in split_sentences(block.text):
        start = block.text.index(sentence, end)
        end = start + len(sentence)
        for piece_start, piece_end in _pieces(block.text, start, end):
            if spans and piece_end - spans[-1][0] <= MAX_PASSAGE_CHARS:
                spans[-1][1] = piece_end
            else:
                spans.append([piece_start, piece_end])
    return [_slice(block, start, end) for start, end in spans]


# Where a sentence too long for one passage is cut, best first: after a comma, then at a space.
_SOFT_BREAKS = ("、", "，", ",", "；", ";", "・", " ")


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """text[start:end] (one sentence) in pieces of at most MAX_PASSAGE_CHARS: cut after the last
    comma or space in the second half of each piece, else hard at the limit (a 'sentence'
    without punctuation, like a table row or a run of numbers, must not make a huge passage)."""
    pieces = []
    while end - start > MAX_PASSAGE_CHARS:
        limit = start + MAX_PASSAGE_CHARS
        cut = limit
        for mark in _SOFT_BREAKS:
            i = text.rfind(mark, start + MAX_PASSAGE_CHARS // 2, limit)
            if i >= 0:
                cut = i + 1
                break
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        pieces.append((start, piece_end))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append((start, end))
    return pieces


def _slice(block: _Block, start: int, end: int) -> _Block:
    """block.text[start:end] as a block of the lines it stands on."""
    lo, hi = bisect_right(block.breaks, start), bisect_left(block.breaks, end)
    inner = block.breaks[lo:hi]
    first = block.first + lo
    return _Block(first, first + len(inner), block.text[start:end], tuple(b - start for b in inner))
