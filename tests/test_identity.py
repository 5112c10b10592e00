"""'Who is X?' wants the passage that introduces X (index.identity)."""

from __future__ import annotations

import pytest

from index import Library
from index.identity import asks_people_list, first_mentions, identity_subject
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
        # a channel's honorifics, endings and intensifiers
        ("チェンさんって誰ですか", "チェン"),
        ("チェンって誰やねん", "チェン"),
        ("アルトマンって誰か教えて", "アルトマン"),
        ("マーク・チェンとは?", "マーク・チェン"),
        ("who tf is chen", "chen"),
        ("who even is sam altman", "sam altman"),
        ("who is chen again?", "chen"),
        ("ok wait, sam altman who?", "sam altman"),
        # the role asked: the same introduction answers it
        ("チェンの役職は?", "チェン"),
        ("アルトマンの肩書きって何?", "アルトマン"),
        ("what's chen's role", "chen"),
        ("what does zuckerberg do", "zuckerberg"),
        # ... with a channel's opener or "tell me" after it
        ("まじでチェンの役職なに", "チェン"),
        ("てかアルトマンって誰", "アルトマン"),
        ("チェンの役職なに教えて", "チェン"),
        ("マーク・チェンって何の役職の人?", "マーク・チェン"),
        ("マーク・チェンって何の人", "マーク・チェン"),
        ("whats chen's job title", "chen"),
        ("whats chens job title", "chen"),  # (a channel drops the apostrophe)
        ("what is altmans role", "altman"),
        ("チェンってどこの人", "チェン"),  # (which company he is with: the introduction says)
        ("アルトマンって何の仕事してる人?", "アルトマン"),
        # ... where ("at OpenAI"), or asked in one of a message's questions
        ("アルトマンってopenaiでどういう立場の人?", "アルトマン"),
        ("what's altman's title at openai", "altman"),
        ("チェンって何の人? 役職は?", "チェン"),
        ("who is sam altman again, what's his job", "sam altman"),
        ("what did chen say on slack? and who is chen", None),  # ("and": not the whole question)
        ("who is chen? what did he say about meta", None),  # (two questions: searched whole)
        ("メタって何の会社?", None),  # (what kind of company: not a role)
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
        ("アルトマンってopenaiでどんな役職の人?", 11),
        ("what is chen's job at openai", 9),
        ("マーク・チェンって何の人? 役職は", 9),
        # a question whose only words are a person's name asks about them, as "who is X" does
        ("アルトマンはこの件で何してるの?", 11),
        ("what is Sam Altman doing about all this", 11),
    ],
)
def test_who_is_x_quotes_where_the_article_introduces_x(
    library: Library, question: str, line: int
) -> None:
    assert library.search(question).hits[0].passage.lines[0] == line


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("who are the people mentioned in the article", True),
        ("Who are the main people?", True),
        ("who's in the article?", True),
        ("list the people in the story", True),
        ("登場人物は?", True),
        ("記事に出てくる人は誰?", True),
        ("who are the people who left for meta", False),  # some people, not the article's
        ("who are the 8 researchers", False),
        ("who is chen", False),
    ],
)
def test_a_question_asks_who_the_articles_people_are(question: str, asks: bool) -> None:
    assert asks_people_list(normalize(question)) is asks


def test_first_mentions_are_full_names_in_the_order_named() -> None:
    texts = [
        "メタのマーク・ザッカーバーグが動いた",
        "ザッカーバーグは",
        "マーク・チェンとサム・アルトマン、マーク・チェン",
    ]
    people = {"マーク・ザッカーバーグ", "マーク・チェン", "サム・アルトマン"}
    assert first_mentions(texts, people.__contains__) == [
        ("マーク・ザッカーバーグ", 0),
        ("マーク・チェン", 2),
        ("サム・アルトマン", 2),
    ]
    assert first_mentions(["カード・ゲーム"], people.__contains__) == []  # not a person
