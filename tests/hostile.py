"""Helpers shared by the hostile-input tests (tests/test_hostile_*.py): run the CLIs as a user
does, with bytes that need not be UTF-8, and read what they said."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def env(tmp: Path, **extra: str) -> dict[str, str]:
    """The environment a user's shell would give, without the developer's bot settings."""
    out = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "BOT_"))}
    out["BOT_RECORDS_PATH"] = str(tmp / "records.sqlite3")
    out["PYTHONIOENCODING"] = "utf-8"
    out.update(extra)
    return out


def run(
    args: list[bytes | str], tmp: Path, stdin: bytes = b"", **extra: str
) -> subprocess.CompletedProcess[bytes]:
    """`python -m <args>` in `tmp` (no stray .env), argv passed as raw bytes where given."""
    argv = [
        sys.executable.encode(),
        b"-m",
        *(a if isinstance(a, bytes) else a.encode() for a in args),
    ]
    return subprocess.run(
        argv, cwd=tmp, env=env(tmp, **extra), input=stdin, capture_output=True, timeout=120
    )


def said(proc: subprocess.CompletedProcess[bytes]) -> tuple[str, str]:
    """stdout and stderr as text: both must be valid UTF-8 (strict decoding fails otherwise)."""
    return proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
