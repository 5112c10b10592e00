"""The buttons under an answer: more passages, 日本語 / English, 👍 / 👎.

Each button's state (question id, results offset, language) lives in its custom_id, and the
question itself in the records database, so the buttons keep working after a restart: the bot
registers these DynamicItem classes at start (`add_dynamic_items` in `setup_hook`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, cast

import discord

from .answer import Answer, compose
from .conversation import turn_of
from .errors import CooldownError, ExpiredError, NoThreadError
from .interactions import handle_error, message_kwargs, send
from .records import StoredQuestion
from .render import answer_reply, notice, own_notice
from .texts import t

if TYPE_CHECKING:
    from .client import QABot

_STATE = r"(?P<qid>\d{1,18}):(?P<offset>\d{1,3}):(?P<lang>ja|en)"


def answer_view(question_id: int, answer: Answer, thread: bool = False) -> discord.ui.View:
    """The buttons for an answer stored under `question_id`; with `thread`, one to follow it up
    in a thread."""
    view = discord.ui.View(timeout=None)
    if answer.more:
        view.add_item(MoreButton(question_id, answer.next_offset, answer.lang))
    view.add_item(LangButton(question_id, answer.offset, "en" if answer.lang == "ja" else "ja"))
    if answer.quotes:
        view.add_item(VoteButton(question_id, answer.offset, answer.lang, 1))
        view.add_item(VoteButton(question_id, answer.offset, answer.lang, -1))
    if thread:
        view.add_item(ThreadButton(question_id, answer.offset, answer.lang))
    return view


class _StateButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"qa:_:" + _STATE):
    """Shared parsing and error handling; subclasses set `action` and their own template."""

    action = "_"

    def __init__(self, qid: int, offset: int, lang: str, button: discord.ui.Button[Any]) -> None:
        super().__init__(button)
        self.qid, self.offset, self.lang = qid, offset, lang

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> _StateButton:
        return cls(int(match["qid"]), int(match["offset"]), match["lang"])  # type: ignore[call-arg]

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        interaction.extras["action"] = f"button {self.action}"
        interaction.extras["lang"] = self.lang
        try:
            await self.run(interaction, cast("QABot", interaction.client))
        except Exception as e:  # the buttons' errors go through the same handler as the commands'
            await handle_error(interaction, e)

    async def run(self, interaction: discord.Interaction[Any], bot: QABot) -> None:
        raise NotImplementedError

    def answer(self, bot: QABot) -> Answer:
        """The stored question's answer again, in its conversation's context if it had one."""
        return compose(
            bot.library,
            self.stored(bot).question,
            lang=self.lang,
            offset=self.offset,
            previous=bot.conversations.previous_of(self.qid),
        )

    def stored(self, bot: QABot) -> StoredQuestion:
        question = bot.records.question(self.qid)
        if question is None:
            raise ExpiredError()
        return question


class MoreButton(_StateButton, template=r"qa:more:" + _STATE):
    """The next results for the same question, shown to the one who asked for them."""

    action = "more"

    def __init__(self, qid: int, offset: int, lang: str) -> None:
        button: discord.ui.Button[Any] = discord.ui.Button(
            label=t(lang, "button_more"),
            emoji="📄",
            style=discord.ButtonStyle.secondary,
            custom_id=f"qa:more:{qid}:{offset}:{lang}",
        )
        super().__init__(qid, offset, lang, button)

    async def run(self, interaction: discord.Interaction[Any], bot: QABot) -> None:
        wait = bot.cooldown.hit(interaction.user.id)
        if wait:
            raise CooldownError(wait)
        answer = self.answer(bot)
        reply = answer_reply(answer)
        await interaction.response.send_message(
            ephemeral=True, **message_kwargs(reply, answer_view(self.qid, answer))
        )


class LangButton(_StateButton, template=r"qa:lang:" + _STATE):
    """The same answer in the other language, in place."""

    action = "lang"

    def __init__(self, qid: int, offset: int, lang: str) -> None:
        button: discord.ui.Button[Any] = discord.ui.Button(
            label="English" if lang == "en" else "日本語",
            emoji="🌐",
            style=discord.ButtonStyle.secondary,
            custom_id=f"qa:lang:{qid}:{offset}:{lang}",
        )
        super().__init__(qid, offset, lang, button)

    async def run(self, interaction: discord.Interaction[Any], bot: QABot) -> None:
        answer = self.answer(bot)
        reply = answer_reply(answer)
        await interaction.response.edit_message(
            **message_kwargs(reply, answer_view(self.qid, answer))
        )


class VoteButton(_StateButton, template=r"qa:vote:" + _STATE + r":(?P<vote>up|down)"):
    """👍 / 👎 on the passages the answer quoted; one vote per user, a second click replaces it."""

    action = "vote"

    def __init__(self, qid: int, offset: int, lang: str, vote: int) -> None:
        name = "up" if vote > 0 else "down"
        button: discord.ui.Button[Any] = discord.ui.Button(
            emoji="👍" if vote > 0 else "👎",
            style=discord.ButtonStyle.secondary,
            custom_id=f"qa:vote:{qid}:{offset}:{lang}:{name}",
        )
        super().__init__(qid, offset, lang, button)
        self.vote = vote

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> VoteButton:
        return cls(
            int(match["qid"]),
            int(match["offset"]),
            match["lang"],
            1 if match["vote"] == "up" else -1,
        )

    async def run(self, interaction: discord.Interaction[Any], bot: QABot) -> None:
        answer = self.answer(bot)
        bot.records.add_feedback(
            self.qid, [q.passage.id for q in answer.quotes], self.vote, interaction.user.id
        )
        await send(
            interaction, notice(t(self.lang, "thanks_up" if self.vote > 0 else "thanks_down"))
        )


class ThreadButton(_StateButton, template=r"qa:thread:" + _STATE):
    """A thread started from the answer, where later questions are follow-ups of it."""

    action = "thread"

    def __init__(self, qid: int, offset: int, lang: str) -> None:
        button: discord.ui.Button[Any] = discord.ui.Button(
            label=t(lang, "button_thread"),
            emoji="🧵",
            style=discord.ButtonStyle.secondary,
            custom_id=f"qa:thread:{qid}:{offset}:{lang}",
        )
        super().__init__(qid, offset, lang, button)

    async def run(self, interaction: discord.Interaction[Any], bot: QABot) -> None:
        from .threads import open_thread

        question = self.stored(bot).question
        if interaction.message is None:
            raise ExpiredError()
        thread = await open_thread(interaction.message, question)
        if thread is None:
            raise NoThreadError()
        answer = compose(bot.library, question, lang=self.lang)
        bot.conversations.started_thread(thread.id)
        bot.conversations.add(thread.id, turn_of(answer), interaction.user.id)
        # the thread's mention is the bot's own markup: a link to it, not escaped
        await send(interaction, own_notice(t(self.lang, "thread_opened", thread=thread.mention)))


PERSISTENT = (MoreButton, LangButton, VoteButton, ThreadButton)
