"""The console mode as a user runs it (`python -m bot ...` in a subprocess), and the configuration.

The subprocesses start together (module fixture) so the suite stays fast.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bot.config import Config
from bot.errors import ConfigError
from bot.records import Records
from index import Library

ROOT = Path(__file__).resolve().parent.parent
SECRET = "MTIz.secret-token-never-shown"

RUNS: dict[str, dict[str, Any]] = {
    "ask_ja": {"args": ["ask", "メタは研究者にいくら提示した?"]},
    "ask_en": {"args": ["ask", "How much did Meta offer?"]},
    "no_token": {
        "args": [],
        "stdin": "メタは研究者にいくら提示した?\n/passage 7 en\n/summary short\n"
        "How much did Meta offer OpenAI staff?\n/quit\n",
    },
    # .env in the working directory: a token (never shown) and Japanese as the default language
    "dotenv": {
        "args": ["ask", "--json", "OpenAI"],
        "dotenv": f"DISCORD_TOKEN={SECRET}\nBOT_DEFAULT_LANG=ja\nBOT_LOG_LEVEL=DEBUG\n",
    },
}


def _env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "BOT_"))}
    env["BOT_RECORDS_PATH"] = str(tmp / "records.sqlite3")
    env["PYTHONIOENCODING"] = "utf-8"
    return env


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, subprocess.CompletedProcess[str]]:
    procs = {}
    for name, spec in RUNS.items():
        cwd = tmp_path_factory.mktemp(name)  # no stray .env from the developer's checkout
        if "dotenv" in spec:
            (cwd / ".env").write_text(spec["dotenv"], encoding="utf-8")
        procs[name] = (
            subprocess.Popen(
                [sys.executable, "-m", "bot", *spec["args"]],
                cwd=cwd,
                env={**_env(cwd), "PYTHONPATH": str(ROOT)},
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                encoding="utf-8",
            ),
            spec.get("stdin", ""),
        )
    done = {}
    for name, (proc, stdin) in procs.items():
        out, err = proc.communicate(stdin, timeout=60)
        done[name] = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    return done


@pytest.mark.parametrize(
    ("name", "says", "quote", "source"),
    [
        (
            "ask_ja",
            "記事には次のようにあります。",
            "[1] 報道によれば、OpenAIのスタッフの何人かは、**1億ドル相当**",
            "[1] 7行目 ・ §メタの1億ドルオファー",
        ),
        (
            "ask_en",
            "Here is what the article says:",
            "worth **$100 million**",
            "line 7 · § Meta's $100 million offer",
        ),
    ],
)
def test_ask_prints_a_quoted_cited_answer(
    runs: dict[str, Any], name: str, says: str, quote: str, source: str
) -> None:
    run = runs[name]
    assert run.returncode == 0, run.stderr
    assert says in run.stdout and quote in run.stdout and source in run.stdout
    assert ("出典: 『" if name == "ask_ja" else "Sources: “") in run.stdout
    if name == "ask_en":
        assert "Original: 報道によれば" in run.stdout


def test_without_a_token_it_says_how_to_get_one_and_runs_the_console(runs: dict[str, Any]) -> None:
    run = runs["no_token"]
    assert run.returncode == 0, run.stderr
    assert (
        "No DISCORD_TOKEN is set" in run.stderr
        and "discord.com/developers/applications" in run.stderr
    )
    out = run.stdout
    assert "[1] 報道によれば" in out  # the Japanese question
    assert "▶ [2] According to reports" in out  # /passage 7 en
    assert out.count("[3] ") >= 2  # /summary short has three sentences
    assert "worth **$100 million**" in out


def test_dotenv_is_loaded_and_the_token_is_never_shown(runs: dict[str, Any]) -> None:
    run = runs["dotenv"]
    assert run.returncode == 0, run.stderr
    assert (
        json.loads(run.stdout)["lang"] == "ja"
    )  # BOT_DEFAULT_LANG from .env decides for a bare name
    assert SECRET not in run.stdout + run.stderr


# -- the same entry point in-process (no subprocess start-up), with the shared Library ----------


@pytest.fixture
def cli(library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """main(argv) -> (exit code, stdout, stderr), in an empty directory with no bot settings."""
    from bot import cli as module

    for name in list(os.environ):
        if name.startswith(("DISCORD_", "BOT_")):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BOT_RECORDS_PATH", str(tmp_path / "records.sqlite3"))
    monkeypatch.setattr(module, "_library", lambda config: library)

    def run(*argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = module.main(list(argv))
        return code, out.getvalue(), err.getvalue()

    return run


def test_ask_json_is_the_answer_value(cli: Any) -> None:
    code, out, _ = cli("ask", "--json", "メタは研究者にいくら提示した?")
    data = json.loads(out)
    assert code == 0
    assert set(data) == {"lang", "answered", "verdict", "confidence", "text", "quotes", "social"}
    assert (data["lang"], data["answered"], data["social"]) == ("ja", True, None)
    first = data["quotes"][0]
    assert set(first) == {"text", "original", "doc", "lines", "section"} | {
        "sentence",
        "focus",
        "original_sentence",
        "original_focus",
    }
    # Where it answers: offsets into the quote's text (and its original's)
    assert first["focus"] == {"quote": 1, "text": "1億ドル相当", "start": 24, "end": 30}
    assert first["text"][24:30] == first["original"][24:30] == "1億ドル相当"
    assert first["original_focus"] == first["focus"]
    line7 = (ROOT / "seeds" / first["doc"]).read_text(encoding="utf-8").splitlines()[6]
    assert first["lines"] == [7, 7] and first["text"] == first["original"] == line7
    assert first["section"] == "メタの1億ドルオファーがOpenAIリーダーにパニックを引き起こす"
    assert first["text"].replace("1億ドル相当", "**1億ドル相当**") in data["text"]


def test_ask_json_off_topic(cli: Any) -> None:
    code, out, _ = cli("ask", "--json", "How do I bake bread?")
    data = json.loads(out)
    assert (code, data["lang"], data["answered"], data["quotes"]) == (0, "en", False, [])
    assert (data["verdict"], data["confidence"] < 0.5) == ("off_topic", True)
    assert "That is not something the article covers" in data["text"]
    assert "/summary" in data["text"]


@pytest.mark.parametrize(
    ("message", "social", "lang", "says"),
    [
        ("thanks!", "thanks", "en", "You're welcome!"),
        ("hi", "greeting", "en", "I answer questions about “OpenAI forced"),
        ("ありがとうございます", "thanks", "ja", "どういたしまして。"),
        ("なるほど", "ack", "ja", "ほかにも何でも聞いてください"),
        ("what can you do?", "help", "en", "/help lists the commands"),
    ],
)
def test_ask_json_replies_in_kind_to_thanks_and_greetings(
    cli: Any, message: str, social: str, lang: str, says: str
) -> None:
    code, out, _ = cli("ask", "--json", message)
    data = json.loads(out)
    assert (code, data["social"], data["lang"], data["quotes"]) == (0, social, lang, [])
    assert (data["verdict"], data["answered"]) == ("off_topic", False)
    assert says in data["text"] and "not something the article covers" not in data["text"]


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("  ", "error: 質問を書いてください。"),  # no clue in the question: the default, ja
        ("長" * 600, "error: 質問が長すぎます(600文字)。500文字以内でどうぞ。"),
    ],
)
def test_a_question_to_fix_exits_2_with_a_message(cli: Any, question: str, message: str) -> None:
    code, out, err = cli("ask", question)
    assert (code, out, err.strip()) == (2, "", message)


def test_report_lists_unanswered_questions_and_feedback(cli: Any, tmp_path: Path) -> None:
    code, out, _ = cli("report")
    assert code == 0 and "No records yet" in out
    with Records(tmp_path / "records.sqlite3") as records:
        for q in ["東京の天気は?", "東京の天気は?", "How do I bake bread?"]:
            records.add_question(q, lang="ja", answered=False, user_id=1, verdict="off_topic")
        records.add_question("How old is Sam Altman?", lang="en", answered=False, verdict="related")
        qid = records.add_question("How much did Meta offer?", lang="en", answered=True, user_id=1)
        records.add_feedback(qid, ["000_30e68451fde60380:7"], 1, user_id=1)
        records.add_feedback(qid, ["000_30e68451fde60380:7"], -1, user_id=2)
    code, out, _ = cli("report")
    assert code == 0
    lines = out.splitlines()
    related = lines[lines.index("  related (the article talks about it but does not say):") + 1 :]
    assert related[0].split() == ["1", "How", "old", "is", "Sam", "Altman?"]
    off_topic = lines[lines.index("  off topic (the article is not about it):") + 1 :]
    assert off_topic[0].split() == ["2", "東京の天気は?"] and off_topic[1].split()[0] == "1"
    assert any(line.split()[:3] == ["1", "1", "000_30e68451fde60380:7"] for line in lines)
    assert "How much did Meta offer?" not in out  # answered questions are not listed


def test_summary_json(cli: Any) -> None:
    code, out, _ = cli("summary", "--json", "--lang", "en", "--length", "short")
    data = json.loads(out)
    assert code == 0 and data["lang"] == "en" and len(data["sentences"]) == 3
    for s in data["sentences"]:
        assert set(s) >= {"text", "original", "doc", "lines"}
        line = (
            (ROOT / "seeds" / s["doc"]).read_text(encoding="utf-8").splitlines()[s["lines"][0] - 1]
        )
        assert s["original"] in line


def test_summary_and_passage_errors(cli: Any) -> None:
    code, _, err = cli("summary", "--section", "no such section")
    assert code == 2 and "no section matches" in err
    code, _, err = cli("passage", "999")
    assert code == 2 and "there is none at line 999" in err


def test_sync_needs_a_token(cli: Any) -> None:
    code, _, err = cli("sync")
    assert code == 2 and "DISCORD_TOKEN is not set" in err


# -- configuration ------------------------------------------------------------------------------


def test_config_from_env() -> None:
    config = Config.from_env(
        {
            "DISCORD_TOKEN": SECRET,
            "DISCORD_GUILD_IDS": "123, 456",
            "DISCORD_LISTEN_CHANNEL_IDS": "789",
            "BOT_COOLDOWN_RATE": "2",
            "BOT_COOLDOWN_SECONDS": "7.5",
            "BOT_DEFAULT_LANG": "JA",
        }
    )
    assert config.token == SECRET
    assert (config.guild_ids, config.listen_channel_ids) == ((123, 456), (789,))
    assert (config.cooldown_rate, config.cooldown_seconds, config.default_lang) == (2, 7.5, "ja")
    assert SECRET not in repr(config)
    assert Config.from_env({}) == Config()


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DISCORD_GUILD_IDS": "abc"}, "DISCORD_GUILD_IDS must be Discord ids"),
        ({"BOT_COOLDOWN_RATE": "often"}, "BOT_COOLDOWN_RATE must be a whole number"),
        ({"BOT_COOLDOWN_SECONDS": "-1"}, "BOT_COOLDOWN_SECONDS must be seconds from 0"),
        ({"BOT_DEFAULT_LANG": "fr"}, "BOT_DEFAULT_LANG must be ja or en"),
    ],
)
def test_bad_settings_say_what_to_fix(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Config.from_env(env)
