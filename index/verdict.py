"""Whether the best passage answers the question: one calibrated confidence, three verdicts.

The evidence is what the search already knows about its best passage, each of the question's words
weighed by its information in the language at large (index.frequency): how much of the question the
articles never mention (and whether its most informative word is such; the same over its nouns
alone), the most informative word they do mention, how much of it the passage holds and how much of
its nouns they use it leaves out, its score, whether it states the kind of fact asked for, whether
the question names something the articles never do, whether it asks for advice (which a news
article does not give, unless its best passage reports advice on what the question asks), whether
it points at the article itself and how it is put (index.form: as questions about an article are,
or as a channel's everyday ones). A logistic regression turns it into the probability that the
articles answer the question; a second one, asked only of questions not answered, tells a question
about the articles' people and events that they leave open ("related") from one about something
else ("off_topic"). Both are data: index/data/verdict.json, written by `python -m
index.verdict_fit` from the tuning parts of the question sets in tests/data/, which also chooses
the threshold (and learns the form, index/data/form.json).
"""

from __future__ import annotations

import json
import math
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, NamedTuple

import numpy as np

ANSWERED, RELATED, OFF_TOPIC = "answered", "related", "off_topic"


class Evidence(NamedTuple):
    """What the search knows about its best passage, as numbers (the verdict's features; a tuple,
    as the regression reads it: one is made for every question)."""

    known: float  # log((1 + information in words the articles use) / (1 + in words they never do))
    held: float  # information of the question's words the passage holds (any form), added up
    score: float  # log(1 + the best passage's score)
    type_missing: float  # 1: asks for a kind of fact the passage does not state
    exact_missing: float  # 1: the same, of a kind stated exactly (an age, a place, a day, money)
    unknown_name: float  # 1: names something no article mentions
    advice: float  # 1: asks for advice or about the asker's own affairs
    refers: float  # 1: refers to the article or to what it reports ("the article", 記事, 言ってた)
    top_unknown: float  # 1: the question's most informative word is one no article uses in any form
    # `known` over the question's nouns alone (Japanese: what it is about, not its colloquial
    # verbs and adverbs, バズる, ピリピリ; English has no part of speech here: all its words)
    known_nouns: float
    top_known: float  # information of the most informative known word (OpenAI, not "house")
    # 1: asks a count, an amount of money or a length of time of something (社員何人, revenue)
    # that no sentence of the passage states one of (8人の研究者: index.slot)
    slot_unfilled: float
    # information of the question's nouns the articles use that the passage does not hold (any
    # form), log(1 + it): what the question is about, from the articles' words, missing where
    # they would answer it (地域の文化や技術に貢献した団体に贈られる賞は?: 文化, 技術, 賞 are the
    # articles' words, none of them in its best passage; "チェンが言う真の賞って何?": 0)
    unheld_nouns: float
    # how the question is put (index.form): above 0, in the form of questions the articles answer
    # ("what did chen say"); below, of a channel's everyday ones ("来週有給とって休みにしようかな")
    form: float

    def vector(self) -> tuple[float, ...]:
        return tuple(self)

    def to_json(self) -> dict[str, float]:
        return {name: round(value, 4) for name, value in self._asdict().items()}


FEATURES = Evidence._fields

# Advice, recommendations and the asker's own affairs ("how do I", "best way to", "my", "can I",
# おすすめ, コツ, どうすれば): a news article reports what happened; it does not answer these (a bare
# "I" is not the cue: "I'm confused, why did OpenAI close?" asks about the article), and in English
# the best or worst of something ("best offline games", "the hardest side quest": a ranking, which a
# news article does not make; not in Japanese, where JSQuAD's own questions ask 最も of Wikipedia, but
# 一番いい / 一番おすすめ / 最強 are a ranking asked for), a recommendation asked for ("面白い映画教えて", おしえて) and an
# opinion on the asker's world ("is it better to...", "bad for kids", "too much"). Evidence, not a
# veto: the regression weighs it with the rest. On normalised (NFKC, casefolded) text.
# The asker's own affairs, told or asked of the channel: their plans and wishes (1週間休みあったら
# どこ行く?, 今週末なにする, 辞めたいって毎朝思ってる, "need a break"), their state or news (会議ばっかで
# しんどい, 全部ミュートしたわ, 既読スルーされてる件, 雨らしいね), the channel itself asked ("what do u
# guys do on a week off", y'all, "anyone here", "what's everyone doing"): the advice cue, and never
# advice the article reports (ASKER). On normalised text.
_OWN_JA = (
    r"たら\w{0,4}?(?:何|なに|どう|どこ)(?:する|したい|行く|いく|買う|食べる)"
    r"|(?:今週末|週末|今日|明日|今夜|連休)(?:は|って)?(?:何|なに|なん)(?:する|して)"
    r"|(?<!知り)(?<!聞き)(?<!読み)(?<!見)たい(?:けど|って(?:毎日|毎朝|ずっと)?思)"
    r"|(?:しんどい|つらい|だるい|ねむい|眠い|うらやましい|羨ましい|無理ゲー|寂しい|さみしい|きつい|キツい"
    r"|疲れた|つかれた)[ー〜!！w笑。…]*$|(?<!知り)(?<!聞き)(?<!読み)たくない[ー〜!！w笑。…]*$"
    # the asker's own state (求人見てて混乱してる, 2社から来て迷ってる; not 社員は迷ってるの?) and what
    # happened to them (重くなったんだけど, オファー来たんだけど受けるべき?; not what they heard or
    # read: 休むって聞いたんだけど)
    r"|(?:迷って|悩んで|困って|混乱して)(?:る|て|ます)?(?:[、。,!！]|$)"
    r"|(?=[たっ]んだけど)(?<!聞い)(?<!読ん)(?<!見)(?<!言って)(?<!書いて)(?<!思って)[たっ]んだけど"
    r"|(?:た|る|い|ない)わ[ー〜!！w笑。]*$|(?<!事)件[!！w笑。]*$|らしいね[ー〜!！w笑。]*$"
)
_OWN_EN = (
    r"\b(?:you|u) guys\b|\by'?all\b|\banyone here\b|\banyone else\W*$|\b(?:everyone|everybody)"
    r" (?:doing|up to)\b|^need\b|\bif (?:any(?:one|body)|u|you) knows?\b|\bwe(?:'re| are|re) hiring\b"
    # an invitation ("anyone wanna play games this weekend", "who's down for lunch")
    r"|\b(?:any(?:one|body)|who(?:'s|s| is)?) (?:wanna|want to|down (?:to|for)|up for)\b"
)
ADVICE = re.compile(
    # (how to: asked, not reported, "did the leaders tell ppl how to handle recruiters"; my: not
    # inside a phrase quoted as one word, "the someone-broke-into-my-house thing")
    r"\b(?:how (?:do|can|should|would|could) (?:i|you|we|u)|(?<![a-z] )how to"
    r"|(?:on|about|know|learn|tips?|ideas?) how to|should i"
    r"|best (?:way|time|place|app|tool)s?|tips?|advice|recommend\w*|any good"
    r"|worth (?:it|watching|buying)|(?<!-)my(?!-)|(?:can|do|could|would|will|should) i"
    r"|i (?:need|want|should|can)"
    r"|for me|(?:best|worst|biggest|largest|smallest|highest|lowest|hardest|easiest|cheapest"
    r"|fastest|strongest|greatest|richest|oldest|youngest|longest|shortest|healthiest|safest)"
    r"|is it (?:better|worse|cheaper|safer|healthier|worth|ok|okay|normal|bad|good|rude|weird"
    r"|smart|wise|polite|appropriate)|(?:bad|good|healthy|unhealthy) (?:for|to)"
    # what anyone can or should do, or needs, in general ("what can a manager actually do", "how
    # many hours of sleep do teens need")
    r"|what (?:can|could|should) (?:a|an|one|you|we|i|u) |\bdo (?:teens|adults|kids|children"
    r"|people|humans|you|we|i) (?:\w+ )?need"
    r"|too much|should (?:you|we|people|kids)|what(?:'s|s| is| are)? (?:a|some) (?:good|great|nice|fun|cool)"
    r"|an? good (?:buy|investment|deal|idea)"
    # a definition, or how a kind of thing works, in general ("what is a supercomputer", "what
    # does a CEO do", "how does bitcoin work"): not what the article reports of its own
    r"|what(?:'s|s| is| are) (?:a|an) (?!few|lot|couple)\w+|what does (?:a|an) \w+ (?:do|mean)"
    r"|how (?:does|do) (?:a |an )?\w+(?: \w+)? work|(?:meaning|definition) of"
    # what holds in general, not what the article reports ("how much does openai pay researchers
    # normally", "the average salary", "is a 4 day work week better")
    r"|in general|generally|usually|normally|typically|on average|average|^is an? [\w -]{1,30} better"
    # ... and a good thing asked for ("good team building games for remote teams?")
    r"|^(?:any |some )?(?:good|fun|cool|nice) \w+)\b"
    # any superlative way, time or place ("the fairest way to split rent"; not a noun ending in
    # -est: "the side quest thing", "the rest time")
    r"|\b(?!(?:(?:con|re|be)?quest|interest|guest|(?:con|pro|at)?test|rest|forest|chest|west|nest"
    r"|harvest|suggest|digest|invest|arrest)\b)\w+est (?:way|time|place|method|thing)s?\b"
    r"|\bwhat would you do\b"
    # what to do, eat, buy ... asked as such ("what to do on a 2 day weekend in tokyo")
    r"|^(?:so |ok |and )?what to (?:do|eat|watch|buy|read|play|wear|get|cook|say|bring|pack)\b"
    # ideas or a buy asked for ("team lunch ideas for 8 ppl", "decent keyboard under 100 bucks")
    r"|\bideas? for\b|\bworth (?:paying|getting|the money)|\bany (?:fix|fixes|tips|recs)\b"
    r"|^(?:any )?(?:decent|cheap) \w+|\bunder \$ ?\d+|\bunder \d+ ?(?:bucks|dollars|usd|yen)\b"
    # the asker's own affairs (_OWN_EN, _OWN_JA)
    r"|" + _OWN_EN
)
# ... and in Japanese as a channel asks it (searched only in a question with Japanese in it, as
# the English cues only in one with Latin letters: one expression for both cost 2-3 us a search)
ADVICE_JA = re.compile(
    # what holds in general (ボーナスの平均っていくら?; JSQuAD asks 平均気温は)
    r"(?:平均|相場)って"
    # (not someone's way: metaのやり方, 自分たちのやり方)
    r"|おすすめ|オススメ|コツ|(?<!の)(?<!どんな)(?<!どういう)(?:方法|やり方)"
    r"|どうすれば|どうしたら|どうやったら|どうしよ|したらいい|すればいい"
    r"|(?:が|ほうが|方が)いい|俺|僕"
    # the asker's own company, boss, team (うちの会社; not 8人のうち, "among")
    r"|(?:^|[、,\s])うちの"
    r"|一番(?:いい|良い|よい|強い|好き|すき|人気)|最強|(?:面白い|おもしろい|いい|良い)\w{0,6}(?:教えて|おしえて)"
    # general knowledge asked in Japanese: what a kind of thing is used for, its history, a word
    # in another language (スパコンって何に使うの?, 人工知能の歴史を教えて, リークって英語でなんて言う?)
    r"|って(?:何|なに|なん)に使う|の歴史(?:を|って|は)|(?:英語|日本語)で(?:なんて|何て|どう)(?:言う|いう|書く)"
    # the asker's own affairs (_OWN_JA)
    + r"|"
    + _OWN_JA
)
# ... and the same asked at a question's end, searched in its last ADVICE_TAIL characters only (a
# search of the whole question cost 1.6 us more):
ADVICE_TAIL = 24
ADVICE_END = re.compile(
    # the asker's own wish (明日休みたい, 給料上げてほしい; not 知りたい, 教えてほしい: a question; an
    # opinion asked, どう思う?, is not the cue: "この休みで流出止まると思う?" asks what the article weighs)
    r"(?<!知り)(?<!聞き)(?<!読み)(?<!見)たい(?:な|なあ|なー|んだけど|けど|です)?[?？!！。w笑]*$"
    r"|(?<!教え)(?<!おしえ)(?<!説明し)(?:て|で)ほしい[?？!！。]*$"
    # what the asker should do or may do (何ヶ月前に言えばいいの?, どう書けばいい, ゲームしてもいいと思う?):
    # CV cost on the tuning part 0.0920 -> 0.0888
    r"|[えけげせてねべめれ]ば(?:いい|よい)(?:の|ん|んだ|んですか|ですか|か)?[?？]*$"
    r"|[てで]もいい(?:の|と思う|ですか|かな|んですか)?[?？]*$"
    # how to, or whether one should (強くなるには?, 治し方は?, やるべき?, 休むのってあり?), the asker's
    # experience asked (されたことある?); not a name asked (呼び方, 読み方: JSQuAD asks them of
    # Wikipedia), nor a view (考え方, あり方); 切り方おしえて as 切り方教えて
    r"|[るくぐすつぬぶむうい]には[?？]*$|べき(?:なの|か|かな|だと思う|でしょうか)?[?？]*$"
    r"|[ぁ-ん](?<!考え)(?<!あり)(?<!呼び)(?<!読み)(?<!呼ばれ)(?<!言い)方(?:は|って|を?(?:教えて|おしえて))?[?？]*$"
    r"|(?:って|のって|のは)あり[?？]*$|たことある[?？]*$"
    # whether such a thing exists, is usual or is legal, in general (週休3日の会社ってある?,
    # 有給って何日あるのが普通?, 週80時間働くのって違法?)
    r"|(?<!理由)(?<!原因)ってある[?？]*$|(?:が|って)?普通(?:なの|なん)?[?？]*$|(?:違法|合法)(?:なの)?[?？]*$"
    # what one gets in general (有給休暇って何日もらえるの?; not who gets it: 1億ドルって誰がもらえるの?)
    r"|(?<!誰が)(?<!誰)もらえる(?:の|んだ|もの|か)?[?？]*$"
    # the listener's own habit or side, or what people do (サイドクエストってやる派?, どっち派?,
    # 眠れないときみんなどうしてる?)
    r"|派[?？]*$|(?:みんな|皆|みなさん)(?:は|も)?(?:どうしてる|ある|いる|する|やる)?[?？]*$"
    # ... when something happens (集中できないときどうしてる?), and an invitation (週末どっか遊び行かない?)
    r"|(?:とき|時)(?:って|は)?(?:どうしてる|何してる|なにしてる)(?:の|ん)?[?？]*$"
    r"|(?:一緒に|どっか|どこか|誰か)\w{0,8}(?:行か|いか|遊ば|やら)ない[?？]*$"
    r"|(?:何|なに|なん)に使う[?？]*$"
    # whether a thing is enough, in general (内定断るときってメールだけでいいの?; not もんなの?, which
    # asks of the article too: 1週間休んだくらいで流出止められるもんなん?)
    r"|だけでいい(?:の|ん|か|かな)?[?？]*$"
    # how one does a thing, in general (どうやって治すの?, 給料交渉ってどうやるの?, どう書くの, どう決めたら
    # いい; not how someone in the article does it: どうやって引き止めてるの?), whether it can be done
    # at all (予約送信ってできる?) and anything to recommend (リラックスできる音楽なんかある?)
    r"|どうやって\w{0,4}?[うくぐすつぬぶむる](?:の|ん)?[?？]*$|どう(?:やる|書く|決め(?:る|たら))"
    r"|(?:って|は)できる(?:の|かな|ん|ですか)?[?？]*$|(?<!他に)(?<!ほかに)(?:なんか|何か)ある[?？]*$"
    r"|たら(?:いい|良い)(?:の|か|かな|ですか)?[?？]*$"
    # what one must do, or whether it is bad, in general (有給って理由言わなきゃだめなん?, 3ヶ月で辞める
    # のってやっぱまずい?), and whether such a thing really exists (週休3日の会社ってほんとにあるん?)
    r"|(?:なきゃ|なくちゃ|ないと)(?:だめ|ダメ|いけない)(?:なの|なん|の|ん|か)?[?？]*$"
    r"|のって(?:やっぱ)?(?:まずい|ダメ|だめ|アウト)(?:の|かな)?[?？]*$"
    r"|(?<!理由)(?<!原因)って(?:ほんとに|本当に)ある(?:の|ん)?[?？]*$"
)


# A question that points at the article or at what it reports is about it: "the article", "this
# story", "the quote", "mentioned", 記事, この話, 言ってた, 書かれて, って話.
REFERS = re.compile(
    r"\b(?:article|story|piece|post|author|writer|reporter|report\w*|quote\w*|mention\w*|"
    r"according|tl;?dr|tldr|summar\w*)\b"
    r"|記事|この話|この件|今回の|言って(?:た|る|い)|言われ|書いて|書かれ|って話|という話|話(?:って|は|の)|筆者|報道|要約|まとめ|ざっくり"
)


# A passage that gives advice itself (a leader "advised employees" to tell Meta's recruiters to back
# off, "don't be afraid to reach out"): an advice question whose best passage is such advice asks
# what the article reports, not about the asker's own affairs. On a passage's text as written.
GIVES_ADVICE_JA = re.compile(
    r"アドバイス|助言|勧め|べきだ|[てで]ほしい|ように(?:言|促|求め|呼びかけ|勧め)"
)
GIVES_ADVICE_EN = re.compile(
    r"\b(?:advis\w*|advice|urg(?:e|es|ed|ing)|should|recommend\w*)\b", re.I
)


# The asker speaking of themself ("how do I speed up my wifi"): their own affairs, whatever a
# passage advises. On normalised text.
ASKER = re.compile(
    r"\b(?:i|i'm|im|me|(?<!-)my(?!-)|mine|(?<![a-z] )how to|(?:on|about|know|learn) how to)\b"
    r"|俺|僕|私|わたし|自分(?!たち|達|ら)|(?:^|[、,\s])うちの|" + _OWN_JA + r"|" + _OWN_EN
)


def gives_advice(text: str) -> bool:
    return GIVES_ADVICE_JA.search(text) is not None or GIVES_ADVICE_EN.search(text) is not None


# What to do asked, of someone in the article or of anyone ("what should staff do if", "how should
# they handle", どうすれば, どう返せばいい, べき, アドバイス): a ranking preference for passages giving advice
# (index.search.ADVICE_BONUS), not evidence. On normalised text.
WHAT_TO_DO = re.compile(
    r"\bwhat (?:should|can|could|do|would) (?:\w+ ){1,3}?do\b|\bwhat to (?:do|say)\b|\badvi[cs]e"
    r"|\bwhat (?:are|is|am|were) (?:\w+ ){1,2}?supposed to (?:do|say)\b"
    r"|\bhow (?:should|do|can) (?:\w+ ){1,3}?(?:respond|react|handle|deal)"
    r"|どうすれば|どうしたら|どうしろ|どう(?:返|対応|断)|べき|アドバイス|助言"
)


def asks_what_to_do(normalized_question: str) -> bool:
    return WHAT_TO_DO.search(normalized_question) is not None


def advice_reported(normalized_question: str, gives: bool) -> bool:
    """Whether an advice question asks what the best passage advises (`gives`: it gives advice
    and holds the question's most informative word the articles use) rather than about the
    asker's own affairs."""
    return (
        gives
        and ASKER.search(normalized_question) is None
        and not tells_own_news(normalized_question)
    )


def refers_to_article(normalized_question: str) -> bool:
    return REFERS.search(normalized_question) is not None


# Against the ordinary ("taxed more than regular pay", "different from normal computers"): what
# holds in general, unless the question points at what was said ("why do they like it more than
# normal time off" compares the article's week off).
ORDINARY = re.compile(
    r"\b(?:than|from|vs|versus) (?:a |an |the )?(?:regular|normal|ordinary|usual|typical)\b"
)
POINTING = re.compile(r"\b(?:it|its|they|them|their|this|that|he|she|his|her)\b")


_LATIN_LETTER = re.compile(r"[a-z]")


# A Japanese message that asks nothing: no question mark, question word, asking or requesting end
# (か, の, っけ, って, なん, 教えて, 詳しく), nor news heard (って聞いた, 読んだけど), ending in a
# predicate (a verb, an adjective, a colloquial negative: 集中できん, やる気でん, 温泉いくわ; not a
# noun: 明日の天気, GTMの人の感想, 燃え尽き) or a bare reaction (草, w): the asker telling the
# channel their own news, mood or plans, which a news article does not answer (the advice cue).
# On normalised text.
_ASKING_JA = re.compile(
    r"[?？]|何(?!も|か(?!ら))|なに(?!も|か(?!ら))|なんで(?!も)|なんの|なんて|なんと|なんぼ|どう|どこ|どれ|どの|どんな|どっち"
    r"|どちら|どゆ|どんだけ|どんくらい|いつ(?!も)|誰|だれ|いくら|幾ら|なぜ|何故|理由|原因|いくつ"
    r"|(?:聞い|きい|読ん|見)た(?:けど|んだけど)?"
)
_ASKING_END_JA = re.compile(
    r"(?:か|の|っけ|って|かな|かね|かい|なん|[うくぐすつぬぶむるたいなだ]ん|は|まじ|マジ|ほんと|本当|ホント|よね|でしょ|だろ"
    r"|だろう|じゃん|じゃね|っしょ|教えて|おしえて|知りたい|説明して|ください|下さい|まとめて|くれ|頼む"
    r"|詳しく|くわしく|もっと|続き|つづき|[えけげせてねべめれ]よ|なさい|でしょう|[0-9]つ|で|と|こと"
    r"|やつ|(?:人|奴|やつ)(?:いた|いる|おる)|(?<!た)くない)$"
)
_KANA_END = re.compile(r"[\u3041-\u3093]+$")
# A noun's topic marked by って (ミッションってまだ効いてる, 休みって急に決まったやつ): what is asked
# about, not the asker's news; not って quoting or a verb's て (辞めたいって思ってる, 振ってきた).
_TOPIC_JA = re.compile(
    r"[一-龯々ァ-ヶーa-z0-9み]って(?![るたてぃいなくきみもん]|ほしい|ください|から)"
)
_TRAILING = re.compile(r"[\W_wｗ笑草泣]+$")


def asks_ja(normalized_question: str) -> bool:
    """Whether a Japanese message asks: a question mark or word, an asking end, a topic って."""
    text = _TRAILING.sub("", normalized_question)
    return bool(
        _ASKING_JA.search(normalized_question)
        or _ASKING_END_JA.search(text)
        or _TOPIC_JA.search(text)
    )


def tells_own_news_ja(normalized_question: str) -> bool:
    """Whether a Japanese message asks nothing: the asker's own news, mood or plans, told."""
    if asks_ja(normalized_question):
        return False
    text = _TRAILING.sub("", normalized_question)
    # (a predicate ends in two kana or more, いくわ, できん, 疲れた; a noun made of a verb's stem
    # in one, 燃え尽き, 引き抜き, 休み: a topic asked for, /summary 燃え尽き)
    end = _KANA_END.search(text)
    return not text or end is not None and len(end.group()) >= 2


# ... and an English one: no question mark or word, no auxiliary or request opening it or a
# clause (", is that for all staff"), no tag ("..., right"), with a finite verb or a chat tag
# ("this week has felt like a month", "burnout is real this week ngl"; not "meta offer amount",
# a bare phrase searched).
_ASKING_EN = re.compile(
    r"\?|\b(?:what|whats|wat|wut|who|whom|whose|whos|when|where|why|how|hows|which|wym|wdym"
    r"|according)\b|\b(?:right|yeah|no|correct|true)\W*$"
    r"|(?:^|, ?)(?:is|are|was|were|do|does|did|can|could|will|would|should|has|have|had|am|isn't"
    r"|aren't|didn't|doesn't|don't|won't|cant|can't|wasn't|tell|explain|summari[sz]e|give|show|list"
    r"|describe|define|compare|quote|say|elaborate|tl;?dr|eli5|pls|please|plz|any|anything|anyone"
    r"|source|so|and|or|but|ok|wait|more|also|then|other|else|like|idk|wonder|lemme|let me|need"
    r"|help|gimme)\b"
)
_TELLING_EN = re.compile(
    r"\b(?:is|are|was|were|am|has|have|had|i'm|im|it's|that's|thats|i've|ive|i'll|gonna|wanna"
    r"|got|feel|feels|felt|been|ngl|lol|lmao|tbh|fr|smh|lowkey)\b|'(?:s|re|m)\b"
)


def tells_own_news_en(normalized_question: str) -> bool:
    """Whether an English message asks nothing: told, with a verb or a chat tag."""
    text = normalized_question
    return _ASKING_EN.search(text) is None and _TELLING_EN.search(text) is not None


def asks(normalized_question: str) -> bool:
    """Whether a message asks something (a question mark, a question word, an auxiliary or a
    request opening it, an asking end); a bare phrase asks nothing by this. (Not by its script
    alone: "what does 超知能 mean" asks in English.)"""
    if _ASKING_EN.search(normalized_question):
        return True
    return not normalized_question.isascii() and asks_ja(normalized_question)


def tells_own_news(normalized_question: str) -> bool:
    """Whether a message asks nothing (tells_own_news_ja, tells_own_news_en, by its script)."""
    if normalized_question.isascii():
        return tells_own_news_en(normalized_question)
    return tells_own_news_ja(normalized_question)


# Words that only join a question to the talk before it ("so how to negotiate salary", "ok but
# good games for remote teams?"): ADVICE's cues at a question's start are looked for after them.
_LEADING_EN = re.compile(r"^(?:(?:so|ok|okay|but|and|also|anyway|well|alright|hmm|wait)\b[\s,]*)+")


def asks_advice(normalized_question: str, told: bool = True) -> bool:
    """Whether a question asks advice or about the asker's own affairs (`told`: or tells their own
    news, asking nothing: not for a summary's topic)."""
    text = normalized_question
    if told and tells_own_news(text):
        return True
    if _LATIN_LETTER.search(text) and ADVICE.search(_LEADING_EN.sub("", text, count=1)):
        return True
    if not text.isascii() and ADVICE_JA.search(text):
        return True
    if ADVICE_END.search(text[-ADVICE_TAIL:]):
        return True
    return ORDINARY.search(text) is not None and POINTING.search(text) is None


@dataclass(frozen=True, slots=True)
class Logistic:
    """A fitted logistic regression over standardised features."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    # The same on the raw features, as plain floats: one search asks once or twice, and numpy's
    # overhead on a dozen numbers would cost more than the sum.
    _raw: tuple[float, ...] = field(init=False, repr=False, compare=False)
    _intercept: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        raw = self.weights / self.scale
        object.__setattr__(self, "_raw", tuple(raw.tolist()))
        object.__setattr__(self, "_intercept", self.bias - float(self.mean @ raw))

    def probability(self, x: Sequence[float]) -> float:
        z = self._intercept + sum(map(operator.mul, self._raw, x))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def to_json(self) -> dict[str, Any]:
        return {
            "mean": self.mean.round(6).tolist(),
            "scale": self.scale.round(6).tolist(),
            "weights": dict(zip(FEATURES, self.weights.round(6).tolist(), strict=True)),
            "bias": round(self.bias, 6),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Logistic:
        weights = data["weights"]
        if list(weights) != list(FEATURES):
            raise ValueError(f"the model's features {list(weights)} are not {list(FEATURES)}")
        return cls(
            np.array(data["mean"], dtype=float),
            np.array(data["scale"], dtype=float),
            np.array(list(weights.values()), dtype=float),
            float(data["bias"]),
        )


class Verdict(NamedTuple):
    confidence: float  # probability that the articles answer the question, 0..1
    verdict: str  # ANSWERED | RELATED | OFF_TOPIC

    @property
    def answerable(self) -> bool:
        return self.verdict == ANSWERED


@dataclass(frozen=True, slots=True)
class Judge:
    answers: Logistic  # P(the articles answer the question)
    related: Logistic  # P(a question about the articles' subjects | not answered)
    threshold: float  # confidence from which a question is answered
    meta: dict[str, Any]  # what it was fitted on, and how (verdict.json)

    @classmethod
    def load(cls) -> Judge:
        text = resources.files(__package__).joinpath("data/verdict.json").read_text("utf-8")
        return cls.from_json(json.loads(text))

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Judge:
        return cls(
            Logistic.from_json(data["answers"]),
            Logistic.from_json(data["related"]),
            float(data["threshold"]),
            {k: v for k, v in data.items() if k not in ("answers", "related", "threshold")},
        )

    def __call__(self, evidence: Evidence) -> Verdict:
        confidence = self.answers.probability(evidence)
        if confidence >= self.threshold:
            # An age, a place, a time, an amount of money or a person's name is stated or it is
            # not: a passage that states none does not answer "how old", "where is", "when", "how
            # much", "what's the name of", however well it matches (README: the regression alone
            # let "How old is Sam Altman?" through; held-out figures are the same with and without
            # this rule).
            if evidence.exact_missing:
                return Verdict(confidence, RELATED)
            return Verdict(confidence, ANSWERED)
        related = self.related.probability(evidence) >= 0.5
        return Verdict(confidence, RELATED if related else OFF_TOPIC)


def fit_logistic(x: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float = 1.0) -> Logistic:
    """Weighted L2-regularised logistic regression by Newton's method (a few dozen features and
    a few thousand rows: exact and fast in numpy)."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    beta = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[-1] = 0.0  # the intercept is not shrunk
    w = w / w.sum() * len(w)
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ beta, -50, 50)))
        gradient = z.T @ (w * (p - y)) + penalty * beta
        hessian = (z * (w * p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return Logistic(mean, scale, beta[:-1], float(beta[-1]))
