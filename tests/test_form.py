"""How a question is put (index.form): its words masked, the learned weights, and what they say."""

from __future__ import annotations

import pytest

from index.form import Form, features, masked
from index.search import Library
from index.tokenize import normalize


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # a content word the articles use is K, one they never do U (+ its part of speech)
        (
            "来週有給とって休みにしようかな",
            ["U名", "U名", "K", "て", "K", "に", "しよう", "か", "な"],
        ),
        ("チェンは何て言ってたっけ", ["K", "は", "何", "て", "言っ", "て", "た", "っけ"]),
        # English: function words as written, content words K or U
        ("any tips for leading a small team", ["any", "U", "for", "U", "a", "U", "K"]),
        ("What did Mark Chen say?", ["what", "did", "K", "K", "say"]),
    ],
)
def test_a_question_is_read_as_its_form(library: Library, question: str, expected: list[str]):
    text = normalize(question)
    lang, words = masked(
        text,
        not text.isascii(),
        library.tokenize_ja,
        library.tokenize_en,
        library.ja.idf if not text.isascii() else library.en.idf,
    )
    assert words == expected
    assert lang == ("en" if text.isascii() else "ja")


def test_features_are_words_and_pairs_from_start_to_end():
    assert features("en", ["what", "did", "K"]) == {
        "en:<s>",
        "en:what",
        "en:did",
        "en:K",
        "en:</s>",
        "en:<s> what",
        "en:what did",
        "en:did K",
        "en:K </s>",
    }


def test_fit_weighs_a_feature_by_where_it_is_seen_and_drops_rare_ones():
    article = frozenset({"en:did", "en:K"})
    everyday = frozenset({"en:my", "en:K"})
    form = Form.fit([(article, True)] * 3 + [(everyday, False)] * 3 + [({"en:once"}, True)])
    assert form.weights["en:did"] > 0 > form.weights["en:my"]
    assert "en:once" not in form.weights  # seen once: no weight
    assert form.score({"en:did", "en:unseen"}) == form.weights["en:did"]
    assert Form({"en:did": 50.0}).score({"en:did"}) == Form({}).clip


@pytest.mark.parametrize(
    ("everyday", "about_the_article"),
    [
        # (none of them in the sets the form was learned from)
        (
            "上司にプレッシャーかけられてるんだけどどうしたらいい?",
            "ザッカーバーグって何て言ってたっけ",
        ),
        ("来週から1週間休みだから旅行でも行こうかな", "社員は週に何時間働かされてるの?"),
        ("how do i ask my boss for a raise", "what did mark chen say"),
        ("should i take a week off in december", "did openai give everyone a week off"),
    ],
)
def test_the_shipped_form_tells_a_channels_everyday_question_from_one_about_the_article(
    library: Library, everyday: str, about_the_article: str
):
    score = library.form.score
    assert (
        score(library.form_features(everyday)) < 0 < score(library.form_features(about_the_article))
    )


def test_a_follow_up_put_as_a_fragment_is_put_as_the_question_it_follows(library: Library):
    first = library.search("what did mark chen say")
    alone = library.search("how many so far")
    follow = library.search("how many so far", context=first.query)
    assert first.evidence is not None and alone.evidence is not None
    assert follow.evidence is not None
    assert follow.evidence.form == max(alone.evidence.form, first.evidence.form)


@pytest.mark.parametrize(
    "question",
    [
        "is the break gonna work",
        "will the shutdown even work lol",
        "休みって効果あるの",
        "what did chen say",
    ],
)
def test_the_form_is_learned_from_the_question_as_the_search_reads_it(
    library: Library, question: str
):
    # (index.verdict_fit learns from form_features: "work" asked of a measure is not the staff's)
    result = library.search(question)
    assert result.evidence is not None
    assert result.evidence.form == library.form.score(library.form_features(question))
