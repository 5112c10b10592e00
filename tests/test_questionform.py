"""A question however it is written (capitals, title case, a word shouted in capitals, full-width
letters, laughter and emphasis at the end, a channel's fillers such as "tbh" or "rn", a Japanese
name in an English question) is the same question as its plain form: the same
passages, the same verdict, the reply in the same language."""

from __future__ import annotations

import pytest

from bot.answer import compose
from index import Library
from index.questionform import plain, questions_in
from index.tokenize import is_japanese

VARIANTS = [
    ("How much did Meta offer?", "HOW MUCH DID META OFFER?"),
    ("How much did Meta offer?", "ＨＯＷ ＭＵＣＨ ＤＩＤ ＭＥＴＡ ＯＦＦＥＲ？"),
    ("How much did Meta offer?", "How much did Meta offer?!!!"),
    ("How much did Meta offer?", "How much did Meta offer? lol"),
    ("Why is OpenAI shutting down for a week?", "WHY IS OPENAI SHUTTING DOWN FOR A WEEK???"),
    ("What did Mark Chen say?", "What did マーク・チェン say?"),
    ("Who is Mark Chen?", "Who is マーク・チェン?"),
    ("What did Elon Musk say?", "What did イーロン・マスク say?"),
    ("OpenAIはなんで1週間も休むことにしたの?", "ＯｐｅｎＡＩはなんで１週間も休むことにしたの？"),
    ("OpenAIはなんで1週間も休むことにしたの?", "OpenAIはなんで1週間も休むことにしたの?笑"),
    ("OpenAIはなんで1週間も休むことにしたの?", "OpenAIはなんで1週間も休むことにしたの(笑)"),
    ("OpenAIはなんで1週間も休むことにしたの?", "OpenAIはなんで1週間も休むことにしたのｗｗｗ"),
    ("OpenAIはなんで1週間も休むことにしたの?", "OpenAIはなんで1週間も休むことにしたの!!!草"),
    (
        "チェンは報酬の見直しについて何か言ってましたか?",
        "チェンは報酬の見直しについて何か言ってましたか?w",
    ),
    (
        "チェンは報酬の見直しについて何か言ってましたか?",
        "ﾁｪﾝは報酬の見直しについて何か言ってましたか?",
    ),
    # Title case, a word shouted in capitals, and the words a channel adds around a question.
    ("How much did Meta offer?", "How Much Did Meta Offer?"),
    ("Will OpenAI adjust salaries?", "Will OpenAI ADJUST salaries?"),
    ("Is the time off really about recharging?", "Is the time off REALLY about recharging?"),
    ("How much did Meta offer?", "ngl how much did Meta offer tho"),
    ("How much did Meta offer?", "how much did Meta offer rn?? pls"),
    ("How much did Meta offer?", "omg btw how much did Meta offer, idk"),
    ("How much did Meta offer?", "hey bot, How much did Meta offer?"),  # "How" is no name
    ("Why did OpenAI shut down?", "I'm confused, why did OpenAI shut down?"),
    ("Why did OpenAI shut down?", "i still don't get why did OpenAI shut down?"),
    ("How much did Meta offer?", "im curious - how much did Meta offer?"),
    # a greeting, an indirect question's wrapper, a filler at the end: "who is X" still reads as
    # one (the introduction, line 9-10, had lost to line 13 for each of these)
    ("Who is Mark Chen?", "yo who is mark chen"),
    ("Who is Mark Chen?", "hey guys, who is mark chen"),
    ("Who is Mark Chen?", "anyone know who is mark chen?"),
    ("Who is Mark Chen?", "can you tell me who is Mark Chen"),
    ("Who is Mark Chen?", "idk, who is mark chen pls"),
    ("Who is Mark Chen?", "who is mark chen 👀✨"),  # an emoji after it
    ("What is Chen's title?", "anyone know whats chen's title"),
    ("メタはいくら出したの?", "メタはいくら出したの草"),
    ("メタはいくら出したの?", "すみません、メタはいくら出したの?"),
    ("チェンって誰?", "ちぇんって誰?"),  # a name typed in hiragana (Library.respelled)
    ("ザッカーバーグは何をしたの?", "ざっかーばーぐは何をしたの?"),
    ("サイドクエストって何のこと?", "サイドクエストって何のことw"),
    # An interjection or a chat intensifier says nothing of what is asked (ねえ, なあ, ちょっと, めっちゃ).
    (
        "チェンは仲間を引き抜かれたことを何に例えてましたか?",
        "ねえ、チェンは仲間を引き抜かれたことを何に例えてましたか?",
    ),
    ("メタはいくら出したの?", "なあ、メタってめっちゃいくら出したの?"),
    ("メタはいくら出したの?", "ちょっとメタはいくら出したの?"),
    # A channel's spellings (index.questionform.CHAT_SPELLINGS).
    ("Why is OpenAI shutting down for a week?", "y is openai shutting down for a wk"),
    ("How many people did Meta poach?", "how many ppl did meta poach"),
    ("What did Chen say about Meta?", "wat did chen say abt meta"),
    ("How many hours a week do they work?", "how many hrs a wk do they work"),
    ("Are they changing salaries?", "r they changing salaries"),
    # Typos of the rendering's words (Library.respelled).
    ("How much did Meta offer?", "how much did meta offfer"),
    ("What did Zuckerberg do?", "what did zuckerburg do"),
    ("How many researchers left?", "how many reserchers left"),
    ("What does the Slack message say?", "what does the slak message say"),
    ("ザッカーバーグは何をしたの?", "ザッカバーグは何をしたの?"),
    ("アルトマンは何してる?", "アルトマソは何してる?"),
    # an English short form in a Japanese question
    ("ザッカーバーグは何してる?", "zuckは何してる?"),
    # a label before the question
    ("What did Chen say about Meta?", "question: what did chen say about meta?"),
    ("Why is OpenAI shutting down for a week?", "quick q - why is openai shutting down for a week"),
    ("メタはいくら出したの?", "質問です、メタはいくら出したの?"),
    # a call or a hesitation before a Japanese question (not ねえさん: a separator follows)
    ("チェンの役職なに?", "ねえ、チェンの役職なに?"),
    ("メタって何人引き抜いたの?", "えっと、メタって何人引き抜いたの?"),
    ("メタが勝ったらどうなる", "ちな、メタが勝ったらどうなる"),  # (ちなみに)
    # a reaction to the last answer marked off before the question (not やばいオファー: no mark)
    ("それで士気は?", "やば、それで士気は?"),
    ("モチベは大丈夫なん", "えぐ…モチベは大丈夫なん"),
    ("モチベ大丈夫なん", "やば😇 モチベ大丈夫なん"),
    ("やばいオファーって何", "やばいオファーって何"),
    ("also where did it leak", "oh also where did it leak"),
    (
        "社員ってどれくらい働かされてるの",
        "まじで社員ってどれくらい働かされてるの",
    ),  # an intensifier
    # how the asker feels, and an indirect question's wrapper at a Japanese question's end
    ("メタはいくら提示したの?", "メタはいくら提示したのか気になる"),
    ("メタはいくら提示したの?", "気になるんだけど、メタはいくら提示したの?"),
    ("アルトマンって誰?", "アルトマンって誰って知ってる?"),
    ("チェンって誰?", "チェンって誰か教えて"),
    ("役員も休むの?", "役員も休むのか誰かわかる?"),  # (a "who" asked: the CEO, line 31)
    # the bot called by name, spaces doubled, a second line, a courtesy after the question
    ("メタは何人引き抜いたの?", "ねえbot、メタは何人引き抜いたの?"),
    ("チェンって誰?", "bot、チェンって誰?"),
    ("How many researchers did Meta poach?", "how  many  researchers  did  meta  poach"),
    ("メタは何人引き抜いたの?", "メタは何人引き抜いたの?\nよろしく"),
    ("メタはいくら出したの?", "メタはいくら出したの?よろしくお願いします!"),
    ("Why is OpenAI shutting down for a week?", "why is openai shutting down for a week?\nthanks"),
    # a label asking for an answer, "tell me" before a yes/no question, a
    # Japanese label closed by 。, a vowel drawn out before the mark, a Japanese question typed
    # without its mark (a yes/no one is marked by nothing else)
    ("Who is Mark Chen?", "pls answer: who is mark chen"),
    (
        "Will the shutdown stop the poaching?",
        "can someone tell me will the shutdown stop the poaching",
    ),
    ("メタは何人引き抜いたの?", "質問です。メタは何人引き抜いたの?"),
    ("役員は休まないってマジ?", "役員は休まないってマジー？"),
    ("この休みで流出止まる?", "この休みで流出止まる"),
    ("役員も一緒に休むん?", "役員も一緒に休むん"),
    ("この休みって急に決まったやつ?", "この休みって急に決まったやつ。"),
]


@pytest.mark.parametrize(("question", "variant"), VARIANTS)
def test_a_variant_form_is_the_same_question(library: Library, question: str, variant: str) -> None:
    # fallback_lang="ja": the language must come from the question, not from the default.
    expected = compose(library, question, fallback_lang="ja")
    answer = compose(library, variant, fallback_lang="ja")
    assert [q.citation for q in answer.quotes] == [q.citation for q in expected.quotes]
    assert (answer.lang, answer.answered) == (expected.lang, expected.answered)
    assert library.search(variant).lang == library.search(question).lang


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("HOW MUCH DID META OFFER?", "How much did meta offer?"),
        ("ＨＯＷ　ＭＵＣＨ？", "How much?"),
        ("メタはいくら出したの?笑", "メタはいくら出したの?"),
        ("メタはいくら出したのwww", "メタはいくら出したの"),
        ("How did OpenAI react?", "How did OpenAI react?"),  # the w of "how" is a letter
        ("What is the new law", "What is the new law"),
        ("薬草", "薬草"),  # 草 is laughter only after punctuation, laughter or kana
        ("いくら出したの草", "いくら出したの"),
        ("What Did Chen Say About Meta?", "What did chen say about meta?"),
        ("What did Chen say about Meta?", "What did Chen say about Meta?"),
        ("Sam Altman?", "Sam Altman?"),  # two capitalised words: names, not title case
        ("y r ppl leaving", "why are people leaving"),
        ("Y tho", "Why"),  # (tho: a filler after it)
        ("hey there", "hey there"),  # a greeting alone stays one (bot.answer.social)
        ("So what's the main quest?", "So what's the main quest?"),  # "so" leans on the last turn
        ("WAT R THEY DOING", "What are they doing"),
        ("paid w/o work?", "paid without work?"),
        ("What is R?", "What is R?"),  # a capital R inside a question is a name
        ("msgs b4 the leak", "messages before the leak"),
        ("what if meta dms you", "what if meta messages you"),  # not a name the article lacks
        ("wats openai doin about it", "whats openai doing about it"),  # (a dropped g)
        ("hw many ppl left", "how many people left"),
        ("and hes working with who", "and he's working with who"),  # (he: it points back)
        ("thats why theyre leaving?", "that's why they're leaving?"),
        ("what happens to ai dev", "what happens to ai development"),
        ("why not just take pto", "why not just take paid time off"),
        # saying the topic changes is not the question
        ("diff q: tldr the ending", "tldr the ending"),
        ("unrelated but how big were the offers", "how big were the offers"),
        ("話変わるけど、社員って週何時間働いてるの?", "社員って週何時間働いてるの?"),
        ("other thing, is openai paying people more", "is openai paying people more"),
        ("another thing to ask is the pay", "another thing to ask is the pay"),  # (its words)
        ("off topic but who is chen", "who is chen"),
        ("別件だけど、チェンって誰", "チェンって誰"),
        # a channel's plea and openers around the question
        (
            "what is sam altman doing about all this pls help",
            "what is sam altman doing about all this",
        ),
        ("why is morale tanking or nah", "why is morale tanking"),
        ("wdym two day weekend, thats for everybody?", "two day weekend, that's for everybody?"),
        ("main quest side quest thing, wdym", "main quest side quest thing"),
        ("ngl is openai cooked", "is openai cooked"),
        ("is it for resting or smth else lowkey", "is it for resting or something else"),
        ("real quick, how does chen feel", "how does chen feel"),
        ("help: what is sam altman doing", "what is sam altman doing"),
        ("did leaders offer help", "did leaders offer help"),  # help asked of: a word of it
        ("pls help", "pls help"),
        ("i wanna know whats chen's title", "whats chen's title"),
        ("who is sam altman bro", "who is sam altman"),
        ("座標 (x, y, z) で R とすると?", "座標 (x, y, z) で R とすると?"),
        # where the asker heard it is not asked ("my" is not the asker's own affairs here)
        ("my friend says zuckerberg is recruiting, true?", "zuckerberg is recruiting, true?"),
        ("I read that openai is closing for a week, why?", "openai is closing for a week, why?"),
        ("question: why?", "why?"),
        ("my boss said", "my boss said"),  # nothing after it: left as it is
        ("Barr's r&d", "Barr's r&d"),
        ("メタがいくら出したか気になるんだけど", "メタがいくら出した"),
        ("メタって何人引き抜いたかわかる?", "メタって何人引き抜いた?"),
        ("面白い映画教えて", "面白い映画教えて"),  # a recommendation asked: no wrapper
        ("これ知ってる?", "これ知ってる?"),
        # asked of the channel: its 誰か is someone, not a "who" asked
        ("役員も休むのか誰かわかる?", "役員も休む?"),
        ("アルトマンはこの件で何してるの知ってる人いる?", "アルトマンはこの件で何してる?"),
        ("アルトマンって誰か知ってる?", "アルトマンって誰?"),  # here it is the "who"
        ("知ってる人いる?", "知ってる人いる?"),  # nothing before it: left as it is
        ("なあなあ、これ何の記事?", "これ何の記事?"),
        ("ねえさんの話", "ねえさんの話"),  # a word, not a call: no separator after it
        ("まじで80時間?", "80時間?"),  # an answer's echo, doubted: still an echo
        ("えっ1億ドル?", "1億ドル?"),
        ("はい、わかりました", "はい、わかりました"),  # (は is a "huh?" only before a mark)
        ("whoa, 100 million?", "100 million?"),
        ("wow", "wow"),  # alone it stays (bot.answer.social)
        ("ねえ", "ねえ"),  # a call alone stays one
        ("ねえbot、チェンって誰?", "チェンって誰?"),
        ("ボットくん、チェンって誰?", "チェンって誰?"),
        ("bot", "bot"),
        ("bot: who is chen", "who is chen"),
        ("bot accounts on x, how many?", "bot accounts on x, how many?"),  # a word of it
        # laughter stretched, an apology, curiosity or a request to ask before, thanks after
        ("why is openai closing lmaooo", "why is openai closing"),
        ("who is chen hahahah", "who is chen"),
        ("who is chen xD", "who is chen"),
        ("is it hehe", "is it"),
        ("how lol", "how"),
        ("sorry if this was asked already, who is chen", "who is chen"),
        ("genuinely curious, who is chen", "who is chen"),
        ("dumb question but who is chen", "who is chen"),
        ("who is chen, thanks in advance", "who is chen"),
        ("who is chen? ty", "who is chen?"),
        ("sorry", "sorry"),
        ("thanks", "thanks"),
        ("既出だったらごめん、チェンって誰?", "チェンって誰?"),
        ("質問！チェンって誰?", "チェンって誰?"),
        ("すみません、チェンって誰?", "チェンって誰?"),
        ("ちょっと聞きたいんだけど、チェンって誰?", "チェンって誰?"),
        ("メタは何人 よろしく", "メタは何人"),
        ("どうしてありがとうって言うの", "どうしてありがとうって言うの"),
        ("質問です", "質問です"),
        # a request to the channel after the question, a face drawn, an emoji before, quotes around
        ("メタは何人引き抜いたの、誰か教えて", "メタは何人引き抜いたの?"),
        ("メタは何人?わかる人いる?", "メタは何人?"),
        ("メタは何人引き抜いたの(´・ω・`)", "メタは何人引き抜いたの"),
        ("チェンの役職(CRO)", "チェンの役職(cro)"),  # a word, not a face
        ("🤔 why is openai closing", "why is openai closing"),
        ('"why is openai closing"', "why is openai closing"),
        ("「チェンって誰?」", "チェンって誰?"),
        ('"hi" means what', '"hi" means what'),
        ("how  many\tresearchers\n left", "how many researchers left"),
        ("メタは何人?\nよろしく", "メタは何人?"),
        ("チェンって誰?ありがとう!", "チェンって誰?"),
        ("よろしくお願いします", "よろしくお願いします"),  # alone it stays (bot.answer.social)
        ("お願いします", "お願いします"),
        ("pls answer: who is chen", "who is chen"),
        ("question: my friend says chen quit", "chen quit"),  # (a label, then who said it)
        ("質問です。チェンって誰?", "チェンって誰?"),
        ("チェンって誰ー？", "チェンって誰?"),
        ("マジー？", "マジ?"),
        ("リーダー?", "リーダー?"),  # a word's own long vowel stays
        # thanks for the last answer, marked off before the next question
        ("thanks! what else?", "what else?"),
        ("ty. why?", "why?"),
        ("thanks for the help", "thanks for the help"),
        ("great work", "great work"),
        ("ありがと、で他には?", "で他には?"),
        # the same thanks words before a question as after one
        ("tysm! why?", "why?"),
        ("あざす、で他には?", "で他には?"),
        ("チェンって誰?ありがと!", "チェンって誰?"),
        ("who is chen? thank u", "who is chen?"),
    ],
)
def test_plain(question: str, expected: str) -> None:
    assert plain(question) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("What did マーク・チェン say?", False),
        ("Who is マーク・チェン?", False),
        ("「マーラーの奴、恥を知れ！(Shame on a man like Mahler!)」といったのは", True),
        ("American Society for Testing Materials日本語", True),
        ("Metaのofferはいくら?", True),
        ("OpenAI 休暇 理由", True),
        ("メタ CEO", True),
    ],
)
def test_an_english_sentence_around_a_japanese_name_is_english(text: str, expected: bool) -> None:
    assert is_japanese(text) is expected


@pytest.mark.parametrize(
    ("message", "questions"),
    [
        (
            "why is openai shutting down and how much did meta offer",
            ["why is openai shutting down", "how much did meta offer"],
        ),
        (
            "why is it closing? and what did chen say",
            ["why is it closing?", "and what did chen say"],
        ),
        (
            "メタはいくら出したの?それとチェンは何て言ってた?",
            ["メタはいくら出したの?", "それとチェンは何て言ってた?"],
        ),
        (
            "なんで休むの、あとメタは何人引き抜いたの",
            ["なんで休むの", "あとメタは何人引き抜いたの"],
        ),
        # one question: "and" inside it, marks at its end only
        ("salt and pepper?!", ["salt and pepper?!"]),
        ("what did meta and openai do", ["what did meta and openai do"]),
        ("ほんとに??", ["ほんとに??"]),
    ],
)
def test_questions_in_a_message(message: str, questions: list[str]) -> None:
    assert questions_in(message) == questions
