"""Whether it works asked, and passages weighing a likely outcome (index.outcome)."""

import pytest

from index import Library
from index.outcome import asks_effect, unframed, weighs_outcome


@pytest.mark.parametrize(
    ("question", "effect"),
    [
        ("is it gonna work", True),
        ("does that actually work?", True),
        ("will it work out", True),
        ("それで効果あるの?", True),
        ("強制休暇ってぶっちゃけ効果あんの?", True),
        ("what happens if meta's recruiting push actually works", True),
        # the staff's work
        ("do they work 80 hours", False),
        ("how many hours do they work", False),
        ("are they gonna work weekends", False),
        ("OpenAIの社員は週何時間働いてるの?", False),
    ],
)
def test_asks_effect(question: str, effect: bool) -> None:
    assert asks_effect(question) is effect


def test_work_asking_whether_it_works_is_not_searched() -> None:
    assert unframed("is it actually gonna work tho") == "is it actually gonna tho"
    assert unframed("do they work 80 hours") == "do they work 80 hours"


def test_a_hedged_outcome_is_weighed() -> None:
    assert weighs_outcome("強制的な休養は、リクルーターの進出を一時的に止めるかもしれないが")
    assert weighs_outcome("The forced rest may temporarily halt recruiters' advances")
    assert not weighs_outcome("スタッフは週80時間という過酷な労働を強いられており")


def test_whether_it_works_finds_the_outcome_weighed(library: Library) -> None:
    # line 37: "If Meta's ruthless recruiting succeeds, the future of AI development could change
    # dramatically"; without the preference, line 14 (what a leader advised) came first
    hits = library.search("what happens if meta's recruiting push actually works").hits
    assert hits[0].passage.lines[0] == 37
