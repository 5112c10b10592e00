"""Where a quote answers, marked: verbatim once the marks are removed, within Discord's limits,
pinging nobody, for any text and any span."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answer import Answer, Citation, Quote, compose
from bot.highlight import ANSI, PLAIN, Style, discord_style, mark
from bot.render import answer_page, answer_reply, embed_length, safe, to_text
from index import Library, Passage
from index.passages import split_article

PING = re.compile(r"@(everyone|here)|<@[!&]?\d+>")
HOSTILE = ["@everyone", "@here", "<@123>", "<@&456>", "**", "__", "`", "~~", "||", "> ", "# "]
HOSTILE += ["\n", "\\", "*", "_", "1億ドル", "。", ". ", "$100 million", "[1]"]
text_st = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=8)), max_size=20).map(
    "".join
)
FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def marked_text(draw: st.DrawFn) -> tuple[str, tuple[int, int] | None, tuple[int, int] | None]:
    text = draw(text_st)
    n = len(text)

    def span() -> tuple[int, int] | None:
        if n == 0 or draw(st.booleans()):
            return None
        a = draw(st.integers(0, n - 1))
        return a, draw(st.integers(a + 1, n))

    return text, span(), span()


def decode_discord(text: str) -> str:
    """What Discord shows of our markdown, our marks aside: `\\x` is x, `**` and `__` are marks."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            out.append(text[i + 1])
            i += 2
        elif text.startswith(("**", "__"), i):
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


@FAST
@given(marked_text())
def test_marks_keep_the_text_verbatim(case: tuple) -> None:
    text, sentence, span = case
    sentinel = Style(("\x00B", "\x00b"), ("\x00U", "\x00u"))
    out = mark(text, sentence, span, sentinel)
    assert re.sub("\x00[BbUu]", "", out) == text.replace("\x00", "") or "\x00" in text
    if "\x00" not in text:
        assert re.sub("\x00[BbUu]", "", out) == text
        if span is not None:  # the span is bold, and only it
            assert re.search("\x00B(.*?)\x00b", out, re.S).group(1) == text[span[0] : span[1]]
    if "\x1b" not in text:
        assert re.sub(r"\x1b\[\d+m", "", mark(text, sentence, span, ANSI)) == text
    # On Discord: every piece of the text escaped, so nothing of it reads as a mark.
    discord = mark(text, sentence, span, discord_style(safe))

    # (zero-width spaces aside: safe() puts one into "@everyone", which a mark splits anyway;
    # and runs of spaces: safe() puts a line break and the spaces around it on one line as one
    # space, a piece at a time)
    def seen(s: str) -> str:
        return re.sub(r"\s+", " ", decode_discord(s).replace("\u200b", ""))

    assert seen(discord) == seen(safe(text))
    assert not PING.search(discord)


def test_plain_marks_bold_the_span_and_underline_the_sentence() -> None:
    text = "一文目。ここが1億ドルの文。三文目。"
    assert mark(text, (4, 14), (7, 11), PLAIN) == "一文目。__ここが**1億ドル**の文。__三文目。"
    # a quote of one sentence is not underlined; a span outside the sentence is bolded alone
    assert mark(text, (0, len(text)), (7, 11), PLAIN) == "一文目。ここが**1億ドル**の文。三文目。"
    assert mark(text, (0, 4), (7, 11), PLAIN) == "一文目。ここが**1億ドル**の文。三文目。"
    assert mark(text, (4, 14), (7, 11), ANSI).count("\x1b[1m") == 1


@st.composite
def focused_quotes(draw: st.DrawFn, lang: str) -> tuple[Quote, ...]:
    quotes = []
    for n in range(1, draw(st.sampled_from([1, 2, 3])) + 1):
        text, sentence, span = draw(marked_text())
        long = draw(st.booleans())
        if long:  # a paragraph far longer than an embed
            text = (text + "。") * 400
        original, original_sentence, original_span = draw(marked_text())
        p = Passage(f"d:{n}", "d.txt", (n, n), "s", original, text if lang == "en" else None)
        citation = Citation(n, "d.txt", draw(text_st) or "t", (n, n), draw(text_st) or None)
        quotes.append(
            Quote(
                citation,
                p,
                text,
                original,
                draw(st.booleans()),
                sentence,
                span,
                original_sentence,
                original_span,
                draw(st.integers(0, 3)),
                draw(st.integers(0, 3)),
            )
        )
    return tuple(quotes)


@FAST
@given(data=st.data(), lang=st.sampled_from(["ja", "en"]), question=text_st)
def test_any_marked_answer_fits_and_pings_nobody(
    data: st.DataObject, lang: str, question: str
) -> None:
    quotes = data.draw(focused_quotes(lang))
    answer = Answer(question or "q", lang, True, quotes)
    embed = answer_reply(answer).embed
    assert embed is not None
    assert len(embed["description"]) <= 4096 and embed_length(embed) <= 6000
    assert len(embed["title"]) <= 256
    for f in embed.get("fields", []):
        assert 0 < len(f["value"]) <= 1024
    for text in [embed["title"], embed["description"]] + [f["value"] for f in embed["fields"]]:
        assert not PING.search(text), text
    # every quote is still cited, the answer's marks aside
    assert re.findall(r"\*\*\[(\d+)\]\*\*", embed["description"])[-len(quotes) :] == [
        str(q.citation.n) for q in quotes
    ]
    console = to_text(answer_page(answer))
    for q in quotes:
        assert f"[{q.citation.n}] " in console


def test_a_long_paragraph_is_cut_around_the_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    # One sentence far longer than a quote. A passage is cut into pieces of at most 400
    # characters (index.passages, issue 13), so the quote limit is made shorter than a piece.
    monkeypatch.setattr("bot.answer.QUOTE_CHARS", 150)
    before = "前置きの話があり、" * 150
    after = "後ろの話が続き、" * 150
    paragraph = before + "報酬は1億ドル相当だった、" + after + "終わり。"
    library = Library([split_article("x.txt", ["報酬の記事", "", paragraph], None)])
    answer = compose(library, "報酬はいくら?")
    q = answer.quotes[0]
    assert q.focus is not None and q.text[q.focus[0] : q.focus[1]] == "1億ドル相当"
    assert q.start > 0 and q.cut  # cut before and after the answer
    assert q.passage.text[q.start : q.start + len(q.text)] == q.text  # a verbatim slice
    assert q.passage.text in paragraph
    description = answer_reply(answer).embed["description"]
    assert description.startswith("**1億ドル相当**")
    assert "…" in description and "報酬は**1億ドル相当**だった、" in description
    assert "/passage 3" in description
    text = to_text(answer_page(answer))
    assert "[1] …" in text and "**1億ドル相当**" in text


def test_the_console_quote_is_the_passage_once_unmarked(library: Library) -> None:
    for question, line in [
        ("スタッフは週に何時間働いている?", 18),
        ("How much did Meta offer?", 7),
    ]:
        answer = compose(library, question)
        passage = answer.quotes[0].passage
        assert passage.lines[0] == line
        text = to_text(answer_page(answer))
        quoted = next(s for s in text.split("\n") if s.startswith("[1] "))[4:]
        expected = passage.text if answer.lang == "ja" else passage.text_en
        assert quoted.replace("**", "").replace("__", "") == expected
        assert "**" in quoted


@FAST
@given(case=marked_text(), room=st.integers(0, 400), head_cut=st.booleans())
def test_a_marked_quote_fits_its_room(case: tuple, room: int, head_cut: bool) -> None:
    from bot.render import _fit_marked

    text, sentence, span = case
    shown, _ = _fit_marked(text * 20, room, sentence, span, head_cut)
    assert len(shown) <= max(room, 1)


def test_a_terminal_gets_ansi_bold_and_a_pipe_gets_markdown(library: Library) -> None:
    from bot.render import answer_text

    answer = compose(library, "メタは研究者にいくら提示した?")
    terminal, piped = answer_text(answer, ansi=True), answer_text(answer)
    assert "\x1b[1m1億ドル相当\x1b[22m" in terminal and "**" not in terminal
    assert "**1億ドル相当**" in piped and "\x1b" not in piped
    # (a further quote's sentence is underlined: __ in Markdown)
    assert re.sub(r"\x1b\[\d+m", "", terminal) == piped.replace("**", "").replace("__", "")
