"""The fake Discord itself, checked with a minimal discord.py bot defined here (not the project's).

If these fail, the end-to-end tests of the real bot cannot be trusted: the fake must speak the
protocol discord.py 2.7 speaks, and enforce the rules a real bot trips over.
"""

from __future__ import annotations

import asyncio
import logging

import discord
import pytest
from discord import app_commands

from .conftest import running
from .fake_discord import EPHEMERAL, FakeDiscord, buttons, message_text, pings_nobody


class EchoView(discord.ui.View):
    def __init__(self) -> None:
        super().__init__(timeout=None)

    @discord.ui.button(label="Again", custom_id="echo:again")
    async def again(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await interaction.response.edit_message(content="again!", view=self)


class EchoBot(discord.Client):
    """Replies to mentions and DMs; has /echo (answers at once) and /slow (defers, follows up)."""

    def __init__(self, guild_id: int, *, slow_delay: float = 0.2) -> None:
        super().__init__(
            intents=discord.Intents.default(),
            allowed_mentions=discord.AllowedMentions.none(),
            guild_ready_timeout=0.05,
        )
        self.tree = app_commands.CommandTree(self)
        self.guild = discord.Object(guild_id)
        self.errors: list[BaseException] = []
        self.seen: list[discord.Message] = []
        self.locales: list[str] = []

        @self.tree.command(name="echo", description="Echo the text back", guild=self.guild)
        @app_commands.describe(text="What to echo")
        @app_commands.rename(text="text")
        async def echo(interaction: discord.Interaction, text: str, shout: bool = False) -> None:
            self.locales.append(str(interaction.locale))
            await interaction.response.send_message(
                text.upper() if shout else text, view=EchoView()
            )

        @self.tree.command(name="slow", description="Answer after a while", guild=self.guild)
        async def slow(interaction: discord.Interaction) -> None:
            await interaction.response.defer(thinking=True)
            await asyncio.sleep(slow_delay)
            await interaction.followup.send("done slowly")

        @self.tree.command(name="late", description="Miss the deadline", guild=self.guild)
        async def late(interaction: discord.Interaction) -> None:
            await asyncio.sleep(3.2)
            await interaction.response.send_message("too late")

        @self.tree.error
        async def on_tree_error(
            interaction: discord.Interaction, error: app_commands.AppCommandError
        ) -> None:
            self.errors.append(error)
            logging.getLogger("echobot").error("command failed: %r", error)

    async def setup_hook(self) -> None:
        self.add_view(EchoView())
        await self.tree.sync(guild=self.guild)

    async def on_message(self, message: discord.Message) -> None:
        self.seen.append(message)
        if message.author.bot:
            return
        if isinstance(message.channel, discord.DMChannel) or self.user in message.mentions:
            try:
                await message.reply(f"you said: {message.content}")
            except discord.HTTPException as exc:
                self.errors.append(exc)
                logging.getLogger("echobot").error("reply failed: %s", exc)


@pytest.fixture
async def echo(fake: FakeDiscord):
    bot = EchoBot(fake.guild_id)
    async with running(bot, fake):
        await fake.wait_until(
            lambda: fake.commands.get(fake.guild_id), timeout=3, what="command sync"
        )
        yield bot


async def test_login_identify_and_sync(fake: FakeDiscord, echo: EchoBot) -> None:
    paths = [(r.method, r.path) for r in fake.requests]
    assert ("GET", "/users/@me") in paths
    assert ("GET", "/oauth2/applications/@me") in paths
    assert ("PUT", f"/applications/{fake.app_id}/guilds/{fake.guild_id}/commands") in paths
    assert fake.identifies == 1
    names = sorted(c["name"] for c in fake.commands[fake.guild_id])
    assert names == ["echo", "late", "slow"]
    echo_cmd = fake.command("echo")
    assert [(o["name"], o["required"]) for o in echo_cmd["options"]] == [
        ("text", True),
        ("shout", False),
    ]
    await asyncio.wait_for(echo.wait_until_ready(), 3)
    assert echo.get_guild(fake.guild_id).get_channel(fake.channel_id).name == "general"
    assert fake.unhandled == []


async def test_mention_and_dm_get_replies_and_plain_messages_have_no_content(
    fake: FakeDiscord, echo: EchoBot
) -> None:
    alice = fake.user("alice")
    plain = await fake.send_message(alice, "hello everyone")
    mention = await fake.send_message(alice, "what is this?", mention_bot=True)
    reply = await fake.reply_to_message(mention, timeout=3)
    assert reply["content"] == f"you said: <@{fake.bot_user.id}> what is this?"
    assert reply["message_reference"]["message_id"] == mention["id"]
    dm = await fake.send_message(alice, "in private", dm=True)
    dm_reply = await fake.reply_to_message(dm, timeout=3)
    assert dm_reply["content"] == "you said: in private"
    # Without the Message Content intent the bot sees a blank message unless it is mentioned.
    seen = {m.id: m.content for m in echo.seen}
    assert seen[int(plain["id"])] == ""
    # Its own replies come back over the gateway, and it ignored them (one reply each, no loop).
    await fake.wait_until(
        lambda: any(m.author.bot for m in echo.seen), timeout=3, what="echo of own message"
    )
    await asyncio.sleep(0.1)
    assert len(fake.requests_to("POST", r"/channels/\d+/messages")) == 2
    # The message body pinged nobody: neither the mention it quotes nor the replied user.
    for req in fake.requests_to("POST", r"/channels/\d+/messages"):
        assert pings_nobody(req.json.get("allowed_mentions")), req.json
    assert not any(fake.pings)


async def test_slash_command_with_options_locale_and_button(
    fake: FakeDiscord, echo: EchoBot
) -> None:
    bob = fake.user("bob", locale="ja")
    inv = await fake.run_command(bob, "echo", {"text": "hi", "shout": True})
    ack = await fake.first_response(inv, timeout=3)
    assert ack.json["type"] == 4 and inv.latency < 3
    reply = await fake.reply_to(inv)
    assert reply["content"] == "HI"
    assert echo.locales == ["ja"]
    assert [b["custom_id"] for b in buttons(reply)] == ["echo:again"]
    click = await fake.click_button(bob, reply, "echo:again")
    await fake.first_response(click)
    assert click.response_type == 7
    assert fake.messages[int(reply["id"])]["content"] == "again!"
    with pytest.raises(ValueError):
        await fake.run_command(bob, "echo", {"nope": 1, "text": "x"})


async def test_defer_then_followup(fake: FakeDiscord, echo: EchoBot) -> None:
    inv = await fake.run_command(fake.user("carol"), "slow")
    ack = await fake.first_response(inv)
    assert ack.json["type"] == 5
    reply = await fake.reply_to(inv, timeout=3)
    assert reply["content"] == "done slowly"
    assert (
        inv.followup_ids == []
    )  # the first follow-up after a defer is the deferred message itself


async def test_deadline_is_enforced(
    fake: FakeDiscord, echo: EchoBot, caplog: pytest.LogCaptureFixture
) -> None:
    inv = await fake.run_command(fake.user("dave"), "late")
    with pytest.raises(TimeoutError):
        await fake.first_response(inv, timeout=3)
    await fake.wait_until(lambda: inv.callbacks, timeout=2, what="the late callback")
    assert inv.callbacks[0].status == 404 and inv.callbacks[0].response["code"] == 10062
    await fake.wait_until(lambda: echo.errors, timeout=2, what="the error handler")
    assert isinstance(echo.errors[0].__cause__ or echo.errors[0].original, discord.NotFound)


async def test_rate_limited_send_is_retried_and_delivered_once(
    fake: FakeDiscord, echo: EchoBot
) -> None:
    fake.rate_limit_next(
        "POST", rf"/channels/{fake.channel_id}/messages", count=2, retry_after=0.05
    )
    mention = await fake.send_message(fake.user("erin"), "ping", mention_bot=True)
    reply = await fake.reply_to_message(mention, timeout=3)
    attempts = fake.requests_to("POST", rf"/channels/{fake.channel_id}/messages")
    assert [r.status for r in attempts] == [429, 429, 200]
    assert attempts[2].time - attempts[0].time >= 0.1
    assert reply["content"].startswith("you said")
    assert len(fake.replies_in(fake.channel_id, after=0)) == 1


async def test_forbidden_channel_and_failing_callback(fake: FakeDiscord, echo: EchoBot) -> None:
    fake.forbid_channel(fake.other_channel_id)
    frank = fake.user("frank")
    await fake.send_message(frank, "ping", mention_bot=True, channel_id=fake.other_channel_id)
    await fake.wait_until(lambda: echo.errors, timeout=3, what="the 403")
    assert isinstance(echo.errors[0], discord.Forbidden) and echo.errors[0].code == 50013

    fake.fail_next("POST", r"/interactions/\d+/[^/]+/callback", 500, count=1)
    inv = await fake.run_command(frank, "echo", {"text": "after a 500"})
    await fake.first_response(inv, timeout=3)  # discord.py retried once after a second
    assert [r.status for r in inv.callbacks] == [500, 200]


@pytest.mark.parametrize("code", [4000, None], ids=["close-4000", "abrupt"])
async def test_gateway_drop_resumes_and_replays(
    fake: FakeDiscord, echo: EchoBot, code: int | None
) -> None:
    gina = fake.user("gina")
    await fake.drop_gateway(code=code)
    # Sent while the bot is disconnected: Discord replays it on RESUME.
    inv = await fake.run_command(gina, "echo", {"text": "while away"})
    await fake.wait_until(lambda: fake.resumes == 1, timeout=5, what="RESUME")
    assert fake.gateway_log[-1][:2] == ("/resume", "RESUME")
    assert fake.identifies == 1
    reply = await fake.reply_to(inv, timeout=3)
    assert reply["content"] == "while away"


async def test_bad_token_is_refused(fake: FakeDiscord) -> None:
    client = discord.Client(intents=discord.Intents.default())
    with pytest.raises(discord.LoginFailure):
        await asyncio.wait_for(client.login("wrong-token"), 5)
    await client.close()


def test_helpers_read_messages() -> None:
    msg = {
        "content": "a",
        "embeds": [{"title": "t", "description": "d", "fields": [{"name": "n", "value": "v"}]}],
        "components": [{"type": 1, "components": [{"type": 2, "custom_id": "x", "label": "X"}]}],
        "flags": EPHEMERAL,
    }
    assert message_text(msg) == "a\nt\nd\nn\nv"
    assert [b["custom_id"] for b in buttons(msg)] == ["x"]
    assert pings_nobody({"parse": []})
    assert not pings_nobody(None)
    assert not pings_nobody({"parse": [], "replied_user": True})
    assert not pings_nobody({"parse": ["everyone"]})
