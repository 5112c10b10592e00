"""Threads for conversations on Discord: opening one from a message, and which channel is one.

A conversation lives in a thread the bot started (from a mention, or /ask's button) or in a DM.
Without the permission to create threads the bot answers in the channel, as without threads,
and says why in the log once per channel.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import discord

log = logging.getLogger(__name__)

THREAD_NAME = 100  # Discord's limit on a thread's name
_MARKUP = re.compile(r"<(?:@[!&]?|#|/[^:>]+:)\d+>|@(?:everyone|here)\b")
_SPACE = re.compile(r"\s+")

_warned: set[int] = set()  # channels where a thread could not be made, already logged


def thread_name(question: str, fallback: str = "Question") -> str:
    """The question as a thread's name: one line, without mentions, within Discord's limit."""
    name = _SPACE.sub(" ", _MARKUP.sub("", question)).strip()
    if len(name) > THREAD_NAME:
        name = name[: THREAD_NAME - 1].rstrip() + "…"
    return name or fallback


_CONVERSATIONS = (
    discord.ChannelType.private,  # a DM
    discord.ChannelType.public_thread,
    discord.ChannelType.private_thread,
)


def conversation_id(channel: Any) -> int | None:
    """The channel's id when it holds one conversation (a thread or a DM), else None."""
    if channel is not None and getattr(channel, "type", None) in _CONVERSATIONS:
        return int(channel.id)
    return None


async def open_thread(message: discord.Message, question: str) -> discord.Thread | None:
    """A thread started from `message` and named after the question; None (and a log line, once
    per channel) when the bot may not create one there."""
    try:
        return await message.create_thread(name=thread_name(question))
    except (discord.Forbidden, discord.HTTPException) as e:
        channel = message.channel.id
        if channel not in _warned:
            _warned.add(channel)
            log.warning(
                "cannot start a thread in channel %s (%s): answering in the channel; grant the "
                "bot Create Public Threads and Send Messages in Threads to have conversations there",
                channel,
                getattr(e, "text", "") or type(e).__name__,
            )
        return None
