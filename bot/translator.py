"""Japanese names and descriptions for the slash commands, through discord.py's Translator.

Every `locale_str` the commands use is a key here; a test checks that none is missing and that
each name is one Discord accepts.
"""

from __future__ import annotations

from discord import Locale, app_commands

JA: dict[str, str] = {
    # command names and their one-line docstrings
    "ask": "質問",
    "Ask a question about the article": "記事について質問する",
    "passage": "段落",
    "Read a paragraph of the article with the ones around it": "記事の段落を前後と合わせて読む",
    "article": "記事",
    "Show the article's title, sections and how to ask": (
        "記事のタイトル・セクション・質問のしかたを表示する"
    ),
    "help": "ヘルプ",
    "How to use this bot": "このボットの使い方",
    "summary": "要約",
    "Summarize the article in its own quoted sentences": "記事を記事自身の文の引用で要約する",
    # parameters
    "question": "質問文",
    "What you want to know, in Japanese or English": "知りたいこと(日本語または英語)",
    "lang": "言語",
    "Reply language (default: the question's language)": "回答の言語(既定: 質問の言語)",
    "Reply language (default: your Discord language)": "回答の言語(既定: Discord の表示言語)",
    "number": "行番号",
    "The paragraph's line number, as in a citation's 'line 7'": (
        "段落の行番号(出典の「7行目」の数字)"
    ),
    "Which article (only needed when there are several)": "どの記事か(複数あるときのみ)",
    "length": "長さ",
    "How long: about 3, 5 or 10 sentences": "長さ: 約3文・5文・10文",
    "section": "セクション",
    "Summarize one section only": "このセクションだけを要約する",
    "topic": "トピック",
    "Focus on a topic, in Japanese or English": "このトピックを中心に要約する(日本語または英語)",
    # choices
    "Japanese": "日本語",
    "English": "英語",
    "short (about 3 sentences)": "短め(約3文)",
    "medium (about 5 sentences)": "標準(約5文)",
    "long (about 10 sentences)": "長め(約10文)",
}


class Translator(app_commands.Translator):
    async def translate(
        self,
        string: app_commands.locale_str,
        locale: Locale,
        context: app_commands.TranslationContextTypes,
    ) -> str | None:
        if locale is Locale.japanese:
            return JA.get(string.message)
        return None  # discord.py then sends the English string as it is


def ja(text: str) -> str:
    """The Japanese for a command string, or the string itself (for /help)."""
    return JA.get(text, text)
