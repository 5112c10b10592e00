"""An `Answer` (or a paragraph, the article, a summary) as a Discord reply or as console text.

Both come from one `Page`, so they say the same thing. Discord's limits are enforced here, for
any input: quotes are fitted at a sentence boundary, and every text the user or the article
supplies is markdown-escaped and cannot ping anyone.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from index import Library
from index.spans import Span, window
from index.verdict import OFF_TOPIC

from .answer import Answer, Context, Quote, excerpt
from .highlight import ANSI, PLAIN, discord_style, mark
from .texts import t, where

if TYPE_CHECKING:  # (bot.summary's import is ~10 ms of a start that may summarize nothing)
    from .summary import Gist

# Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
CONTENT = 2000
TITLE = 256
DESCRIPTION = 4096
FIELD_NAME = 256
FIELD_VALUE = 1024
FIELDS = 25
FOOTER = 2048
TOTAL = 6000
SOURCE_LINE = 300  # one line of the Sources list at most, so many sources still fit

GREEN, GREY, BLUE, PURPLE = 0x2ECC71, 0x95A5A6, 0x3498DB, 0x9B59B6

_PINGS = re.compile(r"@(everyone|here|[!&]?\d)")
# (?<!\s): tried from every space of a long run of them, the pattern cost the run's length squared.
_BREAKS = re.compile(r"(?<!\s)\s*[\r\n\u2028\u2029]+\s*|^\s*[\r\n\u2028\u2029]+\s*")
# Characters that reorder or hide text around them (bidirectional controls, marks): article or
# user text must not make a quote read as something else.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True, slots=True)
class Block:
    """One quote as shown: marker, text, the Japanese beside it, a pointer if it is cut."""

    marker: int
    text: str
    original: str | None  # the Japanese beside an English quote
    note: str | None  # e.g. 'no English rendering'
    pointer: str  # where to read the whole paragraph; shown when the quote is cut
    cut: bool
    focus: bool = False  # /passage: the paragraph asked for
    # Where the quote answers (offsets into text / original): underline the sentence, bold the span
    sentence: Span | None = None
    span: Span | None = None
    original_sentence: Span | None = None
    original_span: Span | None = None
    head_cut: bool = False  # the text begins after the paragraph's start: shown after "…"
    original_head_cut: bool = False


@dataclass(frozen=True, slots=True)
class Page:
    """What a reply says, before the medium: the same for Discord and the console."""

    title: str
    lead: str
    heading: str | None = None
    blocks: tuple[Block, ...] = ()
    tail: str | None = None
    sources_title: str = ""
    sources: tuple[tuple[int, str], ...] = ()  # (marker, where it comes from), one per block
    footer: str | None = None
    color: int = BLUE
    lang: str = "en"
    answer: str | None = None  # the words that answer (a quote's span), led with in bold


@dataclass(frozen=True, slots=True)
class Reply:
    """A message to send: `embed` is Discord's embed object (a dict; `discord.Embed.from_dict`)."""

    content: str | None = None
    embed: dict[str, Any] | None = None
    ephemeral: bool = False


# -- pages -------------------------------------------------------------------------------------


def answer_page(answer: Answer) -> Page:
    lang = answer.lang
    if answer.offset and answer.quotes:
        first, last = answer.offset + 1, answer.next_offset
        lead = t(lang, "more", first=first, last=last)
        if not answer.answered:
            lead = t(lang, "not_answered") + "\n" + lead
        heading = None
    elif answer.answered:
        lead, heading = t(lang, "answered"), None
    elif answer.social:
        lead, heading = _social(answer), None
    elif answer.verdict == OFF_TOPIC:
        lead, heading = _off_topic(answer), None
    else:
        lead = t(lang, "related")
        heading = None
    # A follow-up: say what it was taken to be about (not when it is off the article's topic: it
    # was judged on its own words, "じゃあ明日の天気は?").
    if answer.context and answer.verdict != OFF_TOPIC:
        context = " / ".join(reversed(answer.context))
        lead = t(lang, "about", context=context) + "\n" + lead
    tail = None if answer.answered or answer.verdict == OFF_TOPIC else t(lang, "try_summary")
    sources_title, sources = _sources(answer.quotes, lang)
    found = next((q for q in answer.quotes if q.focus), None) if answer.answered else None
    lead_answer = None
    if found is not None and found.focus is not None and not answer.offset:
        lead_answer = found.text[found.focus[0] : found.focus[1]]
        if found.citation.n != 1:
            lead_answer += f" [{found.citation.n}]"
    return Page(
        title=answer.question,
        lead=lead,
        heading=heading,
        blocks=tuple(_block(q, lang) for q in answer.quotes),
        tail=tail,
        sources_title=sources_title,
        sources=sources,
        footer=t(lang, "footer") if answer.quotes else None,
        color=GREEN if answer.answered else GREY,
        lang=lang,
        answer=lead_answer,
    )


def _social(answer: Answer) -> str:
    """A reply in kind to thanks, a greeting or an "ok", saying what the bot answers about."""
    lang = answer.lang
    if len(answer.about) == 1:
        about = t(lang, "about_one", title=answer.about[0])
    else:
        about = t(lang, "about_many", n=len(answer.about))
    return t(lang, f"social_{answer.social}", about=about)


def _off_topic(answer: Answer) -> str:
    """What the article is about, and what the bot can do, instead of an unrelated quote."""
    lang = answer.lang
    titles = list(answer.about[:3])
    if len(titles) == 1:
        about = t(lang, "off_topic_one", title=titles[0])
    else:
        about = t(
            lang, "off_topic_many", n=len(answer.about), titles=t(lang, "list_sep").join(titles)
        )
    return about + "\n" + t(lang, "off_topic_how")


def context_page(ctx: Context, library: Library) -> Page:
    lang = ctx.lang
    focus = [q for q in ctx.quotes if q.citation.n in ctx.focus]
    lines = (focus[0].passage.lines[0], focus[-1].passage.lines[1])
    title = focus[0].citation.title
    before = [q for q in ctx.quotes if q.citation.n < focus[0].citation.n]
    after = [q for q in ctx.quotes if q.citation.n > focus[-1].citation.n]
    steps = [t(lang, "context_prev", line=before[0].passage.lines[0])] if before else []
    steps += [t(lang, "context_next", line=after[0].passage.lines[0])] if after else []
    footer = " · ".join(steps) or None
    sources_title, sources = _sources(ctx.quotes, lang)
    return Page(
        title=t(lang, "context_title", title=title, where=where(lang, lines)),
        lead=t(lang, "context_lead", where=where(lang, lines)),
        blocks=tuple(_block(q, lang, focus=q.citation.n in ctx.focus) for q in ctx.quotes),
        sources_title=sources_title,
        sources=sources,
        footer=footer,
        color=BLUE,
        lang=lang,
    )


def article_page(library: Library, lang: str, doc: str | None = None) -> Page:
    """One article's outline; with several articles and none chosen, the list of them."""
    if doc is None and len(library.articles) > 1:
        items = [
            t(lang, "articles_item", title=a.title_in(lang), passages=len(a.passages), doc=a.doc)
            for a in library.articles
        ]
        return Page(
            title=t(lang, "articles_title"),
            lead="\n".join(items),
            tail=t(lang, "articles_how"),
            lang=lang,
        )
    article = library.article(doc) if doc else library.articles[0]
    if article is None:
        from .errors import NotFoundError

        raise NotFoundError(f"There is no article {doc!r}.", f"記事 {doc!r} はありません。")
    sections = [h for h in article.headings if h.line != 1 or h.text != article.title]
    lines = [t(lang, "article_lead", passages=len(article.passages), sections=len(sections))]
    if sections:
        lines += ["", t(lang, "article_sections")]
        lines += [
            t(
                lang,
                "article_section",
                text=(h.text_en if lang == "en" and h.text_en else h.text),
                line=h.line,
            )
            for h in sections
        ]
    return Page(
        title=article.title_in(lang), lead="\n".join(lines), tail=t(lang, "article_how"), lang=lang
    )


def summary_page(gist: Gist) -> Page:
    lang = gist.lang
    if gist.section:
        title = t(lang, "summary_section_title", title=gist.title, section=gist.section)
    else:
        title = t(lang, "summary_title", title=gist.title)
    if gist.topic and not gist.on_topic:
        lead = t(lang, "summary_off_topic", topic=gist.topic)
    elif gist.topic:
        lead = t(lang, "summary_topic", topic=gist.topic)
    else:
        lead = t(lang, "summary_lead")
    sources_title, sources = _sources(gist.quotes, lang)
    return Page(
        title=title,
        lead=lead,
        blocks=tuple(_block(q, lang) for q in gist.quotes),
        sources_title=sources_title,
        sources=sources,
        footer=t(lang, "summary_footer"),
        color=PURPLE,
        lang=lang,
    )


def help_page(lang: str, commands: Sequence[tuple[str, str]], console: bool = False) -> Page:
    """`commands`: (usage, description) pairs, e.g. ('/ask question [lang]', 'Ask ...')."""
    lines = [t(lang, "help_lead"), "", t(lang, "help_commands")]
    lines += [f"{usage} — {description}" for usage, description in commands]
    tail = t(lang, "help_console") if console else t(lang, "help_more")
    return Page(title=t(lang, "help_title"), lead="\n".join(lines), tail=tail, lang=lang)


def _block(q: Quote, lang: str, focus: bool = False) -> Block:
    original = q.original if lang == "en" and q.translated else None
    note = t(lang, "no_rendering") if lang == "en" and q.passage.text_en is None else None
    pointer = t(lang, "pointer", line=q.passage.lines[0])
    return Block(
        q.citation.n,
        q.text,
        original,
        note,
        pointer,
        q.cut,
        focus,
        q.sentence,
        q.focus,
        q.original_sentence if original else None,
        q.original_focus if original else None,
        q.start > 0,
        q.original_start > 0,
    )


def _sources(quotes: Sequence[Quote], lang: str) -> tuple[str, tuple[tuple[int, str], ...]]:
    """The Sources heading and one line per quote. With one article, its title heads the list
    once; with several, each line names its article, by its file name too when another quoted
    article has the same title."""
    docs = {q.citation.doc: q.citation.title for q in quotes}
    shared = {title for title in docs.values() if list(docs.values()).count(title) > 1}
    one = len(docs) == 1
    heading = (
        t(lang, "sources_of", title=_short(next(iter(docs.values())), 200))
        if one
        else t(lang, "sources")
    )
    lines = []
    for q in quotes:
        c = q.citation
        place = where(lang, c.lines)
        line = "" if one else t(lang, "source_title", title=_short(c.title, 100))
        if c.title in shared:
            line += _short(c.doc, 80) + (" " if lang == "ja" else ", ")
        line += place + (
            t(lang, "source_section", section=_short(c.section, 80)) if c.section else ""
        )
        lines.append((c.n, line))
    return heading, tuple(lines)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- console -----------------------------------------------------------------------------------


def to_text(page: Page, ansi: bool = False) -> str:
    """Text for a terminal: the same content as the embed. Where a quote answers is marked with
    ANSI bold and underline (`ansi`, for a terminal) or as `**span**` and `__sentence__`."""
    style = ANSI if ansi else PLAIN
    out = [page.title, ""]
    if page.answer:
        out += [style.bold[0] + page.answer + style.bold[1], ""]
    out.append(page.lead)
    if page.heading:
        out += ["", page.heading]
    for b in page.blocks:
        arrow = "▶ " if b.focus else ""
        text = ("…" if b.head_cut else "") + mark(b.text, b.sentence, b.span, style)
        out += ["", f"{arrow}[{b.marker}] {text}" + (" " + b.pointer if b.cut else "")]
        if b.original:
            original = mark(b.original, b.original_sentence, b.original_span, style)
            dots = "…" if b.original_head_cut else ""
            out.append(f"    {t(page.lang, 'original')}: {dots}{original}")
        if b.note:
            out.append(f"    {b.note}")
    if page.tail:
        out += ["", page.tail]
    if page.sources:
        out += ["", page.sources_title, *(f"[{n}] {line}" for n, line in page.sources)]
    if page.footer:
        out += ["", page.footer]
    return "\n".join(out)


def answer_text(answer: Answer, ansi: bool = False) -> str:
    return to_text(answer_page(answer), ansi)


# -- Discord -----------------------------------------------------------------------------------


def safe(text: str) -> str:
    """Markdown-escaped, on one line, unable to ping, link or disguise: for any text from a user
    or an article. Every `<` is followed by a zero-width space, so no mention (<@id>, <#id>),
    command (</ask:1>), timestamp (<t:0:R>), emoji or <link> can form; escape_markdown escapes
    backslashes too, and takes the `[` from a masked link."""
    escape_markdown, escape_mentions = _escapes()
    text = _BIDI.sub("", _BREAKS.sub(" ", text))
    text = escape_markdown(text).replace("<", "<\u200b")
    return _PINGS.sub("@\u200b\\1", escape_mentions(text))


@functools.cache
def _escapes() -> tuple[Callable[..., str], Callable[[str], str]]:
    """discord.py's escapes, imported at the first use: its import is ~0.2 s of a start, and the
    console never escapes for Discord."""
    from discord.utils import escape_markdown, escape_mentions

    return escape_markdown, escape_mentions


def safe_lines(text: str) -> str:
    """As `safe`, keeping line breaks (for the bot's own multi-line texts)."""
    return "\n".join(safe(line) for line in text.split("\n"))


def _fit(text: str, limit: int) -> str:
    """`safe(text)` within `limit` characters; escaping only what can be shown keeps it fast."""
    return _cut(safe(text[: limit + 1]), limit)


def _fit_lines(text: str, limit: int) -> str:
    return _cut(safe_lines(text[: limit + 1]), limit)


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if head.endswith("\\"):  # do not leave a dangling escape
        head = head[:-1]
    return head + "…"


def to_embed(page: Page) -> dict[str, Any]:
    """The page as a Discord embed object, within every embed limit."""
    title = _fit(page.title, TITLE)
    footer = _fit(page.footer, FOOTER) if page.footer else ""
    fields = _source_fields(page.sources_title, page.sources)
    fixed = len(title) + len(footer) + sum(len(f["name"]) + len(f["value"]) for f in fields)
    budget = min(DESCRIPTION, TOTAL - fixed)
    description = _description(page, budget)
    embed: dict[str, Any] = {
        "type": "rich",
        "title": title,
        "description": description,
        "color": page.color,
    }
    if fields:
        embed["fields"] = fields
    if footer:
        embed["footer"] = {"text": footer}
    return embed


def _description(page: Page, budget: int) -> str:
    head = page.lead + ("\n\n" + page.heading if page.heading else "")
    if not page.blocks:
        tail = _fit_lines(page.tail, budget // 4) if page.tail else ""
        return _fit_lines(head, budget - len(tail) - 2) + ("\n\n" + tail if tail else "")
    tail = _fit_lines(page.tail, budget // 8) if page.tail else ""
    head = _fit_lines(page.lead, budget // 8)
    if page.answer:
        answer = _fit(page.answer, 200).replace("[", "\\[")  # never a marker's look
        head = "**" + answer + "**\n\n" + head
    if page.heading:
        head += "\n\n**" + _fit(page.heading, budget // 8) + "**"
    room = budget - len(head) - len(tail) - 4
    each = room // len(page.blocks) - 2  # blocks are joined by blank lines
    blocks = [_fit_block(b, each, page.lang) for b in page.blocks]
    parts = [head, *blocks] + ([tail] if tail else [])
    return "\n\n".join(parts)


def _fit_block(b: Block, room: int, lang: str) -> str:
    """`> quote [n]` (and `> Original: ...`), cut at sentence boundaries to fit `room`."""
    marker = f" **[{b.marker}]**"
    prefix = "> ▶ " if b.focus else "> "
    label = f"\n> *{t(lang, 'original')}:* "
    note = f"\n> *{_fit(b.note, 200)}*" if b.note else ""
    pointer = " " + _fit(b.pointer, 200)
    fixed = len(prefix) + len(marker) + len(pointer) + len(note) + (len(label) if b.original else 0)
    text_room = room - fixed
    if b.original:
        text_room = text_room * 3 // 5
    text, cut = _fit_marked(b.text, text_room, b.sentence, b.span, b.head_cut)
    out = prefix + text + (pointer if cut or b.cut else "") + marker
    if b.original:
        original_room = room - len(out) - len(label) - len(note)
        original, _ = _fit_marked(
            b.original, original_room, b.original_sentence, b.original_span, b.original_head_cut
        )
        out += label + original
    return out + note


# A bracket escaped too: a bold span "[2]" would read as a citation marker **[2]**.
_DISCORD = discord_style(lambda text: safe(text).replace("[", "\\["))


def _fit_marked(
    text: str, room: int, sentence: Span | None, span: Span | None, head_cut: bool
) -> tuple[str, bool]:
    """`text` escaped, marked and cut to `room` (around the span or sentence when there is one),
    and whether anything was cut at its end."""
    if sentence is not None or span is not None:
        limit = room - _DISCORD.extra - 1  # the marks and a leading "…"
        # Each piece is escaped on its own, which can add a character or two at the marks (a
        # "> " opening a piece): shrink until it fits, else show it unmarked.
        for _ in range(3):
            marked, cut = _marked(text, max(0, limit), sentence, span, head_cut)
            if len(marked) <= room:
                return marked, cut
            limit -= len(marked) - room
    shown, cut = excerpt(text, max(0, room - 1), lambda s: len(safe(s)))
    return ("…" if head_cut else "") + safe(shown), cut


def _marked(
    text: str, room: int, sentence: Span | None, span: Span | None, head_cut: bool
) -> tuple[str, bool]:
    keep = span or sentence or (0, 0)
    start, end = window(text, room, keep, lambda s: len(safe(s)))
    if span is not None and not (start <= span[0] and span[1] <= end):
        span = None
    if sentence is not None:
        sentence = (max(sentence[0], start) - start, min(sentence[1], end) - start)
    if span is not None:
        span = (span[0] - start, span[1] - start)
    marked = mark(text[start:end], sentence, span, _DISCORD)
    return ("…" if head_cut or start > 0 else "") + marked, end < len(text)


def _source_fields(name: str, sources: Sequence[tuple[int, str]]) -> list[dict[str, Any]]:
    """The Sources list in as few fields as it takes, each within Discord's field limit."""
    fields: list[dict[str, Any]] = []
    value = ""
    for line in (f"[{n}] " + _fit(s, SOURCE_LINE) for n, s in sources):
        if value and len(value) + 1 + len(line) > FIELD_VALUE:
            fields.append({"name": _fit(name, FIELD_NAME), "value": value, "inline": False})
            value = ""
        value = f"{value}\n{line}" if value else line
    if value:
        fields.append({"name": _fit(name, FIELD_NAME), "value": value, "inline": False})
    return fields[:FIELDS]


def embed_length(embed: dict[str, Any]) -> int:
    """What Discord counts towards the 6000-character total."""
    n = len(embed.get("title", "")) + len(embed.get("description", ""))
    n += len(embed.get("footer", {}).get("text", "")) + len(embed.get("author", {}).get("name", ""))
    return n + sum(len(f["name"]) + len(f["value"]) for f in embed.get("fields", ()))


def reply(page: Page) -> Reply:
    return Reply(embed=to_embed(page))


def answer_reply(answer: Answer) -> Reply:
    return reply(answer_page(answer))


def notice(message: str) -> Reply:
    """A short ephemeral message (an error, the cooldown, thanks)."""
    return Reply(content=_fit_lines(message, CONTENT), ephemeral=True)


def own_notice(message: str) -> Reply:
    """A short ephemeral message of the bot's own words and markup only (a thread's <#id>
    mention), so not escaped: never give it text from a user or an article."""
    return Reply(content=message[:CONTENT], ephemeral=True)
