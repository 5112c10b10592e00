"""The words of a passage that answer a question: the best sentence, and the span stating the fact.

Pure functions over text, offsets into the text as given (verbatim, never normalised): the bot
bolds `text[start:end]`, so removing the markup gives the passage back. A question asking for a
kind of fact (index.answertype) gets the span that states one, "1億ドル相当", "$100 million",
"少なくとも8人", "週80時間", or none when the passage states no fact of that kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from .answertype import AnswerType, question_type
from .passages import split_sentences
from .questionform import plain
from .quoting import asks_source
from .tokenize import (
    KEPT_TOKENS,
    JapaneseTokenizer,
    Tokenizer,
    is_japanese,
    kept_tokens,
    normalize,
)

if TYPE_CHECKING:
    from .search import Library

Span = tuple[int, int]

# The three settings below were chosen together on JSQuAD's even-numbered articles (the odd ones
# held out) by `python -m index eval --spans --sweep --articles even` (index.spanscore.SWEEP;
# README, "Answer spans").
# A sentence holding a fact of the kind asked for is worth this share of the question's weight more.
FACT_SENTENCE_BONUS = 0.5
# ... and the share of the question's letter pairs a sentence holds counts this much: a question
# often copies the sentence's words in forms the tokens miss (活用, compounds).
BIGRAM_WEIGHT = 1.0
# A sentence's score is divided by 1 + SENTENCE_LENGTH_B x (its length / the mean length - 1), as
# BM25's b does for documents: a long sentence holds some of the question's words by chance.
SENTENCE_LENGTH_B = 0.25

_KANJI_NUM = "〇一二三四五六七八九十百千万億兆数"
# A number: Arabic (any width: \d is Unicode) or kanji, with 万 / 億 inside (1億2,000万).
_N = rf"(?:\d[\d,，.．]*|[{_KANJI_NUM}]+)(?:[百千万億兆](?:\d[\d,，.．]*|[{_KANJI_NUM}]+)?)*"
_PRE = (
    r"(?:少なくとも|最低|最大|最高|約|およそ|おおよそ|わずか|計|合計|総額|年間|月額|年額|毎週|毎月"
    r"|毎年|一日|(?<![\d〇一二三四五六七八九十百千万億兆])(?:週|月|年|日))?"
)
_SUF = r"(?:相当|以上|以下|未満|近く|余り|あまり|程度|ほど|前後|超|強|弱|足らず|余)?"
_EN_NUM = (
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
    r"thirty|forty|fifty|hundred|a dozen|dozens|hundreds|thousands|several|a few)"
)
_EN_PRE = r"(?:(?:at least|at most|about|around|roughly|nearly|almost|over|more than|less than|fewer than|up to|some|only|just)\s+)?"
_MONTHS = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?"
# Months that are not also English words ("may", "march", "mar" are, and say no date alone: "the
# rest may halt", "march on"); those say one next to a day or a year, or after in / by / since.
_MONTHS_ALONE = r"(?:january|february|april|june|july|august|september|october|november|december|jan|feb|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?"
_MONTH_AFTER = r"(?:(?<=\bin )|(?<=\bof )|(?<=\bby )|(?<=\bsince )|(?<=\buntil )|(?<=\bfrom ))"
_WEEKDAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_COUNTERS = (
    r"(?:人|名|社|件|回|個|つ|か所|カ所|ヶ所|箇所|か国|カ国|ヶ国|校|台|本|冊|頭|匹|羽|軒|隻|機|店|"
    r"種類|種|位|巻|話|曲|作品|議席|票|部|点|試合|勝|敗|階|枚|団体|チーム|歳|%|％|パーセント|割)"
)
_DATE_TAIL = r"(?:上旬|中旬|下旬|初旬|初め|はじめ|半ば|末|前半|後半)?(?:頃|ごろ)?"
_JA_DATE = (
    rf"(?:紀元前)?{_N}年(?:代(?:{_DATE_TAIL}))?(?!間)(?:{_N}月(?:{_N}日)?)?{_DATE_TAIL}|{_N}月(?:{_N}日)?{_DATE_TAIL}"
    rf"|{_N}日(?![間制本])|{_N}世紀{_DATE_TAIL}|(?:明治|大正|昭和|平成|令和|元禄|享保|天保)(?:{_N}|元)年"
    r"|[一-龥]{1,4}時代(?:[初中後末]期|前期|後期)?"
    r"|(?:今年|昨年|去年|来年|今月|先月|来月|今週|先週|来週|今日|昨日|明日)(?:後半|前半|末|中)?"
    r"|[月火水木金土日]曜日?"
)
_EN_DATE = (
    rf"\b(?:(?:early|mid|late)[- ])?{_MONTHS}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|,?\s+\d{{4}})\b"
    rf"|\b(?:(?:early|mid|late)[- ]{_MONTHS}|{_MONTH_AFTER}{_MONTHS}|{_MONTHS_ALONE})\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}(?:,?\s+\d{{4}})?\b"
    rf"|\b(?:later|earlier) this (?:year|month|week)\b|\b(?:last|next|this) (?:year|month|week)\b"
    rf"|\b(?:in the )?(?:19|20)\d\d(?:s)?\b|\b{_WEEKDAYS}\b|\b(?:yesterday|today|tomorrow)\b"
)
_TO = r"\s*(?:から|〜|~|-|–|ー)\s*"

# Per kind, the patterns of a span stating one, tried on the text as written (IGNORECASE).
_PATTERNS: dict[AnswerType, str] = {
    AnswerType.MONEY: (
        rf"{_PRE}{_N}\s*(?:円|ドル|ユーロ|ポンド|元|ウォン|フラン|ルーブル|ペソ|ルピー){_SUF}"
        rf"|{_EN_PRE}[$¥€£]\s*\d[\d,.]*(?:\s*(?:million|billion|trillion|thousand|[mbk]n?)\b)?"
        rf"|{_EN_PRE}\b\d[\d,.]*\s*(?:million|billion|trillion|thousand)?\s*(?:dollars|yen|euros|pounds)\b"
        rf"|{_PRE}{_N}[億万](?=[^円ドル]|$){_SUF}"
    ),
    AnswerType.COUNT: (
        rf"{_PRE}{_N}{_COUNTERS}{_SUF}"
        r"|(?<![\d.,])\d[\d,]*(?=の)"
        rf"|{_EN_PRE}\b{_EN_NUM}\b(?:\s+(?:percent|per cent|%))?"
    ),
    AnswerType.DURATION: (
        rf"{_PRE}(?:{_N}|何)(?:時間|日間|週間|か月間|カ月間|ヶ月間|か月|カ月|ヶ月|年間|年|日|週|分間|分|秒|世紀)(?:半)?(?:も|{_SUF})"
        rf"|{_PRE}{_N}(?:時間|日間|週間|か月間|カ月間|ヶ月間|か月|カ月|ヶ月|年間|分間|秒間)(?:半)?{_SUF}"
        rf"|{_PRE}{_N}(?:年|日|週|分|秒|世紀)(?![\d{_KANJI_NUM}月])(?:半)?{_SUF}"
        r"|長い間|長年|しばらくの間"
        rf"|{_EN_PRE}\b(?:{_EN_NUM}|a|an|one)[- ](?:full[- ])?(?:hours?|days?|weeks?|months?|years?|decades?|centuries)(?:-long|\s+(?:weeks?|days?|shifts?))?\b"
        r"|\b(?:a |one )?(?:hour|day|week|month|year)-long\b|\baround the clock\b"
        r"|\b(?:long|a long time|a while|years)\b"
    ),
    AnswerType.DATE: rf"(?:{_JA_DATE})(?:{_TO}(?:{_JA_DATE}))?|{_EN_DATE}",
    AnswerType.DAY: (
        rf"(?:{_N}年)?{_N}月{_N}日|{_N}日(?![間制本])|[月火水木金土日]曜日?|今日|昨日|明日"
        rf"|\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\b"
        rf"|\b{_WEEKDAYS}\b|\b(?:yesterday|today|tomorrow)\b"
    ),
    AnswerType.AGE: (
        rf"{_N}(?:歳|才)(?:代|年下|年上)?{_SUF}|\b\d+[- ]years?[- ]old\b|\baged? \d+\b|\bin (?:his|her|their) \d0s\b"
    ),
    AnswerType.NAME: r"[「『“\"][^」』”\"]{1,12}[」』”\"]",
}


@cache
def _compiled(kind: AnswerType) -> re.Pattern[str]:
    """A kind's pattern, compiled at its first use: all of them at import took ~30 ms of every
    start (the date pattern alone 17 ms), and a start answers one question."""
    return re.compile(_PATTERNS[kind], re.IGNORECASE)


# English names: runs of capitalised words (Mark Chen, Sam Altman), titles and organisations'
# words aside.
_EN_CAPS = re.compile(
    r"\b[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?(?:\s+[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?)*\b"
)
_EN_NOT_NAME = frozenset(
    """chief executive officer research director president vice head leader leaders team
    the a an and but if as in on at of for to from with by this that these those it its
    according another one some many most staff company meta openai slack wired ai agi ceo cro
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday still beyond years beneath
    messages leadership relentless when is was were are""".split()
)
_EN_PLACE = re.compile(r"\b(?:in|at|from|near|to)\s+((?:[A-Z][a-z]+)(?:[\s,]+[A-Z][a-z]+)*)")
# Japanese people as a group: a run of nouns ending in one of these (研究者, スタッフ, 従業員).
_PEOPLE_END = re.compile(
    r"(?:者|員|家|手|師|士|官|陣|人|民|族|団|軍|衆|たち|達|スタッフ|チーム|メンバー|リーダー|"
    r"リクルーター|マネージャー)$"
)
_NAME_PART = re.compile(r"[ァ-ヶー]+|[A-Za-z]+\.?")
# A title written onto a name that is part of how the person is called (ベアトリクス女王).
_TITLES = frozenset(
    "女王 王 王子 王女 皇帝 天皇 上皇 法王 教皇 大統領 首相 将軍 博士 夫人 家 一族 兄弟".split()
)
_PLACE_PARTS = frozenset("都 道 府 県 市 区 町 村 州 郡 省 丁目 番地 島 諸島 半島".split())
_JA_NOUN_POS = frozenset({"名詞", "接頭辞", "接尾辞"})
_JOINERS = frozenset({"・", "=", "＝", "･"})


@dataclass(frozen=True, slots=True)
class _Node:
    surface: str
    start: int
    end: int
    pos1: str
    pos2: str
    pos3: str


@dataclass(frozen=True, slots=True)
class Focus:
    """Where a quoted text answers: its best sentence, and the span stating the fact asked for."""

    sentence: Span
    span: Span | None  # None: the question asks for no kind of fact, or the text states none


def focus(library: Library, question: str, text: str, *, fact: bool = True) -> Focus:
    """The best sentence of `text` (a passage's Japanese or its English rendering) for the
    question, and, with `fact`, the span in it stating the kind of fact the question asks for.

    The question's words are taken in the text's language: an English question's through the
    glossary for Japanese text, a Japanese question's for English text, as the search does.
    """
    question = plain(question)  # as the search read it ("how many hrs" asks hours) ...
    question = library.respelled(question)  # ... and "offfer" as "offer"
    kind = question_type(question)  # (kept from the search: index.answertype)
    # Who says so asks whose claim it is ("according to sources"), not a name to set in bold.
    fact = fact and not asks_source(normalize(question))
    japanese_text = is_japanese(text)
    tokens = list(_asked_tokens(library, question, japanese_text))
    index = library.ja if japanese_text else library.en
    tokenize = library.tokenize_ja if japanese_text else library.tokenize_en

    def weight(token: str) -> float:
        return index.idf(token) or 1.0

    sentence = best_sentence(text, tokens, tokenize, weight, kind, question, library.tokenize_ja)
    span = (
        fact_span(kind, text, question=question, within=sentence, tagger=library.tokenize_ja)
        if fact
        else None
    )
    return Focus(sentence, span)


# One reply asks the same question of each quote, twice of a translated one (its English and its
# Japanese): its tokens in each language are kept for the last few questions.
ASKED_CACHE = 16


@lru_cache(maxsize=ASKED_CACHE)
def _asked_tokens(library: Library, question: str, japanese_text: bool) -> tuple[str, ...]:
    """The question's tokens in the text's language (a Japanese question's through the glossary
    for English text, an English question's for Japanese text)."""
    if is_japanese(question):  # (the question's tokens are kept too: one reply, several quotes)
        tokens = list(kept_tokens(library.tokenize_ja, question))
        if not japanese_text:
            tokens = library.glossary.to_english(tokens)
    else:
        tokens = list(kept_tokens(library.tokenize_en, question))
        if japanese_text:
            tokens = library.glossary.to_japanese(tokens)
    return tuple(tokens)


def sentences(text: str) -> list[Span]:
    """(start, end) of each sentence of `text` (index.passages' sentence split), in order."""
    return list(_sentence_spans(text))


@lru_cache(maxsize=KEPT_TOKENS)
def _sentence_spans(text: str) -> tuple[Span, ...]:
    """`sentences`, kept: a reply splits the same few passages again and again."""
    out: list[Span] = []
    pos = 0
    for sentence in split_sentences(text):
        start = text.find(sentence, pos)
        if start < 0:
            continue
        pos = start + len(sentence)
        out.append((start, pos))
    return tuple(out or [(0, len(text))])


def best_sentence(
    text: str,
    tokens: Collection[str],
    tokenize: Tokenizer,
    weight: Callable[[str], float] | None = None,
    kind: AnswerType | None = None,
    question: str = "",
    tagger: JapaneseTokenizer | None = None,
) -> Span:
    """The sentence of `text` holding the most of the question's `tokens` (by `weight`, e.g. idf;
    1 each by default; tokenized by the same `tokenize` as the question) and of its letter pairs,
    over a length norm; a sentence stating a fact of `kind` counts FACT_SENTENCE_BONUS more
    (`tagger` finds Japanese names for persons and places). Ties go to the earlier sentence."""
    spans = sentences(text)
    if len(spans) == 1:
        return spans[0]
    wanted = set(tokens)
    w = weight or (lambda _: 1.0)
    total = sum(w(t) for t in wanted) or 1.0
    pairs = _asked_bigrams(question)
    best, best_score = spans[0], -1.0
    for start, end in spans:
        sentence = text[start:end]
        held = wanted.intersection(kept_tokens(tokenize, sentence))
        own = sum(w(t) for t in held) / total
        if pairs:
            own += BIGRAM_WEIGHT * len(pairs & _sentence_bigrams(sentence)) / len(pairs)
        score = own / (1 + SENTENCE_LENGTH_B * ((end - start) / (len(text) / len(spans)) - 1))
        if kind is not None and _fact_candidates(kind, sentence, tagger):
            score += FACT_SENTENCE_BONUS
        if score > best_score:
            best, best_score = (start, end), score
    return best


# A reply quotes the same few passages again and again: the facts its sentences state are kept
# (finding names is a MeCab parse).
SENTENCE_CACHE = 4096


def _bigrams(text: str) -> set[str]:
    """Pairs of adjacent letters (kana, kanji, Latin, digits) of the normalised text."""
    norm = normalize(text)
    return {norm[i : i + 2] for i in range(len(norm) - 1) if norm[i : i + 2].isalnum()}


@lru_cache(maxsize=SENTENCE_CACHE)
def _sentence_bigrams(sentence: str) -> frozenset[str]:
    """`_bigrams` of a passage's sentence, kept (see SENTENCE_CACHE; half a reply's time)."""
    return frozenset(_bigrams(sentence))


@lru_cache(maxsize=ASKED_CACHE)
def _asked_bigrams(question: str) -> frozenset[str]:
    return frozenset(_bigrams(question))


def fact_span(
    kind: AnswerType | None,
    text: str,
    *,
    question: str = "",
    within: Span | None = None,
    tagger: JapaneseTokenizer | None = None,
) -> Span | None:
    """(start, end) of the words of `text` stating a fact of `kind`, or None when it states none.

    Candidates inside `within` (the best sentence) come first; words the question already says
    are not its answer; among the rest, the one nearest the question's words wins. `tagger` finds
    Japanese names (persons, places); without it they are not looked for in Japanese text.
    """
    if kind is None:
        return None
    candidates = _fact_candidates(kind, text, tagger)
    if not candidates:
        return None
    asked = normalize(question)
    fresh = [c for c in candidates if normalize(text[c[0] : c[1]]) not in asked]
    candidates = fresh or ([] if kind in (AnswerType.PERSON, AnswerType.PLACE) else candidates)
    if not candidates:
        return None
    if within is not None:
        inside = [c for c in candidates if within[0] <= c[0] and c[1] <= within[1]]
        candidates = inside or candidates
    anchors = _anchors(text, asked)
    return min(candidates, key=lambda c: (_distance(c, anchors), c[0]))


@lru_cache(maxsize=SENTENCE_CACHE)
def _fact_candidates(
    kind: AnswerType, text: str, tagger: JapaneseTokenizer | None
) -> tuple[Span, ...]:
    """(start, end) of each statement of a fact of `kind` in `text` (kept: see SENTENCE_CACHE)."""
    return tuple(_find_facts(kind, text, tagger))


def _find_facts(kind: AnswerType, text: str, tagger: JapaneseTokenizer | None) -> list[Span]:
    if kind is AnswerType.PERSON:
        return _people(text, tagger)
    if kind is AnswerType.PLACE:
        return _places(text, tagger)
    spans = [m.span() for m in _compiled(kind).finditer(text) if m.group().strip()]
    if not spans and kind is AnswerType.DAY:
        spans = [m.span() for m in _compiled(AnswerType.DATE).finditer(text)]
    return [t for t in (_trim(text, s) for s in spans) if t[0] < t[1]]


def _trim(text: str, span: Span) -> Span:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " ,.、,":
        end -= 1
    return start, end


def _anchors(text: str, asked: str) -> list[int]:
    """Where in `text` words of the question stand: runs of 2+ characters both share."""
    norm = normalize(text)
    if len(norm) != len(text):  # NFKC changed the length: positions would not line up
        return []
    anchors = []
    for word in set(_ANCHOR_WORDS.findall(asked)):
        at = norm.find(word)
        while at >= 0:  # (each non-overlapping occurrence, as re.finditer of the word finds them)
            anchors.append(at)
            at = norm.find(word, at + len(word))
    return anchors


_ANCHOR_WORDS = re.compile(r"[一-龥ァ-ヶー]{2,}|[a-z0-9]{3,}")


def _distance(span: Span, anchors: Sequence[int]) -> int:
    if not anchors:
        return 0
    return min(
        0 if span[0] <= a < span[1] else min(abs(a - span[0]), abs(a - span[1])) for a in anchors
    )


# -- names -------------------------------------------------------------------------------------


def _nodes(text: str, tagger: JapaneseTokenizer) -> list[_Node]:
    nodes = []
    pos = 0
    for surface, pos1, pos2, pos3 in tagger.nodes(text):
        start = text.find(surface, pos)
        if start < 0:
            continue
        pos = start + len(surface)
        nodes.append(_Node(surface, start, pos, pos1, pos2, pos3))
    return nodes


def _people(text: str, tagger: JapaneseTokenizer | None) -> list[Span]:
    """Persons' names (runs holding a 人名 word, ・ joining their parts), else nouns for people
    (研究者, スタッフ); in English text, runs of capitalised words that are not titles."""
    spans = _en_names(text)
    if tagger is None or not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text):
        return spans
    nodes = _nodes(text, tagger)
    names = _runs(nodes, lambda n: n.pos3 == "人名")
    if names:
        return names + spans
    # (a counter after its number, the 人 of 7人, counts people: it does not say who)
    counters = {
        b.start
        for a, b in zip(nodes, nodes[1:], strict=False)
        if a.pos2 == "数詞" and b.pos1 == "接尾辞"
    }
    groups = []
    for start, end in _noun_runs(nodes):
        if _PEOPLE_END.search(text[start:end]) and start not in counters:
            groups.append((start, end))
    return spans + groups


def _places(text: str, tagger: JapaneseTokenizer | None) -> list[Span]:
    spans = [m.span(1) for m in _EN_PLACE.finditer(text) if m.group(1).lower() not in _EN_NOT_NAME]
    if tagger is None:
        return spans
    nodes = _nodes(text, tagger)
    runs = _runs(nodes, lambda n: n.pos3 == "地名" or n.surface in _PLACE_PARTS)
    # a run of place words holding a place name (東京都中央区京橋), not a bare 区 or 市
    named = [(a, b) for a, b in runs if any(n.pos3 == "地名" and a <= n.start < b for n in nodes)]
    return named + spans


def _runs(nodes: Sequence[_Node], is_name: Callable[[_Node], bool]) -> list[Span]:
    """Spans of adjacent name words, with the nouns a ・ joins to them (マーク・チェン)."""

    def joined(k: int) -> bool:  # nodes[k] is a joiner between two touching nouns
        return (
            0 < k < len(nodes) - 1
            and nodes[k].surface in _JOINERS
            and nodes[k - 1].pos1 == nodes[k + 1].pos1 == "名詞"
            and nodes[k - 1].end == nodes[k].start
            and nodes[k].end == nodes[k + 1].start
        )

    def spelled(k: int) -> bool:  # a katakana or Latin word touching the one before it
        return (
            k < len(nodes)
            and nodes[k].start == nodes[k - 1].end
            and _NAME_PART.fullmatch(nodes[k].surface) is not None
        )

    spans: list[Span] = []
    i = 0
    while i < len(nodes):
        if not is_name(nodes[i]):
            i += 1
            continue
        first, last = i, i
        while first >= 2 and joined(first - 1):
            first -= 2
        while True:
            if last + 1 < len(nodes) and is_name(nodes[last + 1]):
                if nodes[last + 1].start - nodes[last].end > 1:
                    break
                last += 1
            elif joined(last + 1):
                last += 2
                while spelled(last + 1):
                    last += 1
            else:
                break
        if last + 1 < len(nodes) and nodes[last + 1].start == nodes[last].end:
            if nodes[last + 1].surface in _TITLES:
                last += 1
        spans.append((nodes[first].start, nodes[last].end))
        i = last + 1
    return spans


def _noun_runs(nodes: Sequence[_Node]) -> list[Span]:
    runs: list[Span] = []
    for node in nodes:
        if node.pos1 not in _JA_NOUN_POS or node.pos2 in ("数詞", "代名詞"):
            continue
        if runs and runs[-1][1] == node.start:
            runs[-1] = (runs[-1][0], node.end)
        else:
            runs.append((node.start, node.end))
    return runs


def _en_names(text: str) -> list[Span]:
    spans = []
    for m in _EN_CAPS.finditer(text):
        words = m.group().split()
        # drop leading and trailing words that are not names (According, Chief, ...)
        first, last = 0, len(words)
        while first < last and words[first].lower() in _EN_NOT_NAME:
            first += 1
        while last > first and words[last - 1].lower() in _EN_NOT_NAME:
            last -= 1
        kept = words[first:last]
        if not kept or any(w.lower() in _EN_NOT_NAME for w in kept):
            continue
        if len(kept) == 1 and (
            m.start() == 0 or text[: m.start()].rstrip().endswith((".", "!", "?", '"', "“"))
        ):
            continue  # a capital the sentence gives, not the word
        start = m.start() + len(" ".join(words[:first])) + (1 if first else 0)
        spans.append((start, start + len(" ".join(kept))))
    return spans


def window(text: str, limit: int, keep: Span, measure: Callable[[str], int] = len) -> Span:
    """(start, end) of the part of `text` to show within `limit` (by `measure`, never less than
    len), around `keep` (the best sentence, or the span): the whole text if it fits; else whole
    sentences, from the one holding `keep` on, then the ones before it; else, inside that
    sentence, as much around `keep` as fits, cut at a comma or space where there is one."""
    if measure(text) <= limit:
        return 0, len(text)
    spans = sentences(text)
    a, b = max(0, min(keep[0], len(text))), max(0, min(keep[1], len(text)))
    first = next((i for i, s in enumerate(spans) if s[1] > a), len(spans) - 1)
    last = next((i for i, s in enumerate(spans) if s[1] >= b), len(spans) - 1)
    last = max(first, last)
    start, end = spans[first][0], spans[last][1]
    if measure(text[start:end]) <= limit:
        while last + 1 < len(spans) and measure(text[start : spans[last + 1][1]]) <= limit:
            last += 1
            end = spans[last][1]
        while first > 0 and measure(text[spans[first - 1][0] : end]) <= limit:
            first -= 1
            start = spans[first][0]
        return start, end
    # One sentence too long: the part around `keep` that fits, `keep` first.
    if measure(text[a:b]) > limit:
        start, end = a, a
    else:
        start, end = a, b
    # A third of the room before `keep`, the rest after it.
    after = min(spans[last][1], end + max(0, limit - (end - start)) * 2 // 3)
    end = _grow(lambda e: measure(text[start:e]) <= limit, end, after)
    start = len(text) - _grow(
        lambda s: measure(text[len(text) - s : end]) <= limit,
        len(text) - start,
        len(text) - spans[first][0],
    )
    end = _grow(lambda e: measure(text[start:e]) <= limit, end, spans[last][1])
    # Cut the context at a comma or space, so no word is shown in part.
    if start < a:
        for mark in ("、", "，", ", ", " "):
            i = text.find(mark, start, a)
            if i >= 0:
                start = i + len(mark)
                break
    if end > b:
        for mark in ("、", "，", ", ", " "):
            i = text.rfind(mark, b, end)
            if i >= 0:
                end = i + len(mark)
                break
    return start, max(start, end)


def _grow(fits: Callable[[int], bool], lo: int, hi: int) -> int:
    """The largest n in [lo, hi] with fits(n), fits(lo) assumed (binary search)."""
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fits(mid):
            lo = mid
        else:
            hi = mid - 1
    return lo
