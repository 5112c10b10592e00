"""Rendering: embed and console text say the same thing, within Discord's limits, pinging nobody."""

from __future__ import annotations

import re
from typing import Any

import discord
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answer import Answer, Citation, Quote, compose, context
from bot.errors import BotError
from bot.render import (
    Reply,
    answer_page,
    answer_reply,
    article_page,
    context_page,
    embed_length,
    help_page,
    notice,
    reply,
    safe,
    summary_page,
    to_embed,
    to_text,
)
from bot.summary import Gist, make_summary
from index import Library, Passage
from index.passages import split_article

PING = re.compile(r"@(everyone|here)|<@[!&]?\d+>")

CASES = [
    # question, reply language, answered, what the reply must say
    ("メタは研究者にいくら提示した?", "ja", True, "記事には次のようにあります"),
    ("How much did Meta offer OpenAI staff?", "en", True, "Here is what the article says"),
    ("東京の天気は?", "ja", False, "その質問は記事の話題から外れています"),
    ("How do I bake bread?", "en", False, "That is not something the article covers"),
]


def texts(r: Reply) -> list[str]:
    out = [r.content or ""]
    e = r.embed or {}
    out += [e.get("title", ""), e.get("description", ""), e.get("footer", {}).get("text", "")]
    out += [f["name"] + "\n" + f["value"] for f in e.get("fields", [])]
    return out


def check_reply(r: Reply) -> None:
    """Every Discord limit, and no text that would ping if mentions were allowed."""
    assert len(r.content or "") <= 2000
    e = r.embed
    if e is not None:
        assert len(e.get("title", "")) <= 256
        assert len(e.get("description", "")) <= 4096
        assert len(e.get("fields", [])) <= 25
        for f in e.get("fields", []):
            assert 0 < len(f["name"]) <= 256 and 0 < len(f["value"]) <= 1024
        assert len(e.get("footer", {}).get("text", "")) <= 2048
        assert embed_length(e) <= 6000
        assert len(discord.Embed.from_dict(e)) <= 6000  # discord.py's own count agrees
    for text in texts(r):
        assert not PING.search(text), text


def unmarked(text: str) -> str:
    """Text without the marks of where a quote answers (bold span, underlined sentence)."""
    return re.sub(r"(?<!\\)(\*\*|__)", "", text)


def markers_are_quoted(embed: dict[str, Any]) -> None:
    """Every [n] in the Sources list marks a quote in the description, and the other way round."""
    sources = "\n".join(f["value"] for f in embed.get("fields", []))
    cited = re.findall(r"^\[(\d+)\]", sources, re.M)
    quoted = re.findall(r"\*\*\[(\d+)\]\*\*", embed["description"])
    assert cited == quoted


@pytest.mark.parametrize(("question", "lang", "answered", "says"), CASES)
def test_reply_says_the_verdict_in_the_question_language(
    library: Library, question: str, lang: str, answered: bool, says: str
) -> None:
    answer = compose(library, question)
    r = answer_reply(answer)
    check_reply(r)
    assert says in r.embed["description"]
    assert says in to_text(answer_page(answer))
    assert r.embed["title"] == safe(question)
    if not answered:
        assert "/summary" in r.embed["description"]


@pytest.mark.parametrize(("question", "lang", "answered", "says"), CASES[:2])
def test_embed_and_console_show_the_same_quotes_and_sources(
    library: Library, question: str, lang: str, answered: bool, says: str
) -> None:
    answer = compose(library, question)
    embed = answer_reply(answer).embed
    text = to_text(answer_page(answer))
    sources = "\n".join(f["value"] for f in embed["fields"])
    assert embed["fields"][0]["name"] == (
        "出典: 『" if lang == "ja" else "Sources: “"
    ) + answer.citations[0].title + ("』" if lang == "ja" else "”")
    description = unmarked(embed["description"])
    for q in answer.quotes:
        assert safe(q.text) in description and q.text in unmarked(text)
        line = q.citation.lines[0]
        where = f"{line}行目" if lang == "ja" else f"line {line}"
        assert f"[{q.citation.n}] {where}" in sources and f"[{q.citation.n}] {where}" in text
        assert q.citation.section in sources and q.citation.section in text
        if lang == "en":  # the original Japanese beside the English quote
            assert q.original in description and q.original in unmarked(text)
    markers_are_quoted(embed)


def test_english_reply_quotes_the_rendering_and_the_original(library: Library) -> None:
    r = answer_reply(compose(library, "How much did Meta offer OpenAI staff?"))
    description = r.embed["description"]
    assert "worth **$100 million**" in description
    assert "*Original:* 報道によれば、OpenAIのスタッフの何人かは、**1億ドル相当**" in description


def test_off_topic_reply_has_no_sources(library: Library) -> None:
    r = answer_reply(compose(library, "How do I bake bread?"))
    assert "fields" not in r.embed
    assert "[1]" not in r.embed["description"]


def _passage(
    line: int,
    text: str = "報道によれば、1億ドル。",
    text_en: str | None = "Reportedly, $100 million.",
) -> Passage:
    return Passage(f"a:{line}", "a.txt", (line, line), "見出し", text, text_en, "Heading")


def _quote(n: int, p: Passage, lang: str, title: str = "記事") -> Quote:
    text = p.text_en if lang == "en" and p.text_en else p.text
    section = p.section_en if lang == "en" else p.section
    return Quote(Citation(n, p.doc, title, p.lines, section), p, text, p.text, False)


@pytest.mark.parametrize(
    ("lang", "label"),
    [
        ("ja", "記事にはそのとおりのことは書かれていません"),
        ("en", "The article does not say exactly"),
    ],
)
def test_closest_match_is_marked_as_not_an_answer(lang: str, label: str) -> None:
    answer = Answer("質問", lang, False, (_quote(1, _passage(7), lang),), verdict="related")
    r = answer_reply(answer)
    description = r.embed["description"]
    assert description.index(label) < description.index("**[1]**")
    assert label in to_text(answer_page(answer))
    assert (
        r.embed["color"] != answer_reply(Answer("質問", lang, True, answer.quotes)).embed["color"]
    )


def test_a_cut_quote_points_to_the_whole_paragraph() -> None:
    long_en = " ".join(
        f"Sentence number {i} says something about the cats of the village." for i in range(30)
    )
    library = Library(
        [
            split_article(
                "cats.txt",
                ["猫の村", "", "村の猫は十匹いる。" * 30],
                ["The cat village", "", long_en],
            )
        ]
    )
    answer = compose(library, "How many cats live in the village?")
    assert answer.quotes[0].cut
    assert "… full paragraph: /passage 3" in answer_reply(answer).embed["description"]
    assert "… full paragraph: /passage 3" in to_text(answer_page(answer))


def test_question_markdown_and_mentions_are_escaped(library: Library) -> None:
    question = "**bold** _it_ `code` @everyone @here <@123> <@&456> <@!123456789012345678> what?"
    r = answer_reply(compose(library, question))
    check_reply(r)
    title = r.embed["title"]
    assert title.startswith(r"\*\*bold\*\* \_it\_ \`code\`")
    assert "@\u200beveryone" in title and "<\u200b@\u200b&456>" in title


def test_context_article_help_and_summary_pages(library: Library) -> None:
    for lang in ("ja", "en"):
        for page in (
            context_page(context(library, 7, lang=lang), library),
            article_page(library, lang),
            help_page(lang, [("/ask question", "Ask")]),
            summary_page(make_summary(library, lang=lang, length="long")),
        ):
            r = reply(page)
            check_reply(r)
            if page.blocks:
                markers_are_quoted(r.embed)
    passage = to_embed(context_page(context(library, 7, lang="en"), library))
    assert "> ▶ According to reports" in passage["description"]
    assert "previous: /passage 6 · next: /passage 8" == passage["footer"]["text"]


# -- properties: any input stays within Discord's limits and pings nobody ------------------------

HOSTILE = [
    "@everyone",
    "@here",
    "<@123>",
    "<@!123456789012345678>",
    "<@&456>",
    "**",
    "__",
    "`",
    "```",
    "~~",
    "||",
    "> ",
    "# ",
    "- ",
    "[x](https://example.com)",
    "\n",
    "\\",
    "メタ",
    "offer",
    "1億ドル",
    "。",
]
hostile_text = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=10)), max_size=15).map(
    "".join
)
any_text = st.one_of(st.text(), hostile_text)
huge_text = st.one_of(
    any_text, st.text(min_size=1, max_size=30).map(lambda s: (s * 10_000)[:10_000])
)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def reply_for(library: Library, question: str, lang: str | None) -> Reply:
    """What an adapter sends for a question: the answer, or the user's error."""
    try:
        return answer_reply(compose(library, question, lang=lang))
    except BotError as e:
        return notice(e.message(lang or "en"))


@FAST
@given(question=huge_text, lang=st.sampled_from([None, "ja", "en"]))
def test_any_question_gets_a_reply_within_limits(
    library: Library, question: str, lang: str | None
) -> None:
    check_reply(reply_for(library, question, lang))


@st.composite
def hostile_quotes(draw: st.DrawFn, lang: str) -> tuple[Quote, ...]:
    quotes = []
    for n in range(1, draw(st.sampled_from([1, 2, 3, 13])) + 1):
        p = Passage(
            f"d:{n}",
            "d.txt",
            (n, n),
            draw(huge_text),
            draw(huge_text),
            draw(st.one_of(st.none(), huge_text)),
            draw(st.one_of(st.none(), huge_text)),
        )
        q = _quote(n, p, lang, title=draw(huge_text))
        quotes.append(Quote(q.citation, p, q.text, q.original, draw(st.booleans())))
    return tuple(quotes)


@FAST
@given(
    data=st.data(), lang=st.sampled_from(["ja", "en"]), question=huge_text, answered=st.booleans()
)
def test_any_answer_renders_within_limits_with_every_quote_cited(
    data: st.DataObject, lang: str, question: str, answered: bool
) -> None:
    quotes = data.draw(hostile_quotes(lang))
    answer = Answer(question, lang, answered, quotes, offset=0, more=True)
    r = answer_reply(answer)
    check_reply(r)
    markers_are_quoted(r.embed)
    gist = Gist(
        lang,
        "d.txt",
        data.draw(huge_text),
        data.draw(st.one_of(st.none(), huge_text)),
        data.draw(st.one_of(st.none(), huge_text)),
        data.draw(st.booleans()),
        quotes,
    )
    r = reply(summary_page(gist))
    check_reply(r)
    markers_are_quoted(r.embed)


@FAST
@given(message=huge_text)
def test_any_notice_fits_and_pings_nobody(message: str) -> None:
    check_reply(notice(message))
