"""The console on a terminal: readline's line editing (Ctrl+A moves to the start of the line,
arrow keys move the cursor) instead of escape codes typed into the question."""

from __future__ import annotations

import os
import pty
import select
import sys
import time

import pytest
from hostile import ROOT, env


def _read_until(fd: int, needle: bytes, timeout: float) -> bytes:
    out = b""
    end = time.monotonic() + timeout
    while needle not in out and time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
    return out


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_line_editing_on_a_terminal(tmp_path: os.PathLike[str]) -> None:
    pid, fd = pty.fork()
    if pid == 0:  # the child: the console on the pseudo-terminal
        os.chdir(ROOT)
        os.execve(sys.executable, [sys.executable, "-m", "bot", "console"], env(tmp_path))
    try:
        assert b"> " in _read_until(fd, b"\n> ", 60)
        # "ow much did Meta offer", then Ctrl+A (start of line) and "H", then the end and "?"
        os.write(fd, b"ow much did Meta offer\x01H\x05?\r")
        out = _read_until(fd, b"Sources", 60)
        assert b"\nHow much did Meta offer?\r\n" in out  # the question as edited
        assert b"Here is what the article says" in out
        os.write(fd, b"/quit\r")
        _read_until(fd, b"\x00", 5)
    finally:
        os.close(fd)
        _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
