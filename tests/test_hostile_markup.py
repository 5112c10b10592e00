"""Hostile Discord markup in quoted and echoed text: channel, command, role and user mentions,
timestamps, emoji, masked links, headings, spoilers and bidirectional controls, from a question,
a topic or an article. None of it renders as markup; nothing can disguise or link."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answer import compose
from bot.client import QABot
from bot.commands import QACog
from bot.render import answer_reply, reply, safe, summary_page
from bot.summary import make_summary
from index import Library
from index.passages import split_article
from index.search import MAX_QUERY_CHARS

# markup, the pattern Discord would render (none may be left in a reply)
MARKUP = [
    ("<#123456789012345678>", r"<#\d"),
    ("</ask:1234>", r"</\w"),
    ("<t:0:R>", r"<t:"),
    ("<@&123456789012345678>", r"<@"),
    ("<@123456789012345678>", r"<@"),
    ("<:pog:123456789012345678>", r"<:\w"),
    ("<a:dance:123456789012345678>", r"<a:\w"),
    ("<id:customize>", r"<id:"),
    ("<https://evil.example/x>", r"<https:"),
    ("[公式サイト](https://evil.example)", r"(?<!\\)\[公式サイト\]\("),
    ("||ネタバレ||", r"(?<!\\)\|\|"),
    ("@everyone", r"@everyone"),
    ("\u202eトラブル\u202c", "[\u202a-\u202e]"),
    ("\u2066隔離\u2069", "[\u2066-\u2069]"),
    ("右\u200f左\u200e", "[\u200e\u200f]"),
    ("**太字**", r"(?<!\\)\*\*太字"),
]
BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _texts(embed: dict[str, object]) -> str:
    fields = embed.get("fields", [])
    assert isinstance(fields, list)
    parts = [str(embed.get(k, "")) for k in ("title", "description")]
    parts += [str(embed.get("footer", {}).get("text", ""))]  # type: ignore[union-attr]
    return "\n".join(parts + [f["name"] + "\n" + f["value"] for f in fields])


@pytest.mark.parametrize(("markup", "pattern"), MARKUP, ids=[m for m, _ in MARKUP])
def test_markup_in_a_question_is_shown_not_rendered(
    library: Library, markup: str, pattern: str
) -> None:
    answer = compose(library, f"メタは{markup}いくら提示した?")
    embed = answer_reply(answer).embed
    assert embed is not None
    assert not re.search(pattern, _texts(embed))


@pytest.mark.parametrize(("markup", "pattern"), MARKUP, ids=[m for m, _ in MARKUP])
def test_markup_in_an_article_is_shown_not_rendered(markup: str, pattern: str) -> None:
    article = split_article(
        "evil.txt",
        [f"記事{markup}", "", f"見出し{markup}", "", f"メタは研究者に{markup}1億ドルを提示した。"],
    )
    library = Library([article])
    answer = compose(library, "メタは研究者にいくら提示した?")
    assert answer.answered and markup in answer.quotes[0].text  # quoted verbatim ...
    embed = answer_reply(answer).embed
    assert embed is not None
    assert not re.search(pattern, _texts(embed))  # ... but not as markup
    gist = make_summary(library, lang="ja", length="short", topic=f"メタ{markup}")
    summary = reply(summary_page(gist)).embed
    assert summary is not None
    assert not re.search(pattern, _texts(summary))  # an echoed topic too


FRAGMENTS = [m for m, _ in MARKUP] + ["<", "#", "/", ":", "@", "[", "]", "(", ")", "\\", "a", "1"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=12).map("".join))
def test_safe_leaves_no_markup_that_links_or_disguises(text: str) -> None:
    out = safe(text)
    assert not re.search(r"<[#/@:a-z]", out)  # no mention, command, timestamp, emoji or <link>
    assert not BIDI.search(out)
    assert not re.search(r"(?<!\\)@(everyone|here)", out)


def test_ask_question_option_has_the_bots_own_limit(bot: QABot) -> None:
    """Discord refuses a longer question itself, instead of the bot refusing it after."""
    option = QACog(bot).ask._params["question"].to_dict()  # as synced to Discord
    assert option["max_length"] == MAX_QUERY_CHARS
    assert option["min_length"] == 1
