"""Settings from the environment (the entry point loads `.env` first); see `.env.example`."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from index import DEFAULT_SEEDS

from .errors import ConfigError

LANGS = ("ja", "en")
THREADS = ("auto", "button", "off")
N = TypeVar("N", int, float)


@dataclass(frozen=True, slots=True)
class Config:
    # repr=False: a Config may be logged or shown in a traceback; the token and salt must not be.
    token: str | None = field(default=None, repr=False)
    guild_ids: tuple[int, ...] = ()  # command sync on start goes to these guilds only
    listen_channel_ids: tuple[
        int, ...
    ] = ()  # every message here is a question (Message Content intent)
    records_path: Path = Path("bot-records.sqlite3")
    records_salt: str | None = field(default=None, repr=False)
    cooldown_rate: int = 3  # questions per user ...
    cooldown_seconds: float = 30.0  # ... within this many seconds; rate 0 turns the cooldown off
    default_lang: str = (
        "ja"  # the article's language; reply language when neither question nor user locale decides
    )
    seeds: Path = DEFAULT_SEEDS
    log_level: str = "INFO"
    # Conversations: a thread's or DM's turns are forgotten after this many idle minutes.
    conversation_minutes: float = 60.0
    # Whether a mention in a channel opens a thread: auto | button (only /ask's button) | off.
    threads: str = "auto"
    # Ask for the Message Content intent: plain messages in the bot's threads are follow-ups.
    message_content: bool = False

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Config:
        env = os.environ if env is None else env

        def get(name: str) -> str:
            return env.get(name, "").strip()

        d = cls()  # the defaults

        default_lang = get("BOT_DEFAULT_LANG").lower() or d.default_lang
        if default_lang not in LANGS:
            raise ConfigError(f"BOT_DEFAULT_LANG must be ja or en, not {default_lang!r}")
        threads = get("BOT_THREADS").lower() or d.threads
        if threads not in THREADS:
            raise ConfigError(f"BOT_THREADS must be auto, button or off, not {threads!r}")
        return cls(
            token=get("DISCORD_TOKEN") or None,
            guild_ids=_ids(env, "DISCORD_GUILD_IDS"),
            listen_channel_ids=_ids(env, "DISCORD_LISTEN_CHANNEL_IDS"),
            records_path=Path(get("BOT_RECORDS_PATH") or d.records_path),
            records_salt=get("BOT_RECORDS_SALT") or None,
            cooldown_rate=_number(env, "BOT_COOLDOWN_RATE", int, d.cooldown_rate),
            cooldown_seconds=_number(env, "BOT_COOLDOWN_SECONDS", float, d.cooldown_seconds),
            default_lang=default_lang,
            seeds=Path(get("BOT_SEEDS") or d.seeds),
            log_level=(get("BOT_LOG_LEVEL") or d.log_level).upper(),
            conversation_minutes=_number(
                env, "BOT_CONVERSATION_MINUTES", float, d.conversation_minutes
            ),
            threads=threads,
            message_content=get("BOT_MESSAGE_CONTENT").lower() in ("1", "true", "yes", "on"),
        )


def _ids(env: Mapping[str, str], name: str) -> tuple[int, ...]:
    raw = env.get(name, "").replace(",", " ").split()
    try:
        return tuple(int(part) for part in raw)
    except ValueError:
        raise ConfigError(
            f"{name} must be Discord ids separated by commas, like 123456789012345678"
        ) from None


def _number(env: Mapping[str, str], name: str, kind: Callable[[str], N], default: N) -> N:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = kind(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, not {raw!r}") from None
    if value < 0:
        raise ConfigError(f"{name} must not be negative")
    return value
