"""Slash commands, mentions and DMs: thin adapters over `answer.compose` and `render`.

Each command checks its input, calls one pure function and sends what it returns. Errors are
raised and handled in one place (`interactions.handle_error`, registered as `tree.on_error`).
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import re
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, TypeVar

import discord
from discord import app_commands
from discord.app_commands import locale_str as _
from discord.ext import commands, tasks

from index import QAError
from index.search import MAX_QUERY_CHARS
from index.summarize import sections

from .answer import check_question, compose, context, reply_lang
from .conversation import turn_of
from .errors import BotError, CooldownError
from .interactions import NO_PINGS, send, user_lang
from .render import (
    Reply,
    answer_reply,
    article_page,
    context_page,
    help_page,
    reply,
    summary_page,
    to_embed,
)
from .summary import LENGTHS, make_summary
from .texts import lang_of_locale, t
from .threads import conversation_id, open_thread
from .translator import ja
from .views import answer_view

if TYPE_CHECKING:
    from .client import QABot

log = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., Coroutine[Any, Any, Any]])

LANG_CHOICES = [
    app_commands.Choice(name=_("Japanese"), value="ja"),
    app_commands.Choice(name=_("English"), value="en"),
]
LANG_DESCRIPTION = _("Reply language (default: your Discord language)")
ARTICLE_DESCRIPTION = _("Which article (only needed when there are several)")
LENGTH_CHOICES = [
    app_commands.Choice(name=_(f"{name} (about {n} sentences)"), value=name)
    for name, n in LENGTHS.items()
]


def command(name: str) -> Callable[[F], app_commands.Command[Any, ..., Any]]:
    """A slash command whose description is the first line of its docstring, translated."""

    def decorator(func: F) -> app_commands.Command[Any, ..., Any]:
        doc = (inspect.getdoc(func) or name).splitlines()[0]
        return app_commands.command(name=_(name), description=_(doc))(func)

    return decorator


async def article_autocomplete(
    interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    bot: QABot = interaction.client
    lang = user_lang(interaction)
    needle = current.casefold()
    choices = []
    for a in bot.library.articles:
        title = a.title_in(lang)
        if needle in title.casefold() or needle in a.doc.casefold():
            choices.append(app_commands.Choice(name=title[:100], value=a.doc[:100]))
    return choices[:25]


async def section_autocomplete(
    interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    """The article's sections, shown in the user's language; the value is the heading itself."""
    bot: QABot = interaction.client
    doc = getattr(interaction.namespace, "article", None) or None
    lang = user_lang(interaction)
    article = bot.library.article(doc) if doc else bot.library.articles[0]
    if article is None:
        return []
    try:
        names = sections(bot.library, article.doc)
    except QAError:
        return []
    shown = {h.text: h.text_en for h in article.headings}
    needle = current.casefold()
    choices = []
    for name in names:
        label = (shown.get(name) if lang == "en" else None) or name
        if needle in label.casefold() or needle in name.casefold():
            choices.append(app_commands.Choice(name=label[:100], value=name[:100]))
    return choices[:25]


class QACog(commands.Cog):
    """Questions about the article."""

    def __init__(self, bot: QABot) -> None:
        self.bot = bot

    def _take(self, interaction: discord.Interaction[Any], lang: str) -> None:
        """Count a question against the user's cooldown; later errors are told in `lang`."""
        wait = self.bot.cooldown.hit(interaction.user.id)
        if wait:  # told in the user's language, whatever the question's
            interaction.extras["lang"] = user_lang(interaction)
            raise CooldownError(wait)
        interaction.extras["lang"] = lang

    @command("ask")
    @app_commands.rename(question=_("question"), lang=_("lang"))
    @app_commands.describe(
        question=_("What you want to know, in Japanese or English"),
        lang=_("Reply language (default: the question's language)"),
    )
    @app_commands.choices(lang=LANG_CHOICES)
    async def ask(
        self,
        interaction: discord.Interaction[Any],
        question: app_commands.Range[str, 1, MAX_QUERY_CHARS],  # Discord enforces our limit
        lang: str | None = None,
    ) -> None:
        """Ask a question about the article"""
        fallback = user_lang(interaction)
        self._take(interaction, reply_lang(question, lang, fallback))
        question = check_question(question)  # before deferring, so the error can be ephemeral
        await interaction.response.defer(thinking=True)
        talk = conversation_id(interaction.channel)  # a thread or a DM: one conversation
        previous = self.bot.conversations.last(talk) if talk else None
        answer = compose(
            self.bot.library, question, lang=lang, fallback_lang=fallback, previous=previous
        )
        qid = self.bot.records.add_question(
            answer.question,
            lang=answer.lang,
            answered=answer.answered,
            user_id=interaction.user.id,
            source="slash",
            verdict=answer.record_verdict,
        )
        if talk and previous:
            self.bot.conversations.answered_after(qid, talk, previous)
        button = (
            self.bot.config.threads != "off"
            and talk is None
            and interaction.guild is not None
            and not answer.social
        )
        await send(interaction, answer_reply(answer), answer_view(qid, answer, thread=button))
        if talk and not answer.social:  # ("thanks": the next follow-up follows the question)
            self.bot.conversations.add(talk, turn_of(answer), interaction.user.id)

    @command("passage")
    @app_commands.rename(number=_("number"), lang=_("lang"), article=_("article"))
    @app_commands.describe(
        number=_("The paragraph's line number, as in a citation's 'line 7'"),
        lang=LANG_DESCRIPTION,
        article=ARTICLE_DESCRIPTION,
    )
    @app_commands.choices(lang=LANG_CHOICES)
    @app_commands.autocomplete(article=article_autocomplete)
    async def passage(
        self,
        interaction: discord.Interaction[Any],
        number: app_commands.Range[int, 1, 1_000_000],
        lang: str | None = None,
        article: str | None = None,
    ) -> None:
        """Read a paragraph of the article with the ones around it"""
        lang = lang or user_lang(interaction)
        interaction.extras["lang"] = lang
        ctx = context(self.bot.library, number, lang=lang, doc=article)
        await send(interaction, reply(context_page(ctx, self.bot.library)))

    @command("article")
    @app_commands.rename(article=_("article"))
    @app_commands.describe(article=ARTICLE_DESCRIPTION)
    @app_commands.autocomplete(article=article_autocomplete)
    async def article(
        self, interaction: discord.Interaction[Any], article: str | None = None
    ) -> None:
        """Show the article's title, sections and how to ask"""
        lang = user_lang(interaction)
        interaction.extras["lang"] = lang
        await send(interaction, reply(article_page(self.bot.library, lang, article)))

    @command("summary")
    @app_commands.rename(
        length=_("length"),
        section=_("section"),
        topic=_("topic"),
        lang=_("lang"),
        article=_("article"),
    )
    @app_commands.describe(
        length=_("How long: about 3, 5 or 10 sentences"),
        section=_("Summarize one section only"),
        topic=_("Focus on a topic, in Japanese or English"),
        lang=LANG_DESCRIPTION,
        article=ARTICLE_DESCRIPTION,
    )
    @app_commands.choices(lang=LANG_CHOICES, length=LENGTH_CHOICES)
    @app_commands.autocomplete(section=section_autocomplete, article=article_autocomplete)
    async def summary(
        self,
        interaction: discord.Interaction[Any],
        length: str = "medium",
        section: str | None = None,
        topic: str | None = None,
        lang: str | None = None,
        article: str | None = None,
    ) -> None:
        """Summarize the article in its own quoted sentences"""
        lang = lang or (
            reply_lang(topic, None, user_lang(interaction)) if topic else user_lang(interaction)
        )
        self._take(interaction, lang)
        # A large article takes seconds to summarize: answer Discord within its 3-second deadline,
        # and summarize in a worker thread so that other users' commands are answered meanwhile.
        await interaction.response.defer(thinking=True)
        gist = await asyncio.to_thread(
            make_summary,
            self.bot.library,
            lang=lang,
            length=length,
            section=section,
            topic=topic,
            doc=article,
        )
        await send(interaction, reply(summary_page(gist)))

    @command("help")
    async def help(self, interaction: discord.Interaction[Any]) -> None:
        """How to use this bot"""
        lang = user_lang(interaction)
        page = help_page(lang, self.usage(lang))
        await send(interaction, Reply(embed=to_embed(page), ephemeral=True))

    def usage(self, lang: str) -> list[tuple[str, str]]:
        """('/ask question [lang]', 'Ask a question about ...') for each command, in `lang`."""
        tr = ja if lang == "ja" else (lambda s: s)
        rows = []
        for cmd in self.walk_app_commands():
            if not isinstance(cmd, app_commands.Command):
                continue
            params = [
                tr(p.display_name) if p.required else f"[{tr(p.display_name)}]"
                for p in cmd.parameters
            ]
            rows.append((" ".join([f"/{tr(cmd.name)}", *params]), tr(cmd.description)))
        return rows

    # -- mentions, DMs and listen-channels -------------------------------------------------------

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        bot = self.bot
        if message.author.bot or bot.user is None or not self.addressed(message):
            return
        question = self.strip_mentions(message)
        default = bot.config.default_lang
        fallback = (
            lang_of_locale(message.guild.preferred_locale, default) if message.guild else default
        )
        lang = reply_lang(question, None, fallback)
        try:
            if not question.strip():
                await message.reply(
                    t(lang, "empty_mention"), mention_author=False, allowed_mentions=NO_PINGS
                )
                return
            wait = bot.cooldown.hit(message.author.id)
            if wait:
                lang = fallback  # told in the server's language, like the cooldown of /ask
                raise CooldownError(wait)
            talk = conversation_id(message.channel)  # a thread or a DM: one conversation
            previous = bot.conversations.last(talk) if talk else None
            answer = compose(bot.library, question, fallback_lang=fallback, previous=previous)
            source = (
                "dm"
                if message.guild is None
                else "mention"
                if self.mentioned(message)
                else "channel"
            )
            qid = bot.records.add_question(
                answer.question,
                lang=answer.lang,
                answered=answer.answered,
                user_id=message.author.id,
                source=source,
                verdict=answer.record_verdict,
            )
            if talk and previous:
                bot.conversations.answered_after(qid, talk, previous)
            out = answer_reply(answer)
            sent: dict[str, Any] = {
                "embed": discord.Embed.from_dict(out.embed or {}),
                "view": answer_view(qid, answer),
                "allowed_mentions": NO_PINGS,
            }
            thread = None
            opens = talk is None and source == "mention" and bot.config.threads == "auto"
            if opens and not answer.social:  # ("@bot hi" opens no thread)
                thread = await open_thread(message, question)  # None: not allowed here
            if thread is not None:
                talk = thread.id
                bot.conversations.started_thread(talk)
                await thread.send(**sent)
            else:
                await message.reply(mention_author=False, **sent)
            if talk and not answer.social:
                bot.conversations.add(talk, turn_of(answer), message.author.id)
        except BotError as e:
            # No ephemeral messages outside interactions: a short reply that goes away.
            await self._reply_quietly(message, e.message(lang))
        except Exception:
            log.exception("unexpected error answering message %s", message.id)
            await self._reply_quietly(message, t(lang, "apology"))

    async def _reply_quietly(self, message: discord.Message, text: str) -> None:
        try:
            await message.reply(
                text, mention_author=False, allowed_mentions=NO_PINGS, delete_after=30
            )
        except discord.HTTPException:
            log.warning("could not reply to message %s", message.id, exc_info=True)

    def mentioned(self, message: discord.Message) -> bool:
        me = self.bot.user
        if me is not None and me.id in {u.id for u in message.mentions}:
            return True
        own_role = message.guild.self_role if message.guild else None  # the bot's managed role
        return own_role is not None and own_role in message.role_mentions

    def addressed(self, message: discord.Message) -> bool:
        """DMs, mentions of the bot (no privileged intent needed), messages in listen-channels."""
        if message.guild is None:
            return True
        channel = message.channel
        listen = self.bot.config.listen_channel_ids
        if channel.id in listen or getattr(channel, "parent_id", None) in listen:
            return True
        if (  # a plain message in a thread the bot started: a follow-up (needs the intent)
            isinstance(channel, discord.Thread)
            and self.bot.intents.message_content
            and self.bot.conversations.is_bot_thread(channel.id)
        ):
            return True
        return self.mentioned(message)

    async def cog_load(self) -> None:
        self.expire_conversations.start()

    async def cog_unload(self) -> None:
        self.expire_conversations.cancel()

    @tasks.loop(minutes=1)
    async def expire_conversations(self) -> None:
        """Idle conversations go with their text even when nobody asks anything (and at start)."""
        self.bot.conversations.expire()

    @commands.Cog.listener()
    async def on_thread_update(self, before: discord.Thread, after: discord.Thread) -> None:
        if after.archived:  # the conversation ends: its text is deleted
            self.bot.conversations.end(after.id)

    @commands.Cog.listener()
    async def on_raw_thread_delete(self, payload: discord.RawThreadDeleteEvent) -> None:
        self.bot.conversations.end(payload.thread_id)

    def strip_mentions(self, message: discord.Message) -> str:
        """The message's text without the mentions that address the bot."""
        content = message.content
        me = self.bot.user
        if me is not None:
            content = re.sub(rf"<@!?{me.id}>", " ", content)
        own_role = message.guild.self_role if message.guild else None
        if own_role is not None:
            content = content.replace(f"<@&{own_role.id}>", " ")
        return content.strip()
