"""One normalisation and tokenization path for passages and questions alike.

Japanese: NFKC, case folding, then fugashi (MeCab + unidic-lite). English: NFKC, case folding,
a word regex, stopwords and the Snowball stemmer (PyStemmer).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

import fugashi
import Stemmer

Tokenizer = Callable[[str], list[str]]

# Replies and summaries tokenize the same sentences (and questions) again and again: a MeCab parse
# costs 0.1-0.3 ms, most of an answer's time before these were kept.
KEPT_TOKENS = 4096


@lru_cache(maxsize=KEPT_TOKENS)
def kept_tokens(tokenize: Tokenizer, text: str) -> tuple[str, ...]:
    """`tokenize(text)`, kept (the last KEPT_TOKENS texts)."""
    return tuple(tokenize(text))


# Aliases: the same entity written several ways gets one canonical token. Applied to the
# normalised text before tagging, so "オープンAI" (two MeCab tokens) becomes one token.
TEXT_ALIASES: dict[str, str] = {
    "オープンai": "openai",
    "open ai": "openai",
    "メタ社": "メタ",
    # a channel's word for the people at the top (unidic reads お偉いさん as 御 + 偉い)
    "お偉いさん": "幹部",
    "お偉方": "幹部",
    "偉い人": "幹部",
    "えらい人": "幹部",
    "エラい人": "幹部",
    "えらいさん": "幹部",
    # a channel's words for a contest and its heating up, which Sudachi's dictionary does not
    # group (人材の取り合い: 人材争奪戦, 人材獲得競争; 争奪戦がヒートアップ: 激化)
    "取り合い": "争奪競争",
    "ヒートアップ": "激化",
    # the people leading a company, as the articles write them (首脳陣: unidic reads each as two
    # words, 経営 + 陣, 上層 + 部, which no synonym list joins)
    "経営陣": "首脳陣",
    "上層部": "首脳陣",
    # the mood of a place as a channel says it (社内の空気: its atmosphere, not its air; Sudachi
    # groups 空気 with 大気 as much as with 雰囲気)
    "社内の空気": "社内の雰囲気",
    "会社の空気": "会社の雰囲気",
    "職場の空気": "職場の雰囲気",
    "チームの空気": "チームの雰囲気",
}
TOKEN_ALIASES: dict[str, str] = {
    "meta": "メタ",
}

# Parts of speech that carry content (unidic pos1).
CONTENT_POS = frozenset({"名詞", "動詞", "形容詞", "形状詞", "副詞", "接頭辞"})
# A noun with the suffix that makes it a person is a word of its own, a token beside the noun's:
# 研究者 (researcher) is not 研究 (research), and 研究責任者 (research officer) holds 責任者, not
# 研究者. A question names the person once (`subsumed`). Without it "研究者たちはどんな状態なの?"
# found the research officer's memo (line 9) before the exhausted researchers (35). Tuning:
# conversations' openings 0.782 -> 0.818 and follow-ups 0.791 -> 0.837, channel +1 in each
# language, questions.jsonl Japanese -1 (a tie of 2.943 against 2.936 turned), JSQuAD's even half
# the same; 家, 員, 手 (専門家, 従業員, 運転手) moved no tuning question and are left out.
PERSON_SUFFIXES = frozenset({"者"})

# Question words and function-like content words: they say what kind of answer is wanted, not
# what it is about, so they must not drive retrieval. Lemmas as unidic-lite writes them.
JA_STOPWORDS = frozenset(
    """
    何 なに なん 誰 だれ 何処 どこ 幾ら いくら 何時 いつ 何故 なぜ 如何 どう どうして どの どれ どんな
    何人 なんにん 何回 何年 何歳 何月 何日 何時間 幾つ いくつ どれほど どれくらい どのくらい どのよう
    為る する 居る いる 有る ある 成る なる 在る 出来る できる 言う いう 思う 行う 見る 呉れる くれる
    貰う もらう 下さる くださる 教える 知る 分かる 事 こと 物 もの 様 よう 為 ため 所 ところ 方 ほう
    中 うち 此れ これ 其れ それ 彼れ あれ 此の この 其の その 彼の あの 今 際 等 など 他 ほか 私 僕 君
    的 さん 氏 達 たち 側 上 について 関する 対する 因る よる 於く おく 記事 内容 説明 本当 実際
    結局 話 感じ 状況 具体 一体 マジ 何か ちゃんと 全然 結構 色々 矢張り やっぱり 一体 大体 要する
    つく 書く 載る 触れる 言及 出る 聞く 意味 理由 件 場合 点 辺 頃 位 くらい ぐらい 良い 良く
    w ww www やばい 済む 一寸 目茶 何時頃 遣る 詳しい 抑 打ち明ける 何事 まじ ガチ がち 因み
    """.split()
)

EN_STOPWORDS = frozenset(
    """
    a about above after again against all am an and any are aren't as at be because been before
    being below between both but by can can't cannot could couldn't did didn't do does doesn't doing
    don't down during each few for from further had hadn't has hasn't have haven't having he he'd
    he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into
    is isn't it it's its itself let's me more most mustn't my myself no nor not of off on once only
    or other ought our ours ourselves out over own same shan't she she'd she'll she's should
    shouldn't so some such than that that's the their theirs them themselves then there there's
    these they they'd they'll they're they've this those through to too under until up very was
    wasn't we we'd we'll we're we've were weren't what what's when when's where where's which while
    who who's whom why why's with won't would wouldn't you you'd you'll you're you've your yours
    yourself yourselves
    tell say said says according article mention mentioned mentions much many get got give gave
    happen happened happening does also whose kind thing things will just really
    actually currently exactly basically anyone anything something someone stuff lot lots
    go goes going gone right now reason piece story write wrote written talk talking talked
    know explain describe described mean means way ways like
    whats hows whos wheres whens whys thats theres im ive dont doesnt didnt cant isnt arent wasnt
    werent couldnt wouldnt shouldnt youre theyre u ur
    where'd who'd what'd how'd why'd when'd what'll who'll where'll how'll there'd there'll
    what're who're where're how're why're
    tho though rn pls plz please thx thanks thank ty tbh btw idk fr ngl omg bro dude guys imo imho
    afaik iirc smh ok okay yeah yep yes hey hi hello lowkey literally kinda sorta gonna wanna ya
    wtf jk yo sup hiya q quick bot sorry folks anybody somebody wondering curious
    super totally extremely insanely seriously absolutely incredibly completely truly definitely
    honestly hella idea info thoughts thought gist true eli5 everyone everybody everything nobody
    nothing gets getting gives giving given wait hmm huh oh ah uh um umm welp whoa wow lol lmao
    haha anyway
    since unless whether although whereas whilst till via upon onto amongst toward towards thus
    hence therefore however
    """.split()
)

# A verb's last kana (u-row) and the same consonant's i-row one, its stem's: 抜く, 抜き (a compound's
# first verb, 引き抜く; the verb used as a noun, 引き抜き).
U_ROW = "うくぐすつぬぶむる"
I_ROW = "いきぎしちにびみり"

_JA_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]")
_HIRAGANA = re.compile(r"[\u3040-\u309f]")
_KANA_LETTER = re.compile(r"[\u3041-\u3096]")  # hiragana letters (ぁ-ゖ), not their marks
_LATIN_WORD = re.compile(r"[a-z]+")
_EN_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# An amount as a channel writes it, "100m", "$1.5bn", "50k": the number and its word, as an
# article writes it ("$100 million").
# (A lone letter only right after the number: "100 m" is as likely a length.)
_EN_AMOUNT = re.compile(r"\b(\d+(?:\.\d+)?)(?:(k|m|b|t)|\s?(mn|mil|bn|bil|tn))\b")
_AMOUNT_WORDS = {"k": "thousand", "t": "trillion", "tn": "trillion"}
_AMOUNT_WORDS |= dict.fromkeys(("m", "mn", "mil"), "million")
_AMOUNT_WORDS |= dict.fromkeys(("b", "bn", "bil"), "billion")
# Lone surrogates: what Python makes of bytes that are not UTF-8 in argv or a terminal
# (surrogateescape). MeCab, SQLite and stdout cannot encode them.
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def scrub(text: str) -> str:
    """The text with each lone surrogate (an undecodable byte) replaced by U+FFFD."""
    return _SURROGATES.sub("\ufffd", text)


def normalize(text: str) -> str:
    """NFKC and case folding, then canonical spellings of entities written several ways."""
    text = unicodedata.normalize("NFKC", scrub(text)).casefold()
    for variant, canonical in TEXT_ALIASES.items():
        text = text.replace(variant, canonical)
    return text


def has_hiragana(text: str) -> bool:
    """Whether the text holds hiragana: a Japanese sentence's particles and endings (a bare name
    or noun, チェン, 1週間, has none)."""
    return _KANA_LETTER.search(text) is not None


def is_japanese(text: str) -> bool:
    """True when the text is written in Japanese: kana or kanji in it, and not an English sentence
    around a Japanese name ("What did マーク・チェン say?": two English grammar words or more, and
    no hiragana, which would be Japanese grammar around English words)."""
    if _JA_SCRIPT.search(text) is None:
        return False
    if _HIRAGANA.search(text) is not None:
        return True
    words = _LATIN_WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    return sum(w in EN_STOPWORDS for w in words) < 2


class JapaneseTokenizer:
    """Content-word tokens of Japanese text: one fugashi Tagger, built once.

    The token is unidic's lemma (so いくら and 幾ら, 休み and 休む's variants meet), except for proper
    nouns and words the dictionary does not know, which keep their written base form: the lemma
    of some names is a reading or another word (東京 -> トウキョウ, チェン -> チェーン).
    """

    def __init__(self, stopwords: Iterable[str] = JA_STOPWORDS) -> None:
        self._tagger, self._lock = _shared_tagger()
        self.stopwords = frozenset(stopwords)
        # The last few texts' parses: a question is parsed for its tokens, then read again for
        # how it is put (index.form), which costs a second parse (~12 us of a ~200 us search).
        self._parsed = lru_cache(maxsize=16)(self._parse)

    def __call__(self, text: str) -> list[str]:
        return self.analyze(text)[0]

    def proper_nouns(self, text: str) -> dict[str, str]:
        """Proper-noun tokens of the text and their kind (unidic pos3: 人名, 地名, 一般...)."""
        return self.analyze(text)[1]

    def dictionary_info(self) -> list[dict[str, object]]:
        """The MeCab dictionaries in use (file name, size, version): part of index.cache's key."""
        return list(self._tagger.dictionary_info)

    def analyze(self, text: str, nouns: set[str] | None = None) -> tuple[list[str], dict[str, str]]:
        """The text's tokens and its proper nouns, from one parse; `nouns`, if given, gains the
        tokens that are nouns (not numbers: what a question is about, index.verdict)."""
        tokens: list[str] = []
        names: dict[str, str] = {}
        text = normalize(text)
        if "なに" in text:
            text = _KANA_WHAT.sub("何", text)
        spelled: list[str] = []  # a run of katakana read as letters' names: ワイ + アード
        noun_before: str | None = None
        after_te = False  # the word before is the conjunctive て / で
        for surface, pos1, pos2, pos3, lemma, orth_base in [*self._parsed(text), _END]:
            # A verb that can be subsidiary (unidic: 非自立可能) right after て / で is one: 戻って
            # きた, 求めてきた, 辞めていく, 忘れてしまった say how, not what (来る, 行く, 仕舞う). "アルトマンが
            # クビになって戻ってきた" had found line 22's 求めてきた before line 31's return.
            subsidiary = after_te and pos1 == "動詞" and pos2 == "非自立可能"
            after_te = pos2 == "接続助詞" and surface in ("て", "で")
            if pos1 == "記号" and _SPELLED.fullmatch(surface):
                spelled.append(surface)
                continue
            if spelled:
                # unidic-lite spells out a loanword it does not know ("ワイアード" as the letter Y
                # and アード, both symbols): the run is the word, kept as written.
                word = "".join(spelled)
                if len(spelled) > 1 and word not in self.stopwords:
                    tokens.append(word)
                    if nouns is not None:
                        nouns.add(word)
                spelled = []
            if not pos1:
                continue
            if pos2 == "固有名詞":
                names[_token_form(surface, pos2, lemma, orth_base)] = pos3 or "*"
            if pos1 == "接尾辞" and surface in PERSON_SUFFIXES and noun_before:
                person = noun_before + surface  # 研究 + 者
                tokens.append(person)
                if nouns is not None:
                    nouns.add(person)
            noun_before = None
            token = "" if subsidiary else self._token(surface, pos1, pos2, lemma, orth_base)
            if token:
                tokens.append(token)
                if nouns is not None and pos1 == "名詞" and pos2 != "数詞":
                    nouns.add(token)
                if pos1 == "名詞" and pos2 not in ("数詞", "固有名詞"):
                    noun_before = token  # (研究, before 者)
        return tokens, names

    def forms(self, text: str) -> list[tuple[str, str, str]]:
        """Every word of `text` (normalised): as written, its pos1 and the token it makes in this
        parse ("" for none; 休み is 休む in "休み中に何する", the noun in "休み中" alone)."""
        return [
            (surface, pos1, self._token(surface, pos1, pos2, lemma, orth_base))
            for surface, pos1, pos2, _, lemma, orth_base in self._parsed(normalize(text))
        ]

    def nodes(self, text: str) -> list[tuple[str, str, str, str]]:
        """Every word of `text` as written (not normalised): surface and unidic pos1-3."""
        return [node[:4] for node in self._parsed(text)]

    def _parse(self, text: str) -> tuple[_Node, ...]:
        """Every word of `text` as MeCab reads it: surface, pos1-3, lemma and written base form
        (None for a word the dictionary does not know)."""
        with self._lock:  # one MeCab lattice a tagger: a worker thread may parse too
            parsed = self._tagger.parse(text)
        out: list[_Node] = []
        for line in parsed.split("\n"):
            node = line.split("\t")
            if len(node) == 6:
                out.append((node[0], node[1], node[2], node[3], node[4], node[5]))
            elif len(node) == 4:  # a word the dictionary does not know: no lemma
                out.append((node[0], node[1], node[2], node[3], None, None))
        return tuple(out)  # (not the end-of-sentence line)

    def _token(
        self, surface: str, pos1: str, pos2: str, lemma: str | None, orth_base: str | None
    ) -> str:
        """The token a word makes ("" for none: not a content word, or a stopword)."""
        if pos1 not in CONTENT_POS or pos2 == "代名詞":
            return ""
        if pos1 == "名詞" and pos2 == "助動詞語幹":
            return ""
        token = _token_form(surface, pos2, lemma, orth_base)
        token = TOKEN_ALIASES.get(token, token)
        if pos1 == "動詞":
            token = transitive(token)
        return "" if token in self.stopwords else token


_Node = tuple[str, str, str, str, str | None, str | None]
_END: _Node = ("", "", "", "", None, None)  # (after the last word: a spelled-out run ends)


_TAGGER: tuple[fugashi.Tagger, threading.Lock] | None = None


def _shared_tagger() -> tuple[fugashi.Tagger, threading.Lock]:
    """One tagger a process: each maps its own copy of the dictionary (~145 MB), never released."""
    global _TAGGER
    if _TAGGER is None:
        _TAGGER = fugashi.Tagger(_NODE_FORMAT), threading.Lock()
    return _TAGGER


# MeCab writes just the fields read above, one word a line, parsed once per call: reading
# fugashi's per-word `feature` objects makes a parse 2.6 times as slow (README, Performance).
# unidic-lite's fields: pos1-3 are 0-2, lemma 7, orthBase 10; an unknown word has only 6 fields,
# hence its own format. MeCab leaves out a field starting with "*" (unidic's "none": pos3 "*"
# reads as ""; none of unidic-lite 1.0.8's 756,264 entries is a content word whose lemma or
# orthBase starts with "*"). fugashi strips the output's end, hence a non-blank last line.
# tests/test_mecab_format.py holds this to fugashi's `feature` objects.
_NODE_FORMAT = (
    r"-O '' -F '%m\t%f[0]\t%f[1]\t%f[2]\t%f[7]\t%f[10]\n' -U '%m\t%f[0]\t%f[1]\t%f[2]\n' -E 'EOS'"
)
_KATAKANA = re.compile(r"[\u30a0-\u30ff]+")
# なに written in kana after a particle, before a particle or a verb: MeCab reads "アルトマンはなにし
# てる" as はな (a nose) + に; as 何 it is the question word (not みんなに, なにげない).
_KANA_WHAT = re.compile(
    r"(?:(?<=[はがもをにでとへやの、。,\s「『(])|^)なに(?=[をがはもにかしすやっでだ?!、。]|$)"
)
_SPELLED = re.compile(r"[\u30a1-\u30fa\u30fc]+")  # katakana letters and ー, not the dot ・


def subsumed(tokens: Sequence[str]) -> list[str]:
    """A question's tokens without each noun its person compound follows (研究, 研究者 -> 研究者):
    the question names the person once, and a passage holding both is not counted twice for it
    ("メタは研究者にいくら提示した?" is the offer, line 7, not the eight researchers, line 3). The
    index keeps both: "研究" (research) still finds the researchers' passages."""
    return [
        t
        for i, t in enumerate(tokens)
        if not (i + 1 < len(tokens) and any(tokens[i + 1] == t + x for x in PERSON_SUFFIXES))
    ]


# A Japanese verb that happens (止まる, 変わる, 決まる, 上がる) is one word with the verb that makes it
# happen (止める, 変える, 決める, 上げる): "休みで引き抜き止まるの?" asks what the article says the week
# off may do (一時的に止める, line 32). The pair's regular form: a kanji, the a-row kana of the
# intransitive before る, the e-row kana of the transitive (not 分かる, "understand", and 分ける,
# "divide").
_INTRANSITIVE = re.compile(r"[\u4e00-\u9fff][かがさたなばまらわ]る")
_TO_E_ROW = str.maketrans("かがさたなばまらわ", "けげせてねべめれえ")
_UNPAIRED = frozenset(
    {"分かる", "判る", "解る", "掛かる", "懸かる", "架かる", "儲かる", "預かる", "授かる"}
)


def transitive(verb: str) -> str:
    """A verb's lemma, an intransitive of a regular pair as its transitive (止まる -> 止める)."""
    if verb in _UNPAIRED or not _INTRANSITIVE.fullmatch(verb, max(0, len(verb) - 3)):
        return verb
    return verb[:-2] + verb[-2].translate(_TO_E_ROW) + "る"


# Words unidic files under another word's lemma though they mean something else: 辞める ("quit")
# under 止める ("stop"), so "アルトマンって一回辞めてなかった?" had searched stopping and keeping
# (引き止める, 人材確保) instead of his departure (退任, line 31). They keep their written form.
OWN_SPELLING = frozenset({"辞める"})


def _token_form(surface: str, pos2: str, lemma: str | None, orth_base: str | None) -> str:
    if lemma is None:  # unknown to the dictionary (Latin words, numbers)
        return surface
    if orth_base in OWN_SPELLING:
        return orth_base
    if pos2 == "固有名詞" or _KATAKANA.fullmatch(surface):
        # A katakana word's lemma can be another word (チェン -> チェーン): keep its spelling.
        return orth_base or surface
    # unidic marks loanword lemmas with their source word: "オファー-offer"
    return lemma.split("-", 1)[0]


# English irregular verbs' past forms read as the verb, as the stemmer reads regular ones (offered
# -> offer): "how many researchers left" and "at least eight researchers have been lost" meet
# line 3 through leave / lose; paid / pay, stolen / steal (line 10). One verb a group: the verb,
# then its forms.
_IRREGULAR = """
arise arose arisen|awake awoke awoken|be was were been|bear borne|beat beaten|become became|
begin began begun|bend bent|bite bitten|bleed bled|blow blew blown|break broke broken|
breed bred|bring brought|build built|burn burnt|buy bought|catch caught|choose chose chosen|
cling clung|come came|creep crept|deal dealt|dig dug|do did done|draw drew drawn|dream dreamt|
drink drank drunk|drive drove driven|eat ate eaten|fall fallen|feed fed|feel felt|fight fought|
flee fled|fly flew flown|forbid forbade forbidden|forget forgot forgotten|
forgive forgave forgiven|freeze froze frozen|get got gotten|give gave given|go went gone|
grow grew grown|hang hung|have had|hear heard|hide hid hidden|hold held|keep kept|kneel knelt|
know knew known|lead led|lean leant|leap leapt|learn learnt|leave left|lend lent|lose lost|
make made|mean meant|meet met|mistake mistook mistaken|overcome overcame|pay paid|prove proven|
ride rode ridden|ring rang rung|rise risen|run ran|say said|see seen|seek sought|sell sold|
send sent|shake shook shaken|shine shone|shoot shot|show shown|shrink shrank shrunk|
sing sang sung|sink sank sunk|sit sat|sleep slept|slide slid|speak spoke spoken|spend spent|
spin spun|spring sprang sprung|stand stood|steal stole stolen|stick stuck|sting stung|
strike struck|strive strove striven|swear swore sworn|sweep swept|swim swam swum|swing swung|
take took taken|teach taught|tear tore torn|tell told|think thought|throw threw thrown|
understand understood|undertake undertook undertaken|wake woke woken|wear wore worn|weep wept|
win won|withdraw withdrew withdrawn|write wrote written
"""

# Participles that are as often adjectives of their own (a broken promise, a drawn face, worn out,
# a driven leader, well known): kept as their own words.
_ADJECTIVES = frozenset(
    "broken drawn worn torn driven spoken blown frozen hidden known proven sworn sunk shrunk".split()
)


def _past_forms(table: str) -> dict[str, str]:
    """Each irregular verb's past and past participle -> the verb (left, lost, paid, stolen)."""
    forms: dict[str, str] = {}
    for entry in table.replace("\n", " ").split("|"):
        verb, *written = entry.split()
        forms.update((w, verb) for w in written if w not in _ADJECTIVES)
    return forms


IRREGULAR = _past_forms(_IRREGULAR)


class EnglishTokenizer:
    """Stemmed English content words: a word regex, stopwords, the Snowball English stemmer."""

    def __init__(self, stopwords: Iterable[str] = EN_STOPWORDS) -> None:
        self._stemmer = Stemmer.Stemmer("english")
        self.stopwords = frozenset(stopwords)

    def __call__(self, text: str) -> list[str]:
        stop = self.stopwords  # as written or as its verb (told: tell; thought, not think)
        words = [IRREGULAR.get(w, w) for w in _english_words(text) if w not in stop]
        words = [w for w in words if w not in stop]
        return [w for w in self._stemmer.stemWords(words) if w]

    def words(self, text: str) -> list[str]:
        """Every word of the text, stemmed, but its stopwords kept as written, so that a phrase
        ("step down", "time out": index.wordnet) is found before stopwords are dropped."""
        words = _english_words(text)
        verbs = [IRREGULAR.get(w, w) for w in words]
        stems = self._stemmer.stemWords(verbs)
        return [
            w if w in self.stopwords or v in self.stopwords else s
            for w, v, s in zip(words, verbs, stems, strict=True)
        ]


def _english_words(text: str) -> list[str]:
    # (a typographic apostrophe as the plain one: "where’d" is "where'd", not "where" and "d")
    text = normalize(text).replace("\u2019", "'")
    text = _EN_AMOUNT.sub(lambda m: f"{m[1]} {_AMOUNT_WORDS[m[2] or m[3]]}", text)
    return [w.replace("'s", "") for w in _EN_WORD.findall(text)]
