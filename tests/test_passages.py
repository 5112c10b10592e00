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


def test_every_passage_is_its_lines_quoted_verbatim(article) -> None:
    lines = ARTICLE.read_text(encoding="utf-8").splitlines()
    en = RENDERING.read_text(encoding="utf-8").splitlines()
    assert len(article.passages) == 29
    for p in article.passages:
        first, last = p.lines
        assert p.text == "".join(lines[first - 1 : last])
        assert p.text_en == " ".join(en[first - 1 : last])
        assert p.doc == ARTICLE.name
        assert p.id == f"000_30e68451fde60380:{first}"
    # A line is a paragraph, except that a line leading into a quote ("...表明した:") and the
    # quote are one sentence, so one passage: at most two lines.
    assert [p.lines for p in article.passages if p.lines[0] != p.lines[1]] == [
        (9, 10),
        (15, 16),
        (23, 24),
    ]
    assert len({p.id for p in article.passages}) == 29


def test_a_line_leading_into_the_next_is_one_paragraph_with_it() -> None:
    lines = [
        "見出し",
        "社長はこう語った:",
        "「来年も続ける」",
        "別の段落。",
        "最後の段落、",
        "終わり。",
    ]
    article = split_article("a.txt", lines)
    assert [(p.lines, p.text) for p in article.passages] == [
        ((2, 3), "社長はこう語った:「来年も続ける」"),
        ((4, 4), "別の段落。"),
        ((5, 6), "最後の段落、終わり。"),
    ]
    quote = article.passages[0]
    assert quote.breaks == (len("社長はこう語った:"),)
    assert quote.lines_of(0, 3) == (2, 2)
    assert quote.lines_of(quote.text.index("「"), len(quote.text)) == (3, 3)
    assert quote.lines_of(0, len(quote.text)) == (2, 3)


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


def test_runs_of_a_long_wrapped_paragraph_are_slices_cited_to_their_lines() -> None:
    wrapped = [
        f"Sentence number {n} of a long paragraph that goes on for a while." for n in range(12)
    ]
    a = split_article("long.txt", ["Title", "", *wrapped])
    paragraph = " ".join(wrapped)
    assert len(a.passages) > 1
    for p in a.passages:
        assert p.text in paragraph  # verbatim, spaces between sentences kept
        first, last = p.lines
        assert p.text == " ".join(wrapped[first - 3 : last - 2])
    assert a.passages[0].lines[0] == 3 and a.passages[-1].lines[1] == 14


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
