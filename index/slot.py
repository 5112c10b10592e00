"""Whether the best passage fills the slot a question asks about: a fact of the asked kind, said
of the thing the question asks it of.

"OpenAIって社員何人いるの?" asks a count of 社員; a passage saying "8人の研究者" states a count,
but of researchers. "What was OpenAI's revenue last year?" asks an amount of revenue; "$100
million" in a sentence about signing bonuses is not one. The question's focus is the word the
asked-for fact attaches to: the counted or measured thing (社員何人, 何人の社員, how many
employees, 売上, revenue), else the subject or predicate next to the question word (アルトマンって
何歳, 流したのは誰, how long was Altman gone). The slot is filled when one sentence of the passage
both states a fact of the kind (index.spans) and holds the focus in some form the search uses
(its synonyms and glossary translations, an English word's longer forms); a count, next to its
number. index.verdict declines a question whose slot is not filled (README, "The verdict").
"""

from __future__ import annotations

import re
from collections.abc import Container
from typing import TYPE_CHECKING, NamedTuple

from .answertype import MONEY_SENSES, AnswerType
from .spans import _PEOPLE_END, _fact_candidates, sentences
from .tokenize import is_japanese

if TYPE_CHECKING:
    from .frequency import WordFrequency
    from .glossary import Glossary
    from .passages import Passage
    from .tokenize import JapaneseTokenizer, Tokenizer

# Japanese question words a fact answers (何 with its counter: 何人, 何歳, 何年).
_JA_WH = frozenset(
    "何 何人 何名 人数 いくら 幾ら 金額 いくつ 誰 だれ どなた 何者 いつ どこ 年齢 どのくらい どれくらい どれ位".split()
)
# Nouns that name the measured thing themselves (OpenAIの売上っていくら: the focus is 売上).
_JA_MEASURES = frozenset(
    "売上 売り上げ 年収 株価 時価総額 企業価値 評価額 資産 予算 給料 給与 報酬 費用 利益 収益 年俸 月給".split()
)
_EN_MEASURES = frozenset(
    "revenue revenues valuation worth stock salary salaries pay budget income profit profits cost".split()
)
# Particles marking a subject or a topic (メタは, メタが, OpenAIって, チェンも), and those marking
# who else takes part in a count of people asked with a verb of its own: the agent, the source, the
# place, the partner (メタに何人引き抜かれた, OpenAIから何人抜けた): not who is counted.
_JA_SUBJECT = frozenset("は が って も".split())
_JA_PARTAKING = frozenset("に から で と へ より".split())
# Verbs too general to say what is asked about (いるの?, 言ったのは誰?).
_JA_LIGHT_VERBS = frozenset("いる ある おる する なる 言う できる くる 来る 行く やる".split())
# ... of which only these say no one acts in a count of people: a verb of going or coming does
# (OpenAIから何人メタに行ったの: who went, not what OpenAI numbers).
_JA_NOT_ACTING = _JA_LIGHT_VERBS - frozenset("くる 来る 行く".split())
# Nouns that belong to the question word, not to what it asks about (西暦何年).
_JA_CUE_NOUNS = frozenset(
    "西暦 和暦 元号 一体 大体 約 およそ 全部 全体 合計 最大 最低 平均 生涯 毎日 件数 回数 人数 数 総数".split()
)
_EN_CUE = re.compile(
    r"\bhow (?:many|much|old|long|big|large)\b|\bwho(?:'s|se|m)?\b|\bwhen(?:'s)?\b|\bwhere(?:'s)?\b"
    r"|\bwhat (?:year|date|day|month|time)\b|\bwhich day\b"
)
# Words between the question word and its focus: auxiliaries, articles, "other".
_EN_SKIP = frozenset(
    """is are was were be been do does did has have had will would can could should the a an
    of other more all in total really actually exactly s""".split()
)
_EN_ADJECTIVES = frozenset("the a an of other more all".split())
# Words that say what kind of fact is asked, not what of: "how much money", "how many people"
# (any people: eight researchers answer it), 人, 人たち.
_EN_GENERIC = frozenset(
    "money amount sum cash dollars people persons person ppl folks guys".split()
)
_JA_GENERIC = frozenset("人 人たち 人達 人ら 人々 方 方々 連中 お金 金".split())
_EN_WORD = re.compile(r"[a-z0-9]+")
FOCUS_WORDS = 2  # English: content words taken after the question word
MIN_PREFIX = 4  # an English focus word of this many letters also matches longer words it begins
# Characters before and after a number within which a count's counted thing stands, in
# English and Japanese text: "seven other OpenAI research leaders", "OpenAIの他の7人の研究責任者".
COUNT_WINDOW = {False: (0, 40), True: (10, 12)}
_EN_PHRASE_END = re.compile(r"\b(?:for|to|with|by|from|at|on|in|than|per)\b|[,.;:!?]")
# The kinds of fact whose slot is checked, chosen on the tuning part (README, "The verdict"): a
# count (of a thing, not of a verb's doers: JSQuAD's "何人が侵入した" asks a people's name), an
# amount of money, a length of time. "When" and "who" questions name their focus by a verb that
# the answering sentence often words otherwise (JSQuAD's own questions lost 2 points of
# answered@1 with them); ages, places and days are checked passage-wide (index.verdict).
SLOT_TYPES = frozenset({AnswerType.COUNT, AnswerType.MONEY, AnswerType.DURATION})
PARTS_CACHE = 10_000  # passages' parts kept (a few kinds of each passage a question lands on)
# A passage's heading counts as one of its sentences (0 turns it off; questions.jsonl Japanese +1,
# the tuning conversations' openings +1, nothing else moved, JSQuAD's included).
SLOT_HEADING = True
Node = tuple[str, str, str, str]  # a word as written, and its part of speech (unidic pos1-3)


class Slots:
    """The slot check with the search's tokenizers and glossary; with a word frequency list, a
    Japanese compound's focus is its most informative part (GTMチーム is a team called GTM: "7人の
    研究責任者がチームに" is a count next to チーム, not of it; 研究リーダー is still a leader)."""

    def __init__(
        self,
        ja: JapaneseTokenizer,
        en: Tokenizer,
        glossary: Glossary,
        frequency: WordFrequency | None = None,
    ) -> None:
        self.ja, self.en, self.glossary, self.frequency = ja, en, glossary, frequency
        # (text, kind, thing) -> the words of each part of it that could fill the slot: a
        # passage's are the same for every question (kept, the oldest dropped past PARTS_CACHE).
        self._parts: dict[tuple[str, AnswerType, bool], list[frozenset[str]]] = {}
        # A question's focus and its forms (a channel asks the same questions again: a Japanese
        # focus costs a parse of the question and of its words).
        self._focus: dict[tuple[str, bool], tuple[Focus, list[set[str]], list[set[str]]]] = {}

    def unfilled(
        self, question: str, japanese: bool, kind: AnswerType | None, passage: Passage
    ) -> bool:
        """Whether the question asks for a fact of a kind in SLOT_TYPES, of a focus found, and no
        sentence of the passage (its English rendering for an English question; either for a
        Japanese one) states one of it. False when there is nothing to check."""
        if kind not in SLOT_TYPES:
            return False
        found = self._focus.get((question, japanese))
        if found is None:
            focus = (
                japanese_focus(question, self.ja) if japanese else english_focus(question, self.en)
            )
            words = focus.words
            if japanese and len(words) > 1 and self.frequency is not None:
                words = [max(words, key=lambda w: self.frequency.information(w, "ja"))]
                focus = focus._replace(words=words)
            forms = focus_forms(words, japanese, self.glossary) if words else []
            if japanese and kind is AnswerType.MONEY:  # (いくら出した: offered; index.answertype)
                for word, word_forms in zip(words, forms, strict=True):
                    word_forms.update(MONEY_SENSES.get(word, ()))
            found = self._focus[question, japanese] = (
                focus,
                forms,
                # a Japanese focus's English, for the rendering (リーダー: research leaders,
                # where the Japanese says 研究責任者)
                [set(self.glossary.to_english([w])) for w in words] if japanese else [],
            )
            if len(self._focus) > PARTS_CACHE:
                self._focus.pop(next(iter(self._focus)))
        focus, forms, english = found
        if not focus.words or (kind is AnswerType.COUNT and not focus.thing):
            return False
        own = japanese or not passage.text_en  # (else its English rendering)
        if self._holds(passage.text if own else passage.text_en or "", own, kind, focus, forms):
            return False
        # The heading the passage stands under, as one more of its sentences ("メタの1億ドル
        # オファーが…": line 7's $100 million is Meta's offer, which line 7 itself does not say).
        heading = passage.section if own else passage.section_en
        if SLOT_HEADING and heading and self._holds(heading, own, kind, focus, forms):
            return False
        if english and passage.text_en:
            return not self._holds(passage.text_en, False, kind, focus, english)
        return True

    def _holds(
        self, text: str, japanese: bool, kind: AnswerType, focus: Focus, forms: list[set[str]]
    ) -> bool:
        """Whether a sentence of `text` states a fact of `kind` holding the focus in a form."""
        key = (text, kind, focus.thing)
        parts = self._parts.get(key)
        if parts is None:
            tokenize = self.ja if japanese else self.en
            parts = self._parts[key] = slot_parts(kind, focus.thing, text, tokenize, self.ja)
            if len(self._parts) > PARTS_CACHE:
                self._parts.pop(next(iter(self._parts)))
        return any(_holds(options, words) for words in parts for options in forms if options)


class Focus(NamedTuple):
    words: list[str]  # its tokens (none: no focus found)
    thing: bool  # a noun (the counted thing stands next to the number), not a verb


def japanese_focus(question: str, tagger: JapaneseTokenizer) -> Focus:
    """A Japanese question's focus."""
    nodes = tagger.nodes(question)
    for k, (surface, pos1, _, _) in enumerate(nodes):
        if pos1 == "名詞" and surface in _JA_MEASURES:
            return Focus(tagger(surface), True)
        if surface == "数" and k and _is_noun(nodes[k - 1]):  # 社員数: a count of 社員
            start = k - 1
            while start > 0 and _is_noun(nodes[start - 1]):
                start -= 1
            words = tagger("".join(n[0] for n in nodes[start:k]))
            if words:
                return Focus(words, True)
    cue = next((i for i, n in enumerate(nodes) if n[0] in _JA_WH), None)
    if cue is None:
        return Focus([], False)
    # Forwards first: 何人の社員, 何回の検索; 何回発動された.
    j = cue + 1 + (nodes[cue][0] == "何")  # (its counter: 人, 回)
    while j < len(nodes) and nodes[j][1] == "接尾辞":
        j += 1
    of = j < len(nodes) and nodes[j][0] == "の"
    run = _run(nodes, j + of)
    if (
        run
        and run not in _JA_GENERIC
        and (of or _verbal(nodes, j + of + len(_run_nodes(nodes, j + of))))
    ):
        return Focus(tagger(run), of)
    # Backwards, past particles, marks, adverbial nouns (今, 結局), times and amounts (1990年に)
    # and light verbs (社員って何人いるの), to a run of nouns (社員何人, GTMチームって何人) or a
    # verb (流したのって誰).
    # A count of people asked with a verb of its own after it (何人引き抜いた, 何人にオファー出した).
    people = nodes[cue][0] in ("人数", "何人", "何名") or (
        nodes[cue][0] == "何" and cue + 1 < len(nodes) and nodes[cue + 1][0] in ("人", "名")
    )
    # (何人いるの counts; it does not act)
    people = people and any(
        _full_verb(nodes, k, tagger, _JA_NOT_ACTING) for k in range(cue + 1, len(nodes))
    )
    i = cue - 1
    while i >= 0:
        _, pos1, _, _ = nodes[i]
        if pos1 == "動詞":
            verb = _full_verb(nodes, i, tagger)
            if verb:
                return Focus([verb], False)
        elif _is_noun(nodes[i]):
            start = i
            while start > 0 and _is_noun(nodes[start - 1]):
                start -= 1
            run = "".join(n[0] for n in nodes[start : i + 1])
            numeric = start > 0 and nodes[start - 1][2] == "数詞"  # 1990年, 15世紀
            if (
                people
                # (or right before the question word, its particle dropped: メタ何人引き抜いた)
                and (nodes[i + 1][0] in _JA_SUBJECT | _JA_PARTAKING or i + 1 == cue)
                and not _PEOPLE_END.search(run)
            ):
                # メタは何人引き抜いた: who acts, not who is counted (研究者は何名抜けた is)
                return Focus([], False)
            i = start
            if not numeric and run not in _JA_CUE_NOUNS and run not in _JA_GENERIC:
                words = tagger(run)
                if words:  # (設立したのは何人: a verb)
                    return Focus(words, not _verbal(nodes, i + len(_run_nodes(nodes, i))))
        i -= 1
    return Focus([], False)


def included(question: str, tagger: JapaneseTokenizer) -> list[str]:
    """The tokens of what a Japanese question asks about as included too, a run of nouns right
    before the particle も (役員も休むの?: 役員; ザッカーバーグ本人も: ザッカーバーグ, 本人); not an amount
    or a time (1週間も, 何人も) nor a setting (休み中も)."""
    if "も" not in question:  # (most questions: no second parse)
        return []
    nodes = tagger.nodes(question)
    words: list[str] = []
    for k in range(1, len(nodes)):
        if nodes[k][0] != "も" or nodes[k][1] != "助詞":
            continue
        start = k
        while start > 0 and _is_noun(nodes[start - 1]):
            start -= 1
        run = nodes[start:k]
        if not run or run[-1][3] == "副詞可能" or (start > 0 and nodes[start - 1][2] == "数詞"):
            continue
        words += tagger("".join(n[0] for n in run))
    return words


# An English question asking whether someone is included too ("do the execs get the week off too?",
# "are execs also taking it"): its subject, the word after the auxiliary that opens it (past a
# possessive, "openai's execs", or a name, "openai execs").
_INCLUDED_EN = re.compile(
    r"^(?:(?:so|and|but|wait|ok)\W+)?(?:do|does|did|are|is|were|was|will|can|could|would|should"
    r"|have|has|had)\s+(?:the |its |their |all |other |[a-z]+'s )?(?P<x>[a-z]+)\b(?: (?P<y>[a-z]+))?"
)
_TOO_EN = re.compile(r"\b(?:too|also|as well|either)\b")


def included_en(question: str, names: Container[str] = ()) -> str | None:
    """The word an English question (normalised) asks about as included too, or None. `names`:
    words naming a company or a person, which a subject may follow ("openai execs")."""
    if not _TOO_EN.search(question):
        return None
    m = _INCLUDED_EN.search(question)
    if m is None:
        return None
    return m["y"] if m["x"] in names and m["y"] else m["x"]


def _full_verb(
    nodes: list[Node], i: int, tagger: JapaneseTokenizer, light: Container[str] = _JA_LIGHT_VERBS
) -> str | None:
    """The lemma of node `i` if it is a verb and not a light one (いる, する, なる ...)."""
    if nodes[i][1] != "動詞":
        return None
    # Its lemma from the verb with what follows it (なっ alone reads as なあ).
    after = nodes[i + 1][0] if i + 1 < len(nodes) else ""
    words = tagger(nodes[i][0] + after)[:1]
    return words[0] if words and words[0] not in light else None


def _run_nodes(nodes: list[Node], start: int) -> list[Node]:
    """The run of nouns from `start` on."""
    end = start
    while end < len(nodes) and _is_noun(nodes[end]):
        end += 1
    return nodes[start:end]


def _run(nodes: list[Node], start: int) -> str:
    """The run of nouns from `start` on, as written."""
    return "".join(n[0] for n in _run_nodes(nodes, start))


def _verbal(nodes: list[Node], i: int) -> bool:
    """Whether node `i` makes the nouns before it a verb (設立し, 発動され, 利用できる)."""
    return i < len(nodes) and nodes[i][1] == "動詞" and nodes[i][2] == "非自立可能"


def _is_noun(node: Node) -> bool:
    _, pos1, pos2, pos3 = node
    if pos1 == "接尾辞" or pos1 == "接頭辞":
        return True
    return pos1 == "名詞" and pos2 not in ("数詞", "代名詞") and pos3 != "副詞可能"


def english_focus(question: str, tokenize: Tokenizer) -> Focus:
    """An English question's focus."""
    text = question.casefold()
    words = _EN_WORD.findall(text)
    for w in words:
        if w in _EN_MEASURES:
            return Focus(tokenize(w), True)
    m = _EN_CUE.search(text)
    if m is None:
        return Focus([], False)
    out: list[str] = []
    skipped = False
    for w in _EN_WORD.findall(text[m.end() :]):
        if w in _EN_GENERIC:
            break
        if w in _EN_SKIP:
            if out:
                break
            skipped = skipped or w not in _EN_ADJECTIVES
            continue
        out += tokenize(w)
        if len(out) >= FOCUS_WORDS:
            break
    # "how many employees" asks of a thing; "how much did openai spend" of a subject and a verb.
    return Focus(out, bool(out) and m.group().startswith("how") and not skipped)


def focus_forms(focus: list[str], japanese: bool, glossary: Glossary) -> list[set[str]]:
    """Each focus token with its other forms in the question's language (synonyms, the glossary's
    round trip through the other language: pay -> 給与 -> salary, compensation)."""
    out = []
    for token in focus:
        forms = {token}
        if japanese:
            # (a Latin word in a Japanese question, "metaのoffer", by its Japanese too)
            for word in [token, *(glossary.to_japanese([token]) if token.isascii() else ())]:
                forms.add(word)
                forms.update(glossary.synonyms(word))
                forms.update(glossary.to_japanese(glossary.to_english([word])))
        else:
            forms.update(glossary.to_english(glossary.to_japanese([token])))
        out.append(forms)
    return out


def filled(
    kind: AnswerType,
    forms: list[set[str]],
    thing: bool,
    text: str,
    tokenize: Tokenizer,
    tagger: JapaneseTokenizer | None,
) -> bool:
    """Whether a sentence of `text` states a fact of `kind` and holds the focus: one of its words
    (a compound's parts vary: 研究リーダー, 研究責任者) in one of its forms or, in English, as the
    beginning of a longer word (lead, leaders). A count of a thing holds it next to the number
    (8人の研究者, eight researchers, not "a two-day weekend for all its employees")."""
    parts = slot_parts(kind, thing, text, tokenize, tagger)
    return any(_holds(options, words) for words in parts for options in forms)


def slot_parts(
    kind: AnswerType,
    thing: bool,
    text: str,
    tokenize: Tokenizer,
    tagger: JapaneseTokenizer | None,
) -> list[frozenset[str]]:
    """The words of each part of `text` that states a fact of `kind`: its sentences that do, or
    for a count of a thing, the words around each number."""
    japanese = is_japanese(text)
    out = []
    for start, end in sentences(text):
        sentence = text[start:end]
        facts = _fact_candidates(kind, sentence, tagger)
        if kind is AnswerType.COUNT and thing:
            before, after = COUNT_WINDOW[japanese]
            parts = [sentence[max(0, a - before) : b + after] for a, b in facts]
            if not japanese:  # the words after the number, up to a preposition or a comma
                parts = [sentence[b : b + after] for a, b in facts]
                parts = [_EN_PHRASE_END.split(part, maxsplit=1)[0] for part in parts]
        else:
            parts = [sentence] if facts else []
        out += [frozenset(tokenize(part)) for part in parts]
    return out


def _holds(options: set[str], words: frozenset[str]) -> bool:
    return bool(options & words) or any(
        len(o) >= MIN_PREFIX and any(w.startswith(o) for w in words) for o in options if o.isascii()
    )
