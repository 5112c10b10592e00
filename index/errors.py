"""Errors whose message is safe to show to a user as it is."""

from __future__ import annotations


class QAError(Exception):
    """Base class: the message is one short sentence a user can act on."""


class QueryError(QAError):
    """The question itself cannot be searched: `reason` is "empty", "too_long" or "no_words"."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class SeedsError(QAError):
    """The seeds folder is missing, empty or unreadable."""
