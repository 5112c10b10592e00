"""The Discord bot: construction, start and command sync.

Construction API (no global state: everything the bot uses comes in through the constructor)::

    from bot.client import create_bot, main, sync_commands
    from bot.config import Config
    from bot.records import Records
    from index import Library

    config = Config(token="...", guild_ids=(123,), cooldown_rate=0)   # or Config.from_env()
    library = Library.from_seeds(config.seeds)                         # or a small test library
    records = Records(tmp_path / "records.sqlite3")                    # or Records(":memory:")
    bot = create_bot(config, library, records)   # a QABot (discord.ext.commands.Bot); no I/O yet
    await bot.start(config.token)                # setup_hook: Japanese translator, the QACog,
                                                 # the persistent buttons, and command sync to
                                                 # config.guild_ids (only those; skipped if empty)
    await bot.close()                            # the caller owns `records` and closes it

    await main(config)            # `python -m bot`: all of the above until SIGINT/SIGTERM, then
                                  # closes the connection and the database
    await sync_commands(config, guild_id=None)   # `python -m bot sync [--guild ID]`: log in over
                                                 # HTTP, sync globally or to one guild, close

`create_bot(..., sync_on_start=False)` skips the sync; extra keyword arguments go to
`discord.Client` (e.g. `proxy=`, `connector=`, `http_trace=`), which end-to-end tests against a
fake Discord may need. The bot's `allowed_mentions` is `AllowedMentions.none()`; every send also
passes it explicitly.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from index import Library

from .commands import QACog
from .config import Config
from .conversations_store import ConversationStore
from .cooldown import Cooldown
from .errors import ConfigError
from .interactions import NO_PINGS, handle_error
from .records import Records
from .translator import Translator
from .views import PERSISTENT

log = logging.getLogger(__name__)


class QATree(app_commands.CommandTree["QABot"]):
    async def on_error(
        self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError
    ) -> None:
        await handle_error(interaction, error)


class QABot(commands.Bot):
    """The bot, with its dependencies handed in (discord.py's examples/advanced_startup.py)."""

    def __init__(
        self,
        config: Config,
        library: Library,
        records: Records,
        *,
        sync_on_start: bool = True,
        **options: Any,
    ) -> None:
        intents = discord.Intents.default()  # enough for mentions and DMs: no privileged intent
        # Reading every message of a listen-channel needs the privileged Message Content intent
        # (enable it in the Developer Portal, Bot page); ask for it only when it is used.
        # (Plain messages in the bot's threads are follow-ups only with it: BOT_MESSAGE_CONTENT.)
        intents.message_content = bool(config.listen_channel_ids) or config.message_content
        super().__init__(
            command_prefix=commands.when_mentioned,  # unused: no prefix commands, see on_message
            intents=intents,
            help_command=None,
            allowed_mentions=NO_PINGS,
            tree_cls=QATree,
            **options,
        )
        self.config = config
        self.library = library
        self.records = records
        self.conversations = ConversationStore(
            records.connection, records.user_hash, config.conversation_minutes
        )
        self.cooldown = Cooldown(config.cooldown_rate, config.cooldown_seconds)
        self.sync_on_start = sync_on_start

    async def setup_hook(self) -> None:
        await self.tree.set_translator(Translator())
        await self.add_cog(QACog(self))
        self.add_dynamic_items(*PERSISTENT)  # buttons sent before a restart keep working
        if self.sync_on_start:
            await self.sync_to(self.config.guild_ids)

    async def sync_to(self, guild_ids: tuple[int, ...]) -> None:
        """Sync the commands to these guilds (instant there, unlike a global sync)."""
        for guild_id in guild_ids:
            guild = discord.Object(guild_id)
            self.tree.copy_global_to(guild=guild)
            try:
                synced = await self.tree.sync(guild=guild)
            except discord.Forbidden:
                log.error(
                    "cannot sync commands to guild %s: invite the bot there with the "
                    "applications.commands scope",
                    guild_id,
                )
            else:
                log.info("synced %d commands to guild %s", len(synced), guild_id)

    async def on_message(self, message: discord.Message) -> None:
        # Overrides commands.Bot.on_message so no prefix command is looked up; the QACog's
        # listener answers mentions, DMs and listen-channels.
        return

    async def on_ready(self) -> None:
        assert self.user is not None
        log.info("logged in as %s (id %s) in %d guilds", self.user, self.user.id, len(self.guilds))


def create_bot(
    config: Config,
    library: Library,
    records: Records,
    *,
    sync_on_start: bool = True,
    **options: Any,
) -> QABot:
    return QABot(config, library, records, sync_on_start=sync_on_start, **options)


async def main(config: Config, library: Library | None = None) -> None:
    """Run the bot until the connection ends or SIGINT/SIGTERM; then close it and the database."""
    if not config.token:
        raise ConfigError("DISCORD_TOKEN is not set")
    library = library or Library.from_seeds(config.seeds)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    handled = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
            handled.append(sig)
        except (NotImplementedError, RuntimeError):  # Windows: Ctrl+C still ends asyncio.run
            pass
    with Records(config.records_path, config.records_salt, days=config.records_days) as records:
        try:
            async with create_bot(config, library, records) as bot:
                runner = asyncio.create_task(bot.start(config.token), name="discord")
                stopper = asyncio.create_task(stop.wait(), name="signal")
                done, _ = await asyncio.wait({runner, stopper}, return_when=asyncio.FIRST_COMPLETED)
                if stopper in done:
                    log.info("signal received: closing the connection")
                    await bot.close()
                stopper.cancel()
                await runner  # its error (e.g. an invalid token), if any
        finally:
            for sig in handled:
                loop.remove_signal_handler(sig)
    log.info("closed")


async def sync_commands(
    config: Config, guild_id: int | None = None, library: Library | None = None
) -> int:
    """Sync the slash commands globally, or to one guild; returns how many were synced."""
    if not config.token:
        raise ConfigError("DISCORD_TOKEN is not set")
    library = library or Library.from_seeds(config.seeds)
    with Records(":memory:") as records:
        async with create_bot(config, library, records, sync_on_start=False) as bot:
            await bot.login(config.token)  # HTTP only, runs setup_hook: commands and translator
            if guild_id is None:
                synced = await bot.tree.sync()
            else:
                guild = discord.Object(guild_id)
                bot.tree.copy_global_to(guild=guild)
                synced = await bot.tree.sync(guild=guild)
    return len(synced)
