"""The disk cache of the built index: used when current, rebuilt when a seed file changes, and
never trusted when it is corrupt."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from index import cache, tokenize
from index.passages import load_seeds
from index.search import DEFAULT_SEEDS, Library, PassageTokens
from index.tokenize import EnglishTokenizer, JapaneseTokenizer

QUESTIONS = [
    "メタは研究者にいくら提示した?",
    "How much did Meta offer OpenAI staff?",
    "パンの焼き方は?",
]


@pytest.fixture
def seeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the seeds folder, and a cache folder of this test's own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "seeds"
    folder.mkdir()
    for f in DEFAULT_SEEDS.iterdir():
        (folder / f.name).write_bytes(f.read_bytes())
    return folder


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the times the passages are tokenized (rather than read from the cache)."""
    calls: list[int] = []
    build = PassageTokens.build

    def counting(*args: object, **kwargs: object) -> PassageTokens:
        calls.append(1)
        return build(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(PassageTokens, "build", counting)
    return calls


def answers(library: Library) -> list[object]:
    return [
        (r.answerable, r.confidence, [(h.passage.id, h.score) for h in r.hits])
        for r in map(library.search, QUESTIONS)
    ]


def test_a_second_start_reads_the_cache_and_answers_the_same(
    seeds: Path, builds: list[int]
) -> None:
    first = Library.from_seeds(seeds)
    assert cache.path_for(seeds).is_file() and len(builds) == 1
    second = Library.from_seeds(seeds)
    assert len(builds) == 1  # not tokenized again
    uncached = Library.from_seeds(seeds, cache=False)
    assert answers(second) == answers(first) == answers(uncached)
    assert second.glossary.to_json() == uncached.glossary.to_json()
    assert second.synonyms.to_json() == uncached.synonyms.to_json()


ARTICLE = "000_30e68451fde60380.txt"
RENDERING = "000_30e68451fde60380.en.txt"


def test_a_changed_article_rebuilds_the_index(seeds: Path, builds: list[int]) -> None:
    Library.from_seeds(seeds)
    path = seeds / ARTICLE
    path.write_text(
        path.read_text(encoding="utf-8") + "\nパンは小麦粉と水と酵母から作る。\n", encoding="utf-8"
    )
    library = Library.from_seeds(seeds)
    assert len(builds) == 2
    assert library.search("パンは何から作る?").hits[0].passage.text.startswith("パンは小麦粉")
    assert answers(library) == answers(Library.from_seeds(seeds, cache=False))


def test_a_changed_rendering_rebuilds_the_index(seeds: Path, builds: list[int]) -> None:
    Library.from_seeds(seeds)
    path = seeds / RENDERING
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("According to reports,", "Zorblax reports say"), encoding="utf-8")
    library = Library.from_seeds(seeds)
    assert len(builds) == 2
    assert library.search("What do the zorblax reports say?").hits[0].passage.lines == (7, 7)


def test_an_edit_that_changes_no_passage_keeps_the_cache(seeds: Path, builds: list[int]) -> None:
    # The key is made of the passages as read now, so blank lines at the end change nothing.
    Library.from_seeds(seeds)
    path = seeds / ARTICLE
    path.write_text(path.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    Library.from_seeds(seeds)
    assert len(builds) == 1


def test_a_new_article_rebuilds_the_index(seeds: Path, builds: list[int]) -> None:
    Library.from_seeds(seeds)
    (seeds / "001_bread.txt").write_text(
        "パンの記事\nパンは小麦粉と水と酵母から作る。\n", encoding="utf-8"
    )
    library = Library.from_seeds(seeds)
    assert len(builds) == 2 and len(library.articles) == 2


def _flip_a_payload_byte(data: bytes) -> bytes:
    header, _, payload = data.partition(b"\n")
    i = payload.index("メタ".encode())  # a token: still valid JSON, but not what was written
    return header + b"\n" + payload[:i] + "ヌタ".encode() + payload[i + len("メタ".encode()) :]


def _valid_checksum_wrong_shape(data: bytes) -> bytes:
    header, _, _ = data.partition(b"\n")
    payload = json.dumps(
        {"glossary": {"map": [], "synonyms": {}}, "tokens": {"ja": [], "en": [], "facts": []}}
    ).encode()
    meta = json.loads(header) | {"sha256": hashlib.sha256(payload).hexdigest()}
    return json.dumps(meta).encode() + b"\n" + payload


@pytest.mark.parametrize(
    "corrupt",
    [
        lambda data: data[: len(data) // 2],  # cut short
        _flip_a_payload_byte,
        lambda data: b"\x00\xff not json at all",
        lambda data: b"",
        lambda data: b"[1, 2]\n{}",  # a header that is not an object
        _valid_checksum_wrong_shape,
    ],
    ids=["truncated", "changed-byte", "garbage", "empty", "bad-header", "wrong-shape"],
)
def test_a_corrupt_cache_is_rebuilt_not_trusted(
    seeds: Path, builds: list[int], corrupt: Callable[[bytes], bytes]
) -> None:
    expected = answers(Library.from_seeds(seeds))
    path = cache.path_for(seeds)
    path.write_bytes(corrupt(path.read_bytes()))
    assert answers(Library.from_seeds(seeds)) == expected
    assert len(builds) == 2
    # ... and the rebuilt cache is whole again
    Library.from_seeds(seeds)
    assert len(builds) == 2


def test_an_unwritable_cache_folder_only_costs_time(
    seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    library = Library.from_seeds(seeds)
    assert library.search(QUESTIONS[0]).hits[0].passage.lines == (7, 7)


def test_the_key_covers_the_tokenizers_tables(
    seeds: Path, builds: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    Library.from_seeds(seeds)
    monkeypatch.setitem(tokenize.TOKEN_ALIASES, "sam", "サム")
    Library.from_seeds(seeds)
    assert len(builds) == 2


def test_the_key_covers_the_synonym_dictionary(
    seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "index"
    shutil.copytree(cache._PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "_PACKAGE", package)
    articles = load_seeds(seeds)
    ja, en = JapaneseTokenizer(), EnglishTokenizer()
    before = cache.key(articles, ja, en)
    with (package / "data" / "synonyms.tsv").open("a", encoding="utf-8") as f:
        f.write("給料 給与\t\t\t\n")
    assert cache.key(articles, ja, en) != before


def test_only_the_most_recently_used_cache_files_are_kept(
    seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "KEEP", 3)
    folders = []
    for n in range(cache.KEEP + 2):
        folder = tmp_path / f"seeds-{n}"
        folder.mkdir()
        for f in seeds.iterdir():
            (folder / f.name).write_bytes(f.read_bytes())
        folders.append(folder)
        Library.from_seeds(folder)
        if n == 0:
            first = cache.path_for(folder)
        else:
            Library.from_seeds(folders[0])  # the first folder stays in use
    kept = list(cache.folder().glob("index-*.json"))
    assert len(kept) == cache.KEEP and first in kept
    assert cache.path_for(folders[1]) not in kept
