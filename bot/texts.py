"""What the bot says, in Japanese and English: one table, so the two languages stay in step."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "answered": "Here is what the article says:",
        "about": "(about: {context})",
        "not_answered": "The article does not answer this question.",
        "closest": "Closest match (not an answer):",
        "related": "The article does not say exactly. The closest it comes is:",
        "off_topic_one": "That is not something the article covers: it is about “{title}”.",
        "off_topic_many": "That is not something these {n} articles cover: {titles}.",
        "off_topic_how": "Ask me about it, or try /summary for an overview.",
        "about_one": "“{title}”",
        "about_many": "these {n} articles",
        "social_thanks": "You're welcome! Ask me anything else about {about}.",
        "social_greeting": (
            "Hi! I answer questions about {about} by quoting it. Ask me anything about it, "
            "or try /summary for an overview."
        ),
        "social_ack": "👍 Ask me anything else about {about}, or try /summary for an overview.",
        "social_bye": "Bye! Ask me about {about} any time.",
        "social_sorry": (
            "Sorry it missed. Could you ask it another way? The 👎 under an answer tells us which "
            "quote missed."
        ),
        "social_help": (
            "I answer questions about {about} by quoting it, with a source for every quote, in "
            "Japanese or English. Ask me anything about it; /summary gives an overview and /help "
            "lists the commands."
        ),
        "list_sep": ", ",
        "closer": "Other passages (not answers):",
        "more": "More passages (results {first}–{last}):",
        "try_summary": "For an overview of the article, try /summary.",
        "original": "Original",
        "no_rendering": "(no English rendering of this paragraph; the original Japanese)",
        "pointer": "… full paragraph: /passage {line}",
        "sources": "Sources",
        "sources_of": "Sources: “{title}”",
        "source_title": "“{title}”, ",
        "source_section": " · § {section}",
        "line": "line {first}",
        "lines": "lines {first}–{last}",
        "footer": "/passage <line> shows a paragraph in context · /summary gives an overview",
        "context_title": "“{title}”, {where}",
        "context_lead": "The paragraph at {where} (marked ▶) with the paragraphs around it.",
        "context_prev": "previous: /passage {line}",
        "context_next": "next: /passage {line}",
        "article_lead": "{passages} passages in {sections} sections.",
        "article_sections": "Sections:",
        "article_section": "• {text} (line {line})",
        "article_how": (
            "Ask with /ask, mention me or send me a DM. /passage <line> shows a paragraph, "
            "/summary gives an overview."
        ),
        "articles_title": "Articles",
        "articles_item": "• {title} ({passages} passages): article:{doc}",
        "articles_how": "Pick one with the article option of /article, /passage or /summary.",
        "help_title": "How to use this bot",
        "help_lead": (
            "I answer questions about a Japanese news article by quoting it, with a source for "
            "every quote. Ask in Japanese or English."
        ),
        "help_commands": "Commands:",
        "help_more": (
            "You can also mention me with a question, or send me a DM. Under each answer: "
            "'More passages', a 日本語 / English toggle and 👍 / 👎 to tell whether it helped."
        ),
        "help_console": (
            "Console: type a question, or /passage <line> [ja|en], /article, /summary "
            "[short|medium|long], /lang ja|en|auto, /help, /quit."
        ),
        "summary_title": "Summary of “{title}”",
        "summary_section_title": "Summary of “{title}”, § {section}",
        "summary_lead": "The article's key sentences, quoted in its order:",
        "summary_topic": "Sentences about “{topic}”:",
        "summary_off_topic": (
            "The article says nothing on “{topic}”; here is a general summary instead:"
        ),
        "summary_footer": "/passage <line> shows a sentence's paragraph in context",
        "apology": "Sorry, something went wrong on my side. Please try again later.",
        "bad_value": "That value is not valid here: please check the option and try again.",
        "thanks_up": "Thanks: glad it helped. 👍",
        "thanks_down": "Thanks: noted that it did not help. 👎",
        "button_more": "More passages",
        "button_thread": "Follow up in a thread",
        "thread_opened": "Ask your follow-up questions in {thread}.",
        "button_lang": "日本語",
        "empty_mention": "Ask me a question about the article, e.g. “How much did Meta offer?”",
    },
    "ja": {
        "answered": "記事には次のようにあります。",
        "about": "(「{context}」を受けて)",
        "not_answered": "この記事には、この質問の答えは見当たりません。",
        "closest": "最も近い箇所(答えではありません):",
        "related": "記事にはそのとおりのことは書かれていません。いちばん近いのは次の箇所です。",
        "off_topic_one": "その質問は記事の話題から外れています。この記事は『{title}』についての記事です。",
        "off_topic_many": "その質問はこの{n}本の記事の話題から外れています: {titles}",
        "off_topic_how": "記事について質問するか、/summary で要点を読んでください。",
        "about_one": "『{title}』",
        "about_many": "この{n}本の記事",
        "social_thanks": "どういたしまして。{about}について、ほかにも何でも聞いてください。",
        "social_greeting": (
            "こんにちは。{about}についての質問に、記事を引用して答えます。何でも聞いてください。"
            "/summary で要約も読めます。"
        ),
        "social_ack": "👍 {about}について、ほかにも何でも聞いてください。/summary で要約も読めます。",
        "social_bye": "またどうぞ。{about}について、いつでも聞いてください。",
        "social_sorry": (
            "外れてしまい、すみません。別の言い方で聞いてみてください。回答の下の 👎 で、"
            "外れた引用を知らせられます。"
        ),
        "social_help": (
            "{about}についての質問に、記事を引用し出典を添えて、日本語か英語で答えます。"
            "何でも聞いてください。/summary で要約、/help でコマンドの一覧を表示します。"
        ),
        "list_sep": "、",
        "closer": "ほかの箇所(答えではありません):",
        "more": "ほかの箇所({first}〜{last}件目):",
        "try_summary": "記事の要点は /summary で読めます。",
        "original": "原文",
        "no_rendering": "(この段落には英訳がないため原文のまま)",
        "pointer": "…(全文は /passage {line})",
        "sources": "出典",
        "sources_of": "出典: 『{title}』",
        "source_title": "『{title}』 ",
        "source_section": " ・ §{section}",
        "line": "{first}行目",
        "lines": "{first}〜{last}行目",
        "footer": "/passage <行番号> で段落を前後と合わせて読めます ・ /summary で要約",
        "context_title": "『{title}』 {where}",
        "context_lead": "{where}の段落(▶)とその前後です。",
        "context_prev": "前の段落: /passage {line}",
        "context_next": "次の段落: /passage {line}",
        "article_lead": "全{passages}段落・{sections}セクションの記事です。",
        "article_sections": "セクション:",
        "article_section": "• {text}({line}行目)",
        "article_how": (
            "/ask で質問するか、メンションや DM で話しかけてください。/passage <行番号> で段落を、"
            "/summary で要約を表示します。"
        ),
        "articles_title": "記事一覧",
        "articles_item": "• {title}({passages}段落): article:{doc}",
        "articles_how": "/article・/passage・/summary の article オプションで記事を選べます。",
        "help_title": "使い方",
        "help_lead": (
            "日本語のニュース記事について、記事を引用し出典を添えて答えます。"
            "日本語でも英語でも質問できます。"
        ),
        "help_commands": "コマンド:",
        "help_more": (
            "メンションや DM で質問することもできます。回答の下には「ほかの箇所」、"
            "日本語 / English の切り替え、役に立ったかを伝える 👍 / 👎 があります。"
        ),
        "help_console": (
            "コンソール: 質問を入力するか、/passage <行番号> [ja|en]、/article、/summary "
            "[short|medium|long]、/lang ja|en|auto、/help、/quit。"
        ),
        "summary_title": "『{title}』の要約",
        "summary_section_title": "『{title}』 §{section} の要約",
        "summary_lead": "記事の要となる文を、記事の順に引用します。",
        "summary_topic": "「{topic}」についての文:",
        "summary_off_topic": (
            "記事には「{topic}」についての記述がありません。代わりに全体の要約です:"
        ),
        "summary_footer": "/passage <行番号> でその文の段落を前後と合わせて読めます",
        "apology": "すみません、こちらで問題が起きました。しばらくしてからもう一度お試しください。",
        "bad_value": "その値は使えません。オプションを確かめてもう一度どうぞ。",
        "thanks_up": "ありがとうございます。お役に立ててよかったです。👍",
        "thanks_down": "ありがとうございます。役に立たなかったことを記録しました。👎",
        "button_more": "ほかの箇所",
        "button_thread": "スレッドで続けて質問",
        "thread_opened": "{thread} で続けて質問できます。",
        "button_lang": "English",
        "empty_mention": "記事について質問してください。例:「メタは研究者にいくら提示した?」",
    },
}


def t(lang: str, key: str, **values: object) -> str:
    table = TEXTS["ja" if lang == "ja" else "en"]
    return table[key].format(**values) if values else table[key]


def where(lang: str, lines: tuple[int, int]) -> str:
    """'line 7' / '7行目', or a range."""
    first, last = lines
    return (
        t(lang, "line", first=first) if first == last else t(lang, "lines", first=first, last=last)
    )


def lang_of_locale(locale: object, default: str = "en") -> str:
    """ja for a Japanese Discord locale (or a 'ja_JP' string), en for others, default for none."""
    if locale is None:
        return default
    value = str(getattr(locale, "value", locale))
    return "ja" if value.lower().startswith("ja") else "en"
