"""The kind of fact a question asks for, and whether a passage states one.

"How much" wants an amount of money, "when" a date, "how old" an age, "where is" a place, "who" a
person. A passage that shares the question's words but holds no fact of the asked kind does not
answer it: the search ranks such passages lower and, when the best one has none, says the article
does not answer (Sam Altman is in the article; his age is not).
"""

from __future__ import annotations

import re
from enum import Enum
from functools import lru_cache
from typing import NamedTuple

from .tokenize import normalize


class AnswerType(Enum):
    MONEY = "money"
    COUNT = "count"
    DURATION = "duration"
    DAY = "day"
    DATE = "date"
    AGE = "age"
    PLACE = "place"
    PERSON = "person"
    NAME = "name"  # of a thing: a team, a model, a project (a person's is PERSON)


# A number is matched from its first digit only (the lookbehinds), and its separators only
# between digits: tried from every digit of a long run (a 50,000-character "1,1,1,..." line),
# `\d[\d,.]*` cost the run's length squared (~200 s for that line).
_NUM = r"(?:(?<!\d)(?<!\d[,.])\d+(?:[,.]\d+)*|(?<![一二三四五六七八九十百千万億])[一二三四五六七八九十百千万億]+)"

# An English "when" or "who" asks the question only where a question word stands: first in its
# sentence (after fillers: "so when did it start", "ok wait who is chen"), after a preposition
# ("working with who", "since when"), a conjunction ("who wrote it and when") or last ("...when?");
# elsewhere it joins a clause ("what did chen say it feels like when people get poached", "the
# person who deleted the post"), and the question asks what its own first word asks. The cue
# finds the word; `_stands_as_question` reads what is before and after it (one regular expression
# trying the lead-in at every position cost 2.6 us a question).
_CLAUSE_WORD = re.compile(r"\b(?:when|who|whom|whose)\b")
_BEFORE_QUESTION_WORD = re.compile(
    r"(?:^|[.?!,;:]\s*)(?:(?:so|and|but|ok|okay|wait|hey|like|um|uh|lol|then|yo|btw|also|anyway"
    r"|hmm|idk|just|oh|ah|well|bro|dude|ngl|tbh|actually|really|pls|please|quick q|q)\W+)*$"
    r"|\b(?:with|w|to|for|by|from|since|until|till|about|of|know|tell me|wondering|wonder|idea"
    r"|remind me|ask|asking|and|or|but|then)\s+$"
)
_LAST = re.compile(r"\W*$")


def _stands_as_question(text: str, start: int, end: int) -> bool:
    return bool(_BEFORE_QUESTION_WORD.search(text, 0, start) or _LAST.match(text, end))


# Question cues, tried in order (the first that matches wins), on normalised (NFKC, casefolded) text.
_CUES: list[tuple[AnswerType, re.Pattern[str]]] = [
    (AnswerType.AGE, re.compile(r"何歳|年齢|how old|\bage\b")),
    (
        AnswerType.MONEY,
        re.compile(
            r"いくら|幾ら|金額|何ドル|何円"
            r"|(?:どれくらい|どのくらい|どれぐらい|どれだけ|どんだけ|どんくらい)\w{0,6}(?:給料|給与|年収|報酬|お?金)"
            r"|(?:お?金|給料|給与|年収|報酬|ボーナス)(?:は|って|を)?(?:どれくらい|どのくらい|どれぐらい|どれだけ"
            r"|どんだけ|どんくらい)|具体的な(?:額|金額)"
            r"|\bwhat(?:'s|s| is| are| was)? (?:the |their |an? |\w+'?s )?(?:average |typical |median |starting |normal |usual |regular |total |annual )?(?:salar|wage|budget)|how much (?:\$+\s*)?(?:money|cash|dough|did|was|were|is|are|do|does)|how much\s*[?!]*$|what (?:amount|sum)|how big (?:a|an|the|were|was) .*(?:offer|pay|package|bonus|salar|raise)|株価|売上|時価総額|企業価値|評価額|資産|年収|\bstock price|\bshare price|\brevenue|\bvaluation|\bnet worth|\bhow much .*\b(?:worth|cost|earn|paid|make)|\bhow much\b.{0,24}\b(?:pay(?:ing)?|raises?|bonus(?:es)?|salar\w*|compensation)\b|\bvalued at\b|\bwhat (?:do|does|did) \w+ pay\b"
        ),
    ),
    (
        AnswerType.DURATION,
        re.compile(
            r"何時間|何日間|何週間|何か月|何ヶ月|何年間|どのくらいの期間|how long|how many (?:hours|days|weeks|months|years)"
            # 何日 / 何年 with an amount's word or a verb after it: how many (何日休むの, 何年くらい),
            # not which (何日に, 何月何日, 何年前, 何年生まれ).
            r"|(?<!月)何[日年](?:くらい|ぐらい|位|ほど|程|かか)|(?<!月)何日(?=[\u4e00-\u9fff])(?![前後目付頃制])"
            r"|何年(?=[働勤続務在])"
        ),
    ),
    # A calendar day ("何月何日", "what date"): a year or "later this year" does not say it.
    (
        AnswerType.DAY,
        # (and a time of day: "what time does it start" is not answered by "later this year")
        re.compile(
            r"何月何日|何日(?:から|に|まで|の)|日付|what date|which day|what day|what time"
            # the day a thing is to start, or the dates of a period (いつから始まる, "when does the
            # shutdown start", "what dates"; not since when a thing was planned, いつから計画: "quite
            # a while ago" answers that, nor when it started, 始まった, nor いつからいつまで: years
            # answer JSQuAD's)
            r"|いつから(?:始まる|スタートする)|\bwhat (?:exact |specific )?dates\b"
            r"|\bwhen (?:exactly )?(?:does|will|do|is) [\w\s']{1,30}?\b(?:start|begin)"
        ),
    ),
    (
        AnswerType.DATE,
        # (not そいつ, あいつ, "that guy", nor いつも, "always")
        re.compile(
            r"(?<![そあこど])いつ(?!も)|何年|何月|何日|日付|\bwhen\b|what (?:year|date|day|month|time)"
        ),
    ),
    (
        AnswerType.COUNT,
        re.compile(
            # (not 何人か辞めた, "some people quit": か and more after it; 何人か。 asks how many)
            r"(?:何人|何名|何社|何件|何回|何個|何台|何本|何枚|何店|何冊|何校|何機|何基|何軒|何棟)"
            r"(?!か(?![。.?？!！\s]|$))|人数"
            r"|いくつ(?!か(?![。.?？!！\s]|$))|何%|何パーセント|何割|how many|what percent"
            r"|how (?:big|large) (?:is|was|are|were) (?:the |their |its |\w+'?s? )?(?:\w+ ){0,2}?"
            r"(?:team|company|staff|workforce|group|lab|department)\b"
            r"|(?:社員|従業員|職員|会員|ユーザー|利用者|研究者|スタッフ)数"
        ),
    ),
    # Where something is (not "どこのメディア", which outlet, nor "where did it leak to", whose
    # answer is a company as often as a place).
    (
        AnswerType.PLACE,
        re.compile(
            r"本社|本拠|所在地|出身地|どこ(?:に|で)(?:ある|あり|いる|住|生まれ|育)|どこ(?:出身|在住)|\bwhere(?:'s| is| are| was| were)\b(?! (?:that|it|this)\b)|\bwhere (?:do|does|did) (?!.*(?:\d|\b(?:figure|number|data|info|information|quote|claim|story|report|news|idea|money|rumou?r|leak|message|memo)s?\b)).*\b(?:live|come from|grow up|born)\b|headquarter|based in\b|\bis \w+ based\b|located"
        ),
    ),
    (AnswerType.PERSON, re.compile(r"誰|だれ|どなた|何者|\bwho\b|\bwhom\b|\bwhose\b")),
    # the name of a person (リーダーの名前, the name of the employee)
    (
        AnswerType.PERSON,
        re.compile(
            r"(?:社員|従業員|リーダー|研究者|人|スタッフ|幹部|役員|人物|リクルーター|責任者|担当者"
            r"|社長|創業者)[、,\s]?\w{0,3}?の?名前"
            r"|\bnames? of (?:the |that |this |these |those )?(?:\w+(?:'s)? )?(?:employee|leader"
            r"|researcher|person|people|guy|staffer|exec\w*|engineer|recruiter|ceo|founder|boss"
            r"|manager)"
            r"|\b(?:employee|leader|researcher|person|guy|staffer|engineer|recruiter|ceo|founder"
            r"|boss|manager)'?s name\b"
        ),
    ),
    # the name of a group or a thing made (チームの名前, "what's the team called"; not what someone
    # called something, "what did chen call it": their words, index.quoting; nor the names JSQuAD
    # asks of Wikipedia, 梅雨は何と呼ばれるか, 医師の名前: a place's, a person's, anything's)
    (
        AnswerType.NAME,
        re.compile(
            r"(?:チーム|グループ|組織|部署|部門|会社|企業|モデル|プロジェクト|製品|ラボ|研究所)"
            r"[\w、,\s]{0,8}?(?:名前|(?:なんて|何て|何と|なんと)(?:いう|言う)?(?:名前|呼ば))"
            r"|\bname of (?:the |that |this |their |its )?(?:\w+(?:'s)? ){0,3}?(?:team|group|lab|unit"
            r"|division|model|project|product|company|startup|org)\b"
            r"|\b(?:team|group|lab|unit|division|model|project|product|company|startup|org)'?s? name\b"
            r"|\b(?:what'?s|is|are|was|were)\b[\w\s']{0,30}?\b(?:team|group|lab|unit|division|model"
            r"|project|product|company|startup|org)s? (?:\w+ )?called\b"
        ),
    ),
]

_CURRENCY = r"(?:ドル|円|ユーロ|ポンド|元|ウォン|dollars?|yen|euros?)"
_FACTS: dict[AnswerType, re.Pattern[str]] = {
    AnswerType.MONEY: re.compile(
        rf"{_NUM}\s*(?:億|万|千|million|billion|thousand)?\s*{_CURRENCY}|[$¥€£]\s*\d"
    ),
    AnswerType.COUNT: re.compile(
        rf"{_NUM}\s*(?:人|名|社|件|回|個|台|本|枚|店|冊|校|機|基|軒|棟|つ|か所|カ所|%|パーセント|割)|\b\d+\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?)\b"
    ),
    AnswerType.DURATION: re.compile(
        rf"{_NUM}\s*(?:時間|日間|日|週間|週|か月|ヶ月|カ月|年間|年|分|秒)|(?<!\d)\d+[- ]?(?:hours?|days?|weeks?|months?|years?)|\b(?:a|one) (?:week|day|month|year)\b|(?:長い|しばらくの)間"
    ),
    AnswerType.DATE: re.compile(
        rf"(?<!週休){_NUM}\s*(?:年|月|日)(?!間|制)|今年|昨年|去年|来年|今月|先月|来月|今週|先週|来週|昨日|今日|明日|前半|後半|年末|年初|[月火水木金土日]曜|\b(?:19|20)\d\d\b|(?:january|february|april|june|july|august|september|october|november|december)\b|(?:(?<=\bin )|(?<=\bof )|(?<=\bby )|(?<=\bsince )|(?<=\buntil )|(?<=early )|(?<=mid-)|(?<=late ))(?:may|march)\b|\b(?:may|march) \d|\b(?:yesterday|today|tomorrow|last|next) (?:week|month|year)\b|later this year"
        # a period or a time relative to something: a "when" is answered by it too
        r"|世紀|時代|年代|元年|前から|以前|以降|以後|かなり前|ずっと前|最近|近年|近いうち|まもなく|間もなく|当時|夜間|昼間|日中"
        r"|\b(?:a while ago|long ago|recently|soon|earlier|at the time|centur(?:y|ies)|decades?|era)\b"
    ),
    AnswerType.DAY: re.compile(
        rf"{_NUM}\s*日(?![間制])|[月火水木金土日]曜|(?:january|february|march|april|may|june|july|august|september|october|november|december) \d|\b\d+(?:st|nd|rd|th)\b|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow)\b|昨日|今日|明日"
    ),
    AnswerType.AGE: re.compile(rf"{_NUM}\s*(?:歳|才)|\b\d+[- ]years?[- ]old\b|\baged? \d+"),
    # a name set off in quotation marks (the 「超知能」 team), short as a name is
    AnswerType.NAME: re.compile(r"[「『“\"][^」』”\"]{1,12}[」』”\"]"),
}


# Verbs that, in a Japanese question asking an amount of money, mean paying or offering it
# ("メタはいくら出したの?": the article says 提示された, "was offered"; 出す alone is as often "send",
# "issue", "put out", and 積む "pile up" (金を積む, いくら積まれた: offered), so only here): the
# question is searched and checked in these words.
MONEY_SENSES: dict[str, tuple[str, ...]] = {"出す": ("提示", "支払う"), "積む": ("提示", "支払う")}


def in_money_sense(tokens: list[str]) -> list[str]:
    """A money question's tokens with its verbs of giving money as the words for paying it."""
    return [sense for token in tokens for sense in MONEY_SENSES.get(token, (token,))]


# Which one of some people ("which leader said...", "which of the researchers", どのリーダー): a
# name, asked even without a "who" ("which team was the person who..." asks a team)
_WHICH_ONE = re.compile(
    r"\bwhich (?:of (?:the|those|these) )?(?:\w+ )?(?:one|leader|lead|researcher|employee|staffer"
    r"|exec|executive|person|guy)s?\b|どの(?:リーダー|研究者|社員|従業員|人|幹部)"
)
# A name asked for (名前, "the name of"): of a person, a "who" that "a leader" does not answer; and
# who a counted group are ("who are the 8 researchers", 8人って誰): their names, which "at least
# eight researchers" does not give.
_NAME_ASKED = re.compile(
    r"名前|\bnames?\b"
    r"|\bwho (?:are|were|r) (?:the|those|these|all the) (?:\d+|two|three|four|five|six|seven|eight"
    r"|nine|ten|eleven|twelve)\b"
    rf"|{_NUM}\s*(?:人|名)(?:の[^\s、。?]{{1,8}}?)?(?:って|は|とは)?(?:誰|だれ)"
    # who holds a role: the one person in it, whom "a leader" does not name (チームのリーダーって誰?,
    # "who is leading meta's team", "who's the ceo of")
    r"|(?:リーダー|ceo|cro|cto|社長|トップ|上司|ボス|責任者|創業者|会長|代表|リクルーター)(?:って|は|とは)(?:誰|だれ)"
    r"|\bwho(?:'s| is| are)? (?:leading|heading|running|heads|runs|leads|in charge of)\b"
    r"|\bwho(?:'s| is) the (?:leader|head|ceo|boss|founder|chief) of\b"
    # who exactly did something (具体的に誰, "who exactly got the offer"): a name, which "several
    # staff" is not (not who someone is: "who exactly is mark chen")
    r"|具体的に(?:は)?(?:誰|だれ)|\bwho (?:exactly|specifically) (?:got|gets|did|was offered"
    r"|were|received|left|took|joined)\b"
    # who the one the question already calls by a role is (投稿した社員って誰, 記者だれ, "who is the
    # employee who posted", "whos the reporter"): a name, which "one employee" does not give (not
    # 人物は誰, JSQuAD's "who is the person who...", any who)
    r"|(?:社員|従業員|スタッフ|記者|ライター|犯人)(?:って|は|とは)?[、,\s]?(?:誰|だれ)"
    r"|\bwho(?:'s|s| is| was) the (?:\w+ ){0,2}?(?:employee|staffer|reporter|journalist|writer|leaker"
    r"|person|guy|leader|lead|researcher|exec|executive)s? (?:who|that)\b"
    # which one of those the article tells of ("which leader said...", どのリーダー, 言ったリーダー誰):
    # a name, which "one leader" does not give
    rf"|{_WHICH_ONE.pattern}|(?:リーダー|研究者|研究責任者)(?:って|は|とは)?[、,\s]?(?:誰|だれ)"
)


def asks_name(question: str) -> bool:
    """Whether a question (normalised) asks for a name."""
    return _NAME_ASKED.search(question) is not None


# An amount a thing went up by asked (給料どんだけ上げたの, "how much did openai raise salaries by",
# "how big were the raises"): an amount stated of something else ("offers worth $100 million") or
# a change with none ("recalibrating pay") does not give it; told of by an increase stated.
_RAISE_ASKED = re.compile(
    r"上げ|昇給|増額|賃上げ|アップ|\b(?:rais\w*|bump\w*|increas\w*|hik\w*|boost\w*)\b|\bhow much more\b"
)
_RAISE_TOLD = re.compile(
    r"引き上げ|上げ(?:た|る|て)|増額|昇給|増や|増加|増え|上昇|伸び|\b(?:raised|raising|increased"
    r"|increasing|bumped|boosted|hiked|rose|grew|up by)\b",
    re.IGNORECASE,
)


def asks_raise(question: str, kind: AnswerType | None) -> bool:
    """Whether a question (normalised; of `kind`) asks by how much something went up."""
    return kind is AnswerType.MONEY and _RAISE_ASKED.search(question) is not None


def tells_raise(text: str) -> bool:
    """Whether a passage's text tells of something going up (引き上げ, raised)."""
    return _RAISE_TOLD.search(text) is not None


# Several names asked for (誰と誰, "names", who a counted group are: 8人の名前, "who are the 7
# leaders"): a passage naming one person gives no more than the one.
_SEVERAL_NAMES = re.compile(
    rf"誰と誰|だれとだれ|\bnames\b|\bwho (?:are|were|r)\b|(?<![\d一])(?!一|1\D){_NUM}\s*(?:人|名)"
    r"|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?:\w+ ){0,2}?"
    r"(?:people|ppl|researchers|leaders|leads|employees|staff|execs|executives|engineers)\b"
)


# People named in a question (their names asked: "names of the 7 other leads", 8人の名前; not
# a thing's, 制度の名前)
_PEOPLE_WORD = re.compile(
    r"(?:人|者|員|リーダー|メンバー|スタッフ|たち|達)(?:の|って|は)?名前|\b(?:people|ppl|persons|guys"
    r"|researchers|leads|leaders|employees|staff\w*|execs|executives|engineers|members)\b"
)


def names_asked(question: str, kind: AnswerType | None) -> int:
    """How many persons' names a question (normalised; of `kind`, index.answertype.question_type)
    asks for: 0, 1, or 2 for several. Without a "who" (名前は?, "names of"), only several people's
    names count: the dictionary does not know every name a passage gives (高砂政郎), and one
    person's asked so is rare in a channel."""
    if not asks_name(question):
        return 0
    several = _SEVERAL_NAMES.search(question) is not None
    if kind is AnswerType.PERSON or _WHICH_ONE.search(question):
        return 2 if several else 1
    return 2 if kind is None and several and _PEOPLE_WORD.search(question) else 0


def persons(nodes: list[tuple[str, str, str, str]], names: set[str]) -> list[str]:
    """The persons a text names, each once as its name's words ("マーク チェン"), from its words
    (index.tokenize.JapaneseTokenizer.nodes): runs of names (人名, or a word `names` holds, マーク
    read as a common noun), ・ joining their parts."""
    found: dict[str, None] = {}
    run: list[str] = []
    for k, (surface, pos1, _, pos3) in enumerate([*nodes, ("", "", "", "")]):
        word = normalize(surface)
        if pos1 == "名詞" and (pos3 == "人名" or word in names):
            run.append(word)
        elif not (run and surface in _JOINERS and k + 1 < len(nodes)):
            if run:
                found[" ".join(run)] = None
            run = []
    return list(found)


_JOINERS = frozenset({"・", "=", "＝", "･"})


# A count of people asked (何人, 何名, 人数, how many people / researchers / staff ...), and one
# stated in a passage's Japanese (8人, 七名): "メタは何人引き抜いた?" wants the passage that says how
# many researchers left, not one that says "poaching" and counts nothing, or counts days.
_PEOPLE_ASKED = re.compile(
    r"何人|何名|人数|how many (?:\w+ ){0,2}?(?:people|persons|researchers|employees|staff|workers"
    r"|leaders|engineers|scientists|executives|members|folks|guys|ppl)\b"
)
_PEOPLE_STATED = re.compile(rf"{_NUM}\s*(?:人|名)")


def asks_people(question: str) -> bool:
    """Whether a question (normalised) asks how many people."""
    return _PEOPLE_ASKED.search(question) is not None


def states_people(text: str) -> bool:
    """Whether a passage's Japanese text states a number of people (8人, 七名)."""
    return _PEOPLE_STATED.search(text) is not None


# A reply asks it again of the question its search asked it of, once for each quote (the cues
# are a tenth of a reply's time): the last few questions' kinds are kept.
KEPT_QUESTIONS = 16


def question_type(question: str, normalized: bool = False) -> AnswerType | None:
    """The kind of fact the question asks for, or None when it asks for something open."""
    return _question_type(question if normalized else normalize(question))


@lru_cache(maxsize=KEPT_QUESTIONS)
def _question_type(text: str) -> AnswerType | None:
    for kind, cue in _CUES:
        for m in cue.finditer(text):
            if not _CLAUSE_WORD.fullmatch(m.group()) or _stands_as_question(text, *m.span()):
                return kind
    return None


def states(kind: AnswerType, text: str, people: bool = False, places: bool = False) -> bool:
    """Whether `text` states a fact of `kind`; `people` and `places` say whether it names a
    person and a place (the dictionary's proper nouns: 人名, 地名)."""
    if kind is AnswerType.PERSON:
        return people
    if kind is AnswerType.PLACE:
        return places
    return _FACTS[kind].search(normalize(text)) is not None


# Topics a question may ask about that a passage speaks of or not at all, whatever else it
# matches: a news article written while its event goes on has nothing on what followed it, and
# one about hiring nothing on lawsuits or share prices. A question asking about one, answered by a
# passage that does not speak of it, is declined as "related" (index.search; held apart from the
# verdict's evidence, which would call everyday questions about pay "related" too).
_EVENT_JA = r"(?:休み|休業|閉鎖|停止|休養|休暇|休止|営業停止)"
_EVENT_EN = r"(?:break|shutdown|week off|time off|pause|vacation|holiday)"
_DISMISSAL_JA = r"クビ|首に(?:な|さ)|解雇|解任|追い出|辞めさせ"
_DISMISSAL_EN = r"\b(?:fired|sacked|laid off|ousted|kicked out|booted|pushed out|dismissed)\b"
_WHY_JA = r"なんで|なぜ|何で|どうして|理由|原因"
_WHY_EN = r"\bwhy\b|\bhow come\b|\breason"
_SHARES_JA = r"株(?!式会社)|ストック|時価総額|評価額|企業価値"
_SHARES_EN = r"\b(?:stocks?|equity|valuation|net worth)\b"
_REFUSAL_JA = r"(?<![判診決中油])断(?:っ|る|り|ら|れ|わ)|拒"
_REFUSAL_EN = r"\bturn(?:ed|s|ing)? (?:\w+ ){0,2}?down\b|\brefus|\breject|\bdeclin"


class Topic(NamedTuple):
    """A topic: its cues in a question's Japanese and English (a question is searched for the
    first only when it holds other than ASCII, for the second only when it holds Latin letters:
    one search of both cost twice), and in a passage."""

    ja: re.Pattern[str]
    en: re.Pattern[str]
    told: re.Pattern[str]


def _both(ja: str, en: str) -> re.Pattern[str]:
    """A passage's cue: the Japanese text's or its rendering's."""
    return re.compile(f"{ja}|{en}", re.IGNORECASE)


def _all(*cues: str) -> re.Pattern[str]:
    """A question holding every cue, anywhere (anchored: tried once, not at every position)."""
    return re.compile(r"\A" + "".join(f"(?=.*(?:{cue}))" for cue in cues), re.DOTALL)


def _any(*patterns: re.Pattern[str]) -> re.Pattern[str]:
    """A question matching any of these `_all` patterns (each anchored)."""
    return re.compile("|".join(p.pattern for p in patterns), re.DOTALL)


TOPICS: dict[str, Topic] = {
    # What came after: a return (came back to OpenAI, 戻った, 復帰) or a time after the event ("after
    # the break ended", 休み明け); told of by a return or a time after something (the departure
    # "and return" of Altman, "later this year", その後, 以降). Not その後 alone: a follow-up's
    # "then" (そのあと何て付け足したの).
    "later": Topic(
        re.compile(
            rf"戻(?:っ|る|り|ら|れ)|復帰|出戻|{_EVENT_JA}(?:期間|週間)?の?(?:あと|後|明け|終わ)|休み明け"
        ),
        re.compile(
            r"\b(?:come|comes|came|coming|go|goes|went|going|gone) back\b|\breturn(?:s|ed|ing)?\b"
            rf"|\b(?:after|since) (?:the |that |this |their |its |a |an )?(?:\w+ ){{0,2}}?{_EVENT_EN}\b"
            rf"|\bonce (?:the )?{_EVENT_EN} (?:ended|ends|was over|is over)\b"
        ),
        _both(
            r"(?<![背今午前最直])後(?![半ろ])|その後|以降|以後|戻(?:っ|る|り)|復帰|明け(?!方)",
            r"\b(?:after|afterwards|later|since then|return(?:s|ed)?|(?:came|come|went|go) back)\b",
        ),
    ),
    # A repeat of the event ("will there be another shutdown", "next week off", 来年も休むの?,
    # "is this a yearly thing"); told of by a repeat (again, 毎年, 恒例): the article tells of one.
    "repeat": Topic(
        re.compile(
            rf"(?:次の|次回|再び|もう一(?:回|度)|もう1(?:回|度)|来年|毎年|今後も)\S{{0,8}}?{_EVENT_JA}"
            rf"|{_EVENT_JA}\S{{0,8}}?(?:再び|もう一(?:回|度)|もう1(?:回|度)|来年|毎年|恒例|定期的)"
        ),
        re.compile(
            rf"\b(?:another|next|second|again)\b (?:\w+ ){{0,2}}?{_EVENT_EN}"
            rf"|\b{_EVENT_EN}\b.{{0,30}}\b(?:again|every year|yearly|annual|recurring)\b"
            rf"|\b(?:yearly|annual|recurring) (?:\w+ )?{_EVENT_EN}"
        ),
        _both(
            r"再び|また(?!別)|毎年|恒例|定期的|次回|来年",
            r"\b(?:again|another (?:week|shutdown|break)|annual|every year|regularly|next year)\b",
        ),
    ),
    # Pay ("is the week off paid", 休み中も給料出るの?, 残業代, "are they giving ppl raises"); told
    # of by pay, money or incentives. Not paid leave taken (有給取る, "taking pto"), nor "pays off",
    # "paying the price", "pay attention".
    "pay": Topic(
        re.compile(r"給料|給与|有給(?!休暇|を?(?:取|と|使|申請))|無給|残業代|手当|賃金|年収|月給"),
        re.compile(
            r"\b(?:unpaid|salary|salaries|wages?|raises)\b|\b(?:a|any|pay) raise\b"
            r"|\bpay(?:s|ing)?\b(?! (?:off|the price|attention))|\bpaid\b(?! time off)"
        ),
        _both(
            r"報酬|給与|給料|賃金|ボーナス|年収|ドル|金銭|お金|資金|インセンティブ|\d\s*(?:億|万)?\s*円",
            r"\b(?:pay|paid|compensation|bonus(?:es)?|salar(?:y|ies)|wages?|incentives?|financial)\b"
            r"|[$¥€£]\s*\d",
        ),
    ),
    # The law: suing, legality (OpenAIはメタを訴えるの?, "is what meta is doing even legal"); told of
    # by a law or a court (a law named, 職業安定法, but not a way, 方法, 手法).
    "law": Topic(
        re.compile(r"訴え|訴訟|裁判|違法|合法|法的|法律|弁護士"),
        re.compile(r"\b(?:sue|sues|sued|suing|lawsuits?|legal|illegal|court|lawyers?|laws?)\b"),
        _both(
            r"訴え|訴訟|裁判|(?<![方手用説作文寸魔療技])法|弁護士",
            r"\b(?:sue|sues|sued|suing|lawsuits?|legal|illegal|court|lawyers?|laws?|acts?)\b",
        ),
    ),
    # Shares and what a company or a person is worth (メタの株価, "openai valuation", "paid in cash
    # or meta stock", "zuck's net worth"; not 株式会社, a company's legal form, nor "worth it").
    "shares": Topic(
        re.compile(_SHARES_JA),
        re.compile(_SHARES_EN + r"|\bhow much (?:is|are) [\w\s']{1,20}? worth\b"),
        _both(_SHARES_JA, _SHARES_EN),
    ),
    # A person's life before the article's events: marriage, schooling, earlier work ("is sam
    # altman married", どこの大学出てるの, "what did chen do before openai", openai来る前どこいたの,
    # not JSQuAD's コロンブスが来る前から住んでいた, "before" of any event; "chen's background");
    # told of by the same (not "the background" of the story: its context, which the article is).
    "career": Topic(
        re.compile(
            r"結婚|既婚|独身|学歴|学位|博士|大学|経歴|前職|学校|出身校"
            r"|(?:入る|来る|入社する|入社|入った|来た)前(?:は|って|に)?(?:どこ|何|なに|なん)"
            # (前はどこで働いてた, 前は何してた: where someone was before)
            r"|前は(?:どこ|何|なに|なん)(?:で|を|に)?(?:働|勤|し|い)"
        ),
        re.compile(
            r"\b(?:married|wife|husband|college|university|degree|phd|resume|graduat\w*|school"
            r"|schooling|education)\b|\b(?:study|studied) at\b|\bwhere did \w+(?: \w+)? study\b"
            r"|\b(?:'s|s|his|her|their) background\b|\bbefore (?:joining |he joined |she joined )?openai\b"
        ),
        _both(
            r"結婚|既婚|独身|学歴|学位|博士|大学|出身|経歴|前職|学校",
            r"\b(?:married|wife|husband|college|university|degree|phd|graduated|previously|formerly"
            r"|school|studied)\b",
        ),
    ),
    # Whether anyone said no ("did anyone actually turn down the 100m", オファー断った人いるの?):
    # told of by a refusal (not 判断, 診断: "judging").
    "refusal": Topic(
        re.compile(_REFUSAL_JA),
        re.compile(_REFUSAL_EN + r"|\bsa(?:y|ys|id|ying) no\b"),
        _both(_REFUSAL_JA, _REFUSAL_EN),
    ),
    # A dismissal (sns投稿した社員ってクビになった?, "did the guy who posted get fired"); told of by one
    # or by a departure (Altman's 退任, "departure").
    "dismissal": Topic(
        re.compile(_DISMISSAL_JA),
        re.compile(_DISMISSAL_EN),
        _both(
            r"クビ|解雇|解任|退任|辞任|追い出",
            r"\b(?:fired|sacked|ousted|dismiss\w*|departures?|resign\w*|kicked out|pushed out)\b",
        ),
    ),
    # ... and why it happened ("why was altman pushed out back then", アルトマンってなんでクビになった
    # んだっけ): told of by a cause attached to the dismissal (取締役会との対立で解任, "ousted over",
    # "fired after"), not by a dismissal named among the causes of something else (line 31: the
    # culture is fragile "including the dramatic departure and return" of Altman).
    "dismissal_reason": Topic(
        _all(_WHY_JA, _DISMISSAL_JA),
        _all(_WHY_EN, _DISMISSAL_EN),
        _both(
            r"(?:ため|理由|原因|で|により|として)[^。、]{0,6}?(?:解任|解雇|退任|辞任|クビ|追い出)",
            r"\b(?:fired|ousted|dismissed|departure|resign\w*|pushed out|kicked out)\b[^.]{0,40}?"
            r"\b(?:because|over|after|for|due to|amid|following)\b",
        ),
    ),
    # Who leaked something (slackリークしたの誰, "who leaked the slack msgs to wired"; not to whom:
    # "who did they get leaked to", "who got the leak", 誰に; nor whose words: 誰のメッセージ,
    # "whose messages"): told of by the leak's doer ("leaked by", "X leaked the", Xがリークした, 犯人),
    # not by a leak "to Wired" with none.
    "leaker": Topic(
        _all(r"誰(?![にの])|だれ(?![にの])|犯人", r"リーク|流し|漏らし|漏洩|流出"),
        re.compile(
            r"\A(?=.*(?<!to )\bwho\b(?! (?:got|received|obtained|did \w+ (?:\w+ )?leak)\b))"
            r"(?=.*\bleak)(?!.*\bleaked to\W*$)",
            re.DOTALL,
        ),
        _both(
            r"(?:が|によって|により)(?:リーク|流出させ|漏らし|流し)|犯人|リーク元",
            r"\bleaked by\b|\bleaked (?:the|it|them|these|those|his|her|their|internal)\b|\bleakers?\b",
        ),
    ),
    # Who reported it (wiredの記事書いた記者だれ, "which wired reporter broke the story"; not what
    # "the author" means: what the article says); told of by a reporter named.
    "reporter": Topic(
        _any(
            _all(r"誰|だれ|名前", r"記者|ライター|書いた人"),
            # ... or who wrote the report (wiredの記事って誰が書いたの)
            _all(
                r"記事.{0,6}(?:誰|だれ)が?(?:書|執筆)|記事を?(?:書いた|執筆した)(?:の|人)(?:は|って)?"
                r"(?:誰|だれ)|(?:誰|だれ)が(?:この|その|あの)?記事を?(?:書|執筆)"
            ),
        ),
        _any(
            _all(r"\bwho|\bwhich|\bnames?\b", r"\breporters?\b|\bjournalists?\b|\bwriters?\b"),
            _all(
                r"\bwho (?:wrote|broke|reported|published) (?:the|that|this|wired'?s?) (?:\w+ )?"
                r"(?:article|story|piece|report|scoop)"
            ),
        ),
        _both(r"記者|ライター", r"\b(?:reporters?|journalists?|writers?|correspondents?)\b"),
    ),
    # How many work somewhere, how big a team or a company is (openaiって社員何人いるの, メタの超知能
    # チームって何人いるの, "how many ppl work at openai", "how big is meta's team"; not how many of
    # them did something: 何人引き抜かれた, リーダー何人がメッセ送った); told of by a headcount.
    "headcount": Topic(
        re.compile(
            r"社員数|従業員数|職員数|(?:社員|従業員|スタッフ)(?:って|は)?(?:全部で|全体で|合計)?何人"
            r"|(?:チーム|ラボ|研究所|部署|会社)(?:って|は)?(?:全部で|全体で)?何人(?:いる|くらい|ぐらい|規模)"
        ),
        re.compile(
            r"\bhow many (?:\w+ )?(?:people|ppl|employees|staff|workers|researchers|engineers) "
            r"(?:work|are (?:there|on|in|at))\b|\bhow many (?:employees|staff|workers) (?:does|do|did)\b"
            r"|\bhow (?:big|large) is (?:the |\w+(?:'s|s)? )?(?:\w+ ){0,2}?(?:team|lab|company|staff"
            r"|workforce|org)\b|\bheadcount\b"
        ),
        _both(
            r"社員数|従業員数|職員数|\d+\s*人(?:の)?(?:社員|従業員|スタッフ|規模|体制)",
            r"\bheadcount\b|\bworkforce of\b|\b\d[\d,]* (?:employees|staff|workers)\b",
        ),
    ),
    # A comment or a statement made (メタ側はこの件でコメント出してる?, 反論, "any statement?"); told of
    # by someone's words quoted or a statement reported (the GTM employee's 「超嬉しい」).
    "comment": Topic(
        re.compile(r"コメント|声明|反論|言い返|見解"),
        re.compile(r"\b(?:comment(?:s|ed|ing)?|statements?|spokes(?:person|man|woman))\b"),
        _both(
            r"[「『“\"]|コメント|声明|反論|見解|発表", r"\b(?:comment\w*|statements?|announce\w*)\b"
        ),
    ),
    # Whether an offer was taken or its money received ("did any of the 8 actually take the 100m
    # deal", 8人はみんな1億ドルもらったの?, 実際に受けた人って誰): told of by an acceptance or a receipt,
    # not by an offer made (line 7: staff "were offered"). Not who is offered it (1億ドルって誰が
    # もらえるの, "who got the 100m offer"), nor what to do "if they get a crazy offer".
    "receipt": Topic(
        re.compile(
            r"(?:実際に?|結局|ほんとに|本当に|マジで|みんな|全員|それぞれ|全額)[^?？]{0,12}?"
            r"(?:もら(?:っ|え)|受け取|受け入れ|受諾|受けた)"
            r"|(?:もらった|受け取った|受け入れた)(?:人|やつ|研究者|社員)|オファー(?:を)?(?:受け入れ|受諾|承諾)"
            r"|オファーに(?:応じ|乗っ)"
        ),
        re.compile(
            r"\b(?:accept(?:ed|s|ing)?|took|take|taking)\b (?:(?:the|that|those|these|meta'?s?) )?"
            r"(?:full )?(?:\$?100 ?m\w*|offers?|deals?|money|cash)"
            r"|\b(?:actually|really|ever|any of (?:them|the \w+))\b[^?.!]{0,30}?\b(?:get|got|gotten"
            r"|receive[ds]?)\b (?:(?:the|that|their|all the) )?(?:(?:full|whole) )?(?:\$?100 ?m\w*"
            r"|money|cash|bonus\w*|payouts?)"
            r"|\b(?:get|got|receive[ds]?)\b (?:the )?(?:full )?\$?100 ?m\w* (?:each|all)\b"
        ),
        _both(
            r"受け入れ|受け取|受諾|承諾|応じ",
            r"\b(?:accept(?:ed|s|ing)?|received|took the (?:offer|deal|money))\b",
        ),
    ),
    # A counter-offer (did openai match meta's offers, "how much is openai paying to counter meta's
    # offers", カウンターオファー出したの?): told of by one made or an offer matched, not by
    # "countermeasures" or pay "recalibrated" (line 11: how they respond, which "どう対抗してるの"
    # asks).
    "counteroffer": Topic(
        re.compile(
            r"カウンターオファー|対抗オファー|同額(?:を|の)?(?:出|提示|オファー)"
            r"|(?:対抗|張り合)[^?？、]{0,8}?(?:いくら|金額|何ドル|ドル|億)"
        ),
        re.compile(
            r"\bcounter[- ]?(?:offers?|bonus\w*)\b|\bcounter(?:ing|ed)? (?:with|meta'?s?)\b"
            r"|\bmatch(?:ed|ing|es)?\b (?:[\w']+ ){0,2}?(?:offers?|100 ?m\w*|\$)|\bmatch(?:ed|ing|es)? meta\b"
        ),
        _both(
            r"カウンターオファー|対抗オファー|同額",
            r"\bcounter-?offers?\b|\bmatched\b|\bmatching (?:the|its|their|his|her) offers?\b",
        ),
    ),
    # Which team (SNSで嘆いてた社員ってどこのチームの人?, "which teams do the other research leads
    # run"): told of by a team named, quoted or capitalised (「超知能」チーム, the Go-To-Market (GTM)
    # team), not by "their teams".
    "team": Topic(
        re.compile(
            r"(?:どこの|どの|何の|なんの)(?:チーム|部署|部門)|チーム(?:って|は)?(?:何|なに|なん)て"
            r"(?:名前|呼|言)|チームの名前"
        ),
        re.compile(r"\b(?:which|what) (?:\w+ )?teams?\b|\bteam(?:'s)? name\b"),
        re.compile(  # (case matters: a capital names)
            r"[」”\"』][^\s、。]{0,3}(?:チーム|部署|部門)|[A-Z]\)?\s*(?:チーム|部署|部門)"
            r"|[”\"] teams?\b|\b[A-Z][\w-]*\)? teams?\b"
        ),
    ),
    # Whom someone works with (チェンって誰と一緒に対策してんの, 誰と組んでるの, "who's chen working with",
    # "teaming up with who"); told of by a companion named (line 11: together with Altman, アルトマン
    # とともに; "Mark and I", 私やマーク). Not "誰と誰" (two names asked), nor "who did meta talk to".
    "companion": Topic(
        re.compile(
            r"(?:誰|だれ)と(?!誰|だれ)(?:一緒|いっしょ|組|協力|共|とも|二人|ふたり|やっ|動い|取り組|対策"
            r"|手を組|連携|タッグ)|(?:相棒|パートナー)(?:は|って)(?:誰|だれ)"
        ),
        re.compile(
            r"\b(?:with|w) (?:who|whom)\b|\bwho(?:'s|s| is| are| was)? (?:\w+ ){0,2}?(?:working|teaming"
            r" up|teamed up|partnering|partnered|collaborating|joining forces) with\b"
            r"|\bwho (?:does|did|do) (?:\w+ ){0,2}?(?:work|team up|partner|collaborate) with\b"
        ),
        _both(
            r"とともに|と共に|と一緒に|といっしょに|と組ん|と協力|と手を組|(?:私|僕|俺)(?:や|と)\S{1,10}(?:が|は)",
            r"\b(?:together with|alongside|along with|teaming up with|teamed up with|partnering with"
            r"|in partnership with)\b|\b\w+ and I\b",
        ),
    ),
    # The means of a contact (did zuck call them himself or just text, ザッカーバーグは直接電話したの?,
    # "like dm or email"): told of by one named (Slack messages, 個人的なメッセージ, a post), not by
    # "personal involvement". Of a contact, not of what it said: not "what's the advice if meta dms
    # you", "what did chen call the main quest".
    "means": Topic(
        re.compile(r"電話|メール|(?<![a-z])dms?(?![a-z])|直接会|対面"),
        re.compile(
            r"\b(?:did|does|do|was|were|has|have)\b[^?.!]{0,30}?\b(?:call(?:ed)?|phon(?:e|ed)"
            r"|text(?:ed)?|dm(?:'?d|ed)?|e-?mail(?:ed)?)\b(?= ?(?:(?:the|his|her|openai'?s?) )?"
            r"(?:them|him|her|any\w*|ppl|people|researchers|staff|employees|him ?self|personally"
            r"|directly|or\b|\?|$))"
            r"|\b(?:or|like|just|via|by|over|through) (?:a )?(?:call|phone|text|dms?|e-?mail|zoom"
            r"|in person)\b"
        ),
        _both(
            r"メッセージ|メモ|投稿|電話|メール|slack",
            r"\b(?:messages?|memo|post|calls?|called|phone|e-?mails?)\b",
        ),
    ),
    # Which platform (what platform was the deleted post on, twitter?, どこのsns, "did altman post
    # on x"): told of by one named (Slack), not by a kind (social media, SNS).
    "platform": Topic(
        re.compile(
            r"(?:どの|どこの?|何の|なんの)(?:sns|サイト|アプリ|プラットフォーム)|ツイッター|ツイート"
            r"|インスタ|twitter"
        ),
        re.compile(
            r"\b(?:what|which) (?:platform|site|website|app|social media|social network|sns)\b"
            r"|\bon (?:x|twitter|linkedin|threads|reddit|instagram|facebook)\b|\btwitter\b|\btweet"
        ),
        _both(
            r"ツイッター|インスタ|slack|twitter",
            r"\b(?:slack|twitter|linkedin|reddit|instagram|facebook|discord|zoom)\b",
        ),
    ),
}
_LATIN = re.compile(r"[a-z]")


@lru_cache(maxsize=KEPT_QUESTIONS)
def topics_asked(question: str) -> frozenset[str]:
    """The TOPICS a question (normalised) asks about (kept for the last few questions: a search
    asks twice, for its ranking and its verdict)."""
    japanese = not question.isascii()
    latin = _LATIN.search(question) is not None
    return frozenset(
        name
        for name, topic in TOPICS.items()
        if (japanese and topic.ja.search(question)) or (latin and topic.en.search(question))
    )


def topics_told(text: str) -> frozenset[str]:
    """The TOPICS a passage speaks of."""
    return frozenset(name for name, topic in TOPICS.items() if topic.told.search(text))
