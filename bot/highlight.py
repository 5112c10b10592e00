"""Marking where a quote answers: the fact's span in bold, the best sentence underlined.

The quote stays verbatim: the marks are only added around its own characters, each piece of text
escaped on its own (Discord) or left as it is (console), so removing the marks gives the text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from index.spans import Span


@dataclass(frozen=True, slots=True)
class Style:
    bold: tuple[str, str]
    under: tuple[str, str]
    escape: Callable[[str], str] = str

    @property
    def extra(self) -> int:
        """The most characters the marks add to a quote."""
        return sum(map(len, self.bold + self.under))


PLAIN = Style(("**", "**"), ("__", "__"))  # the console when the output is not a terminal
ANSI = Style(("\x1b[1m", "\x1b[22m"), ("\x1b[4m", "\x1b[24m"))  # a terminal: bold, underline


def discord_style(escape: Callable[[str], str]) -> Style:
    return Style(("**", "**"), ("__", "__"), escape)


def mark(text: str, sentence: Span | None, span: Span | None, style: Style) -> str:
    """`text` with `span` in bold and `sentence` underlined (when the text holds more than that
    sentence and the span lies within it), every piece of the text escaped by `style.escape`."""
    n = len(text)
    span = _valid(span, n)
    sentence = _valid(sentence, n)
    if sentence is not None and (
        text[: sentence[0]].strip() == "" and text[sentence[1] :].strip() == ""
    ):
        sentence = None  # the whole quote: marking it says nothing
    if sentence is not None and span is not None:
        if not (sentence[0] <= span[0] and span[1] <= sentence[1]):
            sentence = None
    # At one place: closing marks first (bold inside underline), then opening ones (underline
    # outside bold).
    cuts: list[tuple[int, int, str]] = []
    if sentence is not None:
        cuts += [(sentence[0], 2, style.under[0]), (sentence[1], 1, style.under[1])]
    if span is not None:
        cuts += [(span[0], 3, style.bold[0]), (span[1], 0, style.bold[1])]
    cuts.sort()
    out, pos = [], 0
    for at, _, tag in cuts:
        out.append(style.escape(text[pos:at]))
        out.append(tag)
        pos = at
    out.append(style.escape(text[pos:]))
    return "".join(out)


def _valid(span: Span | None, n: int) -> Span | None:
    if span is None or not (0 <= span[0] < span[1] <= n):
        return None
    return span
