"""The plain form of a question, however it is written.

"HOW MUCH DID META OFFER?", "ｈｏｗ ｍｕｃｈ…", "メタはいくら出したの?笑", "…の？？www" and "y r ppl
leaving" are the same questions as their plain forms: the search sees the plain form, so they get the same passages, the
same verdict and the same reply language.
"""

from __future__ import annotations

import re
import unicodedata

from .tokenize import is_japanese

_JA_RUN = re.compile(
    r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]+(?:[・ー][\u3040-\u30ff\u3400-\u9fff]+)*"
)
# Laughter and emphasis at the end of a question. A loop over the end, not a regular expression:
# one took 8-13 µs a question, as much as a twentieth of a search.
_EMPHASIS = "!?.。…~〜"
_LAUGHTER = ("(笑)", "[笑]", "笑")
# ... English laughter as a channel stretches it (lol, lolll, lmaooo, lmfao, rofl, hahaha, hehe, xD)
_LAUGHING = re.compile(
    r"(?<=[\s?!.,])(?:l+o+l+|l+m+f?a+o+|r+o+f+l+|(?:h+a+){2,}h*|(?:h+e+){2,}h*|x+d+)$",
    re.IGNORECASE,
)
_SPACED_EMPHASIS = _EMPHASIS + " \t\n\u3000"
_BEFORE_GRASS = frozenset(" wW笑" + _EMPHASIS)
_TAIL = frozenset(_SPACED_EMPHASIS + ")]笑wW草lLoOaAdDeEhHー")  # the characters a tail can end with
_HIRAGANA = re.compile(r"[\u3041-\u309f]")
_KATAKANA = re.compile(r"[\u30a1-\u30fa\uff66-\uff9f]")
_DRAWN_OUT = ("マジ", "ホント", "ウソ")  # katakana words a channel draws out at the end
_LOWER = re.compile(r"[a-z]")
_LATIN_WORDS = re.compile(r"[A-Za-z]+")
_UPPER = re.compile(r"[A-Z]")
# A channel's spellings of English words, as a word of their own (lower case, or capitalised first
# in the question): "y r ppl leaving", "wat did chen say abt meta", "how many hrs a wk". Only
# spellings that are no other word a question would use ("cause", "mo", "n", "hr", "prob" are left
# alone), and not an abbreviation's letter ("u.s.").
CHAT_SPELLINGS = {
    "r": "are", "u": "you", "ur": "your", "y": "why", "wat": "what", "wut": "what", "wht": "what",
    "abt": "about", "bc": "because", "cuz": "because", "coz": "because", "bcuz": "because",
    "becuz": "because", "ppl": "people", "msg": "message", "msgs": "messages",
    "hrs": "hours", "wk": "week", "wks": "weeks", "yr": "year", "yrs": "years", "mins": "minutes",
    "thru": "through", "tru": "true", "b4": "before", "smth": "something", "sth": "something",
    "govt": "government", "convo": "conversation", "tmrw": "tomorrow", "w/": "with",
    "w/o": "without", "dat": "that", "dm": "message", "dms": "messages", "dmed": "messaged",
    "dming": "messaging", "hw": "how", "wats": "whats", "wuts": "whats",
    # a contraction without its apostrophe ("and hes working w who", "theyre leaving")
    "hes": "he's", "shes": "she's", "theyre": "they're", "thats": "that's", "whos": "who's",
    "wheres": "where's", "hows": "how's", "whys": "why's", "theres": "there's", "ppls": "people's",
    # a workplace's short forms ("ai dev", "taking pto")
    "dev": "development", "devs": "developers", "pto": "paid time off",
    # a dropped g ("wats openai doin about it")
    "doin": "doing", "goin": "going", "sayin": "saying", "talkin": "talking", "tryin": "trying",
    "gettin": "getting", "makin": "making", "leavin": "leaving", "workin": "working",
    "payin": "paying", "lookin": "looking", "thinkin": "thinking", "happenin": "happening",
    "nothin": "nothing", "somethin": "something", "poachin": "poaching", "quittin": "quitting",
}  # fmt: skip
_CHAT_WORDS = frozenset(w for w in CHAT_SPELLINGS if "/" not in w) | {"w"}  # (w/, w/o)
_CHAT = re.compile(
    r"(?<![\w/'&])(?:w/o|w/|"
    + "|".join(k for k in CHAT_SPELLINGS if "/" not in k)
    + r")(?![\w/'&]|\.\w)",
    re.IGNORECASE,
)


# A label before the question ("question: ...", "quick q - ...", "質問です、..."), or where the asker
# heard what they ask about ("my friend says ...", "I read that ...", "someone said ...").
_LABEL = re.compile(
    r"^(?:(?:quick|random|dumb|stupid|serious|simple|small|another|one more|a) )?(?:q|qq|question)"
    r"\s*[:\-–]\s*|^(?:(?:pls|plz|please) )?(?:help|halp|answer|explain)(?: (?:this|me|pls|plz|please))?"
    r"\s*[:\-–]\s*|^(?:質問|しつもん)(?:です|なんですが|なんだけど|があります)?\s*[:：、,。!！]\s*"
    r"|^(?:(?:so|ok|okay|wait|hey|but|and) )*(?:(?:my|a|some) \w+|someone|somebody|people"
    r"|everyone|i|we)(?: (?:just|also))? (?:says?|said|told me|tells me|heard|read)"
    r"(?: (?:somewhere|online|here))?(?: that)?[\s,:]+(?=\w)"
    # how the asker feels about it: "I'm confused, why ...", "i don't get why ..."
    r"|^(?:(?:so|ok|okay|wait|hmm|sorry|honestly|ngl) )*(?:i'?m|i am) (?:so |a bit |kinda )?"
    r"(?:confused|lost|curious|wondering)[\s,.:!\-]+(?=\w)"
    # ... an apology or curiosity marked off before it ("sorry if this was asked already, ...",
    # "genuinely curious, ...", "dumb question but ...")
    r"|^(?:sorry|sry)(?: if [^,.!?:]{1,60})?[,.!:\-]+\s*(?=\w)"
    r"|^(?:(?:just|genuinely|honestly|really|kinda|so) )?curious[,.:!\-]+\s*(?=\w)"
    r"|^(?:dumb|stupid|silly|noob|random|quick|simple) (?:question|q)(?:,? but| here)?[,.:!\-]*\s+(?=\w)"
    r"|^(?:(?:so|ok|okay|wait|hmm|sorry|honestly|ngl|but) )*i (?:don'?t|do not|still don'?t) "
    r"(?:get|understand)(?: it)?[\s,.:!\-]*(?=(?:why|how|what|who|when|where|which)\b)",
    re.IGNORECASE,
)


# Words saying that a new topic starts ("different q but...", "unrelated, but", "btw", "separate q:",
# 話変わるけど, 全然関係ないけど, ところで): in a conversation the question stands on its own
# (index.followup), and they are not searched ("diff q" had searched "diff").
_NEW_TOPIC = re.compile(
    r"^(?:(?:(?:totally|completely) )?(?:different|diff|another|new|unrelated|random|separate|other)"
    r" (?:q|qq|question|topic)\b|unrelated\b|btw\b|by the way\b|on another note\b"
    r"|off[- ]?topic\b|(?:on a )?side note\b"
    r"|(?:another|other|different|diff|separate) thing(?=\s*[,:;\-–]|\s+but\b)"
    r"|(?:chang|switch)(?:e|es|ing)? (?:of )?(?:the )?(?:topics?|subjects?)\b)[\s,.:;\-–]*(?:but\b)?[\s,.:;\-–]*"
    r"|^(?:話(?:は)?変わる(?:けど|んだけど|が)|(?:全然|まったく)?関係ない(?:けど|んだけど|が)"
    r"|(?:別|違う)の?質問(?:だけど|なんだけど|です(?:が)?)?|ところで|それはそうと"
    r"|別件(?:だけど|なんだけど|で)?|話(?:は)?(?:変わって|それる(?:けど|んだけど)|逸れる(?:けど|んだけど)))[、,\s]*",
    re.IGNORECASE,
)


def changes_topic(question: str) -> bool:
    """Whether a question starts by saying it changes the topic ("unrelated but", ところで), after
    a greeting or thanks ("thanks! other thing, ...")."""
    text = unicodedata.normalize("NFKC", question).strip()
    return _NEW_TOPIC.search(_OPENER.sub("", text, count=1) or text) is not None


# Thanks, before a question (for the last answer) or after it (in advance): the same words.
_THANKS_EN = r"thanks|thank (?:you|u)|thx|ty|tysm|tia|cheers"
_THANKS_JA = r"ありがとう(?:ございます)?|ありがと|サンキュー?|さんきゅー?|あざす|あざっす"
# Words around a question that ask nothing: a greeting or a filler before it ("hey bot, ...", "yo",
# "ok"; not "so", "and", "but": in a conversation they lean on the question before, index.followup),
# an indirect question's wrapper ("anyone know who ...", "can you tell me what ..."), and a filler
# after it ("... pls", "rn", "tho": "why tho" asks why, and follows a summary's headline as "why?"
# does, index.followup).
_OPENER = re.compile(
    r"^(?:(?:hey|hi|hello|yo|oi|ok|okay|um|uh|hmm|wait|btw|lol|idk|real quick|so like|really"
    r"|seriously|for real|whoa|wow|damn|omg|bruh|jeez|ngl|tbh|imo|lowkey|fr|wdym|icl|ohh?|ahh?"
    r"|huh|yikes|oof|i see|got it)\b"
    r"(?: (?:bot|there|guys|all|everyone|y'?all))?[\s,!.:?]+(?=\w)"
    r"(?!(?:bot|there|guys|all|everyone|y'?all)\W*$))+"
    r"|^(?:(?:does )?any(?:one|body) know|do (?:you|u) know|(?:can|could) (?:you|u) tell me"
    r"|tell me|i wonder|wondering|i (?:wanna|want to) know|eli5|(?:can|could) (?:some|any)(?:one|body)"
    r" (?:explain|tell me))[\s,]+(?=(?:who|what|why|when|where|how|which)(?:'?s)?\b"
    # (or whether: "can someone tell me will the shutdown work")
    r"|(?:is|are|was|were|do|does|did|will|would|can|could|should|has|have)\b)"
    # ... and in Japanese, a call or a hesitation before the question (ねえ、チェンの役職なに?)
    r"|^(?:ねえ|ねぇ|ねー|なあ|なぁ|なー|えっと|えーと|えーっと|あのさ|あのー|おーい|ちな|てか|えっ|え|は)+"
    r"(?:\s?(?:bot|ボット|ぼっと)(?:さん|くん|ちゃん)?)?[\s、,!！ー〜?？]+(?=\S)|^えっ(?=[^\s、,!！?？])"
    # ... or thanks for the last answer, or a word on it, marked off ("thanks! what else?", "cool,
    # so why"; not "thanks for…", "great work")
    r"|^(?:" + _THANKS_EN + r"|cool|nice|great|perfect|awesome|interesting"
    r"|makes sense|gotcha)(?: (?:so much|a lot|bot))?[!.,]+\s*(?=\w)"
    # ... or the bot called by name, marked off (bot、チェンって誰?, "bot: who is chen"; not "bot
    # accounts on x?")
    r"|^(?:bot|ボット)(?:さん|くん|ちゃん)?(?:[、,!！:]|\s(?=[^\x00-\x7f]))[\s、,!！:]*(?=\S)"
    # ... or a reaction to the last answer, marked off from the question (やば、それで士気は?,
    # えぐ…モチベ大丈夫なん, マジか。で何人?): not a word of what is asked
    r"|^(?:やば|やばい|やべえ|やべー|えぐ|えぐい|まじか|マジか|まじかよ|へー|へぇ|へえ|ほう|なるほど|なるほどね"
    r"|うわ|うわー|うわぁ|すご|すごい|すげえ|すげー|ふーん|ふむ|おお|おー|ええ|草|笑"
    # (or thanks for it: ありがと、で他には?)
    r"|" + _THANKS_JA + r"|了解|りょうかい|助かる|助かった)"
    r"(?:[\s、,!！ー〜?？。.…]|[\U0001F300-\U0001FAFF\u2600-\u27BF])+(?=\S)"
    # ... or an apology or a request to ask marked off before it (既出だったらごめん、…, すみません、…,
    # ちょっと聞きたいんだけど、…, 質問!…)
    r"|^(?:既出(?:だったら|なら|かも(?:しれない)?(?:けど|だけど)?)?\s?(?:ごめん|すみません|すいません|すまん)?"
    r"|すみません|すいません|ごめん|(?:ちょっと|1つ|ひとつ)?(?:聞きたい|質問したい|教えてほしい)(?:んだけど|んですけど"
    r"|んですが|ことがある(?:んだけど|んですけど)?)|初歩的な質問(?:だけど|なんだけど|ですが)|質問)"
    r"[\s、,!！。:：]+(?=\S)"
    # ... or "really?" before it (まじで80時間?: the echo of an answer, doubted)
    r"|^(?:まじで|マジで|ガチで|ほんとに|ほんまに|本当に)[\s、,!！]*(?=\S)",
    re.IGNORECASE,
)
# Spaces and line breaks: one space ("how  many  researchers", a question and a second line).
_SPACES = re.compile(r"\s+")
# A closing courtesy after a question ("…何人?\nよろしく", "…教えて、お願いします", "…, thanks in
# advance"): it asks nothing.
_COURTESY_JA = (
    r"(?:(?:どうか|どうぞ)?(?:よろしく|宜しく)(?:お願い(?:します|いたします)?|です|ね|〜|ー)?"
    r"|お願い(?:します|いたします|しまーす)?|おねがい(?:します)?|" + _THANKS_JA + ")"
)
_COURTESY_EN = r"(?:" + _THANKS_EN + r")(?: (?:in advance|so much|a lot|guys|all|everyone|y'?all))?"
_CLOSING = re.compile(
    # (an English one after a mark or a comma: "how to say thanks" asks it; a line break is a space
    # by then, and "... thanks" a filler after the question, _FILLERS_AFTER)
    r"(?:(?:(?<=[?？!！。.])\s*|\s*[,、]\s*)(?:" + _COURTESY_JA + "|" + _COURTESY_EN + r")"
    r"|\s+"
    + _COURTESY_JA
    + r"|(?<=[\u3041-\u309f])(?:どうか|どうぞ)?(?:よろしく|宜しく)お願い(?:します|いたします)"
    r")[!！。.〜ー~\s]*$",
    re.IGNORECASE,
)
_FILLERS_AFTER = frozenset(
    "pls plz please rn btw fr ngl tbh thx thanks asap tho smh bro lowkey wdym imo".split()
)
# ... and two words (a plea, or "or not" as a channel says it)
_FILLER_PAIRS = frozenset({("pls", "help"), ("plz", "help"), ("please", "help"), ("or", "nah")})
_PAIRS_LAST = frozenset(last for _, last in _FILLER_PAIRS)
_END_MARKS = " ?!.~,"


def plain(question: str) -> str:
    """NFKC (full-width letters and digits as ASCII), a label before it ("question:") and
    laughter and emphasis at the end dropped (with the end's question mark kept), a question
    written all in capitals in lower case with a capital first letter (its words are no more
    names than anyone's), and a channel's spellings as the words they spell. Spaces and line
    breaks read as one space; a courtesy after it (よろしく, "thanks in advance"), emoji before it, a
    face drawn after it and quotation marks around all of it are dropped (index.forms)."""
    text = _SPACES.sub(" ", unicodedata.normalize("NFKC", question)).strip()
    text = _CLOSING.sub("", text, count=1) or text
    start = 0
    while start < len(text) and (_emoji(text[start]) or text[start].isspace()):  # (🤔 why …)
        start += 1
    text = text[start:] or text
    text = _KAOMOJI.sub("", text) or text
    if len(text) > 2 and _QUOTED.get(text[0]) == text[-1] and text[0] not in text[1:-1]:
        text = text[1:-1].strip() or text
    for _ in range(2):  # (a greeting, then a wrapper; a label, then "my friend says")
        text = _OPENER.sub("", text, count=1) or text
        text = _LABEL.sub("", text, count=1) or text
    text = _NEW_TOPIC.sub("", text, count=1) or text
    if "気にな" in text:  # (one look first: most questions have none)
        text = _CURIOUS_JA.sub("", text) or text
    if "知" in text or "わか" in text or "分か" in text or "教え" in text:
        text = _WRAPPED_JA.sub("?", text) or text
    text = _without_fillers_after(text)
    stripped = _without_tail(text)
    if stripped and stripped != text:
        text = stripped + ("?" if "?" in text[len(stripped) :] else "")
    if (_UPPER.search(text) and not _LOWER.search(text)) or _title_case(text):
        lower = text.lower()
        text = lower[:1].upper() + lower[1:]
    # (an English question's: in a Japanese one, R, U and (x, y, z) are a formula's letters)
    if not _CHAT_WORDS.isdisjoint(_LATIN_WORDS.findall(text.lower())) and not is_japanese(text):
        return _CHAT.sub(_spelled_out, text)
    return text


# How the asker feels, in Japanese: "…のか気になる", "気になるんだけど、…" (気 had been searched, and
# found line 26's 気を取られる, "distracted").
_CURIOUS_JA = re.compile(
    r"(?:のか|か|が|の)?(?:めっちゃ|すごく|ちょっと|まじで|マジで)?気にな(?:る|ってる|ってた|った)"
    r"(?:んだけど|んだよね|んですが|んですけど|けど|な+|なあ|なー|ー)?[、,]?\s*"
)


# An indirect question's wrapper at a Japanese question's end ("アルトマンって誰って知ってる?",
# "…どう返せばいいか知ってる?", "…のか教えて"): the question it wraps is what is asked (not a bare
# "教えて": "面白い映画教えて" asks for a recommendation).
_WRAPPED_JA = re.compile(
    r"(?:って|か|のか|(?<=[^\s?？誰])(?:か|のか)(?:誰か|だれか))(?:知ってる|しってる|知ってます|知ってますか"
    r"|わかる|分かる|わかります|分かります|教えて(?:ください|下さい|くれ|くれる|ほしい|欲しい)?)[?？!！。]*$"
    # ... asked of the channel: "…のか誰かわかる?", "…知ってる人いる?"
    r"|(?<=[^\s?？])(?:って|か|のか|の)?(?:知ってる|しってる|わかる|分かる)(?:人|ひと|やつ)"
    r"(?:いる|います|いますか|おる)[?？!！。]*$"
    # ... and such a request marked off after the question ("…何人?わかる人いる?", "…の、誰か教えて")
    r"|(?<=[^\s?？、,])[\s、,?？!！]+(?:(?:誰か|だれか)?(?:教えて|おしえて)(?:ください|下さい|くれ|ほしい|欲しい)?"
    r"|(?:誰か|だれか)(?:わかる|分かる|知ってる)|(?:知ってる|しってる|わかる|分かる)(?:人|ひと|やつ)"
    r"(?:いる|います|いますか|おる))[ー〜?？!！。]*$"
)
# A face drawn at the end ((´・ω・`), (^^;), (T_T)): no word of the question.
_KAOMOJI = re.compile(
    r"\s*[(（](?=[^()（）]*[´`・ω^_;；＾Дд∀゜°ﾟ><*＊])[^()（）\u3040-\u309f\u4e00-\u9fff]{1,14}[)）]\s*$"
)
# Quotation marks around the whole question ("\"why is openai closing\"", 「チェンって誰?」).
_QUOTED = {'"': '"', "“": "”", "「": "」", "『": "』", "'": "'"}


def _without_fillers_after(text: str) -> str:
    """The text without fillers after it ("... pls", "rn??", an emoji), its end's marks kept."""
    while text and _emoji(text[-1]):
        text = text[:-1].rstrip()
    body = text.rstrip(_END_MARKS)
    marks = text[len(body) :]
    head, _, last = body.rpartition(" ")
    if not head or (last.lower() not in _FILLERS_AFTER and last.lower() not in _PAIRS_LAST):
        return text  # (most questions: one look at the last word)
    while head:
        before, _, word = head.rpartition(" ")
        if before and (word.lower(), last.lower()) in _FILLER_PAIRS:
            body = before.rstrip(" ,")
        elif last.lower() in _FILLERS_AFTER:
            body = head.rstrip(" ,")
        else:
            break
        head, _, last = body.rpartition(" ")
    return body + marks


def _emoji(char: str) -> bool:
    """An emoji or a pictograph (🤔, 👀, ✨), or what joins and colours them."""
    return unicodedata.category(char) in ("So", "Sk") or char in "\u200d\ufe0f"


def _spelled_out(match: re.Match[str]) -> str:
    word = match[0]
    if word.islower() or (
        not match.start() and word[:1].isupper() and word[1:] == word[1:].lower()
    ):
        spelled = CHAT_SPELLINGS[word.lower()]
        return spelled if word.islower() else spelled.capitalize()
    return word  # "R" in "What is R?", "UR" as an acronym


def _title_case(text: str) -> bool:
    """A title-cased question ("What Did Chen Say About Meta?"): every word of three letters or
    more capitalised (at least three of them), so its capitals say no more of names than those of
    a question all in capitals."""
    words = [w for w in _LATIN_WORDS.findall(text) if len(w) >= 3]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def _without_tail(text: str) -> str:
    """The text without (笑), 笑, w (after anything but a Latin letter: "how" keeps its w), 草 (after
    punctuation, other laughter or kana ending a sentence, いいの草: 薬草 stays), lol or haha, !!!,
    ?!?, ~ and spaces at its end."""
    while text and text[-1] in _TAIL:
        before = text
        text = text.rstrip(_SPACED_EMPHASIS)
        last = text[-1:]
        if last in (")", "]", "笑"):
            for laughter in _LAUGHTER:
                text = text.removesuffix(laughter)
        elif last in ("w", "W"):
            head = text.rstrip("wW")
            if not (head[-1:].isascii() and head[-1:].isalpha()):
                text = head
        elif last == "草" and (text[-2:-1] in _BEFORE_GRASS or _HIRAGANA.fullmatch(text[-2:-1])):
            text = text[:-1]
        elif last in "lLoOaAdDeEhH":
            text = _LAUGHING.sub("", text)
        elif last == "ー":  # (drawn out, あるー?, 人ー?, マジー?; not a word's own: リーダー?)
            head = text.rstrip("ー")
            if not _KATAKANA.fullmatch(head[-1:]) or head.endswith(_DRAWN_OUT):
                text = head
        if text == before:
            break
    return text


def japanese_part(text: str) -> str:
    """The runs of kana and kanji in the text (a Japanese name in an English question)."""
    return " ".join(_JA_RUN.findall(text))


# Two questions in one message: a question mark with more after it ("why is openai closing?
# and how much did meta offer"), a second question word joined by "and" ("why ... and how much
# ..."), or あと / それと after a comma (なんで休むの、あとメタは何人引き抜いたの).
_SECOND_QUESTION = re.compile(
    r"(?<=[?？])\s*(?=[^\s?？!！])"
    r"|[\s,]+(?:and|also|plus|&)\s+(?=(?:how|what|why|who|when|where|which)\b)"
    r"|[、。,]\s*(?=(?:あと|それと|それから|ついでに))",
    re.IGNORECASE,
)


def questions_in(question: str) -> list[str]:
    """The questions a message asks, in order (one for most messages: index.search answers a
    message it declines part by part when each part asks something of its own)."""
    return [p for p in (part.strip() for part in _SECOND_QUESTION.split(question)) if p]
