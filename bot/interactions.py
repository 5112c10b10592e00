"""Replies and errors on an Interaction: shared by the commands and the buttons."""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands

from index import QAError

from .errors import BotError
from .render import Reply, notice
from .texts import lang_of_locale, t

log = logging.getLogger(__name__)

NO_PINGS = discord.AllowedMentions.none()
DEFERRED_PUBLIC = discord.InteractionResponseType.deferred_channel_message


def user_lang(interaction: discord.Interaction[Any]) -> str:
    """The user's Discord language (ja or en), else the configured default."""
    config = getattr(interaction.client, "config", None)
    default = getattr(config, "default_lang", "en")
    return lang_of_locale(getattr(interaction, "locale", None), default)


def message_kwargs(reply: Reply, view: discord.ui.View | None = None) -> dict[str, Any]:
    kwargs: dict[str, Any] = {"allowed_mentions": NO_PINGS}
    if reply.content is not None:
        kwargs["content"] = reply.content
    if reply.embed is not None:
        kwargs["embed"] = discord.Embed.from_dict(reply.embed)
    if view is not None:
        kwargs["view"] = view
    return kwargs


async def send(
    interaction: discord.Interaction[Any], reply: Reply, view: discord.ui.View | None = None
) -> None:
    """Reply to the interaction, or follow up if it was deferred; never pinging anyone."""
    kwargs = message_kwargs(reply, view)
    kwargs["ephemeral"] = reply.ephemeral
    if not interaction.response.is_done():
        await interaction.response.send_message(**kwargs)
        return
    if reply.ephemeral and interaction.response.type is DEFERRED_PUBLIC:
        # Discord makes the first follow-up the public "thinking..." message itself, ignoring its
        # ephemeral flag: remove that message, so the notice is for the asker's eyes only.
        await interaction.delete_original_response()
    await interaction.followup.send(**kwargs)


async def handle_error(interaction: discord.Interaction[Any], error: BaseException) -> None:
    """The one error handler: a short ephemeral reply for what a user can fix, else log + sorry."""
    original = getattr(error, "original", None) or error  # unwrap CommandInvokeError
    lang = _extras(interaction).get("lang") or user_lang(interaction)
    if isinstance(original, BotError):
        message = original.message(lang)
    elif isinstance(original, QAError):
        message = str(original)[:1].upper() + str(original)[1:]
    elif isinstance(error, app_commands.TransformerError):
        message = t(lang, "bad_value")
    else:
        command = getattr(interaction.command, "qualified_name", None) or _extras(interaction).get(
            "action", "?"
        )
        log.exception("unexpected error in %s", command, exc_info=original)
        message = t(lang, "apology")
    try:
        await send(interaction, notice(message))
    except discord.HTTPException:
        log.warning("could not send the error reply", exc_info=True)


def _extras(interaction: discord.Interaction[Any]) -> dict[str, Any]:
    extras = getattr(interaction, "extras", None)
    return extras if isinstance(extras, dict) else {}
