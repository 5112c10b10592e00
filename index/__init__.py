"""Retrieval over the articles in a seeds folder: passages, BM25 over fugashi tokens, answers' evidence.

Knows nothing of Discord: the bot and the command line are adapters over it.
"""

from __future__ import annotations

from .errors import QAError, QueryError, SeedsError
from .passages import Article, Heading, Passage, load_seeds
from .search import DEFAULT_SEEDS, Hit, Library, SearchResult

__all__ = [
    "DEFAULT_SEEDS",
    "Article",
    "Heading",
    "Hit",
    "Library",
    "Passage",
    "QAError",
    "QueryError",
    "SearchResult",
    "SeedsError",
    "load_seeds",
]
