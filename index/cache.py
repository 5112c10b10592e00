"""A disk cache of the built index, so that a start-up does not tokenize everything again.

Tokenizing the glossary's ~1,600 entries is most of the bot's start-up beyond importing its
libraries, and tokenizing the passages grows with the articles (README, Performance). The cache holds
those tokens, keyed by a hash of everything they are made from: the articles as read from the
seed files, the glossary and synonym files (index/data), the index package's source, the
tokenizers' tables as they are at run time (a test may patch them) and the dictionary and
libraries on disk. A file whose key
differs is rebuilt; one that does not parse or whose payload does not match its own checksum is
rebuilt too, never trusted. JSON, not pickle: reading a file in a cache folder must not be able to
run code.

The folder is $XDG_CACHE_HOME/article-qa-bot (~/.cache/article-qa-bot), one file per seeds folder,
the KEEP most recently used of them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import tokenize
from .passages import Article

log = logging.getLogger(__name__)

FORMAT = 1
KEEP = 16  # cache files kept: one per seeds folder in use; a test run makes many short-lived ones
_PACKAGE = Path(__file__).resolve().parent


def folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "article-qa-bot"


def path_for(seeds: str | Path) -> Path:
    """The cache file of a seeds folder."""
    name = hashlib.sha256(str(Path(seeds).resolve()).encode()).hexdigest()[:16]
    return folder() / f"index-{name}.json"


def key(
    articles: Sequence[Article], ja: tokenize.JapaneseTokenizer, en: tokenize.EnglishTokenizer
) -> str:
    """A hash of everything the cached tokens are made from."""
    h = hashlib.sha256(f"format {FORMAT}\n".encode())
    for article in articles:  # the passages as split now: their text, sections and renderings
        h.update(repr(article).encode())
    for source in sorted([*_PACKAGE.glob("*.py"), *_PACKAGE.glob("data/*")]):  # code, glossary
        h.update(source.name.encode() + source.read_bytes())
    tables = (
        sorted(ja.stopwords),
        sorted(en.stopwords),
        sorted(tokenize.TEXT_ALIASES.items()),
        sorted(tokenize.TOKEN_ALIASES.items()),
        sorted(tokenize.CONTENT_POS),
        sorted(tokenize.PERSON_SUFFIXES),
    )
    h.update(repr(tables).encode())
    # The dictionary and the libraries that read it; an upgrade rewrites their files. (Asking
    # importlib.metadata for versions would cost ~50 ms, a tenth of a start-up.)
    for module in (tokenize.fugashi, tokenize.Stemmer):
        h.update(_stamp(Path(module.__file__ or "")))
    for info in ja.dictionary_info():
        h.update(repr(sorted(info.items())).encode() + _stamp(Path(str(info["filename"]))))
    return h.hexdigest()


def strings(value: Any) -> list[str]:
    """`value` if it is a list of strings, else TypeError: cached data is checked, not trusted."""
    if type(value) is not list or not set(map(type, value)) <= {str}:
        raise TypeError("not a list of strings")
    return value


def _stamp(path: Path) -> bytes:
    try:
        stat = path.stat()
    except OSError:
        return b"-"
    return f"{path}:{stat.st_size}:{stat.st_mtime_ns}".encode()


def load(path: Path, expected_key: str) -> dict[str, Any] | None:
    """The cached data if the file is there, intact and of this key; None otherwise."""
    try:
        header, _, payload = path.read_bytes().partition(b"\n")
        meta = json.loads(header)
        if meta.get("key") != expected_key:
            return None
        if meta.get("sha256") != hashlib.sha256(payload).hexdigest():
            log.warning("the index cache %s is corrupt; rebuilding it", path)
            return None
        data = json.loads(payload)
        with contextlib.suppress(OSError):  # used now, so pruning keeps it (a read-only cache too)
            os.utime(path)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, AttributeError) as e:
        log.warning("the index cache %s is unreadable (%s); rebuilding it", path, e)
        return None
    return data if isinstance(data, dict) else None


def save(path: Path, key: str, data: dict[str, Any]) -> None:
    """Write the cache file whole or not at all; a cache that cannot be written is only slower."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    header = json.dumps(
        {"format": FORMAT, "key": key, "sha256": hashlib.sha256(payload).hexdigest()}
    )
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(header.encode() + b"\n" + payload)
        os.replace(tmp, path)  # atomic: a reader sees the old file or the new one, whole
        _prune(path.parent)
    except OSError as e:
        log.warning("cannot write the index cache %s: %s", path, e)
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _prune(where: Path) -> None:
    """Delete all but the KEEP most recently used cache files."""
    files = []
    for file in where.glob("index-*.json"):
        with contextlib.suppress(OSError):  # another process may have pruned it
            files.append((file.stat().st_mtime, file))
    for _, file in sorted(files, reverse=True)[KEEP:]:
        with contextlib.suppress(OSError):
            file.unlink()
