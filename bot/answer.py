"""Question in, `Answer` out: reply language, verdict, quoted passages and their citations.

Pure: no Discord, no I/O. The console and the Discord bot render the same `Answer`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain

from index import Library, Passage, QueryError
from index.answertype import question_type
from index.followup import Turn, language_asked, leans_on_previous, resolve
from index.identity import asks_people_list
from index.passages import split_sentences
from index.questionform import japanese_part, plain
from index.reason import asks_reason
from index.search import MAX_QUERY_CHARS, check_query
from index.spans import Span, focus, window
from index.tokenize import is_japanese, normalize
from index.verdict import ANSWERED, OFF_TOPIC, RELATED, asks

from .errors import NotFoundError, QuestionError

PAGE = 3  # passages quoted per reply at most
RELATIVE_SCORE = 0.6  # a first page also quotes runners-up scoring this share of the best hit
MAX_RESULTS = 12  # 'more passages' stops here: results further down are noise
QUOTE_CHARS = 700  # longer quotes are cut at a sentence boundary, with a pointer to /passage
ORIGINAL_CHARS = 400  # the Japanese shown beside an English quote
FOCUS_CHARS = 1500  # /passage: the paragraph asked for
NEIGHBOUR_CHARS = 300  # /passage: the paragraphs before and after it

_LATIN_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
# Discord's own syntax in a message: mentions of users, roles, channels and commands, custom
# emoji, timestamps, @everyone / @here, links; and as typed where it was not turned into one: an
# @handle ("@bot 役員も休むの?") and an emoji's :shortcode: (":thinking: 役員も休むの?"). Not words of
# the question (a Latin word in a Japanese question is read as a name the article never uses): they
# are not searched.
_DISCORD_SYNTAX = re.compile(
    r"<(?:@[!&]?|#|/[\w -]+:|a?:\w+:|t:)\d+(?::\w)?>|@(?:everyone|here)\b|<?https?://[^\s>]+>?"
    r"|(?<!\S)@[\w.-]{2,32}|(?<!\w):[a-z][a-z0-9_+-]{1,31}:(?!\w)"
)
# ... and its markdown, around the question's words: bold, italics, underline, strikethrough,
# spoilers and code are unwrapped ("**why** is openai closing?", "||who is chen?||"), a heading's
# or a subtext's mark dropped ("# ", "-# "), and lines quoted from elsewhere ("> ...", the article
# or an earlier answer) left out when the message has lines of its own that ask: its question.
_MARKDOWN_WRAP = re.compile(
    r"(\*\*|__|~~|\|\||```|`)(?=\S)(.+?)(?<=\S)\1"
    r"|(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])|(?<!\w)_(?=[^\s_])(.+?)(?<=[^\s_])_(?!\w)",
    re.DOTALL,
)
_MARKDOWN_LINE = re.compile(r"^(?:#{1,3}|-#)\s+", re.MULTILINE)
_QUOTED_LINE = re.compile(r"^>\s")


def _without_markdown(question: str) -> str:
    """The question as written without Discord's markdown (see _MARKDOWN_WRAP)."""
    lines = question.splitlines()
    block = next((i for i, line in enumerate(lines) if line.startswith(">>> ")), len(lines))
    own = [line for line in lines[:block] if not _QUOTED_LINE.match(line)]  # (>>> quotes the rest)
    # (lines of its own that ask something, index.verdict.asks: else the question may be the
    # quoted line itself)
    if len(own) < len(lines) and any(asks(normalize(line)) for line in own):
        question = "\n".join(own)
    question = _MARKDOWN_LINE.sub("", question)
    for _ in range(3):  # (nested: ***bold italics***, ||**spoiler**||)
        unwrapped = _MARKDOWN_WRAP.sub(lambda m: m[2] or m[3] or m[4] or "", question)
        if unwrapped == question:
            break
        question = unwrapped
    return question


# Words that only an English sentence uses. A question without any of them ("OpenAI", "1",
# "Sam Altman") says nothing about the asker's language, so their locale decides.
_ENGLISH_CLUES = frozenset(
    """what who whom whose when where why how which is are was were be been do does did can could
    will would should shall may might must has have had the a an of in on at to for about with by
    from into than that this these those it its they them their he she his her i me my you your we
    our us there and or but not no any some much many tell explain say said mean give
    hi hello hey thanks thank thx ty test testing ok okay yes yeah yep nope lol cool nice great
    good wow please pls sorry bye whats whos hows wheres whens whys wat wut what's who's how's
    where's when's why's it's that's there's he's she's they're i'm""".split()
    # (a channel's greetings, one-word replies and contractions, with their apostrophe or without)
)


# A Latin word this common in English (Zipf, index.frequency) that is no name the glossary knows
# says the question is English though it has no English function word ("80 hours?" after a
# Japanese question; "Sam Altman?" and "GTM?" still follow the conversation or the locale).
ENGLISH_WORD_ZIPF = 4.0


def _reads_english(library: Library, question: str) -> bool:
    """Whether a question in Latin letters holds a common English word that is no name."""
    text = plain(question)
    if is_japanese(text):
        return False
    names = library.glossary.names
    return any(
        t not in names and library.frequency.zipf(t, "en") >= ENGLISH_WORD_ZIPF
        for t in library.tokenize_en(text)
    )


def reply_lang(question: str, lang: str | None = None, fallback: str = "en") -> str:
    """Japanese script -> ja, an English sentence -> en, a bare name or number -> `fallback`."""
    if lang in ("ja", "en"):
        return lang
    question = plain(question)  # full-width letters as ASCII, "HOW…" as "How…"
    if is_japanese(question):
        return "ja"
    if any(w in _ENGLISH_CLUES for w in _LATIN_WORD.findall(question.lower())):
        return "en"
    return fallback


# A message that is only thanks, a greeting, a goodbye, an acknowledgement or a complaint that the
# answer missed ("thanks!", "ok got it", "hi", "bye", "that's wrong",
# ありがとう, こんにちは, なるほど), or asks what the bot is ("what can you do?", 使い方教えて), asks
# nothing of the article: the bot replies in kind instead of saying the article does not cover
# it, and a conversation keeps its last question for the next follow-up. Whole
# phrases only (ありがとう, not ありがと-anything: "ありがとう、でもなぜ?" asks why), on normalised text
# without punctuation or emoji; filler words ("so much", ね, です) may stand beside them. Each
# phrase is matched atomically, the longer spelling listed first (hiya before hi): a message is
# read in one pass, whatever its length ("wwww...x" cost 2^n steps with backtracking).
_SOCIAL = {
    # about the bot itself: what it is and does
    "help": r"what (?:can|do) (?:you|u) do|what are (?:you|u)|who are (?:you|u)|help(?: me)?"
    r"|how (?:does|do) (?:this|the|you|u) (?:bot )?work|how (?:do i|to|can i) use (?:this|you|u|the bot|it)"
    r"|are (?:you|u) (?:a |an )?(?:bot|ai|human|real)|what is this bot|commands"
    r"|何ができる(?:の)?|何が出来る(?:の)?|使い方(?:を)?教えて|使い方は|使い方|ヘルプ"
    r"|(?:お前|あなた|君|きみ)(?:は|って)?(?:誰|だれ|何者|なに|何)"
    r"|what (?:can|should|do) i ask(?: (?:you|u))?|what (?:model|llm) are (?:you|u)"
    r"|are (?:you|u) (?:chat ?gpt|gpt|claude|gemini)|who (?:made|built|created|wrote) (?:you|u|this bot|this)"
    r"|(?:can|do) (?:you|u) (?:speak|understand|read) (?:japanese|english)"
    r"|何が聞ける|何を聞けば(?:いい)?|何聞けばいい|(?:日本語|英語)(?:で|も)?(?:話せる|わかる|分かる|いける|大丈夫)",
    "thanks": r"thank (?:you|u)|thanks|thank|thx|tysm|ty|cheers|(?:i )?appreciate (?:it|that)"
    r"|good (?:bot|job)|nice (?:bot|job)|well done"
    r"|ありがとう(?:ございます|ございました)?|ありがと|あざっす|あざす|サンキュー?|さんきゅー?"
    r"|どうも(?:ありがとう)?|助か(?:りました|ります|った|る)|感謝(?:します)?",
    # leaving, and a reply that says the answer missed (the 👎 under an answer says which one);
    # before the greetings, whose "yo" would take "you're wrong" (each phrase matches atomically)
    "bye": r"good ?bye|bye(?: bye)?|see (?:you|u|ya)(?: later)?|later|cya|gn|good night|brb|ttyl"
    r"|おやすみ(?:なさい)?|またね|じゃあね|ばいばい|バイバイ|さようなら|落ちます",
    "sorry": r"(?:(?:that ?s|that is|you ?re|u r|ur|no|nope|nah|but) )*(?:wrong|incorrect|not (?:right"
    r"|correct|helpful|it|what i (?:asked|meant)))(?: answer)?|(?:that ?s )?not what i (?:asked|meant)"
    r"|useless|bad bot|wrong answer|間違って(?:る|います|ますよ|いる)|違う(?:よ|でしょ|って)|ちがう(?:よ)?"
    r"|そうじゃない|役に立たない|使えない|的外れ|答えになってない",
    "greeting": r"hello|heya|hey|hiya|hi|yo|what ?s up|wh?ass?up|sup|how are (?:you|u)|how r u"
    r"|how ?s it going|good (?:morning|afternoon|evening)|gm|test(?:ing)?|元気"
    r"|こんにち[はわ]|こんばん[はわ]|おはよう(?:ございます)?|はじめまして|初めまして"
    r"|よろしく(?:お願いします)?|やあ|テスト",
    "ack": r"okay|ok|kk|k|got it|i see|cool|nice|great|perfect|awesome|neat|alright|sure|lol|lmao"
    r"|same|true|fr|facts|based|bet"
    r"|ha(?:ha)+|wow|了解|りょ|おっけー?|おけ|オッケー?|なるほど|へえ+|へー+|ふーん|ふむふむ|草|w+|笑"
    r"|すごい|すげー|いいね|わかりました|分かりました|わかった|分かった",
}
_FILLER = (
    r"so much|very much|a lot|a ton|again|man|bro|dude|guys|all|everyone|there|bot|so|oh|ah|really"
    r"|です|ね|よ|な|ー|〜|めっちゃ|本当に|ほんとに|とても|マジで|まじで"
)
_SOCIAL_WORDS = re.compile(
    "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _SOCIAL.items()) + f"|{_FILLER}"
)
_SOCIAL_MESSAGE = re.compile(rf"(?:(?>{'|'.join(_SOCIAL.values())}|{_FILLER})\s*+)++")
_NOT_WORD = re.compile(r"[^\w\s]+|_")


def social(message: str) -> str | None:
    """The kind of a message that asks nothing of the article ("help", "thanks", "greeting", "bye",
    "sorry": an answer missed, "ack"), else None."""
    text = " ".join(_NOT_WORD.sub(" ", normalize(message)).split())
    if not text or _SOCIAL_MESSAGE.fullmatch(text) is None:
        return None
    kinds = {m.lastgroup for m in _SOCIAL_WORDS.finditer(text)}
    return next((kind for kind in _SOCIAL if kind in kinds), None)


def check_question(question: str) -> str:
    """The question stripped, or QuestionError saying what to fix (index.search.check_query's
    checks, in the user's words)."""
    try:
        return check_query(question)
    except QueryError as e:
        n = len(question.strip())
        english, japanese = {
            "empty": ("Please write a question.", "質問を書いてください。"),
            "too_long": (
                f"That question is too long ({n} characters): please keep it under {MAX_QUERY_CHARS}.",
                f"質問が長すぎます({n}文字)。{MAX_QUERY_CHARS}文字以内でどうぞ。",
            ),
            "no_words": ("The question has no words in it.", "質問に言葉が含まれていません。"),
        }[e.reason]
        raise QuestionError(english, japanese) from e


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a quote comes from: the article, its line (the paragraph number) and its section."""

    n: int  # the marker: [n]
    doc: str
    title: str  # the article's title, in the reply's language where there is a rendering
    lines: tuple[int, int]
    section: str | None  # the section heading, in the reply's language where there is a rendering


@dataclass(frozen=True, slots=True)
class Quote:
    citation: Citation
    passage: Passage
    text: str  # verbatim, in the reply's language (the Japanese where there is no rendering)
    original: str  # verbatim Japanese for it
    cut: bool  # text or original is a part of the paragraph (see `start` for where it begins)
    # Where the answer is (index.spans), as offsets into `text` and `original`: the sentence
    # that best answers the question, and the span stating the fact it asks for.
    sentence: Span | None = None
    focus: Span | None = None
    original_sentence: Span | None = None
    original_focus: Span | None = None
    start: int = 0  # where `text` begins in the paragraph's text (> 0: cut before it)
    original_start: int = 0

    @property
    def translated(self) -> bool:
        return self.passage.text_en is not None and self.text != self.original

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "text": self.text,
            "original": self.original,
            "doc": self.passage.doc,
            "lines": list(self.passage.lines),
            "section": self.citation.section,
        }
        for key, text, span in (
            ("sentence", self.text, self.sentence),
            ("focus", self.text, self.focus),
            ("original_sentence", self.original, self.original_sentence),
            ("original_focus", self.original, self.original_focus),
        ):
            if span is not None:
                out[key] = {
                    "quote": self.citation.n,
                    "text": text[span[0] : span[1]],
                    "start": span[0],
                    "end": span[1],
                }
        return out


@dataclass(frozen=True, slots=True)
class Answer:
    question: str
    lang: str  # "ja" | "en": the reply's language
    answered: bool  # False: the quotes are the closest matches, not an answer
    quotes: tuple[Quote, ...]
    offset: int = 0  # results quoted by earlier pages ('more passages')
    more: bool = False  # there are further results to show
    # index.verdict: "answered"; "related" (the article talks about it but does not say; the
    # closest quote only); "off_topic" (no quote: what the article is about instead)
    verdict: str = ANSWERED
    confidence: float = 1.0  # the verdict's probability that the article answers it
    # the articles' titles in the reply's language (off_topic; and a summary's: what it is of)
    about: tuple[str, ...] = ()
    context: tuple[str, ...] = ()  # the earlier questions a follow-up was searched with
    # "help" | "thanks" | "greeting" | "bye" | "sorry" | "ack": a message that asked nothing of it,
    # answered in kind (verdict off_topic, no quotes); None for a question
    social: str | None = None
    gist: bool = False  # the short summary, for "what is the article about?" / "what happened?"
    again: bool = False  # the last answer's quotes again ("source?", "in English pls")

    @property
    def citations(self) -> tuple[Citation, ...]:
        # Built from the quotes, so no citation can point at a passage that was not quoted.
        return tuple(q.citation for q in self.quotes)

    @property
    def next_offset(self) -> int:
        return self.offset + len(self.quotes)

    @property
    def record_verdict(self) -> str:
        """The verdict as the records keep it: "social" for thanks and greetings, which
        `python -m bot report` leaves out of the unanswered questions."""
        return "social" if self.social else self.verdict


@dataclass(frozen=True, slots=True)
class Context:
    """A paragraph with its neighbours (/passage)."""

    lang: str
    doc: str
    line: int  # the line asked for
    quotes: tuple[Quote, ...]
    focus: tuple[int, ...]  # markers of the paragraph asked for; the other quotes are neighbours


def compose(
    library: Library,
    question: str,
    *,
    lang: str | None = None,
    fallback_lang: str = "en",
    offset: int = 0,
    previous: Turn | None = None,
) -> Answer:
    """Answer a question from the library's articles, quoting and citing the passages used.

    `previous`: the conversation's last turn; a follow-up of it is searched with its words, and
    a question with no clue to its language is answered in that turn's.
    """
    question = check_question(question)
    # (its own lines: "> オープンAIは…\nwhat's that?" is English)
    written = _without_markdown(question)
    reply = reply_lang(written, lang, previous.lang if previous else fallback_lang)
    if lang is None and reply != "en" and _reads_english(library, written):
        reply = "en"
    if previous is not None and lang is None:
        reply = language_asked(question) or reply  # "in English pls": the last answer, in English
    offset = max(0, min(offset, MAX_RESULTS))
    searched = _DISCORD_SYNTAX.sub(" ", written)
    try:
        check_query(searched)
    except QueryError:  # nothing but mentions and links: search what was written
        searched = question
    about = tuple(a.title_in(reply) for a in library.articles)
    kind = social(searched) if offset == 0 else None
    if kind is not None:
        return Answer(
            question, reply, False, (), verdict=OFF_TOPIC, confidence=0.0, about=about, social=kind
        )
    if offset == 0 and (asks_gist(searched) or asks_headline(library, searched, previous)):
        return _gist(library, question, reply)
    if offset == 0 and asks_people_list(normalize(searched)) and library.people:
        return _people(library, question, reply)
    resolved = resolve(library, searched, previous, top=offset + PAGE + 1, lang=reply)
    result = resolved.result  # checked above
    hits = result.hits[offset:MAX_RESULTS]
    if offset == 0 and result.answerable:
        best = hits[0].score
        hits = tuple(h for h in hits[:PAGE] if h.score >= RELATIVE_SCORE * best)
    elif offset == 0 and result.verdict == RELATED:
        hits = hits[:1]  # the closest match, offered as such
    elif offset == 0:
        hits = ()  # off topic: an unrelated quote would only mislead
    else:
        hits = hits[:PAGE]
    # Where each quote answers: marked only when the article answers (no span is claimed from
    # the closest match that is not an answer).
    asked = (resolved.context[0] if resolved.again else searched) if result.answerable else None
    quotes = tuple(
        quote(library, h.passage, offset + i + 1, reply, QUOTE_CHARS, asked)
        for i, h in enumerate(hits)
    )
    end = offset + len(quotes)
    more = len(result.hits) > end and end < MAX_RESULTS and result.verdict != OFF_TOPIC
    return Answer(
        question,
        reply,
        result.answerable,
        quotes,
        offset,
        more,
        result.verdict,
        result.confidence,
        about,
        resolved.context,
        again=resolved.again,
    )


# "What's this article about?", "tl;dr", この記事って何の話?: the article answers that with its
# own summary (the short one /summary gives), not with the passage sharing the most words.
_GIST = re.compile(
    r"\bwhat(?:'s| is| was)? (?:this|the) (?:article|story|piece|post|news)(?: is)? "
    r"(?:about|saying|getting at)\b|\btl;? ?dr\b"
    r"|\b(?:summar(?:y|ize|ise)|gist|conclusions?|takeaways?|main point|bottom line)\b.*\b(?:article|story)\b"
    r"|\b(?:article|story)\b.*\b(?:summar(?:y|ize|ise)|gist|conclu\w+|takeaways?|main point|bottom line)\b"
    r"|記事.*(?:何の話|なんの話|何について|要約|まとめ|要点|ざっくり|結論|言いたいこと)"
    r"|(?:要約|まとめ|要点|ざっくり|結論|言いたいこと).*記事"
    # a summary asked for and nothing else ("summary pls", "can you summarize?", 要約して, 3行で)
    r"|^(?:(?:can|could) you |pls |please |give me |gimme |i (?:want|need) )?(?:a |the )?"
    r"(?:quick |short |brief )?(?:summary|summari[sz]e(?: it| this)?|sum (?:it )?up|recap|overview)"
    r"(?: pls| please| plz| for me| thanks| thx| real quick)*\W*$"
    r"|^(?:要約|まとめ|要点|概要)(?:して|て|を|お願い|教えて|ちょうだい|ください|くれ|頼む|よろしく)*\W*$"
    r"|^(?:[0-9一二三]行で)(?:まとめて|教えて|要約して|説明して)?(?:ください|お願い)?\W*$"
    # ... or its point asked without naming the article ("what's the main point", "key takeaways?",
    # "what's the headline", 要点は?, 結論は?)
    r"|^(?:so |ok |okay )?(?:what(?:'s|s| is| are| was| were)? )?(?:the )?(?:main|key|big) "
    r"(?:points?|takeaways?|ideas?|message)\W*$"
    r"|^(?:so |ok |okay )?(?:what(?:'s|s| is| was)? )?(?:the )?(?:headline|gist|bottom line|takeaways?)\W*$"
    r"|^(?:要点|結論|大事なところ)(?:は|って)?(?:何|なに|なん)?(?:ですか)?\W*$"
)


def asks_gist(question: str) -> bool:
    """Whether the question asks what the article as a whole is about."""
    return _GIST.search(normalize(question)) is not None


def asks_headline(library: Library, question: str, previous: Turn | None = None) -> bool:
    """Whether a question asks what happened, in at most one word, the title's: "what happened?",
    何があったの?, "what's this about", "what did OpenAI do?", OpenAIって何したの? (its subject the
    headline's); not a follow-up of the turn before ("OpenAI?" after "To whom?"), nor a question
    asking a kind of fact or a reason ("how long is the OpenAI shutdown?", "why did OpenAI
    close?"): search answers those."""
    plain_question = plain(question)
    if question_type(plain_question) is not None or asks_reason(plain_question):
        return False
    # (no words at all is "what happened?" only in a script the bot reads: not "Привет, как дела")
    if not (_LATIN_WORD.search(plain_question.lower()) or is_japanese(plain_question)):
        return False
    if previous is not None and leans_on_previous(library, question):
        return False
    # Its words in either script ("What did マーク・チェン say?" names someone): none, or one of the
    # titles' (OpenAI, Meta). Two ask something of the headline: "how aggressive is meta being",
    # "what will meta do during the shutdown week" are answered by search.
    words = set(library.tokenize_en(plain_question))
    words |= set(library.tokenize_ja(japanese_part(plain_question)))
    return len(words) <= 1 and words <= _title_words(library)


@functools.lru_cache(maxsize=8)
def _title_words(library: Library) -> frozenset[str]:
    """The articles' titles' words, in both languages (a library's titles do not change: parsed
    once, not at every question)."""
    ja = (t for a in library.articles for t in library.tokenize_ja(a.title))
    en = (t for a in library.articles for t in library.tokenize_en(a.title_in("en")))
    return frozenset(chain(ja, en))


def _gist(library: Library, question: str, lang: str) -> Answer:
    from .summary import make_summary  # (the summary quotes with this module's Quote)

    quotes = make_summary(library, lang=lang, length="short").quotes
    about = tuple(a.title_in(lang) for a in library.articles)
    return Answer(question, lang, True, quotes, 0, False, ANSWERED, 1.0, about, gist=True)


def _people(library: Library, question: str, lang: str) -> Answer:
    """ "Who's in the article?": each person it names, quoted where it introduces them."""
    quotes = tuple(
        quote(library, passage, n, lang, QUOTE_CHARS, name)
        for n, (name, passage) in enumerate(library.people[:PAGE], 1)
    )
    about = tuple(a.title_in(lang) for a in library.articles)
    return Answer(question, lang, True, quotes, 0, False, ANSWERED, 1.0, about)


def quote(
    library: Library,
    passage: Passage,
    n: int,
    lang: str,
    limit: int,
    question: str | None = None,
) -> Quote:
    """Passage `passage` quoted as [n] in `lang`, cut at a sentence boundary within `limit`;
    with `question`, marked where it answers and cut around that sentence."""
    article = library.article(passage.doc)
    title = article.title_in(lang) if article else passage.doc
    section = passage.section
    text = passage.text
    if lang == "en":
        section = passage.section_en or section
        text = passage.text_en or passage.text
    citation = Citation(n, passage.doc, title, passage.lines, section)
    original_limit = min(limit, ORIGINAL_CHARS) if lang == "en" else limit
    if question is None:
        text, cut = excerpt(text, limit)
        original, cut_original = excerpt(passage.text, original_limit)
        return Quote(citation, passage, text, original, cut or cut_original)
    full = text
    text, start, sentence, span = _focused(library, question, full, limit)
    if full is passage.text:  # the quote is the Japanese itself
        original, original_start, original_sentence, original_focus = text, start, sentence, span
    else:
        original, original_start, original_sentence, original_focus = _focused(
            library, question, passage.text, original_limit
        )
    cut = len(text) < len(full) or len(original) < len(passage.text)
    return Quote(
        citation,
        passage,
        text,
        original,
        cut,
        sentence,
        span,
        original_sentence,
        original_focus,
        start,
        original_start,
    )


def _focused(
    library: Library, question: str, text: str, limit: int
) -> tuple[str, int, Span, Span | None]:
    """`text` cut to `limit` around the sentence that best answers (or the fact's span), with the
    sentence's and the span's offsets into the part kept."""
    where = focus(library, question, text)
    start, end = window(text, limit, where.sentence)
    if where.span is not None and not (start <= where.span[0] and where.span[1] <= end):
        start, end = window(text, limit, where.span)

    def inside(span: Span | None) -> Span | None:
        if span is None or span[0] < start or span[1] > end:
            return None
        return span[0] - start, span[1] - start

    return (
        text[start:end],
        start,
        inside(where.sentence) or _clip(where.sentence, start, end),
        inside(where.span),
    )


def _clip(span: Span, start: int, end: int) -> Span:
    return max(span[0], start) - start, min(span[1], end) - start


def context(library: Library, line: int, *, lang: str, doc: str | None = None) -> Context:
    """The paragraph at `line` of an article (the first by default) and the ones around it."""
    article = library.article(doc) if doc else library.articles[0]
    if article is None:
        raise NotFoundError(f"There is no article {doc!r}.", f"記事 {doc!r} はありません。")
    paragraphs: list[list[Passage]] = []
    for p in article.passages:
        if paragraphs and _paragraph_line(paragraphs[-1][0]) == _paragraph_line(p):
            paragraphs[-1].append(p)
        else:
            paragraphs.append([p])
    first, last = paragraphs[0][0].lines[0], paragraphs[-1][-1].lines[1]
    if line > last:
        raise NotFoundError(
            f"The article's paragraphs are on lines {first}–{last}; there is none at line {line}.",
            f"記事の段落は{first}〜{last}行目です。{line}行目には段落がありません。",
        )
    # A heading's (or blank) line shows the paragraph that follows it.
    i = next(k for k, para in enumerate(paragraphs) if para[-1].lines[1] >= line)
    shown = [(para, k == i) for k, para in enumerate(paragraphs) if i - 1 <= k <= i + 1]
    quotes: list[Quote] = []
    focus: list[int] = []
    for para, is_focus in shown:
        for p in para:
            n = len(quotes) + 1
            quotes.append(quote(library, p, n, lang, FOCUS_CHARS if is_focus else NEIGHBOUR_CHARS))
            if is_focus:
                focus.append(n)
    return Context(lang, article.doc, line, tuple(quotes), tuple(focus))


def _paragraph_line(p: Passage) -> int:
    """The first line of the paragraph a passage belongs to (its id is `<stem>:<line>[.<k>]`)."""
    return int(p.id.rsplit(":", 1)[1].split(".")[0])


def excerpt(text: str, limit: int, measure: Callable[[str], int] = len) -> tuple[str, bool]:
    """The longest run of whole sentences from the start of `text` that measures at most `limit`,
    and whether anything was cut. A first sentence longer than that is cut inside, at a comma or a
    space where there is one. `measure` (e.g. the length once escaped) is never less than len."""
    if len(text) <= limit and measure(text) <= limit:
        return text, False
    end, pos = 0, 0
    for sentence in split_sentences(text[: limit + 1]):
        start = text.find(sentence, pos)
        if start < 0:
            break
        stop = start + len(sentence)
        if stop > limit or measure(text[:stop]) > limit:
            break
        end = pos = stop
    if end:
        return text[:end], True
    lo, hi = 0, min(len(text), limit)  # the longest prefix that fits
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if measure(text[:mid]) <= limit:
            lo = mid
        else:
            hi = mid - 1
    head = text[:lo]
    for mark in ("、", "，", ", ", " "):
        i = head.rfind(mark)
        if i > lo // 2:
            return head[: i + len(mark)].rstrip(), True
    return head, True
