"""Whether it works or what is done about it asked, and the passages saying so (index.outcome)."""

import pytest

from index import Library
from index.followup import Turn, resolve
from index.followup_eval import quoted
from index.outcome import (
    asks_condition,
    asks_effect,
    asks_response,
    asks_works,
    tells_response,
    unframed,
    weighs_condition,
    weighs_effect,
)


@pytest.mark.parametrize(
    ("question", "effect"),
    [
        ("is it gonna work", True),
        ("does that actually work?", True),
        ("will it work out", True),
        ("それで効果あるの?", True),
        ("強制休暇ってぶっちゃけ効果あんの?", True),
        ("what happens if meta's recruiting push actually works", True),
        ("メタが勝ったらどうなる", True),
        ("metaの引き抜きがうまくいったらどうなんの", True),
        ("休み中の仕事はどうなるの", False),
        # the staff's work
        ("do they work 80 hours", False),
        ("how many hours do they work", False),
        ("are they gonna work weekends", False),
        # a measure working, not people ("do the execs still work?": whether they work)
        ("Does the forced break work?", True),
        ("will this plan even work", True),
        ("do the execs still work?", False),
        ("OpenAIの社員は週何時間働いてるの?", False),
        # whether it stops what it is meant to, not how it does
        ("will the week off actually stop the poaching", True),
        ("is one week off enough to stop ppl quitting", True),
        ("how would the shutdown slow down meta's hiring", False),
    ],
)
def test_asks_effect(question: str, effect: bool) -> None:
    assert asks_effect(question) is effect


def test_work_asking_whether_it_works_is_not_searched() -> None:
    assert unframed("is it actually gonna work tho") == "is it actually gonna tho"
    assert unframed("do they work 80 hours") == "do they work 80 hours"
    assert unframed("does the forced break work?") == "does the forced break?"


@pytest.mark.parametrize(
    ("question", "condition", "works"),
    [
        ("is it gonna work", False, True),
        ("それで効果あるの?", False, True),
        ("will the week off actually stop the poaching", False, True),
        ("what happens if meta wins this", True, False),
        ("メタが勝ったらどうなる", True, False),
        ("もしそれがうまくいったら?", True, False),
        # what effect it had: the consequence told, not whether a measure works
        ("what effect did that have?", False, False),
        ("どんな効果があったの?", False, False),
    ],
)
def test_what_comes_if_or_whether_it_works(question: str, condition: bool, works: bool) -> None:
    assert asks_condition(question) is condition
    assert asks_works(question) is works


def test_a_hedged_effect_or_condition_is_weighed() -> None:
    # line 32 weighs what the measure may stop; line 37 what comes if Meta succeeds
    assert weighs_effect("強制的な休養は、リクルーターの進出を一時的に止めるかもしれないが")
    assert weighs_effect("The forced rest may temporarily halt recruiters' advances")
    assert weighs_condition(
        "もしメタの冷酷な勧誘が成功すれば、AI開発の未来は大きく変わるかもしれない。"
    )
    assert weighs_condition("If Meta's ruthless recruiting succeeds, the future could change")
    # a warning of what someone will do is neither (line 15)
    warning = "Another warned that Meta would “take advantage of” the company's shutdown week"
    assert not weighs_effect(warning) and not weighs_condition(warning)
    assert not weighs_effect("スタッフは週80時間という過酷な労働を強いられており")


def test_whether_it_works_finds_the_outcome_weighed(library: Library) -> None:
    # line 37: "If Meta's ruthless recruiting succeeds, the future of AI development could change
    # dramatically"; without the preference, line 14 (what a leader advised) came first
    hits = library.search("what happens if meta's recruiting push actually works").hits
    assert hits[0].passage.lines[0] == 37


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("why did openai give everyone a week off", "is it gonna work"),
        ("openaiなんで1週間も会社止めたん", "それ効果あるの?"),
    ],
)
def test_whether_it_works_in_a_follow_up_finds_the_passage_weighing_it(
    library: Library, first: str, then: str
) -> None:
    # the earlier question's words ("week off") are not line 32's ("the forced rest may
    # temporarily halt recruiters' advances"): line 23 (the week off is "super welcome") came first
    opening = resolve(library, first, None).result
    turn = Turn(first, opening.lang, quoted(opening))
    assert resolve(library, then, turn).result.hits[0].passage.lines[0] == 32


@pytest.mark.parametrize(
    ("question", "response"),
    [
        ("what's he doing about it?", True),
        ("is sam altman actually doing anything about the poaching", True),
        ("how are openai's leaders reacting", True),
        ("how's openai responding", True),  # (contractions as their long forms)
        ("how'd openai's bosses react", True),
        ("で、対策は?", True),
        ("チェンたちはそれにどう対策してんの", True),
        # what someone said or felt about it is no response asked
        ("what did he say about the poaching", False),
        ("how did he feel about it", False),
        ("did chen say anything about that tension", False),
    ],
)
def test_asks_response(question: str, response: bool) -> None:
    assert asks_response(question) is response


def test_a_response_is_told() -> None:
    assert tells_response("給与を再調整し、新たなインセンティブを模索している")
    assert tells_response("OpenAI's top brass are scrambling to come up with countermeasures")
    assert not tells_response('"I have a visceral feeling right now"')


def test_what_he_does_about_it_follows_his_quote_with_his_response(library: Library) -> None:
    # line 9-10 quote Chen; line 11 tells what he is doing (retaining talent with Altman)
    previous = None
    for question in ("what did mark chen say in slack", "ok and what is he doing about it"):
        resolved = resolve(library, question, previous)
        result = resolved.result
        previous = Turn(question, result.lang, quoted(result), resolved.context)
    assert result.hits[0].passage.lines[0] == 11
