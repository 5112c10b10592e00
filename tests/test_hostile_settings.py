"""Hostile settings: every variable is checked at start, with one line naming it and what it
takes, and exit code 2; nothing is started, and no value surfaces later as an apology."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hostile import run, said
from hypothesis import given
from hypothesis import strategies as st

from bot.config import Config
from bot.errors import ConfigError

BAD = [
    # variable, value, what the one line says
    (
        "BOT_COOLDOWN_SECONDS",
        "nan",
        "BOT_COOLDOWN_SECONDS must be seconds from 0 to 86400, not 'nan'",
    ),
    (
        "BOT_COOLDOWN_SECONDS",
        "inf",
        "BOT_COOLDOWN_SECONDS must be seconds from 0 to 86400, not 'inf'",
    ),
    ("BOT_COOLDOWN_SECONDS", "-inf", "BOT_COOLDOWN_SECONDS must be seconds"),
    ("BOT_COOLDOWN_SECONDS", "1e400", "BOT_COOLDOWN_SECONDS must be seconds"),
    ("BOT_COOLDOWN_SECONDS", "-1", "BOT_COOLDOWN_SECONDS must be seconds"),
    ("BOT_COOLDOWN_SECONDS", "1e9", "BOT_COOLDOWN_SECONDS must be seconds"),
    ("BOT_COOLDOWN_SECONDS", "thirty", "BOT_COOLDOWN_SECONDS must be seconds"),
    ("BOT_COOLDOWN_RATE", "2.5", "BOT_COOLDOWN_RATE must be a whole number from 0 to 1000"),
    ("BOT_COOLDOWN_RATE", "-3", "BOT_COOLDOWN_RATE must be a whole number"),
    ("BOT_COOLDOWN_RATE", "9" * 5000, "BOT_COOLDOWN_RATE must be a whole number"),
    ("BOT_RECORDS_DAYS", "0", "BOT_RECORDS_DAYS must be a number of days from 1 to 36500"),
    ("BOT_RECORDS_DAYS", "forever", "BOT_RECORDS_DAYS must be a number of days"),
    ("BOT_DEFAULT_LANG", "fr", "BOT_DEFAULT_LANG must be ja or en, not 'fr'"),
    ("BOT_LOG_LEVEL", "LOUD", "BOT_LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL"),
    ("DISCORD_GUILD_IDS", "12,abc", "DISCORD_GUILD_IDS must be Discord ids separated by commas"),
    ("DISCORD_GUILD_IDS", "-5", "DISCORD_GUILD_IDS must be Discord ids"),
    ("DISCORD_GUILD_IDS", str(2**64), "DISCORD_GUILD_IDS must be Discord ids"),
    ("DISCORD_LISTEN_CHANNEL_IDS", "０１２", "DISCORD_LISTEN_CHANNEL_IDS must be Discord ids"),
    ("DISCORD_TOKEN", '"abc def"', "DISCORD_TOKEN must be the token alone"),
    ("DISCORD_TOKEN", "'MTIz.abc", "DISCORD_TOKEN must be the token alone"),
    ("BOT_SEEDS", "/no/such/folder", "BOT_SEEDS must be a folder of articles"),
]


@pytest.mark.parametrize(("name", "value", "message"), BAD, ids=lambda v: str(v)[:20])
def test_bad_value_is_one_clear_line(name: str, value: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        Config.from_env({name: value})
    text = caught.value.message("en")
    assert text.startswith(message) and "\n" not in text and len(text) < 200


@pytest.mark.parametrize(
    ("name", "value", "message"), BAD[:3] + BAD[-3:], ids=lambda v: str(v)[:20]
)
def test_the_bot_stops_at_start_with_exit_code_2(
    tmp_path: Path, name: str, value: str, message: str
) -> None:
    proc = run(["bot", "ask", "How much did Meta offer?"], tmp_path, **{name: value})
    out, err = said(proc)
    assert proc.returncode == 2 and out == ""
    assert err == f"error: {err[7:]}" and err.count("\n") == 1 and message in err
    assert not (tmp_path / "records.sqlite3").exists()  # nothing was started


@pytest.mark.parametrize(
    ("env", "field", "value"),
    [
        ({"BOT_COOLDOWN_SECONDS": "0"}, "cooldown_seconds", 0.0),
        ({"BOT_COOLDOWN_SECONDS": " 7.5 "}, "cooldown_seconds", 7.5),
        ({"BOT_COOLDOWN_RATE": "0"}, "cooldown_rate", 0),
        ({"BOT_RECORDS_DAYS": "30"}, "records_days", 30),
        ({"BOT_LOG_LEVEL": "debug"}, "log_level", "DEBUG"),
        ({"DISCORD_GUILD_IDS": "1, 2 ,3"}, "guild_ids", (1, 2, 3)),
        ({}, "records_days", 90),
    ],
)
def test_good_values_are_taken(env: dict[str, str], field: str, value: object) -> None:
    assert getattr(Config.from_env(env), field) == value


NAMES = ["BOT_COOLDOWN_SECONDS", "BOT_COOLDOWN_RATE", "BOT_RECORDS_DAYS", "DISCORD_GUILD_IDS"]


@given(st.sampled_from(NAMES), st.text(max_size=30))
def test_any_value_is_taken_or_named(name: str, value: str) -> None:
    """Whatever the value: a valid Config whose numbers are finite and in range, or ConfigError
    naming the variable. Never another exception."""
    try:
        config = Config.from_env({name: value})
    except ConfigError as e:
        assert e.message("en").startswith(name)
        return
    assert math.isfinite(config.cooldown_seconds) and 0 <= config.cooldown_seconds <= 86400
    assert 0 <= config.cooldown_rate <= 1000 and 1 <= config.records_days <= 36500
