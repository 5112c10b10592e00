"""Errors whose message is safe to show to a user, in Japanese or English.

Adapters turn them into a short reply (ephemeral on Discord); anything else is a bug and is logged.
"""

from __future__ import annotations


class BotError(Exception):
    """Base class: a short message, in both reply languages, that a user can act on."""

    def __init__(self, en: str, ja: str | None = None) -> None:
        super().__init__(en)
        self.en = en
        self.ja = ja or en

    def message(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


class QuestionError(BotError):
    """The question cannot be answered as written: empty, too long, no words."""


class NotFoundError(BotError):
    """A paragraph, article or section the user named does not exist."""


class CommandError(BotError):
    """A console line names no command, or a command with arguments it does not take."""


class CooldownError(BotError):
    """The user asked too often; `retry_after` seconds until the next question is taken."""

    def __init__(self, retry_after: float) -> None:
        seconds = max(1, round(retry_after + 0.5))
        super().__init__(
            f"You're asking quickly: please wait {seconds} s before the next question.",
            f"質問の間隔が短すぎます。{seconds}秒後にもう一度どうぞ。",
        )
        self.retry_after = retry_after


class NoThreadError(BotError):
    """The bot may not start a thread here (Create Public Threads is not granted)."""

    def __init__(self) -> None:
        super().__init__(
            "I cannot open a thread here: ask the server's admins to grant me Create Public "
            "Threads. You can still ask with /ask.",
            "ここではスレッドを作れません(スレッド作成の権限がありません)。/ask で質問はできます。",
        )


class ExpiredError(BotError):
    """A button refers to an answer that is no longer on record."""

    def __init__(self) -> None:
        super().__init__(
            "This answer is no longer on record: please ask again with /ask.",
            "この回答の記録が残っていません。/ask でもう一度質問してください。",
        )


class ConfigError(BotError):
    """A setting in the environment or `.env` is invalid (for the person running the bot)."""
