"""Splitting articles into cited passages."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from index.errors import SeedsError
from index.passages import MAX_PASSAGE_CHARS, load_seeds, split_article, split_sentences
from index.search import DEFAULT_SEEDS

ARTICLE = DEFAULT_SEEDS / "000_30e68451fde60380.txt"
RENDERING = DEFAULT_SEEDS / "000_30e68451fde60380.en.txt"


def test_seed_is_the_article_byte_for_byte() -> None:
    # sha256 of shared/seeds/000_30e68451fde60380.txt as handed to us
    digest = hashlib.sha256(ARTICLE.read_bytes()).hexdigest()
    assert digest == "141ba4cba4ef04f1536527cc45e25388bec0b1f04eb72719fae836ca6d1184e0"


def test_rendering_is_aligned_line_for_line() -> None:
    ja = ARTICLE.read_text(encoding="utf-8").splitlines()
    en = RENDERING.read_text(encoding="utf-8").splitlines()
    assert len(ja) == len(en) == 38
    assert all(line.strip() for line in en)


@pytest.fixture(scope="module")
def article():
    return load_seeds(DEFAULT_SEEDS)[0]


def test_headings_become_sections(article) -> None:
    assert [h.line for h in article.headings] == [1, 5, 12, 20, 29, 33]
    assert article.title.startswith("メタの積極的な人材強奪")
    assert article.title_en and article.title_en.startswith("OpenAI")
    by_line = {p.lines[0]: p for p in article.passages}
    assert by_line[7].section == "メタの1億ドルオファーがOpenAIリーダーにパニックを引き起こす"
    assert by_line[2].section == article.title  # before any heading: the title
    assert by_line[30].section and by_line[30].section.endswith("十分か?")
    assert by_line[30].section_en and "enough" in by_line[30].section_en


def test_every_passage_is_one_line_quoted_verbatim(article) -> None:
    lines = ARTICLE.read_text(encoding="utf-8").splitlines()
    en = RENDERING.read_text(encoding="utf-8").splitlines()
    assert len(article.passages) == 32
    for p in article.passages:
        first, last = p.lines
        assert first == last
        assert p.text == lines[first - 1]
        assert p.text_en == en[first - 1]
        assert p.doc == ARTICLE.name
        assert p.id == f"000_30e68451fde60380:{first}"
    assert len({p.id for p in article.passages}) == 32


def test_blank_line_paragraphs_wrapped_over_lines() -> None:
    lines = [
        "見出しのない記事の題",
        "",
        "第一段落の一行目で、",
        "二行目に続く。",
        "",
        "# 次の節",
        "",
        "第二段落はここにある。",
        "English words wrap",
        "with a space.",
    ]
    a = split_article("wrapped.txt", lines)
    assert [h.text for h in a.headings] == ["見出しのない記事の題", "次の節"]
    texts = [(p.text, p.lines, p.section) for p in a.passages]
    assert texts == [
        ("第一段落の一行目で、二行目に続く。", (3, 4), "見出しのない記事の題"),
        ("第二段落はここにある。English words wrap with a space.", (8, 10), "次の節"),
    ]


def test_quote_lines_are_not_headings() -> None:
    a = split_article("q.txt", ["題", '"短い引用"', "「これも引用」", "本文です。"])
    assert [p.text for p in a.passages] == ['"短い引用"', "「これも引用」", "本文です。"]


def test_long_paragraph_is_split_at_sentences() -> None:
    sentence = "これは長い段落の一文であり、句点で終わる。"
    paragraph = sentence * 40
    a = split_article("long.txt", ["題", paragraph])
    assert len(a.passages) > 1
    assert all(len(p.text) <= MAX_PASSAGE_CHARS for p in a.passages)
    assert "".join(p.text for p in a.passages) == paragraph
    assert [p.id for p in a.passages][:2] == ["long:2", "long:2.2"]
    assert all(p.lines == (2, 2) for p in a.passages)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "彼は言った。「ありがとう。」そして去った!",
            ["彼は言った。", "「ありがとう。」", "そして去った!"],
        ),
        ("本当?うん。", ["本当?", "うん。"]),
        ("It works. Does it? Yes!", ["It works.", "Does it?", "Yes!"]),
        ("句点なし", ["句点なし"]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_a_dropped_in_article_is_picked_up(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("題\n本文の段落です。\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Title\n\n段落。\n", encoding="utf-8")
    (tmp_path / "b.en.md").write_text("# Title\n\nParagraph.\n", encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    articles = load_seeds(tmp_path)
    assert [a.doc for a in articles] == ["a.txt", "b.md"]
    assert articles[0].passages[0].text_en is None
    assert articles[1].passages[0].text_en == "Paragraph."


def test_missing_or_empty_seeds(tmp_path: Path) -> None:
    with pytest.raises(SeedsError, match="not found"):
        load_seeds(tmp_path / "nope")
    with pytest.raises(SeedsError, match="no article"):
        load_seeds(tmp_path)


def test_non_utf8_seed_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes("題\n本文。\n".encode("shift_jis"))
    with pytest.raises(SeedsError, match="UTF-8"):
        load_seeds(tmp_path)
