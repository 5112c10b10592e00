"""Follow-up questions: whether a question leans on the one before, and searching it in context.

A conversation is a run of turns. A question with few words of its own ("なぜ?", "What about
Chen?") or a word that points back (それ, 彼, they, it) is a follow-up: it is searched with its own
words and, below them, the earlier question's (`Library.search(context=...)`). "Tell me more" /
"もっと詳しく" continues: the earlier question again, without the passages already quoted, the ones
right after them first. Any other question is a new topic and is searched exactly as alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np

from .answertype import AnswerType, question_type
from .identity import identity_subject
from .outcome import asks_response
from .passages import Passage
from .questionform import changes_topic, plain
from .quoting import asks_words, tells_message
from .search import Hit, Library, SearchResult, check_query
from .tokenize import has_hiragana, is_japanese, normalize
from .verdict import ANSWERED

# A question with at most this many content words of its own leans on the one before
# ("表向きは?", "And morale?" have one) ...
MAX_OWN_WORDS = 1
# ... and one with a word pointing back (それ, they) when it has at most this many. Both chosen on
# tests/data/followups.jsonl over 0-2 x 2-5: (1, 3) answers the most follow-ups and takes no new
# topic for one; (2, _) or (_, 4) take 6-19% of the new topics for follow-ups.
MAX_OWN_WORDS_WITH_CUE = 3
# A bare phrase of at most this many words, all content words, echoes the answer ("Sam Altman?").
MAX_ECHO_WORDS = 3
# Earlier questions a follow-up carries: the question its topic started with, and, up to this many
# in all, the nearest ones before it. Chosen on tests/data/followups.jsonl: 1 (the topic's question
# alone) answers 5 more third turns than 2 (the one before as well), which had pulled "それに対して
# openaiの上の人たちはどうしてんの?" after "それ誰が直接動いてんの?" to Zuckerberg's line, and loses one
# ("どこ行ったん、そいつら" after "何人くらい抜かれたの" after why OpenAI closed): 543 -> 547 of 687,
# and no new topic lost ("whats the supercomputer thing" had been).
MAX_CONTEXT = 1
# A follow-up's passages score SAME_BONUS higher when the previous answer quoted them, NEAR_BONUS
# when they are next to one it quoted, NEAR_DECAY times less for each passage further away (a
# follow-up more often asks what the next paragraph says than the same one). Chosen on
# tests/data/followups.jsonl: a neighbour's bonus of 0.6 gains 2 turns over 0.3 whatever the same
# passage's (0-1.0); `python -m index eval-chat` reproduces the figures.
SAME_BONUS = 0.5
NEAR_BONUS = 0.6
NEAR_DECAY = 0.6
NEAR_SPAN = 2
# A follow-up asking for a kind of fact ("そこに何人?", "How much?") prefers the passages stating
# one: they score FOLLOWUP_TYPE_BONUS times higher again, on the earlier question's words as on its
# own (the search's answer-type bonus reaches only its own words, which a follow-up hardly has).
# Not for "who" and "when", whose answers are often not a name or a date ("staff", "this week").
# Chosen on tests/data/followups.jsonl: 1.0-10 answered one more follow-up than 0 and lost none
# when it held 55 conversations; on its 147 of a later round 0-4 are alike, 8 one more, 20 and 100
# two more ("how much?" / "いくらで?" after "which team?" after a count of researchers: the offer,
# line 7, rather than the team's passage near the last answer, declined), with or without openers
# before the follow-ups: the passages stating the kind asked come first, near the last answer.
FOLLOWUP_TYPE_BONUS = 20.0
_VAGUE_TYPES = frozenset({AnswerType.PERSON, AnswerType.DATE})
# A follow-up asking what is done about it ("what's he doing about it?" after Chen's quote, で、対策
# は?) prefers the passages telling a response (index.outcome) this many times over: the earlier
# question's words find the quote again. Chosen on tests/data/followups.jsonl: 1 answers 4 more
# follow-ups, 3-10 answer 5 more (line 11: Chen working on retention with Altman), no opening
# or topic change lost.
FOLLOWUP_RESPONSE_BONUS = 3.0
# A follow-up asking someone's words ("what did they say?", その人たちなんて言ってたの) after an answer
# telling of messages sent without quoting them (line 13: seven leaders sent messages) prefers the
# first passage quoting someone after it in its section (14: one leader's advice) this many times
# over. Chosen on tests/data/followups.jsonl: 1 moves nothing, 3 answers 3 more follow-ups, 10-30
# five more of 558 (line 13 had 14 at a fifth of its score); the next quoting passage anywhere
# after any answer lost 5 ("what did he say" after Chen's introduction, line 9-10, which quotes him
# itself, found line 11's quoted 24時間体制で), after one telling of no message 1 (a warning asked
# after line 21 found line 23's quote). (A preference for any quoting passage lost as many.)
FOLLOWUP_WORDS_BONUS = 10.0
FOLLOWUP_WORDS_SPAN = 3
# A follow-up asking who said it ("who said that", 誰が言ったの?) after an answer whose passage is
# a quote and nothing else (opens with a quotation mark: a news article names the speaker of such a
# paragraph in the one before it) is answered with that one first, in its section.
SPEAKER_FIRST = True
_SPEAKER_ASKED = re.compile(
    r"\bwho(?:'s| is| was)? (?:said|says|saying|wrote|writes|write)\b|\bwhose (?:words|quote|line)\b"
    r"|誰が(?:言|書|話)|(?:言った|言ってた|言ってる|言ってん|書いた)の(?:は|って)?誰|誰の(?:言葉|発言|セリフ)"
)
_OPENS_QUOTE = re.compile(r"^\s*[「『\"“]")
# A follow-up pointing at one person ("who's he?", その人何者?) when the earlier question named
# none is searched with the persons the last answer's best passage names (after "who said it felt
# like a break-in?", Chen). Chosen on tests/data/followups.jsonl: +2 follow-ups, -1 ("so is he
# exempt from the week off too" after Altman's passage then found Altman's, not the exemption).
PERSON_FROM_ANSWER = True

# Words that point back at what was said before. Matched on normalised text (NFKC, casefolded).
# (Not "why", なぜ: "why is openai closing for a week" asks anew; a bare "why?" has no word of
# its own and leans on the last turn anyway. No tuning conversation moved.)
_JA_CUES = re.compile(
    r"^(?:それ|その|そこ|そっち|あれ|あの|この|これ|じゃあ|では|で、|なら|他に|ほかに|あと|他は|今は|結局)"
    r"|彼|彼女|その人|そいつ|あの人|具体的|詳しく|他には|ほかには"
    # what was said, put back to check it (給料もいじるってこと?, つまり…?: "you mean...?")
    r"|(?:ってこと|ということ|って意味)(?:なの|なん|だよね|よね|ね|か|ですか)?[?？!！\s]*$|^つまり"
    # ... or set against it ("but...": でも問題ってお金だけ?, …じゃないんでしょ?)
    r"|^(?:でも|だけど|けど)|んでしょ[?？!！\s]*$"
)
_EN_CUES = re.compile(
    r"\b(?:it|its|they|them|their|theirs|he|him|his|she|her|those|these|that|this|there|else"
    r"|more|then)\b|\bagain\b(?!\W*$)|^\s*(?:and|so|but|what about|how about|and then|which)\b"
    r"|\byou mean\b|\byou'?re saying\b"
)
# Words that only point at people named before ("その人たち", "those people"): a follow-up is
# searched without them, or their 人 / people outweighs the earlier question's words and finds any
# passage about people.
_REFERRING = re.compile(
    r"(?:その|あの|この)(?:人たち|人達|人々|人|方々|方たち|連中)"
    r"|\b(?:those|these|that|this)\s+(?:people|persons?|guys?|folks|ones?|men|women|man|woman)\b",
    re.IGNORECASE,
)
# Asking for the last answer's source ("source?", "where does it say that", ソースは?, どこに書いて
# ある?) or for it in the other language ("in English pls", 日本語で): the same quotes again, with
# their lines, in the language asked (bot.answer), not a search of "source" or 英語.
_EN_AGAIN = re.compile(
    r"^(?:(?:and|so|ok|but|wait) )?(?:(?:got a |any |a )?(?:source|citation|cite|link|ref|reference)s?"
    r"|where (?:does|did) (?:it|the article) say (?:that|this|so)|where is (?:that|this) from"
    r"|(?:can you )?quote (?:it|that|the article))(?: (?:pls|please|plz|for that))?$"
)
_JA_AGAIN = re.compile(
    r"^(?:(?:ソース|出典|引用|根拠)(?:は|って|を|どこ|教えて|ある)*"
    r"|(?:それ|これ|その話)?(?:って)?(?:どこに|どこで)(?:書いて(?:ある|た|あった)|言って(?:る|た)))$"
)
_LANGUAGE_ASKED = re.compile(
    r"^(?:(?:can you |could you |pls |please )?(?:say |answer |reply |repeat |explain )?(?:it |that )?"
    r"in (?P<en>english)|(?P<en2>english) (?:pls|please|plz)|(?:can you |could you )?in (?P<ja>japanese)"
    r"|(?P<ja2>japanese) (?:pls|please|plz)|(?P<en3>英語)で|(?P<ja3>日本語)で)"
    r"(?: (?:pls|please|plz))?(?:お願い(?:します)?|頼む|教えて|言って|答えて|ください)?$"
)
_PUNCTUATION = re.compile(r"^[\s?!.。…]+|[\s?!.。…]+$")
# A connector before a question (で、他には?, じゃあもっと詳しく, "so who is chen?"): it joins the question
# to the conversation, but says nothing of what it asks or what it points at.
_CONNECTOR = re.compile(
    r"^(?:(?:じゃあ|じゃ|それで|んで|ほんで)[、,\s]*|で[、,\s]+|(?:and|so|but|ok so|okay so)[\s,]+)"
    r"(?=[^\s?？!！.。…])"
)
_WORD = re.compile(r"\w")
_EN_WORD = re.compile(r"[a-z0-9]+")
_JA_MORE = re.compile(
    r"^(?:もっと|もう少し|もうちょっと)?(?:詳しく|くわしく|続き|つづき)|^もっと|^(?:他|ほか)に(?:は|も)?"
    r"|^続けて|^(?:他|ほか)は$|^(?:それで|で|それから|その後|そのあと)(?:は|どうなった)?$"
    # an example of what was said: what the article goes on to say (例えば? after "how aggressive is
    # Meta": the offers, the next lines)
    r"|^(?:例えば|たとえば|例は|具体例は)$"
)
_EN_MORE = re.compile(
    r"^(?:tell me |say |show me |give me )?(?:(?:some|a little|a bit|any) )?more\b"
    r"|^(?:go on|continue|keep going|and then)\b|^(?:anything|what|something) (?:else|more)\b"
    r"|^(?:then what|and|what(?:'s| is| happened) next|what happened (?:then|after that))$"
    r"|^(?:like what|for example|for instance|such as|e\.?g|examples?|any examples?)$"
)


@dataclass(frozen=True, slots=True)
class Turn:
    """What a conversation keeps of one question: enough to resolve the next one."""

    question: str
    lang: str  # the reply's language
    passages: tuple[str, ...]  # ids of the passages quoted, best first
    context: tuple[str, ...] = ()  # the earlier questions this one was searched with


@dataclass(frozen=True, slots=True)
class Resolved:
    result: SearchResult
    context: tuple[str, ...]  # the earlier questions used, () for a question on its own
    more: bool = False  # a "tell me more": the passages continue the previous answer
    again: bool = False  # the last answer's passages again ("source?", "in English pls")


_LATIN_LETTER = re.compile(r"[A-Za-z]")
# A word pointing at one person named before (he, 彼, その人; not they, その人たち).
_PERSON_POINTED = re.compile(
    r"\b(?:he|him|his|she|her|he's|she's)\b|彼(?!ら|女ら|等)|彼女(?!ら)|(?:その|あの|この)(?:人|方)(?!たち|達|々|ら)"
)


def named_person(library: Library, question: str) -> str:
    """The words of a question that name people (as written, "sam altman", チェン), or ""."""
    if is_japanese(question):
        names = library.tokenize_ja.proper_nouns(normalize(question))
        return " ".join(n for n, kind in names.items() if kind == "人名")
    words = []
    for word in _EN_WORD.findall(normalize(question)):
        japanese = library.glossary.to_japanese(library.tokenize_en(word))[:1]  # (its first)
        if any(library.is_person(t) for t in japanese if not _LATIN_LETTER.search(t)):
            words.append(word)
    return " ".join(words)


def wants_more(question: str) -> bool:
    """Whether it asks to go on ("tell me more", "もっと詳しく") rather than asking anew."""
    text = _bare(question)
    return bool(_JA_MORE.search(text) if is_japanese(text) else _EN_MORE.search(text))


def asks_again(question: str) -> bool:
    """Whether it asks for the last answer's source ("source?", ソースは?)."""
    text = _bare(question)
    return bool(_JA_AGAIN.search(text) if is_japanese(text) else _EN_AGAIN.search(text))


def language_asked(question: str) -> str | None:
    """The language a message asks the last answer in ("in English pls": "en", 日本語で: "ja")."""
    m = _LANGUAGE_ASKED.search(_bare(question))
    if m is None:
        return None
    return "en" if m["en"] or m["en2"] or m["en3"] else "ja"


def echoes(library: Library, question: str) -> bool:
    """A bare phrase put as a question ("1億ドル?", "Sam Altman?"): no particle, verb or question
    word of its own, so it checks something the previous answer said."""
    text = _bare(question)
    if is_japanese(text):
        return not has_hiragana(text)
    words = _EN_WORD.findall(text)
    return 0 < len(words) <= MAX_ECHO_WORDS and len(library.tokenize_en(text)) == len(words)


def _bare(question: str) -> str:
    return _PUNCTUATION.sub("", _CONNECTOR.sub("", normalize(plain(question))))


def leans_on_previous(library: Library, question: str) -> bool:
    """Whether a question follows up the one before rather than standing on its own."""
    if changes_topic(question):  # ("unrelated but...", 話変わるけど)
        return False
    question = plain(question)  # "wat abt chen" as "what about chen"
    text = normalize(question)
    cue = _JA_CUES.search(text) if is_japanese(text) else _EN_CUES.search(text)
    # "Who is Chen?", "アルトマンって誰?" name their own subject: a new topic however short, after a
    # connector too ("so who is chen?", じゃあチェンの役職は?); "who is he?", "そのマークって誰?" point back.
    bare = _CONNECTOR.sub("", text)
    subject = identity_subject(bare)
    pointing = _JA_CUES.search(bare) if is_japanese(bare) else _EN_CUES.search(bare)
    if subject and not pointing and library.content_words(subject):
        return False
    # ... and so does one naming, with no word pointing back, a subject the articles never mention
    # ("bitcoin今いくら"; not "what about Google?"): judged alone anyway (Library.search), so no
    # earlier question is shown with it
    if not cue and library.names_unknown_subject(question):
        return False
    # (its words pointing at people named before are none of its own: その人たちmetaのどのチームに行ったん?;
    # nor those asking after a relation of what was said: "openai's response?", メタの狙いは?)
    japanese = is_japanese(question)
    words = [
        w for w in library.content_words(unpointed(question)) if not library.relation(w, japanese)
    ]
    if len(words) <= MAX_OWN_WORDS or wants_more(question) or echoes(library, question):
        return True
    return bool(cue) and len(words) <= MAX_OWN_WORDS_WITH_CUE


def unpointed(question: str) -> str:
    """The question without the words that point at people named before (its own words to
    search); the question itself when nothing else is left."""
    rest = _REFERRING.sub(" ", question)
    return rest if _WORD.search(rest) else question


def context_of(previous: Turn) -> tuple[str, ...]:
    """The earlier questions a follow-up of `previous` is searched with, nearest first: up to
    MAX_CONTEXT - 1 nearest ones and, last, the question the conversation's topic started with (a
    third follow-up, "なぜ?" after "どこに?" after "メタは何人引き抜いた?", still has its subject)."""
    chain = (previous.question,) + previous.context
    if len(chain) <= MAX_CONTEXT:
        return chain
    return chain[: MAX_CONTEXT - 1] + chain[-1:]


def resolve(
    library: Library,
    question: str,
    previous: Turn | None,
    *,
    top: int = 3,
    lang: str | None = None,
    context_weight: float | None = None,
) -> Resolved:
    """Search a question in its conversation: with the earlier question's words when it leans on
    it, exactly as alone when it does not (or there is nothing before it)."""
    again = previous is not None and (asks_again(question) or language_asked(question) is not None)
    if previous is None or not (again or leans_on_previous(library, question)):
        return Resolved(library.search(question, top=top, lang=lang), ())
    context = context_of(previous)
    weight = {} if context_weight is None else {"context_weight": context_weight}
    if wants_more(question):
        return Resolved(_more(library, previous, top, lang or previous.lang), context, True)
    if again:
        return Resolved(_again(library, previous, top, lang or previous.lang), context, again=True)
    boost = near(library, previous.passages)
    asked = plain(question)
    normalized = normalize(asked)
    kind = question_type(asked)
    if FOLLOWUP_TYPE_BONUS and kind is not None and kind not in _VAGUE_TYPES:
        boost = np.where(library.stating(kind), (1 + boost) * (1 + FOLLOWUP_TYPE_BONUS) - 1, boost)
    if FOLLOWUP_RESPONSE_BONUS and asks_response(asked):
        factor = 1 + FOLLOWUP_RESPONSE_BONUS
        boost = np.where(library.responding, (1 + boost) * factor - 1, boost)
    if FOLLOWUP_WORDS_BONUS and asks_words(normalized):
        after = _words_after(library, previous.passages[:1])
        boost = np.where(after, (1 + boost) * (1 + FOLLOWUP_WORDS_BONUS) - 1, boost)
    # (its plain form: "WHAT DID HE SAY" with "mark chen" added is no longer all capitals)
    searched = unpointed(asked)
    if _PERSON_POINTED.search(normalized):
        # "what's he doing about it?", その人は何するって?: he is whom the earlier question named
        # (in the follow-up's own script: a Japanese name would make an English question Japanese)
        same = [q for q in context if is_japanese(q) == is_japanese(question)]
        person = next(filter(None, (named_person(library, q) for q in same)), "")
        if not person and PERSON_FROM_ANSWER:
            person = _answer_person(library, previous.passages[:1], is_japanese(question))
        if person:
            searched = f"{searched} {person}"
    result = library.search(
        searched, top=top, lang=lang, context=" ".join(context), boost=boost, **weight
    )
    if searched != question:
        result = replace(result, query=check_query(question))
    if (
        SPEAKER_FIRST
        and result.hits
        and _SPEAKER_ASKED.search(normalized)
        and (speaker := _speaker_before(library, previous.passages[:1])) is not None
    ):
        # (the speaker's passage shares no word with the quote: first, as high as the best)
        rest = [h for h in result.hits if h.passage != speaker]
        result = replace(result, hits=(Hit(speaker, result.hits[0].score), *rest)[:top])
    return Resolved(result, context)


def _answer_person(library: Library, quoted: tuple[str, ...], japanese: bool) -> str:
    """The persons the best passage quoted names ("who's he?" after who said the house quote:
    Chen), in the question's script, or ""."""
    i = library.position.get(quoted[0]) if quoted else None
    if i is None:
        return ""
    passage = library.passages[i]
    text = passage.text if japanese or not passage.text_en else passage.text_en
    return named_person(library, text)


def _words_after(library: Library, quoted: tuple[str, ...]) -> np.ndarray:
    """Per passage, whether it is the first quoting someone after a quoted passage that tells of
    messages sent without quoting them, within FOLLOWUP_WORDS_SPAN and its section."""
    after = np.zeros(len(library.passages), dtype=bool)
    order = library.position
    for i in (order[p] for p in quoted if p in order):
        told = library.passages[i]
        if not tells_message(f"{told.text}\n{told.text_en or ''}"):
            continue
        for j in range(i + 1, min(i + 1 + FOLLOWUP_WORDS_SPAN, len(after))):
            passage = library.passages[j]
            if (passage.doc, passage.section) != (told.doc, told.section):
                break
            if library.quoting[j]:
                after[j] = True
                break
    return after


def _speaker_before(library: Library, quoted: tuple[str, ...]) -> Passage | None:
    """The passage right before the best one quoted, in its section, when that one is a quote and
    nothing else (opens with a quotation mark); else None."""
    i = library.position.get(quoted[0]) if quoted else None
    if not i or not _OPENS_QUOTE.search(library.passages[i].text):  # (None, or the first)
        return None
    passage, before = library.passages[i], library.passages[i - 1]
    return before if (before.doc, before.section) == (passage.doc, passage.section) else None


def _again(library: Library, previous: Turn, top: int, lang: str) -> SearchResult:
    """The last answer's passages again, with its question's verdict (resolved again after the
    question it followed up, as near as the turn keeps it)."""
    before = None
    if previous.context:
        before = Turn(previous.context[0], previous.lang, previous.passages, previous.context[1:])
    result = resolve(library, previous.question, before, top=top, lang=lang).result
    order = library.position
    best = result.hits[0].score if result.hits else 0.0
    hits = tuple(Hit(library.passages[order[p]], best) for p in previous.passages if p in order)
    return replace(result, hits=hits[:top]) if hits else result


def near(library: Library, quoted: tuple[str, ...]) -> np.ndarray:
    """Per passage, how much nearness to the previous answer's passages raises its score."""
    boost = np.zeros(len(library.passages))
    order = library.position
    for i in (order[p] for p in quoted if p in order):
        for d in range(-NEAR_SPAN, NEAR_SPAN + 1):
            j = i + d
            if 0 <= j < len(boost) and library.passages[j].doc == library.passages[i].doc:
                bonus = SAME_BONUS if d == 0 else NEAR_BONUS * NEAR_DECAY ** (abs(d) - 1)
                boost[j] = max(boost[j], bonus)
    return boost


def _more(library: Library, previous: Turn, top: int, lang: str) -> SearchResult:
    """The story continued: the passages right after the ones quoted, the best quote's first
    (ranked as high as the best result), then the previous question's other results, none
    quoted before."""
    result = library.search(" ".join(context_of(previous)), top=len(library.passages), lang=lang)
    order = library.position
    quoted = [order[p] for p in previous.passages if p in order]  # best first
    best = result.hits[0].score if result.hits else 0.0
    following = [
        Hit(library.passages[i + 1], best)
        for i in quoted
        if i + 1 < len(library.passages)
        and i + 1 not in quoted
        and library.passages[i + 1].doc == library.passages[i].doc
    ]
    seen = set(quoted) | {order[h.passage.id] for h in following}
    rest = [h for h in result.hits if order[h.passage.id] not in seen]
    hits = tuple((following + rest)[:top])
    if quoted and hits:
        # It asks for more of the article where the last reply quoted it, which the article
        # has, even when that reply was only the closest match to a question it does not answer.
        return replace(result, hits=hits, answerable=True, verdict=ANSWERED)
    return replace(result, hits=hits)
