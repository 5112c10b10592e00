"""A conversation as the console, `python -m bot chat` and the bot hold it: follow-ups answered
with the turn before in mind, "(about: ...)" shown only then, and the reply language."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.console import Console
from bot.conversation import Conversation, about
from bot.render import answer_text
from index import Library

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("first", "follow_up", "line", "lang", "shown"),
    [
        (
            "マーク・チェンってOpenAIでどういうポジションの人?",
            "彼は何て言ってた?",
            9,
            "ja",
            "を受けて",
        ),
        ("What is Mark Chen's role at OpenAI?", "What did he say?", 9, "en", "(about: "),
        # a follow-up in the other script is answered in its own language
        ("メタはいくら提示したの?", "To whom?", 7, "en", "(about: "),
        # no clue to the language: the conversation's
        ("メタはいくら提示したの?", "1億ドル?", 7, "ja", "を受けて"),
        ("How much did Meta offer?", "$100 million?", 7, "en", "(about: "),
        # "he" is whom the last answer named when the question before named no one (the short
        # answer: his name)
        ("家に泥棒入ったみたいって誰のセリフ?", "その人何者?", 9, "ja", "マーク・チェン"),
    ],
)
def test_a_follow_up_is_answered_with_the_question_before(
    library: Library, first: str, follow_up: str, line: int, lang: str, shown: str
) -> None:
    chat = Conversation(library, default_lang="ja")
    alone = chat.ask(first)
    assert about(alone) is None and "(about" not in answer_text(alone)
    answer = chat.ask(follow_up)
    assert answer.lang == lang and about(answer) == first
    assert answer.quotes[0].passage.lines[0] == line
    assert shown in answer_text(answer).splitlines()[2]


def test_a_new_topic_is_answered_as_alone(library: Library) -> None:
    chat = Conversation(library)
    chat.ask("How many researchers did Meta poach?")
    answer = chat.ask("How many hours do OpenAI employees work a week?")
    assert about(answer) is None
    assert answer == Conversation(library).ask("How many hours do OpenAI employees work a week?")


@pytest.mark.parametrize("thanks", ["thanks!", "ok thanks", "ありがとう", "なるほど〜"])
def test_thanks_in_a_conversation_is_no_turn_of_its_own(library: Library, thanks: str) -> None:
    chat = Conversation(library)
    chat.ask("Who is Zuckerberg?")
    reply = chat.ask(thanks)
    assert reply.social is not None
    assert reply.quotes == () and reply.context == () and "(about" not in answer_text(reply)
    # the next follow-up still follows the question
    answer = chat.ask("How old is he?")
    assert about(answer) == "Who is Zuckerberg?"
    assert answer.quotes[0].passage.lines[0] == 8


@pytest.mark.parametrize(
    ("first", "why"), [("what's this article about?", "why tho"), ("何があったの?", "なんで?")]
)
def test_a_follow_up_of_the_summary_follows_the_headline(
    library: Library, first: str, why: str
) -> None:
    chat = Conversation(library)
    assert chat.ask(first).gist
    answer = chat.ask(why)
    # ("why?" had nothing to search: the summary's question has no words of its own)
    assert answer.verdict == "answered" and about(answer) == library.articles[0].title_in(
        answer.lang
    )
    assert (4, 4) in [q.passage.lines for q in answer.quotes]  # the strategy against Meta


def test_source_and_another_language_repeat_the_last_answer(library: Library) -> None:
    chat = Conversation(library, default_lang="ja")
    first = chat.ask("メタはいくら提示したの?")
    english = chat.ask("英語で")
    assert english.again and english.lang == "en" and english.verdict == first.verdict
    assert [q.citation.lines for q in english.quotes] == [q.citation.lines for q in first.quotes]
    assert english.quotes[0].focus is not None  # the amount marked, as for the question itself
    source = chat.ask("source?")
    assert source.again and source.lang == "en" and source.quotes[0].citation.lines == (7, 7)
    # the next follow-up still follows the question, not "source?"
    assert about(chat.ask("To whom?")) == "メタはいくら提示したの?"
    # "source?" first in a conversation, or after nothing quoted, is a question like any other
    assert not Conversation(library).ask("source?").again


def test_the_console_is_one_conversation(library: Library) -> None:
    out = io.StringIO()
    Console(library, "en", out=out).run(
        io.StringIO("What is Mark Chen's role at OpenAI?\nWhat did he say?\n")
    )
    assert "(about: What is Mark Chen's role at OpenAI?)" in out.getvalue()


def test_chat_json_reads_one_conversation_from_stdin(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "BOT_"))}
    lines = "メタはいくら提示したの?\n誰に?\n\nHow many hours a week do staff work?\n"
    out = subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--json"],
        input=lines,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(ROOT), "BOT_RECORDS_PATH": str(tmp_path / "r.sqlite3")},
        check=True,
        timeout=60,
    ).stdout
    turns = [json.loads(line) for line in out.splitlines()]
    assert [t["context"] for t in turns] == [None, "メタはいくら提示したの?", None]
    assert [t["lang"] for t in turns] == ["ja", "ja", "en"]
    assert {"answered", "text", "quotes"} <= set(turns[0])


@pytest.mark.parametrize(
    "questions",
    [
        ("How much did Meta offer?", "To whom?", "tell me more"),
        ("メタは何人引き抜いたの?", "その人たちはどこに行った?", "なぜ?"),
        ("What's the weather in Tokyo?", "and tomorrow?"),
    ],
)
def test_eval_chat_replays_the_turns_the_bot_keeps(library: Library, questions: tuple) -> None:
    # index.followup_eval replays a conversation keeping what each reply quotes, as the bot does.
    from index.followup import Turn, resolve
    from index.followup_eval import quoted

    chat = Conversation(library)
    previous: Turn | None = None
    for question in questions:
        resolved = resolve(library, question, previous, top=10)
        previous = Turn(question, resolved.result.lang, quoted(resolved.result), resolved.context)
        chat.ask(question)
        assert chat.previous is not None and chat.previous.passages == previous.passages


@pytest.mark.parametrize(
    ("first", "then", "verdict"),
    [
        # a new subject the article never mentions, put as a follow-up: judged alone
        ("What did Meta offer?", "what about pizza", "off_topic"),
        ("メタは何人引き抜いたの?", "じゃあ明日の天気は?", "off_topic"),
        # ... which "so far" is not: it asks the last topic's count up to now
        ("which meta team are openai researchers going to", "how many so far", "answered"),
        # ... but a relation of the last topic (its effect, its cause) is asked of it
        ("ザッカーバーグは勧誘に関わってるの?", "その影響は?", "answered"),
        ("燃え尽きのリスクって書いてある?", "原因は?", "answered"),
        # ... and so is why something was said (say: a verb of saying, not a subject)
        ("what did chen say about the side quest", "why is he even saying that?", "answered"),
        # a relation the articles never name is neither a name nor what they miss (both declined)
        ("Does the forced break work?", "Any downside?", "answered"),
        ("強制的な休みって効果あるの?", "デメリットは?", "answered"),
        (
            "チェンとアルトマンって人材引き止めのために何してんの?",
            "それどんくらいのペースでやってんの?",
            "answered",
        ),
    ],
)
def test_a_follow_up_naming_a_subject_of_its_own_is_judged_alone(
    library: Library, first: str, then: str, verdict: str
) -> None:
    chat = Conversation(library)
    assert chat.ask(first).verdict == "answered"
    answer = chat.ask(then)
    assert answer.verdict == verdict
    assert bool(answer.quotes) is (verdict != "off_topic")


def test_an_off_topic_follow_up_does_not_say_what_it_was_taken_to_be_about(
    library: Library,
) -> None:
    from bot.render import answer_text

    chat = Conversation(library, default_lang="ja")
    chat.ask("メタは何人引き抜いたの?")
    related = chat.ask("その人たちはどこに行ったの?")
    assert "メタは何人引き抜いたの?" in answer_text(related)  # (「…」を受けて)
    chat = Conversation(library, default_lang="ja")
    chat.ask("メタは何人引き抜いたの?")
    off = chat.ask("じゃあ明日の天気は?")
    assert off.verdict == "off_topic" and "メタは何人引き抜いたの?" not in answer_text(off)


@pytest.mark.parametrize(
    ("then", "lang"),
    [
        ("80 hours?", "en"),  # a common English word: English, with no function word
        ("Sam Altman?", "ja"),  # a name: the conversation's language
        ("1億ドル?", "ja"),
    ],
)
def test_a_follow_up_without_an_english_function_word(
    library: Library, then: str, lang: str
) -> None:
    chat = Conversation(library, default_lang="ja")
    chat.ask("スタッフの労働時間は?")
    assert chat.ask(then).lang == lang


def test_a_bare_why_after_an_answer_asks_its_cause(library: Library) -> None:
    # the pause may not stop the exodus (32); why not: years of growth, pressure and upheaval
    # left the culture fragile (31, "ため"), not the employee's view of the week off (23-24)
    chat = Conversation(library)
    chat.ask("is the week off enough to stop people leaving?")
    assert chat.ask("why not?").quotes[0].passage.lines[0] in (30, 31, 32)
    # ... and so is one whose own word no article uses (下がる): morale fell with the departures
    chat = Conversation(library)
    chat.ask("openaiの社員の士気ってどうなってんの?")
    assert chat.ask("なんで下がってるの?").quotes[0].passage.lines == (18, 18)


@pytest.mark.parametrize(
    ("first", "second", "then"),
    [
        ("how many openai researchers went to meta?", "which team?", "how much?"),
        ("メタに何人くらい引き抜かれたの?", "どこのチーム?", "いくらで?"),
    ],
)
def test_a_follow_up_asking_an_amount_finds_the_passage_stating_one(
    library: Library, first: str, second: str, then: str
) -> None:
    # the team (line 3) was the last answer; the amount is the offer's (line 7): it was declined
    chat = Conversation(library)
    chat.ask(first)
    chat.ask(second)
    answer = chat.ask(then)
    assert answer.verdict == "answered" and answer.quotes[0].passage.lines == (7, 7)


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("says who?", True),
        ("who says the break is actually a strategy?", True),
        ("誰が言ってるの?", True),
        ("who said that?", True),
        ("who said it felt like someone broke into their home", False),  # whose words: Chen's
        ("what did chen say?", False),
    ],
)
def test_who_says_so(question: str, asks: bool) -> None:
    from index.quoting import asks_source
    from index.tokenize import normalize

    assert asks_source(normalize(question)) is asks


def test_who_says_so_finds_the_claim_s_source(library: Library) -> None:
    # line 4: "according to sources, ... a strategic move"; it was 30, the leadership's own claim
    assert library.search("who says the break is actually a strategy?").hits[0].passage.lines == (
        4,
        4,
    )
