"""Questions that ask for someone's words, and passages that quote someone.

"what did chen say", チェンさん何て言ってたっけ, "Chenのmemoには何て書いてある?" want the passage that
quotes Chen (lines 9-10, 26), not the one that mentions his memo and then reports what seven other
leaders did (line 13), which is shorter and so wins on his name alone. Like the reason bonus (index.reason): a
preference in the ranking, never a reason to decline.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

# On the question's normalised text (NFKC, casefolded: index.tokenize.normalize).
_ASKS = re.compile(
    r"\bwhat(?: (?:did|does|do|has|have|was|is|were) |'?d ).*\b(?:say|said|says|write|wrote|writes"
    r"|tell|told"
    r"|call|calls|called|compare|compared|comment|warn|warned|mean|meant)\b"
    r"|\b(?:message|memo|quote|comment|words)s?\b.*\b(?:say|said|says)\b"
    # whether someone said anything ("did sam altman say anything publicly", "has meta commented
    # publicly")
    r"|\b(?:did|does|has|have|had)\b[\w\s']{1,30}?\b(?:say|said|comment|commented|speak|spoken)"
    r" (?:anything|something|smth|publicly|out)\b"
    r"|何て|なんて(?:言|書|呼|い)|何と(?:言|書|述|呼)|(?:何|なん)に(?:例え|たとえ)|コメント|発言"
    # what a message held (どんな内容?, "what was in the msgs")
    r"|(?:どんな|どういう|何の|なんの)(?:内容|中身)"
    r"|\bwhat(?:'s| is| was| were)(?: actually)? in (?:it|them|the (?:msgs?|messages?|memo|note|post))\b"
)
_MAYBE = re.compile(
    r"what|message|memo|quote|comment|words|say|said|speak|spoken|何|なん|発言|コメント|どんな|どういう"
)
# Quotation marks in a passage's Japanese text: someone's words (or a term set off as theirs).
_QUOTES = re.compile(r"[「『\"“]")
# What they enclose (a quote's own words name no speaker: "私やマークがそばにいる").
_QUOTED = re.compile(r"「[^」]*」|『[^』]*』|\"[^\"]*\"|“[^”]*”")


# What someone thinks or feels ("how did altman feel about it", "zuck's take on chen", アルトマンは
# どう思ってる): the words the articles would quote of them, as asks_words. On normalised text.
_FEELING = re.compile(
    r"\bhow (?:did|does|do|is|was|has) [\w\s']{1,30}?\b(?:feel|felt|feeling)\b"
    r"|'?s (?:take|thoughts|opinion|view|feelings?) (?:on|about)\b"
    r"|\bwhat (?:did|does|do) [\w\s']{1,30}?\bthink\b|どう(?:思っ|思う|感じ|考え)"
)


def asks_feeling(question: str) -> bool:
    """Whether a (normalised) question asks what someone thinks or feels."""
    return _FEELING.search(question) is not None


def asks_words(question: str) -> bool:
    """Whether a (normalised) question asks what someone said, wrote or called something."""
    if not _MAYBE.search(question):  # (most questions: one scan for a few letters)
        return False
    return _ASKS.search(question) is not None


# What something is called (何と呼ばれる, "what did chen call it") asks for a name, which anyone may
# give, not for the words of someone the articles quote (JSQuAD asks 何と呼ぶか of Wikipedia).
_CALLED = re.compile(r"\bcall(?:s|ed)?\b|呼")


# ... nor what the article says of them ("what does the article say about Altman's return").
_ARTICLE = re.compile(r"\b(?:article|story|piece|author|writer|reporter)\b|記事|筆者|報道")


def someones_own(question: str) -> bool:
    """Of a (normalised) question asking for words (asks_words): whether it asks someone's own,
    not what something is called nor what the article says."""
    return _CALLED.search(question) is None and _ARTICLE.search(question) is None


# A party's own response asked (メタ側はこの件でコメント出してる?, "did meta respond to the wired
# story", "did meta say anything back"): what it said or did in answer, which an article that
# quotes nobody for it does not give.
_RESPONSE_OF = re.compile(
    r"コメント|声明|反論|言い返|見解|反応|(?:何か|なんか|何も|なにか)(?:言って|言った|言う)"
    r"|\b(?:respond\w*|response|comment\w*|statements?|repl(?:y|ied|ies)|react\w*|reaction"
    r"|(?:say|said|says) (?:anything|something|back|in response)|spokes\w+)\b"
)
# Verbs of saying after which the party named before them is the one who spoke, as the English
# rendering's words stem them ("OpenAI Chief Research Officer Mark Chen bluntly voiced", "OpenAI's
# leadership insists"; said, says and wrote are stop words)
SPEAKING = "told insists warned advised commented responded voiced assured announced replied denied"


def asks_response_of(question: str) -> bool:
    """Whether a (normalised) question asks for someone's response or comment."""
    return _RESPONSE_OF.search(question) is not None


def unquoted(text: str) -> str:
    """The text without what it quotes."""
    return _QUOTED.sub(" ", text)


def quotes_someone(text: str) -> bool:
    """Whether a passage's text holds quotation marks."""
    return _QUOTES.search(text) is not None


# A passage telling that someone sent or wrote something (メッセージを送った, "sent personal
# messages", a post): its words, when it does not quote them, follow it.
_SENDS = re.compile(
    r"メッセージ|メモ|メール|投稿|送っ|送る|\b(?:messages?|memos?|posts?|sent|wrote)\b", re.I
)


def tells_message(text: str) -> bool:
    """Whether a passage's text tells of a message, memo or post sent (not its words)."""
    return _SENDS.search(text) is not None and _QUOTES.search(text) is None


def speaker(
    text: str, tokenize: Callable[[str], Iterable[str]], is_person: Callable[[str], bool]
) -> str | None:
    """The person a quoting passage gives the words of: the first person it names outside its
    quotation marks (チェンは、…アルトマン…とともに「24時間体制で」… -> チェン), or None."""
    return next(filter(is_person, tokenize(_QUOTED.sub(" ", text))), None)


# What someone compared something to (何に例えた, "what did chen compare it to"), and a passage
# that makes a comparison (盗んだような, "as if someone has broken into the house"): the question
# wants the simile, not another of the person's words.
_ASKS_COMPARISON = re.compile(
    r"(?:何|なに|なん)に(?:例え|たとえ|喩え)|(?:なんて|何て|どう)(?:例え|たとえ|喩え)|\bcompar|\blike?n"
)
_COMPARISON_LETTERS = ("compar", "like", "例え", "たとえ", "喩え")
# (Not このような, "such", nor ように, which is as often "so that" or "as X says".)
_COMPARES = re.compile(r"(?<![こそあど]の)ような|みたい|かのよう|(?:例え|たとえ|喩え)")


def asks_comparison(question: str) -> bool:
    """Whether a (normalised) question asks what someone compared something to."""
    if not any(cue in question for cue in _COMPARISON_LETTERS):  # (most questions: no scan)
        return False
    return _ASKS_COMPARISON.search(question) is not None


def compares(text: str) -> bool:
    """Whether a passage's (Japanese) text makes a comparison (盗んだような, みたい, 例え ...)."""
    return _COMPARES.search(text) is not None


# Who says so ("says who?", "who said that?", 誰が言ってるの?): whose claim the last answer was, which
# a passage states as its source (情報筋によれば, "according to sources", a leader "warned").
# (Not "who said it felt like...": whose words those are, index.quoting.asks_words.)
_ASKS_SOURCE = re.compile(
    r"\bsays who\b|\bwho (?:says|claims)\b|\bwho (?:said|claimed|reported) (?:that|so|this|it)[?!. ]*$"
    r"|誰が(?:言って|言った|言う|書いて|書いた)(?:の|ん)?"
)
_SOURCE = re.compile(
    r"によれば|によると|とのことだ|according to|\b(?:sources?|reports?|warned|advised|assured)\b"
)


def asks_source(question: str) -> bool:
    """Whether a (normalised) question asks who says what was said ("says who?", 誰が言ってるの?)."""
    return _ASKS_SOURCE.search(question) is not None


def names_source(text: str) -> bool:
    """Whether a passage's text says whose claim it reports (によれば, "according to sources")."""
    return _SOURCE.search(text) is not None


# Which group someone joined or leads ("どこのチームに行ったの?", "metaの新チームって名前なんだっけ",
# "which team did they go to", "what's the new lab called"), or where people went (研究者たちはどこ
# に行ったの, "where did the poached researchers go"): the passage naming one, a name set off
# in quotation marks or brackets before the group's word (「超知能」チーム, the
# “superintelligence” team, Go-To-Market (GTM) team), not a passage that only says "team"
# (7人の研究責任者がチームに注意を促す).
_GROUPS_JA = r"(?:チーム|部署|部門|組織|グループ|研究所|ラボ|プロジェクト|部隊|班)"
_GROUPS_EN = r"(?:teams?|groups?|labs?|units?|divisions?|departments?|projects?|squads?)"
_ASKS_GROUP = re.compile(
    rf"(?:どこの|どの|何|なに|なん|何て|なんて)(?:新しい|新)?{_GROUPS_JA}"
    rf"|{_GROUPS_JA}(?:って|は|の)?(?:名前|名称|なんて|何て)"
    rf"|\b(?:which|what)(?: [\w']+)??(?: new)? {_GROUPS_EN}\b"
    # where people went, joined or moved to (研究者たちはどこに行っちゃったの, where did they go)
    r"|どこ(?:に|へ|の)?(?:行|いっ|移|転職|入|引き抜かれ)"
    r"|\bwhere (?:did|do|does|are|were|have|has|'re|'d) .{0,40}\b(?:go|going|gone|went|head|end up"
    r"|ended up|move|moving|join|joining|land)\b"
    rf"|\bname of (?:[\w']+ ){{0,3}}{_GROUPS_EN}"
    rf"|\b{_GROUPS_EN}(?:'s| is| was)? (?:name|called)\b"
)
_NAMES_GROUP = re.compile(rf"[」』\"”)）](?:という|って)?{_GROUPS_JA}|[\"”)]\s*{_GROUPS_EN}\b")


# (most questions hold none of these: one quick scan first, 0.3 us against the cues' 2.6)
_GROUP_HINT = re.compile(
    r"チーム|部署|部門|組織|グループ|研究所|ラボ|プロジェクト|部隊|班|どこ|where|team|group|lab|unit"
    r"|division|department|project|squad"
)


def asks_group(question: str) -> bool:
    """Whether a (normalised) question asks which group, or a group's name."""
    return _GROUP_HINT.search(question) is not None and _ASKS_GROUP.search(question) is not None


def names_group(text: str) -> bool:
    """Whether a passage's text names a group (「超知能」チーム, the “superintelligence” team, the GTM
    team)."""
    return _NAMES_GROUP.search(text) is not None


# Words the question quotes ("who said 'mark and I are right here for you'?", 「私やマークがそばにい
# る」ってどういう流れ?): the passage holding them verbatim is the one asked about, however few of
# its words the search counts (here, right, for, you are stopwords). Compared without case,
# punctuation or spaces; a quote this long at least (characters, after that: a few words of a
# sentence, 'around the clock', not a term set off, 'quiet crisis', which a follow-up's context
# then weighed too).
_QUESTION_QUOTE = re.compile(
    r"「([^」]+)」|『([^』]+)』|\"([^\"]+)\"|“([^”]+)”|'([^']+)'|‘([^’]+)’"
)
_NOT_LETTERS = re.compile(r"[\W_]+")
_QUOTE_MARK = re.compile(r"[「『\"“'‘]")
MIN_QUOTE = {True: 8, False: 12}  # (Japanese, English)


def quoted_words(question: str) -> list[str]:
    """What a (normalised) question quotes, as compared (no case, punctuation or spaces)."""
    if _QUOTE_MARK.search(question) is None:  # (most questions)
        return []
    spans = (next(filter(None, m.groups())) for m in _QUESTION_QUOTE.finditer(question))
    words = (_NOT_LETTERS.sub("", span) for span in spans)
    return [q for q in words if len(q) >= MIN_QUOTE[not q.isascii()]]


def compared(text: str) -> str:
    """A passage's text as quoted words are compared with it."""
    return _NOT_LETTERS.sub("", text.casefold())


# Where in the article: its end ("how does the article end", "per the end of the article",
# 記事の最後のほうで, チェンの締めの言葉, "the final takeaway"): the passages of its last section. Not
# "end up" (where something ended up).
_ENDING = re.compile(
    r"\bend(?:s|ing)?\b(?! up)|\bfinal\b|\bconclu\w+|\blast (?:part|bit|line|lines|paragraph|section"
    r"|words?)\b|\bwrap(?:s|ped)? up\b|最後|締め|しめくくり|締めくくり|結び|終わり(?:の方|のほう|に|で)|ラスト"
)


_ENDING_HINT = re.compile(r"end|final|conclu|last|wrap|最後|締|しめくくり|結び|終わり|ラスト")


def asks_ending(question: str) -> bool:
    """Whether a (normalised) question asks what the article says at its end."""
    if _ENDING_HINT.search(question) is None:  # (most questions: one quick scan)
        return False
    return _ENDING.search(question) is not None
