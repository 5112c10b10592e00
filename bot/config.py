"""Settings from the environment (the entry point loads `.env` first); see `.env.example`."""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from index import DEFAULT_SEEDS

from .errors import ConfigError

LANGS = ("ja", "en")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
THREADS = ("auto", "button", "off")
SWITCH = {
    "": False,
    "0": False,
    "false": False,
    "no": False,
    "off": False,
    "1": True,
    "true": True,
    "yes": True,
    "on": True,
}
N = TypeVar("N", int, float)
MAX_ID = 2**64 - 1  # Discord ids are unsigned 64-bit snowflakes


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
    records_days: int = 90  # questions and votes older than this are deleted
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

        # Each setting is checked here, at start, with one line naming it and what it takes:
        # a bad value must not surface later as an "unexpected error" to every user.
        default_lang = get("BOT_DEFAULT_LANG").lower() or d.default_lang
        if default_lang not in LANGS:
            raise ConfigError(f"BOT_DEFAULT_LANG must be ja or en, not {_shown(default_lang)}")
        log_level = get("BOT_LOG_LEVEL").upper() or d.log_level
        if log_level not in LOG_LEVELS:
            raise ConfigError(
                f"BOT_LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}, not {_shown(log_level)}"
            )
        token = get("DISCORD_TOKEN") or None
        if token and (any(c.isspace() or c in "\"'" for c in token) or not token.isprintable()):
            raise ConfigError("DISCORD_TOKEN must be the token alone, without spaces or quotes")
        records_path = get("BOT_RECORDS_PATH") or str(d.records_path)
        seeds = get("BOT_SEEDS")
        for name, value in (("BOT_RECORDS_PATH", records_path), ("BOT_SEEDS", seeds)):
            if "\x00" in value:
                raise ConfigError(f"{name} must be a file path, not {_shown(value)}")
        if seeds and not Path(seeds).is_dir():
            raise ConfigError(f"BOT_SEEDS must be a folder of articles; {seeds} is not a folder")
        threads = get("BOT_THREADS").lower() or d.threads
        if threads not in THREADS:
            raise ConfigError(f"BOT_THREADS must be auto, button or off, not {_shown(threads)}")
        message_content = get("BOT_MESSAGE_CONTENT").lower()
        if message_content not in SWITCH:
            raise ConfigError(
                f"BOT_MESSAGE_CONTENT must be 1 or 0 (or empty), not {_shown(message_content)}"
            )
        return cls(
            token=token,
            guild_ids=_ids(env, "DISCORD_GUILD_IDS"),
            listen_channel_ids=_ids(env, "DISCORD_LISTEN_CHANNEL_IDS"),
            records_path=Path(records_path),
            records_salt=get("BOT_RECORDS_SALT") or None,
            records_days=_number(
                env, "BOT_RECORDS_DAYS", int, d.records_days, 1, 36500, "a number of days"
            ),
            cooldown_rate=_number(
                env, "BOT_COOLDOWN_RATE", int, d.cooldown_rate, 0, 1000, "a whole number"
            ),
            cooldown_seconds=_number(
                env, "BOT_COOLDOWN_SECONDS", float, d.cooldown_seconds, 0, 86400, "seconds"
            ),
            default_lang=default_lang,
            seeds=Path(seeds or d.seeds),
            log_level=log_level,
            conversation_minutes=_number(
                env,
                "BOT_CONVERSATION_MINUTES",
                float,
                d.conversation_minutes,
                1,
                10080,
                "minutes",
            ),
            threads=threads,
            message_content=SWITCH[message_content],
        )


def _shown(raw: str) -> str:
    """A bad value as quoted in an error: short, and on one line."""
    return repr(raw if len(raw) <= 40 else raw[:39] + "…")


def _ids(env: Mapping[str, str], name: str) -> tuple[int, ...]:
    raw = env.get(name, "").replace(",", " ").split()
    ids = tuple(int(part) for part in raw if part.isascii() and part.isdigit())
    if len(ids) != len(raw) or not all(0 < i <= MAX_ID for i in ids):
        raise ConfigError(
            f"{name} must be Discord ids separated by commas, like 123456789012345678"
        )
    return ids


def _number(
    env: Mapping[str, str],
    name: str,
    kind: Callable[[str], N],
    default: N,
    low: N,
    high: N,
    unit: str,
) -> N:
    """The setting as an int or float from `low` to `high`; nan, inf and the like are refused."""
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = kind(raw)
    except (ValueError, OverflowError):
        value = None
    if value is None or not math.isfinite(value) or not low <= value <= high:
        raise ConfigError(f"{name} must be {unit} from {low} to {high}, not {_shown(raw)}")
    return value
