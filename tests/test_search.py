"""Search: ranked passages, the answerable verdict, input checks and the JSON contract."""

from __future__ import annotations

from pathlib import Path

import pytest

from index import Library, QueryError
from index.answertype import AnswerType, asks_people, in_money_sense, question_type, states
from index.bm25 import BM25Index
from index.search import MAX_QUERY_CHARS
from index.tokenize import normalize


@pytest.fixture(scope="module")
def library() -> Library:
    return Library.from_seeds()


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("メタは研究者にいくら提示した?", 7),
        ("ザッカーバーグは勧誘に関わっているの?", 8),
        ("スタッフは週に何時間働いている?", 18),
        ("チェンはメインクエストとサイドクエストについて何と言った?", 27),
        ("How much did Meta offer OpenAI staff?", 7),
        ("How many researchers has OpenAI lost to Meta?", 3),
        ("What did the Go-To-Market employee say about the week off?", 23),
        ("Which outlet got the leaked Slack messages?", 9),
        # a short form the rendering and the glossary do not know finds its long form, and a
        # name's short form is no name unknown to the article
        ("Is Zuck himself involved in the recruiting?", 8),
        # a loanword unidic-lite spells out as letters (ワイ + アード) is still a word of line 9
        ("ワイアードって何?", 9),
        # English words in a Japanese question ask as their Japanese (offer: オファー, 提示)
        ("metaのofferっていくら?", 7),
        # an everyday word the article has only in Japanese (mood: 雰囲気), beside a common one
        # (JA_FLOOR_FOR_EN: the Japanese side is no longer scaled down to "openai"'s score)
        ("what's the mood like at openai", 17),
        # irregular verbs (left: leave, the article's いなくなった; lost)
        ("how many researchers left for meta", 3),
        # a group's name asked: the passage naming it in quotation marks (「超知能」), not the one
        # about how the group is built (line 6) or what the company demands (22)
        ("what's the meta group called", 3),
        # a channel's words for the article's, from the glossary: モチベ (morale, 士気), 誘う
        # (recruiting, リクルート), 営業 (the Go-To-Market team, GTM)
        ("中の人のモチベ下がってるってほんと?", 18),
        ("誰が直接誘ってんの", 8),
        ("営業の人は休みどう思ってたん", 23),
    ],
)
def test_answerable_questions_find_their_line(library: Library, question: str, line: int) -> None:
    result = library.search(question)
    assert result.answerable
    assert result.hits[0].passage.lines[0] == line


@pytest.mark.parametrize(
    "question",
    [
        "東京の天気は?",
        "パンの焼き方を教えて",
        "Pythonでリストをソートするには?",
        "How do I bake bread?",
        "How do I sort a list in Python?",
        "What's the weather in Tokyo?",
        "How old is Sam Altman?",  # names people in the article, asks what it does not say
        "マーク・チェンは何歳?",
        "Where is Meta headquartered?",  # the article names no place
        "OpenAIの休みは何月何日から?",  # it says a week, not which days
        "what time does the shutdown start",  # nor a time of day
        "When was Sam Altman fired?",  # line 31 tells of it, with no time
        "「手を引くように言え」ってアドバイスしたリーダーの名前教えて",  # one leader: no name
    ],
)
def test_questions_the_article_does_not_answer_are_declined(
    library: Library, question: str
) -> None:
    assert not library.search(question).answerable


@pytest.mark.parametrize(
    "question",
    ["メタは何人引き抜いた?", "How many people did Meta poach?", "メタに引き抜かれたのは何人?"],
)
def test_how_many_people_is_answered_where_a_number_of_people_is_stated(
    library: Library, question: str
) -> None:
    # line 2 says "poaching" and counts nobody; line 3: at least eight researchers left
    result = library.search(question)
    assert result.answerable and result.hits[0].passage.lines[0] == 3


@pytest.mark.parametrize(
    ("question", "people"),
    [
        ("メタは何人引き抜いた?", True),
        ("how many researchers did meta poach", True),
        ("how many senior research leaders wrote", True),
        ("何回?", False),
        ("how many days off", False),
    ],
)
def test_asks_people(question: str, people: bool) -> None:
    assert asks_people(normalize(question)) is people


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("メタはいくら出したの?", AnswerType.MONEY),
        ("What's Meta's stock price?", AnswerType.MONEY),  # an amount, though no "how much"
        ("メタの売上高は?", AnswerType.MONEY),
        ("何人がやめた?", AnswerType.COUNT),
        ("How long is the shutdown?", AnswerType.DURATION),
        ("いつ始まった?", AnswerType.DATE),
        ("How old is he?", AnswerType.AGE),
        ("誰が言った?", AnswerType.PERSON),
        ("Why did OpenAI close?", None),
        ("アドバイスしたリーダーの名前教えて", AnswerType.PERSON),  # a person's name
        ("what's the name of the employee who posted?", AnswerType.PERSON),
        ("メタの新チームの名前は?", AnswerType.NAME),  # a team's name: not a person's
        ("SNSで嘆いてた社員、名前わかる?", AnswerType.PERSON),
        ("what's the name of meta's recruiter", AnswerType.PERSON),  # (a possessive before it)
        ("メタのリクルーターの名前は?", AnswerType.PERSON),
        ("what's the name of meta's new team", AnswerType.NAME),
        # the day a thing is to start is a calendar day; since when, or when it started, any time
        ("when exactly does the break start", AnswerType.DAY),
        ("研修はいつから始まるの?", AnswerType.DAY),
        ("ok and the week off, what dates", AnswerType.DAY),
        ("いつから計画されてた?", AnswerType.DATE),  # ("quite a while ago")
        ("when did the poaching start", AnswerType.DATE),
        ("その時代はいつからいつまでか", AnswerType.DATE),  # (JSQuAD's: years)
        ("どこ行ったん、そいつら", None),  # (そいつ, "that guy", holds no いつ, "when")
        ("いつもこんな感じ?", None),
        ("何人か辞めたの?", None),  # (some people: not how many)
        ("いくつか問題あるの?", None),
        ("研究者は何人か?", AnswerType.COUNT),
        ("whats metas new team called", AnswerType.NAME),
        ("what did chen call it", None),  # (his words: index.quoting)
        ("梅雨は別名何と呼ばれるか?", None),  # (JSQuAD's names of anything: no kind)
        ("what are the names of the 8 researchers", AnswerType.PERSON),
        ("メタどんだけ金出したん", AnswerType.MONEY),  # how much, as a channel says it
        ("how much $$ was meta offering", AnswerType.MONEY),
        ("meta paid how much??", AnswerType.MONEY),  # the amount asked last, emphasised
        ("meta paid how much?!", AnswerType.MONEY),
        ("whats the normal salary at openai", AnswerType.MONEY),  # a salary, a budget asked
        ("whats metas total budget for the superintelligence team", AnswerType.MONEY),
        ("how much cash did meta throw around", AnswerType.MONEY),
        ("where is openai's headquarters?", AnswerType.PLACE),
        ("where is it based?", AnswerType.PLACE),
        ("where was that?", None),  # where something said was: a medium as often as a place
        ("どれだけお金がかかった?", AnswerType.MONEY),
        ("OpenAIの離職率って何%くらい?", AnswerType.COUNT),  # a share counts
        ("what percent of staff left?", AnswerType.COUNT),
        ("スパコン何台増えるん", AnswerType.COUNT),  # a counter of things
        ("how big is metas superintelligence team now", AnswerType.COUNT),
        ("how big is the offer", None),
        ("whats openai valued at rn", AnswerType.MONEY),
        ("what does meta pay its regular engineers", AnswerType.MONEY),
        ("what's the average salary at openai", AnswerType.MONEY),
        ("研究者って普段どれくらい給料もらってるの?", AnswerType.MONEY),
        ("どのくらいのお金が動いてるの", AnswerType.MONEY),
        ("お金ってどれくらい?", AnswerType.MONEY),
        ("are they raising salaries?", None),  # a yes or no, not an amount
        ("休みは何月何日から?", AnswerType.DAY),
        # 何日 / 何年 before a verb or an amount's word ask how many, before に / 前 which one
        ("OpenAI何日休むの?", AnswerType.DURATION),
        ("休業は何日くらい?", AnswerType.DURATION),
        ("孵化するのに何日かかる?", AnswerType.DURATION),
        ("何年働いてる?", AnswerType.DURATION),
        ("何日に再開するの?", AnswerType.DAY),
        ("何年にできた会社?", AnswerType.DATE),
        ("何年前の話?", AnswerType.DATE),
        ("What date does it start?", AnswerType.DAY),
        ("本社はどこにあるの?", AnswerType.PLACE),
        ("Where is Meta headquartered?", AnswerType.PLACE),
        ("Where does he live?", AnswerType.PLACE),
        ("where does mark chen come from", AnswerType.PLACE),
        # a figure or a claim comes from a source, not a place
        ("where does the 100 million figure come from", None),
        ("Where did the leaked memo come from?", None),
        # which outlet, where it went: a company answers these as often as a place
        ("どこのメディアに流出した?", None),
        ("Where did the Slack messages leak to?", None),
        ("Where did the researchers go?", None),
    ],
)
def test_question_type(question: str, kind: AnswerType | None) -> None:
    assert question_type(question) is kind


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # "when" and "who" where a question word stands: first, after fillers, a preposition or a
        # conjunction, or last
        ("so when does it start", AnswerType.DAY),  # (the day a thing is to start)
        ("ok wait who is chen", AnswerType.PERSON),
        ("and he's working w who on keeping people", AnswerType.PERSON),
        ("since when?", AnswerType.DATE),
        ("openai shutting down when?", AnswerType.DATE),
        ("he mentioned supercomputers too, when are those coming online?", AnswerType.DATE),
        ("who wrote this article and when was it published", AnswerType.DATE),
        ("do you know who chen is", AnswerType.PERSON),
        # ... elsewhere it joins a clause: the question asks what its first word asks
        ("what did chen say it feels like when ppl get poached", None),
        ("is the person who deleted the post still at openai", None),
        ("what did a leader tell staff who feel pressured", None),
    ],
)
def test_when_and_who_ask_only_where_a_question_word_stands(
    question: str, kind: AnswerType | None
) -> None:
    assert question_type(question) is kind


@pytest.mark.parametrize(
    ("kind", "text", "stated"),
    [
        (AnswerType.DAY, "休みは7月1日から始まる。", True),
        (AnswerType.DAY, "It starts on Monday.", True),
        (AnswerType.DAY, "全社員に完全週休2日制を義務づけている。", False),  # a count of days
        (AnswerType.DAY, "今年後半には稼働する。", False),  # a date, but no day
        # a "when" is answered by a time relative to something too
        (AnswerType.DATE, "これはかなり前から計画されていた。", True),
        (AnswerType.DATE, "小選挙区制導入以降、孤立する傾向がある。", True),
        (AnswerType.DATE, "スーパーコンピューターがオンラインになる予定だ。", False),
        (AnswerType.DATE, "全社員に完全週休2日制を義務づけている。", False),  # no date either
        (AnswerType.DATE, "5月2日に発表した。", True),
        # "may" and "march" are words too: a month only beside a day or a year, or after "in"
        (AnswerType.DATE, "The forced rest may temporarily halt recruiters.", False),
        (AnswerType.DATE, "Staff march on.", False),
        (AnswerType.DATE, "It reopens in May.", True),
        (AnswerType.DATE, "It reopens in early March.", True),
        (AnswerType.DAY, "It reopens on May 3.", True),
        (AnswerType.DATE, "It reopened in January.", True),
        (AnswerType.DATE, "今年後半には稼働する。", True),
        (AnswerType.MONEY, "1億ドル相当の契約ボーナス", True),
    ],
)
def test_states(kind: AnswerType, text: str, stated: bool) -> None:
    assert states(kind, text) is stated


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("?!。、…", "no words"),
        ("🙂🙂🔥", "no words"),
        ("あ" * (MAX_QUERY_CHARS + 1), "too long"),
    ],
)
def test_bad_questions_raise_a_clear_error(library: Library, question: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        library.search(question)


def test_stopword_only_question_is_not_answerable(library: Library) -> None:
    result = library.search("何?")
    assert not result.answerable and result.hits == ()


def test_json_contract(library: Library) -> None:
    data = library.search("メタの1億ドルのオファー", top=2).to_json()
    assert set(data) == {"query", "lang", "answerable", "confidence", "verdict", "hits"}
    assert data["lang"] == "ja" and data["answerable"] is True
    assert data["verdict"] == "answered" and 0.5 < data["confidence"] <= 1
    assert len(data["hits"]) == 2
    hit = data["hits"][0]
    assert set(hit) == {"doc", "passage", "lines", "section", "score", "text", "text_en"}
    assert hit["doc"] == "000_30e68451fde60380.txt"
    assert hit["lines"] == [7, 7] and isinstance(hit["score"], float)
    assert hit["text"].startswith("報道によれば") and hit["text_en"].startswith("According")
    assert library.search("How much?").to_json()["lang"] == "en"


def test_english_questions_without_a_rendering(tmp_path: Path) -> None:
    source = Path(__file__).resolve().parent.parent / "seeds" / "000_30e68451fde60380.txt"
    (tmp_path / "article.txt").write_bytes(source.read_bytes())
    library = Library.from_seeds(tmp_path)
    assert not library.has_english
    result = library.search("How much did Meta offer?")
    assert result.lang == "en"
    assert result.hits[0].passage.lines[0] == 7
    assert result.hits[0].passage.text_en is None
    assert not library.search("How do I bake bread?").answerable


def test_common_terms_keep_a_positive_weight() -> None:
    # rank-bm25's BM25Okapi gives a token in more than half the passages a negative idf and then
    # a floor; ours stays positive and still ranks the passage with the token first.
    docs = [["openai", "メタ"], ["openai"], ["openai", "休み"], ["チェン"]]
    index = BM25Index(docs)
    assert 0 < index.idf("openai") < index.idf("メタ")
    assert index.top(["openai"], 1)[0][0] in (0, 1, 2)
    assert index.top(["チェン"], 4) == [(3, pytest.approx(index.top(["チェン"], 1)[0][1]))]


def test_several_articles_are_searched_at_once(tmp_path: Path) -> None:
    source = Path(__file__).resolve().parent.parent / "seeds"
    for f in source.iterdir():
        (tmp_path / f.name).write_bytes(f.read_bytes())
    (tmp_path / "001_bread.txt").write_text(
        "パンの記事\nパンは小麦粉と水と酵母から作る。\n焼く前に生地を発酵させる。\n",
        encoding="utf-8",
    )
    library = Library.from_seeds(tmp_path)
    assert len(library.articles) == 2
    assert library.search("パンは何から作る?").hits[0].passage.doc == "001_bread.txt"
    # an English question answered by the article without a rendering, beside one with it
    # (found through "produced" -> 作る; "bread" is in no glossary, so the verdict does not answer
    # it). ("made" is "make" since irregular pasts read as their verbs, and the rendering's "make
    # a quick decision", line 14, then outscores the bread article's Japanese side.)
    result = library.search("What is bread produced from?")
    assert result.hits[0].passage.doc == "001_bread.txt"
    assert library.search("メタのオファーはいくら?").hits[0].passage.lines == (7, 7)


@pytest.mark.parametrize(
    "question", ["how much money are we talking", "how much money r we talking"]
)
def test_money_asked_in_words_for_money_finds_the_amount(library: Library, question: str) -> None:
    # "money" is in no sentence of the article: the amount it states is the $100 million (line 7)
    result = library.search(question)
    assert result.hits[0].passage.lines == (7, 7)


@pytest.mark.parametrize(
    "question",
    ["メタはいくら出したの?", "いくら出したの?", "metaはいくら積んだの?", "いくら積まれたの?"],
)
def test_money_given_is_the_amount_offered(library: Library, question: str) -> None:
    # 出す asked with いくら is paying or offering (the article: 提示された, line 7); alone it is
    # as often sending or issuing ("メッセージ出した"); so is 積む, piling money up (it was declined)
    result = library.search(question)
    assert result.hits[0].passage.lines == (7, 7)
    assert result.verdict == "answered"
    assert in_money_sense(["メタ", "出す"]) == ["メタ", "提示", "支払う"]


def test_a_word_counts_as_rare_as_its_synonyms(library: Library) -> None:
    # 休み stands in one passage (23-24), but the article says the week off in many words (休養,
    # 休止, 閉鎖週...): its idf is blended with its most used synonym's, and a question about
    # whether the break stops the exodus finds the answer (32), not the employee who welcomes it.
    assert library._idf_kept("休み") < 1.0
    assert library._idf_kept("流出") == 1.0  # (no synonym of it is used more)
    assert library.search("この休みで流出止まる?").hits[0].passage.lines[0] == 32


@pytest.mark.parametrize("question", ["salary上がるの?", "salaryは?"])
def test_an_english_word_in_a_japanese_question_is_translated_by_its_stem(
    library: Library, question: str
) -> None:
    # "salary" is no word of the rendering; the glossary keys it as its stem, salari (it was
    # searched as written, found nothing, and the question was declined)
    result = library.search(question)
    assert result.verdict == "answered"
    assert {"給与", "給料"} & set(library._with_glossary(list(result.tokens)))


@pytest.mark.parametrize(
    "question",
    ["how much $$ was meta offering oai researchers", "oaiってなんで1週間も会社休みにしたの?"],
)
def test_a_channel_s_short_name_for_a_company_is_known(library: Library, question: str) -> None:
    # oai (OpenAI) and fb (Facebook) are the glossary's names: the question was declined, its
    # subject a name no article uses
    assert library.search(question).verdict == "answered"


def test_a_katakana_name_broken_up_by_its_context_is_the_articles_word(library: Library) -> None:
    # after それって, unidic reads アルトマン as アルト (alto) + マン (man); alone, as one word
    result = library.search("それってアルトマンの件も関係ある?")
    assert "アルトマン" in result.tokens and "アルト" not in result.tokens
    assert result.hits[0].passage.lines == (31, 31)


def test_a_compound_verb_asked_without_its_first_verb(library: Library) -> None:
    # 抜かれた for 引き抜かれた: the articles write 引き抜き (line 2), never 抜く alone
    assert library._compound("抜く") == ("引き抜き",)
    assert library._compound("引き抜く") == ()  # (asked whole: nothing to add)
    result = library.search("結局何人抜かれたの?")
    assert result.answerable and result.hits[0].passage.lines == (2, 2)


def test_a_short_katakana_name_is_the_long_one(library: Library) -> None:
    # ザッカー (read ザッ + カー) begins ザッカーバーグ, as zuck begins zuckerberg
    result = library.search("ザッカーって何してんの")
    assert result.answerable and result.hits[0].passage.lines == (8, 8)


def test_dollar_signs_ask_money(library: Library) -> None:
    # "$$" is money, as "money" and "cash" are: the amount offered (line 7), not the count (3)
    result = library.search("how much $$ was meta dangling in front of openai folks")
    assert result.answerable and result.hits[0].passage.lines == (7, 7)


def test_the_end_asked_of_one_article_among_several(tmp_path: Path) -> None:
    source = Path(__file__).resolve().parent.parent / "seeds"
    for f in source.iterdir():
        (tmp_path / f.name).write_bytes(f.read_bytes())
    (tmp_path / "001_bread.txt").write_text(
        "# パンの記事\n## 材料\nパンは小麦粉と水と酵母から作る。\n"
        "## 食べ方\n焼きたてのパンは香りがいい。\n",
        encoding="utf-8",
    )
    library = Library.from_seeds(tmp_path)
    # the end of the article the question's words find, not of the last one in the library
    bread = library.search("パンの記事の最後はどうなってる?").hits[0].passage
    assert (bread.doc, bread.section) == ("001_bread.txt", "食べ方")
    # (ワイアード is only in line 9: the end is that article's, though the bread one is later)
    openai = library.search("ワイアードの記事の最後はどうなってる?").hits[0].passage
    assert (openai.doc, openai.lines) == ("000_30e68451fde60380.txt", (38, 38))


@pytest.mark.parametrize(
    ("message", "lines"),
    [
        ("why is openai shutting down and how much did meta offer", {4, 7}),
        ("メタはいくら出したの?それとチェンは何て言ってた?", {7, 9}),
    ],
)
def test_a_message_asking_two_things_is_answered_part_by_part(
    library: Library, message: str, lines: set[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from index import search

    result = library.search(message)
    assert result.verdict == "answered"
    assert {h.passage.lines[0] for h in result.hits[:2]} == lines
    monkeypatch.setattr(search, "COMPOUND", False)  # (whole, the article does not answer it)
    assert not library.search(message).answerable


@pytest.mark.parametrize(
    "message",
    [
        "how much did meta offer and how do i bake bread",
        "what is the capital of france and how tall is mount fuji",
    ],
)
def test_a_message_asking_two_things_is_declined_unless_the_article_answers_both(
    library: Library, message: str
) -> None:
    assert not library.search(message).answerable


def test_a_message_of_many_questions_is_searched_whole(library: Library) -> None:
    # (each part would be a search of its own: a message of many question marks costs one)
    message = "how much did meta offer? who is chen? why the shutdown? what did chen say?"
    assert library.search(message) == library._search(message)
