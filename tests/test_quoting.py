""" "What did X say" questions: which ask for someone's words, which passages quote, the ranking."""

from __future__ import annotations

import math

import pytest

from index import Library
from index.quoting import (
    asks_comparison,
    asks_ending,
    asks_feeling,
    asks_group,
    asks_words,
    compares,
    names_group,
    quoted_words,
    quotes_someone,
    someones_own,
    speaker,
    tells_message,
)
from index.search import REASON_BONUS, SAY_BONUS
from index.tokenize import normalize


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("what did chen say", True),
        ("What did Chen compare it to?", True),
        ("what did the other leader warn about", True),
        ("what was in chen's memo, what did it say", True),
        ("what'd they say", True),
        ("did sam altman say anything publicly about this", True),
        ("has meta commented on it", False),  # (no "anything": whether, not what)
        ("did chen say anything about meta", True),
        ("チェンさん何て言ってたっけ", True),
        ("Chenのmemoには何て書いてある?", True),
        ("ザッカーバーグのコメントは?", True),
        ("チェンはメタとの争いを何に例えてた?", True),
        ("どんな内容", True),  # (after "did the leaders send anything?")
        ("what was in the msgs", True),
        ("オファーの内容は?", False),  # (what the offer was: no one's words)
        ("what did chen do", False),
        ("How much did Meta offer?", False),
        ("チェンって誰?", False),
    ],
)
def test_a_question_asks_for_someones_words(question: str, asks: bool) -> None:
    assert asks_words(normalize(question)) is asks


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("how did altman feel about it", True),
        ("what's zuck's take on chen", True),
        ("what does chen think of meta", True),
        ("アルトマンはどう思ってる?", True),
        ("what should staff do if they feel pressured", False),
        ("what did chen say", False),
    ],
)
def test_a_question_asks_what_someone_thinks_or_feels(question: str, asks: bool) -> None:
    assert asks_feeling(normalize(question)) is asks


@pytest.mark.parametrize(
    ("text", "tells"),
    [
        ("OpenAIの他の7人の研究責任者がチームに注意を促す個人的なメッセージを送っている。", True),
        ("Seven other research leaders have sent personal messages urging their teams.", True),
        ("One employee's social media post drew wide attention before it was deleted.", True),
        # (its words quoted: they are in the passage itself)
        (
            'In internal Slack messages, Chen voiced his frustration: "I have a visceral feeling"',
            False,
        ),
        ("Staff are being forced to work grueling 80-hour weeks.", False),
    ],
)
def test_a_passage_telling_of_a_message_sent(text: str, tells: bool) -> None:
    assert tells_message(text) is tells


@pytest.mark.parametrize(
    ("question", "own"),
    [
        ("what did zuckerberg say about this", True),
        ("チェンはメタとの争いを何に例えてた?", True),
        ("どんな内容", True),  # (after "did the leaders send anything?")
        ("what was in the msgs", True),
        ("オファーの内容は?", False),  # (what the offer was: no one's words)
        # what something is called asks for a name, not for words someone said
        ("what did chen call the meta drama", False),
        ("四十二行聖書は後に何と呼ばれるようになったか", False),
    ],
)
def test_a_question_asks_for_someones_own_words(question: str, own: bool) -> None:
    normalized = normalize(question)
    assert (asks_words(normalized) and someones_own(normalized)) is own


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ('"誰かが家に押し入って何かを盗んだような、直感的な感覚を今感じている"', True),
        ("「24時間体制で」人材確保に取り組んでおり", True),
        ("チェンの緊急メモ以外にも、OpenAIの他の7人の研究責任者がメッセージを送っている。", False),
    ],
)
def test_a_passage_quotes_someone(text: str, quotes: bool) -> None:
    assert quotes_someone(text) is quotes


@pytest.mark.parametrize(
    "question", ["what did chen say", "チェンさん何て言ってたっけ", "what did chen compare it to"]
)
def test_chens_words_come_before_the_mention_of_his_memo(library: Library, question: str) -> None:
    # Line 13 names Chen's memo and reports what seven other leaders did; shorter than 9-10 or
    # 26, it had won on his name alone.
    top = library.search(question).hits[0].passage.lines
    assert top in [(9, 10), (26, 26)]


@pytest.mark.parametrize(
    ("question", "bonus"), [("what did chen say", SAY_BONUS), ("なんで休むの", REASON_BONUS)]
)
def test_a_preference_is_no_evidence_that_the_article_answers(
    library: Library, question: str, bonus: float
) -> None:
    # The verdict's score is the best passage's without the preference that ranked it.
    result = library.search(question)
    assert result.evidence is not None
    assert result.evidence.score == pytest.approx(math.log1p(result.hits[0].score / (1 + bonus)))


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # the first person named outside the quotation marks, not one named beside them
        (
            "チェンは、サム・アルトマン最高経営責任者(CEO)とともに「24時間体制で」取り組んでいる",
            "チェン",
        ),
        # a name inside the quote is not its speaker
        ('こう付け加えた、"私やマークがそばにいるし、サポートしたいから!"', None),
    ],
)
def test_a_quoting_passage_s_speaker(library: Library, text: str, who: str | None) -> None:
    assert speaker(text, library.tokenize_ja, library.is_person) == who


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        # the article names Zuckerberg and Altman but quotes no word of theirs
        ("what did zuckerberg say about this", "related"),
        ("ザッカーバーグのコメントは?", "related"),
        ("アルトマンはメタについて何かコメントしてる?", "related"),
        ("did sam altman say anything publicly about this", "related"),
        # ... nor tells what he thinks or feels
        ("whats altmans take on zuckerberg personally", "related"),
        ("アルトマンはザッカーバーグのことどう思ってんの", "related"),
        ("how did chen feel about the poaching", "answered"),
        # Chen's words it quotes (and a question naming him beside someone else asks them too)
        ("what did chen say", "answered"),
        ("チェンさん何て言ってたっけ", "answered"),
        ("what did chen say about altman", "answered"),
        ("did chen say anything about meta", "answered"),
        # what the article says of someone it does not quote
        ("What does the article say about Altman's departure and return?", "answered"),
        ("アルトマンの退任と復帰について記事は何て言ってる?", "answered"),
    ],
)
def test_what_someone_the_article_never_quotes_said_is_not_answered(
    library: Library, question: str, verdict: str
) -> None:
    assert library.search(question).verdict == verdict


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("what did chen compare it to", True),
        ("チェンは何に例えてたっけ", True),
        ("チェンさん引き抜きのことなんて例えてたっけ", True),
        ("what did chen say", False),
    ],
)
def test_a_question_asks_for_a_comparison(question: str, asks: bool) -> None:
    assert asks_comparison(normalize(question)) is asks


@pytest.mark.parametrize(
    ("text", "compares_"),
    [
        ("誰かが家に押し入って何かを盗んだような、直感的な感覚を今感じている", True),
        ("これはメインクエストであり、メタとの小競り合いはサイドクエストである", False),
        ("このようなメッセージからは、不安に満ちた内部の雰囲気がうかがえる。", False),  # "such"
        ("マーク・チェンが言うように、次世代のAIを構築するための戦い", False),  # "as X says"
    ],
)
def test_a_passage_makes_a_comparison(text: str, compares_: bool) -> None:
    assert compares(text) is compares_


@pytest.mark.parametrize(
    "question", ["what did chen compare it to", "What did Chen compare the poaching to?"]
)
def test_what_chen_compared_it_to_is_the_break_in(library: Library, question: str) -> None:
    # Chen's memo (26) and "poaching" (2) share more words; the simile is line 10.
    assert library.search(question).hits[0].passage.lines == (9, 10)


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("どこのチーム行ったんだっけ", True),
        ("metaのなにチームに行ったの", True),
        ("てかmetaの新チームって名前なんだったっけ", True),
        ("whats the name of the new meta team theyre leaving for", True),
        ("which team did they join", True),
        ("what's the new lab called", True),
        ("which meta team are the openai ppl going to", True),
        ("where did the poached researchers go?", True),  # where people went
        ("研究者たちはどこに行っちゃったの", True),
        ("where did the slack messages leak", False),
        ("どこにリークされたの?", False),
        ("チームに何人いる?", False),  # (a count of the team)
        ("how big is the team", False),
        ("who leads the team", False),
    ],
)
def test_a_question_asks_which_group(question: str, asks: bool) -> None:
    assert asks_group(normalize(question)) is asks


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("メタ社が新たに結成した「超知能」チームに", True),
        ("Go-To-Market(GTM)チームのOpenAI社員によると", True),
        ("lost to the “superintelligence” team newly formed by Meta", True),
        ("7人の研究責任者がチームに注意を促す", False),
        ("Meta's approach to building its AI team", False),
    ],
)
def test_a_passage_names_a_group(text: str, names: bool) -> None:
    assert names_group(text) is names


@pytest.mark.parametrize(
    "question",
    ["引き抜かれた人ってどこのチームに入ったの", "metaの新しいチームってなんて名前だっけ?"],
)
def test_which_team_is_the_one_named(library: Library, question: str) -> None:
    # Line 13 (研究責任者がチームに) and 6 (AIチーム構築) say チーム too; line 3 names the team.
    assert library.search(question).hits[0].passage.lines == (3, 3)


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ('who said "mark and I are right here for you"?', ["markandiarerighthereforyou"]),
        (
            "context for the 'Mark and I are right here for you' quote?",
            ["markandiarerighthereforyou"],
        ),
        ("「私やマークがそばにいる」ってどういう流れ?", ["私やマークがそばにいる"]),
        ("what does the article mean by a 'quiet crisis'", []),  # (a term, not a sentence's words)
        ("'around the clock' lol. source?", ["aroundtheclock"]),
        ("what's chen's title", []),  # (an apostrophe)
    ],
)
def test_what_a_question_quotes(question: str, quoted: list[str]) -> None:
    assert quoted_words(normalize(question)) == quoted


@pytest.mark.parametrize(
    "question",
    [
        'who said "mark and I are right here for you"?',
        "「私やマークがそばにいる」ってどういう流れで出てきた言葉?",
    ],
)
def test_a_quote_finds_the_passage_holding_it(library: Library, question: str) -> None:
    assert library.search(question).hits[0].passage.lines == (15, 16)


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("how does the article end", True),
        ("whats the final takeaway from Chen", True),
        ("記事の最後のほうで研究者ってどんな状態って書かれてた?", True),
        ("チェンの締めの言葉的に、AI作る戦いって何?", True),
        ("Where'd the leaked slack msgs end up", False),  # where they ended up
        ("when does the shutdown end", True),  # (the word alone: a preference, never a verdict)
    ],
)
def test_a_question_asks_the_article_s_end(question: str, asks: bool) -> None:
    assert asks_ending(normalize(question)) is asks


def test_the_end_of_the_article_is_its_last_section(library: Library) -> None:
    question = "what are the researchers actually dealing with, per the end of the article"
    assert library.search(question).hits[0].passage.lines == (35, 35)  # (not Chen's, line 11)


@pytest.mark.parametrize("question", ["how does the article end", "記事の最後はどうなってる?"])
def test_the_end_asked_with_no_word_of_its_own_quotes_the_last_section(
    library: Library, question: str
) -> None:
    # (no word of the question is in lines 34-38: they rank first all the same, the last first)
    result = library.search(question)
    assert result.hits[0].passage.lines == (38, 38)
    assert all(h.passage.lines[0] >= 34 for h in result.hits)
