"""'Who is X?' wants the passage that introduces X (index.identity)."""

from __future__ import annotations

import pytest

from index import Library
from index.identity import identity_subject
from index.tokenize import normalize


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("マーク・チェンって誰?", "マーク・チェン"),
        ("チェンって誰なん?w", "チェン"),
        ("そのマークって誰?", "マーク"),
        ("アルトマンは何者?", "アルトマン"),
        ("Who is Mark Chen?", "mark chen"),
        ("whos zuck", "zuck"),
        ("so who's sam altman??", "sam altman"),
        # the role asked: the same introduction answers it
        ("チェンの役職は?", "チェン"),
        ("アルトマンの肩書きって何?", "アルトマン"),
        ("what's chen's role", "chen"),
        ("what does zuckerberg do", "zuckerberg"),
        ("what did chen do", None),  # what he did, not what he is
        # a name asked for, or what someone did: not who they are
        ("「超嬉しい」って言ったのは誰?", None),
        ("日本共産党の委員長は誰?", None),
        ("誰がCEO?", None),
        ("who said that?", None),
        ("Who is Chen working with to keep people from jumping ship?", None),
        ("フランスで設計業務を行える人はどんな人。", None),
    ],
)
def test_identity_subject(question: str, subject: str | None) -> None:
    assert identity_subject(normalize(question)) == subject


@pytest.mark.parametrize(
    ("question", "line"),
    [
        # line 9 introduces "OpenAIのマーク・チェン最高研究責任者(CRO)"; 38 only quotes him
        ("マーク・チェンって誰?", 9),
        ("who is chen", 9),
        # line 11 introduces "サム・アルトマン最高経営責任者(CEO)"; 31 mentions him again
        ("アルトマンって誰?", 11),
        ("who's sam altman", 11),
        ("チェンの役職は?", 9),
        ("what's chen's role?", 9),
    ],
)
def test_who_is_x_quotes_where_the_article_introduces_x(
    library: Library, question: str, line: int
) -> None:
    assert library.search(question).hits[0].passage.lines[0] == line
