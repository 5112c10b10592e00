"""Answer spans: the words stating the fact asked for, and the sentence that answers."""

from __future__ import annotations

import pytest

from index.answertype import AnswerType, question_type
from index.spans import best_sentence, fact_span, focus, sentences
from index.tokenize import EnglishTokenizer, JapaneseTokenizer

JA = JapaneseTokenizer()

SPANS = [
    # (question, passage text, the span expected; None: no span claimed)
    (
        "メタは研究者にいくら提示した?",
        "報道によれば、OpenAIのスタッフの何人かは、1億ドル相当の契約ボーナスと初年度の報酬パッケージを提示されたという。",
        "1億ドル相当",
    ),
    (
        "How much did Meta offer?",
        "According to reports, several OpenAI staff members were offered signing bonuses and first-year compensation packages worth $100 million.",
        "$100 million",
    ),
    ("予算はいくら?", "予算は年間2億3,580万ドルに上った。", "年間2億3,580万ドル"),
    ("罰金はいくら?", "裁判所は罰金1億8千万円を言い渡した。", "1億8千万円"),
    ("How much was the fine?", "The court fined it 2.5 billion yen in May.", "2.5 billion yen"),
    (
        "何人の研究者がいなくなった?",
        "メタ社が新たに結成した「超知能」チームに、少なくとも8人の研究者がいなくなった。",
        "少なくとも8人",
    ),
    ("参加者は何名?", "会議には約120名が参加した。", "約120名"),
    (
        "How many researchers left?",
        "At least eight researchers have been lost to the team newly formed by Meta.",
        "At least eight",
    ),
    (
        "スタッフは週に何時間働いている?",
        "スタッフは週80時間という過酷な労働を強いられており、士気は低下している。",
        "週80時間",
    ),
    (
        "How many hours a week do staff work?",
        "Staff are being forced to work grueling 80-hour weeks, and morale has dropped.",
        "80-hour weeks",
    ),
    ("研修は何年間?", "登録には最低7年間の研修が必要である。", "最低7年間"),
    (
        "How long did the strike last?",
        "The strike lasted three weeks before a deal.",
        "three weeks",
    ),
    (
        "試験放送を開始したのは何月何日?",
        "同局は2011年4月22日に試験放送を開始した。",
        "2011年4月22日",
    ),
    ("いつ民営化された?", "普及指導業務は1990年代に民営化された。", "1990年代"),
    # "may" is a verb here, a month there
    ("When does the break start?", "The forced rest may temporarily halt recruiters.", None),
    ("When does the break start?", "The forced rest may end, but it starts in May.", "May"),
    (
        "梅雨入りはいつ?",
        "5月下旬から6月上旬ごろになると、九州が梅雨前線の影響下に入る。",
        "5月下旬から6月上旬ごろ",
    ),
    (
        "When will more supercomputers come online?",
        "We need to stay focused (though more supercomputers are scheduled to come online later this year) on the main goal.",
        "later this year",
    ),
    (
        "What date was it signed?",
        "The treaty was signed on March 3, 1999 in Paris.",
        "March 3, 1999",
    ),
    ("彼は何歳で結婚した?", "マーラーは41歳で結婚した。", "41歳"),
    ("How old was he?", "He was 41 years old when he married.", "41 years old"),
    (
        "OpenAIの最高研究責任者は誰?",
        "OpenAIのマーク・チェン最高研究責任者(CRO)は不満を露骨に表明した:",
        "マーク・チェン",
    ),
    (
        "Who is OpenAI's chief research officer?",
        "In internal Slack messages leaked to Wired, OpenAI Chief Research Officer (CRO) Mark Chen bluntly voiced his frustration:",
        "Mark Chen",
    ),
    (
        "CEOは誰?",
        "チェンは、サム・アルトマン最高経営責任者(CEO)とともに人材確保に取り組んでいる。",
        "サム・アルトマン",
    ),
    (
        "初めて公式訪問したのは誰?",
        "1991年にベアトリクス女王が初めて公式訪問した。",
        "ベアトリクス女王",
    ),
    # Honest when unsure: no fact of the kind asked for, no span.
    ("サム・アルトマンは何歳?", "サム・アルトマン最高経営責任者の劇的な退任と復帰があった。", None),
    ("How old is Sam Altman?", "The dramatic departure and return of CEO Sam Altman.", None),
    ("いくらもらえる?", "メタのAIチーム構築へのアプローチは、驚くほど積極的だ。", None),
    ("What did Chen say?", "Chen's memo acknowledged this tension.", None),
    # A counter after its number counts people; the people are the noun after it.
    ("Who else sent messages?", "他の7人の研究責任者がメッセージを送っている。", "研究責任者"),
    ("誰が辞めた?", "3人が辞めた。", None),
]


@pytest.mark.parametrize(("question", "text", "expected"), SPANS)
def test_fact_span(question: str, text: str, expected: str | None) -> None:
    span = fact_span(question_type(question), text, question=question, tagger=JA)
    assert (text[span[0] : span[1]] if span else None) == expected


def test_span_in_the_best_sentence_first() -> None:
    text = "2010年に設立された。同社は2015年に上場した。"
    span = fact_span(AnswerType.DATE, text, question="いつ上場した?", within=(11, len(text)))
    assert span is not None and text[span[0] : span[1]] == "2015年"


def test_words_the_question_says_are_not_its_answer() -> None:
    text = "マーク・チェンはサム・アルトマンとともに取り組んだ。"
    span = fact_span(AnswerType.PERSON, text, question="マーク・チェンは誰と取り組んだ?", tagger=JA)
    assert span is not None and text[span[0] : span[1]] == "サム・アルトマン"


SENTENCES = [
    (
        "ja",
        "首都はどこにある?",
        "その国は東南アジアにある。首都はビエンチャンにある。人口は約700万人。",
        "首都はビエンチャンにある。",
    ),
    (
        "en",
        "How many people live there?",
        "The country is in Southeast Asia. Its capital is Vientiane. About seven million people live there.",
        "About seven million people live there.",
    ),
]


@pytest.mark.parametrize(("lang", "question", "text", "expected"), SENTENCES)
def test_best_sentence(lang: str, question: str, text: str, expected: str) -> None:
    tokenize = JA if lang == "ja" else EnglishTokenizer()
    start, end = best_sentence(text, tokenize(question), tokenize, question=question)
    assert text[start:end] == expected


def test_sentences_are_verbatim_slices() -> None:
    text = '一文目。 二文目!"三文目" Fourth one. Fifth?'
    spans = sentences(text)
    assert len(spans) >= 3
    assert all(text[a:b].strip() == text[a:b] and a < b for a, b in spans)
    assert [a for a, _ in spans] == sorted(a for a, _ in spans)


def test_focus_on_the_article(library) -> None:
    passage = next(p for p in library.passages if p.lines[0] == 18)
    ja = focus(library, "スタッフは週に何時間働いている?", passage.text)
    assert ja.span and passage.text[ja.span[0] : ja.span[1]] == "週80時間"
    assert passage.text_en is not None
    en = focus(library, "How many hours a week do staff work?", passage.text_en)
    assert en.span and passage.text_en[en.span[0] : en.span[1]] == "80-hour weeks"
    # an open question gets a sentence and no span
    open_ = focus(library, "What do the staff feel?", passage.text_en)
    assert open_.span is None and open_.sentence[1] > open_.sentence[0]


def test_jsquad_keeps_answers_with_offsets(tmp_path) -> None:
    import json

    from index.jsquad import convert

    context = "東京 [SEP] 東京は  日本の首都である。人口は約1400万人。"
    qas = [
        {
            "id": "q1",
            "question": "人口は何人?",
            "answers": [
                {"text": "約1400万人", "answer_start": 23},
                {"text": "1400万人", "answer_start": 24},
            ],
        }
    ]
    source = tmp_path / "jsquad.json"
    data = {"data": [{"title": "東京", "paragraphs": [{"context": context, "qas": qas}]}]}
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    convert(source, tmp_path / "out")
    line = (tmp_path / "out" / "000_東京.txt").read_text(encoding="utf-8").splitlines()[1]
    question = json.loads((tmp_path / "out" / "questions.jsonl").read_text(encoding="utf-8"))
    assert [line[a["start"] : a["start"] + len(a["text"])] for a in question["answers"]] == [
        "約1400万人",
        "1400万人",
    ]


@pytest.mark.parametrize("name", ["spans_tuning", "spans_heldout"])
def test_span_figures_on_our_article_hold(library, name: str) -> None:
    """The figures in the README (`python -m index eval --spans tests/data/<name>.jsonl`) as
    floors: the sentence shown first holds the answer, and the span is the answer's words."""
    from pathlib import Path

    from index.spanscore import load_span_questions, score_spans

    path = Path(__file__).parent / "data" / f"{name}.jsonl"
    report = score_spans(library, load_span_questions(path)).as_dict()
    assert report["sentence_holds_answer"] >= 0.9
    assert report["span_exact_or_overlap"] >= 0.85
    assert report["fact_questions"] >= 15


def test_the_language_toggle_marks_both_languages(library) -> None:
    from bot.answer import compose

    # A Japanese question answered in English (the 日本語 / English button): the span is the
    # rendering's, and the original's is marked too.
    q = compose(library, "メタは研究者にいくら提示した?", lang="en").quotes[0]
    assert q.focus and q.text[q.focus[0] : q.focus[1]] == "$100 million"
    assert (
        q.original_focus and q.original[q.original_focus[0] : q.original_focus[1]] == "1億ドル相当"
    )
    q = compose(library, "How much did Meta offer?", lang="ja").quotes[0]
    assert q.focus and q.text[q.focus[0] : q.focus[1]] == "1億ドル相当"


def test_eval_spans_command(tmp_path, capsys) -> None:
    import json

    from index.cli import main

    rows = [
        {
            "id": "a",
            "lang": "ja",
            "q": "メタは研究者にいくら提示した?",
            "gold": [7],
            "answers": [{"text": "1億ドル"}],
        },
        {
            "id": "b",
            "lang": "en",
            "q": "Who is the CEO of OpenAI?",
            "gold": [11, 31],
            "answers": [{"text": "Sam Altman"}],
        },
        {
            "id": "c",
            "lang": "en",
            "q": "What do staff feel?",
            "gold": [18],
            "answers": [{"text": "morale"}],
        },
    ]
    path = tmp_path / "q.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    assert main(["eval", "--spans", str(path)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["questions"] == 3 and report["fact_questions"] == 2
    # 1億ドル相当 holds 1億ドル with 2 characters more: overlap, not exact
    assert report["span_exact"] == 0.5 and report["span_exact_or_overlap"] == 1.0


def test_who_says_so_sets_no_name_in_bold(library) -> None:
    # "says who?" asks whose claim it is ("according to sources"); a "who" question's span would
    # have set Meta's in bold, line 14
    text = library.passages[[p.lines[0] for p in library.passages].index(14)].text_en
    assert focus(library, "says who?", text).span is None
    assert focus(library, "who told staff to back off?", text).span is not None
