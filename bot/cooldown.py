"""A per-user cooldown: at most `rate` questions in any `per` seconds."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Hashable


class Cooldown:
    def __init__(self, rate: int, per: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate
        self.per = per
        self.clock = clock
        self._asked: dict[Hashable, deque[float]] = {}

    def hit(self, key: Hashable) -> float:
        """Count a question by `key`: 0.0 if it is taken, else the seconds until one will be."""
        if self.rate <= 0 or self.per <= 0:
            return 0.0
        now = self.clock()
        if len(self._asked) > 10_000:  # forget users whose window has passed
            self._asked = {k: q for k, q in self._asked.items() if q and now - q[-1] < self.per}
        asked = self._asked.setdefault(key, deque())
        while asked and now - asked[0] >= self.per:
            asked.popleft()
        if len(asked) >= self.rate:
            return self.per - (now - asked[0])
        asked.append(now)
        return 0.0
