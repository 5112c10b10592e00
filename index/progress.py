"""Progress of long work: log lines for an index build, a bar on a terminal for the benchmark."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Iterable, Iterator, Sized
from typing import IO, TypeVar

T = TypeVar("T")

# A build of fewer passages than this takes under a few seconds: no progress lines.
LOG_FROM = 2000
LOG_EVERY_S = 2.0  # at most one progress line per this many seconds


def logged(items: Iterable[T], total: int, what: str, log: logging.Logger) -> Iterator[T]:
    """`items`, logging '<what>: n of total (p%)' every LOG_EVERY_S seconds of a long run."""
    if total < LOG_FROM:
        yield from items
        return
    start = last = time.monotonic()
    log.info("%s: %d to do", what, total)
    for n, item in enumerate(items, start=1):
        yield item
        now = time.monotonic()
        if now - last >= LOG_EVERY_S:
            last = now
            log.info("%s: %d of %d (%d%%), %.0f s", what, n, total, 100 * n // total, now - start)
    log.info("%s: done in %.1f s", what, time.monotonic() - start)


class Bar:
    """A one-line progress bar on a terminal (stderr); nothing when stderr is not a terminal."""

    WIDTH = 24

    def __init__(self, total: int | Sized, stream: IO[str] | None = None) -> None:
        self.total = total if isinstance(total, int) else len(total)
        self.stream = stream or sys.stderr
        self.shown = self.stream.isatty()
        self.done = 0

    def step(self, label: str) -> None:
        """Say that the next step, `label`, begins."""
        if not self.shown:
            return
        filled = self.WIDTH * self.done // max(1, self.total)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        self.stream.write(f"\r\x1b[2K[{bar}] {self.done}/{self.total} {label[:50]}")
        self.stream.flush()
        self.done += 1

    def clear(self) -> None:
        """Take the bar off its line, so that a line of output can be printed there."""
        if self.shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()

    close = clear
