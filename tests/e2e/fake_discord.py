"""A small Discord on loopback: REST v10 and a gateway websocket, for end-to-end tests.

The bot's real discord.py client logs in, syncs its commands, receives events over a websocket and
answers over HTTP, as it would against discord.com. The fake keeps Discord's rules where breaking
them is a bug in production: the 3-second deadline for an interaction's first response, one
acknowledgement per interaction, follow-ups only after an acknowledgement, message and embed limits,
intents (no message content without the privileged intent unless the bot is mentioned), RESUME with
replay of missed events, and who a message would ping under its ``allowed_mentions``.

Point discord.py at it with :func:`pointed_at` (it sets ``discord.http.Route.BASE`` and
``discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY``). Every request is recorded in
:attr:`FakeDiscord.requests`; tests drive users with :meth:`FakeDiscord.send_message`,
:meth:`FakeDiscord.run_command` and :meth:`FakeDiscord.click_button`, and inject faults with
:meth:`FakeDiscord.fail_next`, :meth:`FakeDiscord.rate_limit_next`,
:meth:`FakeDiscord.forbid_channel` and :meth:`FakeDiscord.drop_gateway`.

Known details of discord.py 2.7 this relies on: REST responses need a Content-Type of exactly
``application/json``; a 429 is only retried when the response carries a ``Via`` header (without it
discord.py assumes a Cloudflare ban); INTERACTION_CREATE needs ``attachment_size_limit`` and
``member.flags``.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import re
import secrets
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import aiohttp
import discord
import yarl
from aiohttp import web

log = logging.getLogger(__name__)

API_PREFIX = "/api/v10"
DISCORD_EPOCH_MS = 1420070400000
# How long Discord waits for an interaction's first response, and how long its token lasts.
INTERACTION_DEADLINE = 3.0
INTERACTION_TOKEN_LIFETIME = 15 * 60.0
EPHEMERAL = 1 << 6
LOADING = 1 << 7

# Gateway intents the fake honours (https://discord.com/developers/docs/events/gateway#gateway-intents).
GUILDS = 1 << 0
GUILD_MESSAGES = 1 << 9
DIRECT_MESSAGES = 1 << 12
MESSAGE_CONTENT = 1 << 15

# Interaction callback types.
CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE, DEFERRED_UPDATE, UPDATE_MESSAGE = 4, 5, 6, 7
AUTOCOMPLETE_RESULT, MODAL = 8, 9

_VALID_LOCALES = {locale.value for locale in discord.Locale}
_COMMAND_NAME = re.compile(r"^[-_\w]{1,32}$")
_USER_MENTION = re.compile(r"<@!?(\d+)>")
_ROLE_MENTION = re.compile(r"<@&(\d+)>")


def snowflake_time_ms(snowflake: int) -> int:
    return (snowflake >> 22) + DISCORD_EPOCH_MS


def iso_now() -> str:
    return datetime.now(UTC).isoformat()


def message_text(message: dict[str, Any]) -> str:
    """Everything a user reads in a message: its content and its embeds, as one string."""
    parts = [message.get("content") or ""]
    for embed in message.get("embeds") or []:
        parts += [embed.get("title") or "", embed.get("description") or ""]
        parts += [(embed.get("author") or {}).get("name") or ""]
        for f in embed.get("fields") or []:
            parts += [f.get("name") or "", f.get("value") or ""]
        parts += [(embed.get("footer") or {}).get("text") or ""]
    return "\n".join(p for p in parts if p)


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    """The buttons of a message, in order, as component payloads (custom_id, label, emoji, ...)."""
    found = []
    for row in message.get("components") or []:
        for component in row.get("components") or []:
            if component.get("type") == 2:
                found.append(component)
    return found


def pings_nobody(allowed_mentions: dict[str, Any] | None) -> bool:
    """True when a body's ``allowed_mentions`` lets no mention in its content notify anyone."""
    if allowed_mentions is None:
        return False  # Discord then parses every mention in the content
    return (
        not allowed_mentions.get("parse")
        and not allowed_mentions.get("users")
        and not allowed_mentions.get("roles")
        and not allowed_mentions.get("replied_user", False)
    )


@dataclass
class Request:
    """One HTTP request the bot made, as the fake saw it."""

    method: str
    path: str  # without the /api/v10 prefix
    query: dict[str, str]
    json: Any
    time: float  # loop.time() at arrival
    status: int = 0  # filled in once answered
    response: Any = None
    fault: str | None = None  # which injected fault answered it, if any

    def __repr__(self) -> str:
        fault = f" ({self.fault})" if self.fault else ""
        return f"<{self.method} {self.path} -> {self.status}{fault}>"


@dataclass
class Ping:
    """Who a message notified, computed the way Discord applies ``allowed_mentions``."""

    message_id: int
    everyone: bool
    users: set[int]
    roles: set[int]

    def __bool__(self) -> bool:
        return self.everyone or bool(self.users) or bool(self.roles)


@dataclass
class Invocation:
    """One interaction sent to the bot (a slash command or a button click) and what came back."""

    id: int
    token: str
    type: int
    payload: dict[str, Any]
    sent_at: float
    callbacks: list[Request] = field(default_factory=list)  # every callback attempt
    ack: Request | None = None  # the callback Discord accepted
    response_type: int | None = None
    original_id: int | None = None  # the message @original refers to
    followup_ids: list[int] = field(default_factory=list)
    versions_at_ack: int = 0  # of the component's message, for a deferred update

    @property
    def latency(self) -> float | None:
        """Seconds from the fake sending the interaction to its accepted first response."""
        return None if self.ack is None else self.ack.time - self.sent_at


@dataclass
class _Fault:
    method: str
    path: re.Pattern[str]
    status: int
    body: dict[str, Any]
    headers: dict[str, str]
    remaining: int
    name: str


class _GatewayConnection:
    def __init__(self, ws: web.WebSocketResponse, request: web.Request) -> None:
        self.ws = ws
        self.request = request
        self.lock = asyncio.Lock()
        self.session: _Session | None = None

    async def send(self, payload: dict[str, Any]) -> bool:
        async with self.lock:
            if self.ws.closed:
                return False
            try:
                await self.ws.send_str(json.dumps(payload))
            except (ConnectionError, RuntimeError, aiohttp.ClientError):
                return False
            return True


class _Session:
    def __init__(self, session_id: str, intents: int) -> None:
        self.id = session_id
        self.intents = intents
        self.seq = 0
        self.log: list[dict[str, Any]] = []  # every dispatch, for replay on RESUME
        self.conn: _GatewayConnection | None = None


@dataclass
class FakeUser:
    id: int
    username: str
    locale: str = "en-US"
    roles: list[int] = field(default_factory=list)
    bot: bool = False

    def payload(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "username": self.username,
            "global_name": None if self.bot else self.username.title(),
            "discriminator": "0",
            "avatar": None,
            "bot": self.bot,
            "public_flags": 0,
            "flags": 0,
        }

    def member_payload(
        self, *, with_user: bool = True, permissions: str | None = None
    ) -> dict[str, Any]:
        member: dict[str, Any] = {
            "roles": [str(r) for r in self.roles],
            "joined_at": "2024-01-01T00:00:00+00:00",
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
            "nick": None,
            "avatar": None,
            "premium_since": None,
            "communication_disabled_until": None,
        }
        if with_user:
            member["user"] = self.payload()
        if permissions is not None:
            member["permissions"] = permissions
        return member


class FakeDiscord:
    """Discord's REST API and gateway on 127.0.0.1, with drivers for users and fault injection."""

    # Permissions of a user in the guild (view, send, read history, embed, use app commands).
    MEMBER_PERMISSIONS = str(
        discord.Permissions(
            view_channel=True,
            send_messages=True,
            embed_links=True,
            read_message_history=True,
            use_application_commands=True,
        ).value
    )
    BOT_PERMISSIONS = str(
        discord.Permissions(
            view_channel=True,
            send_messages=True,
            send_messages_in_threads=True,
            embed_links=True,
            read_message_history=True,
        ).value
    )

    def __init__(self, *, token: str = "fake-bot-token", guild_locale: str = "ja") -> None:
        self.token = token
        self._ids = itertools.count(1)
        self.app_id = self.snowflake()
        self.bot_user = FakeUser(self.app_id, "articlebot", bot=True)
        self.owner = FakeUser(self.snowflake(), "owner")
        self.guild_id = self.snowflake()
        self.guild_locale = guild_locale
        self.channel_id = self.snowflake()  # the guild's #general
        self.other_channel_id = self.snowflake()  # a second text channel
        self.role_id = self.snowflake()  # a mentionable role, "moderators"
        self.users: dict[int, FakeUser] = {self.bot_user.id: self.bot_user}
        self.dm_channels: dict[int, int] = {}  # user id -> DM channel id

        self.requests: list[Request] = []
        self.unhandled: list[Request] = []  # requests to routes the fake does not know
        self.commands: dict[int | None, list[dict[str, Any]]] = {}  # None: global, else guild id
        self.messages: dict[int, dict[str, Any]] = {}
        self.message_history: dict[int, list[dict[str, Any]]] = {}  # id -> every version
        self.pings: list[Ping] = []
        self.sent_at: dict[int, float] = {}  # user message id -> when the fake dispatched it
        self.deleted: set[int] = set()
        self.invocations: dict[int, Invocation] = {}
        self._by_token: dict[str, Invocation] = {}
        self._faults: list[_Fault] = []
        self._forbidden_channels: set[int] = set()
        self.threads: dict[int, dict[str, Any]] = {}  # thread id -> its channel payload
        self._threads_forbidden = False

        self.sessions: dict[str, _Session] = {}
        self.session: _Session | None = None  # the latest identified session
        self.connections: list[_GatewayConnection] = []
        self.gateway_log: list[tuple[str, str, float]] = []  # (path, "IDENTIFY"/"RESUME"/..., time)
        self.identifies = 0
        self.resumes = 0

        self._runner: web.AppRunner | None = None
        self.port = 0
        self._changed = asyncio.Event()

    # -- lifecycle -----------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{API_PREFIX}"

    @property
    def gateway_url(self) -> yarl.URL:
        return yarl.URL(f"ws://127.0.0.1:{self.port}/")

    @property
    def resume_gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/resume"

    async def start(self) -> FakeDiscord:
        app = web.Application(client_max_size=16 * 1024 * 1024)
        app.router.add_route("GET", "/", self._gateway)
        app.router.add_route("GET", "/resume", self._gateway)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        # A deep accept queue: a burst of interactions opens hundreds of connections at once, and an
        # overflowing queue would delay some by a SYN retransmit (1 s, then 3 s), not by the bot.
        site = web.TCPSite(self._runner, "127.0.0.1", 0, backlog=4096)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def close(self) -> None:
        for conn in self.connections:
            with contextlib.suppress(Exception):
                await conn.ws.close(code=1001)
        if self._runner is not None:
            await self._runner.cleanup()

    # -- ids, users, waiting -------------------------------------------------------------------

    def snowflake(self) -> int:
        return ((int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22) | (next(self._ids) & 0x3FFFFF)

    def user(self, name: str, *, locale: str = "en-US", roles: list[int] | None = None) -> FakeUser:
        """A guild member who can send messages, run commands and click buttons."""
        u = FakeUser(self.snowflake(), name, locale=locale, roles=roles or [])
        self.users[u.id] = u
        return u

    @staticmethod
    def loop_time() -> float:
        return asyncio.get_running_loop().time()

    def _notify(self) -> None:
        event, self._changed = self._changed, asyncio.Event()
        event.set()

    async def wait_until(self, check: Callable[[], Any], *, timeout: float, what: str = "") -> Any:
        """Wait until ``check()`` is truthy (re-checked on every request and event); return it."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            result = check()
            if result:
                return result
            remaining = deadline - loop.time()
            if remaining <= 0:
                recent = ", ".join(map(repr, self.requests[-8:]))
                raise TimeoutError(
                    f"timed out after {timeout}s waiting for {what or check}; recent: {recent}"
                )
            event = self._changed
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), min(remaining, 0.25))

    def message_bodies(self) -> list[tuple[Request, dict[str, Any]]]:
        """Every message body the bot sent: channel messages and their edits, interaction responses
        carrying a message, follow-ups and webhook edits."""
        out = []
        for r in self.requests:
            body = r.json
            if not isinstance(body, dict) or r.method not in ("POST", "PATCH"):
                continue
            if re.fullmatch(r"/channels/\d+/messages(/\d+)?", r.path) or r.path.startswith(
                "/webhooks/"
            ):
                out.append((r, body))
            elif r.path.endswith("/callback") and body.get("type") in (
                CHANNEL_MESSAGE,
                UPDATE_MESSAGE,
            ):
                out.append((r, body.get("data") or {}))
        return out

    def requests_to(self, method: str, pattern: str) -> list[Request]:
        rx = re.compile(pattern)
        return [r for r in self.requests if r.method == method and rx.fullmatch(r.path)]

    # -- fault injection -----------------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        path: str,
        status: int,
        *,
        count: int = 1,
        body: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        name: str | None = None,
    ) -> None:
        """Answer the next ``count`` requests matching ``method`` and ``path`` with ``status``."""
        if body is None:
            body = {"message": f"{status}: injected", "code": 0}
        self._faults.append(
            _Fault(
                method, re.compile(path), status, body, headers or {}, count, name or f"{status}"
            )
        )

    def rate_limit_next(
        self, method: str, path: str, *, count: int = 1, retry_after: float = 0.05
    ) -> None:
        """Answer the next ``count`` matching requests 429: a per-route, not global, rate limit."""
        self.fail_next(
            method,
            path,
            429,
            count=count,
            body={
                "message": "You are being rate limited.",
                "retry_after": retry_after,
                "global": False,
            },
            headers={
                "Retry-After": str(max(1, round(retry_after))),
                "X-RateLimit-Limit": "5",
                "X-RateLimit-Remaining": "0",
                "X-RateLimit-Reset-After": str(retry_after),
                "X-RateLimit-Reset": str(time.time() + retry_after),
                "X-RateLimit-Scope": "user",
            },
            name="429",
        )

    def forbid_channel(self, channel_id: int) -> None:
        """The bot lacks permission in this channel: writes to it answer 403 Missing Permissions."""
        self._forbidden_channels.add(channel_id)

    def forbid_threads(self) -> None:
        """The bot lacks Create Public Threads: starting a thread answers 403 Missing Permissions."""
        self._threads_forbidden = True

    async def archive_thread(self, thread_id: int) -> None:
        """A moderator (or Discord, after inactivity) archives a thread: THREAD_UPDATE."""
        thread = self.threads[thread_id]
        thread["thread_metadata"] = {**thread["thread_metadata"], "archived": True}
        await self._dispatch(self._live_session(), "THREAD_UPDATE", dict(thread))
        self._notify()

    def faults_left(self) -> int:
        return sum(f.remaining for f in self._faults)

    async def drop_gateway(self, *, code: int | None = 4000) -> None:
        """Drop the bot's gateway connection: a close frame with ``code``, or abruptly (None)."""
        session = self.session
        if session is None or session.conn is None:
            raise RuntimeError("the bot is not connected to the gateway")
        conn = session.conn
        session.conn = None  # events from now on wait in the log for a RESUME
        if code is None:
            transport = conn.request.transport
            if transport is not None:
                transport.abort()
        else:
            async with conn.lock:
                await conn.ws.close(code=code, message=b"dropped by the test")
        self._notify()

    # -- gateway -------------------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(max_msg_size=0, autoping=True)
        await ws.prepare(request)
        conn = _GatewayConnection(ws, request)
        self.connections.append(conn)
        await conn.send({"op": 10, "d": {"heartbeat_interval": 41250}, "s": None, "t": None})
        try:
            async for msg in ws:
                if msg.type != aiohttp.WSMsgType.TEXT:
                    continue
                await self._gateway_message(conn, request.path, json.loads(msg.data))
        finally:
            if conn.session is not None and conn.session.conn is conn:
                conn.session.conn = None
            self._notify()
        return ws

    async def _gateway_message(
        self, conn: _GatewayConnection, path: str, msg: dict[str, Any]
    ) -> None:
        op, d = msg.get("op"), msg.get("d")
        loop = asyncio.get_running_loop()
        if op == 1:  # HEARTBEAT
            await conn.send({"op": 11, "d": None, "s": None, "t": None})
        elif op == 2:  # IDENTIFY
            self.gateway_log.append((path, "IDENTIFY", loop.time()))
            if d.get("token") != self.token:
                await conn.ws.close(code=4004, message=b"Authentication failed.")
                return
            session = _Session(secrets.token_hex(16), int(d.get("intents", 0)))
            self.sessions[session.id] = session
            self.session = session
            session.conn = conn
            conn.session = session
            self.identifies += 1
            await self._dispatch(session, "READY", self._ready_payload(session))
            if session.intents & GUILDS:
                await self._dispatch(session, "GUILD_CREATE", self._guild_payload())
        elif op == 6:  # RESUME
            self.gateway_log.append((path, "RESUME", loop.time()))
            session = self.sessions.get(d.get("session_id"))
            if d.get("token") != self.token or session is None:
                await conn.send({"op": 9, "d": False, "s": None, "t": None})
                return
            session.conn = conn
            conn.session = session
            self.session = session
            seq = d.get("seq") or 0
            for payload in session.log:
                if payload["s"] > seq:
                    await conn.send(payload)
            self.resumes += 1
            await self._dispatch(session, "RESUMED", {})
        elif op == 8:  # REQUEST_GUILD_MEMBERS
            members = [u.member_payload() for u in self.users.values()]
            chunk = {
                "guild_id": str(self.guild_id),
                "members": members,
                "chunk_index": 0,
                "chunk_count": 1,
            }
            if d.get("nonce"):
                chunk["nonce"] = d["nonce"]
            if conn.session is not None:
                await self._dispatch(conn.session, "GUILD_MEMBERS_CHUNK", chunk)
        self._notify()

    async def _dispatch(self, session: _Session, event: str, data: dict[str, Any]) -> None:
        session.seq += 1
        payload = {"op": 0, "s": session.seq, "t": event, "d": data}
        session.log.append(payload)
        if session.conn is not None:
            await session.conn.send(payload)

    def _ready_payload(self, session: _Session) -> dict[str, Any]:
        return {
            "v": 10,
            "user": {
                **self.bot_user.payload(),
                "verified": True,
                "mfa_enabled": False,
                "email": None,
            },
            "guilds": [{"id": str(self.guild_id), "unavailable": True}],
            "session_id": session.id,
            "session_type": "normal",
            "resume_gateway_url": self.resume_gateway_url,
            "application": {"id": str(self.app_id), "flags": 0},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": [],
            "user_settings": {},
            "shard": [0, 1],
            "_trace": ["fake-discord"],
        }

    def _channel_payload(self, channel_id: int, name: str, position: int) -> dict[str, Any]:
        return {
            "id": str(channel_id),
            "type": 0,
            "guild_id": str(self.guild_id),
            "name": name,
            "position": position,
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": None,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "flags": 0,
        }

    def _role_payload(
        self, role_id: int, name: str, permissions: str, position: int
    ) -> dict[str, Any]:
        return {
            "id": str(role_id),
            "name": name,
            "permissions": permissions,
            "position": position,
            "color": 0,
            "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
            "hoist": False,
            "managed": False,
            "mentionable": True,
            "icon": None,
            "unicode_emoji": None,
            "flags": 0,
        }

    def _guild_payload(self) -> dict[str, Any]:
        members = [u.member_payload() for u in self.users.values()]
        return {
            "id": str(self.guild_id),
            "name": "Article readers",
            "icon": None,
            "owner_id": str(self.owner.id),
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "roles": [
                self._role_payload(self.guild_id, "@everyone", self.MEMBER_PERMISSIONS, 0),
                self._role_payload(self.role_id, "moderators", self.MEMBER_PERMISSIONS, 1),
            ],
            "emojis": [],
            "stickers": [],
            "features": [],
            "mfa_level": 0,
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "joined_at": "2024-01-01T00:00:00+00:00",
            "large": False,
            "unavailable": False,
            "member_count": len(members),
            "voice_states": [],
            "members": members,
            "channels": [
                self._channel_payload(self.channel_id, "general", 0),
                self._channel_payload(self.other_channel_id, "random", 1),
            ],
            # Active threads, as Discord lists them to a bot that (re)connects.
            "threads": [t for t in self.threads.values() if not t["thread_metadata"]["archived"]],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "preferred_locale": self.guild_locale,
            "premium_tier": 0,
            "nsfw_level": 0,
            "premium_progress_bar_enabled": False,
        }

    async def ready(self, *, timeout: float = 5.0) -> None:
        """Wait until the bot has identified and received its guild."""
        await self.wait_until(
            lambda: (
                self.session is not None and self.session.conn is not None and self.session.seq >= 2
            ),
            timeout=timeout,
            what="the bot to identify on the gateway",
        )

    def _live_session(self) -> _Session:
        if self.session is None:
            raise RuntimeError("the bot has not identified on the gateway")
        return self.session

    # -- drivers: users ------------------------------------------------------------------------

    def dm_channel(self, user: FakeUser) -> int:
        if user.id not in self.dm_channels:
            self.dm_channels[user.id] = self.snowflake()
        return self.dm_channels[user.id]

    async def send_message(
        self,
        user: FakeUser,
        content: str,
        *,
        mention_bot: bool = False,
        dm: bool = False,
        channel_id: int | None = None,
    ) -> dict[str, Any]:
        """A user posts a message in a guild channel (or a DM); returns the message payload."""
        session = self._live_session()
        if mention_bot:
            content = f"<@{self.bot_user.id}> {content}"
        if dm:
            channel_id = self.dm_channel(user)
        else:
            channel_id = channel_id or self.channel_id
        message = self._message(
            channel_id=channel_id,
            author=user,
            content=content,
            guild=not dm,
        )
        self._store_message(message)
        event = dict(message)
        wanted = DIRECT_MESSAGES if dm else GUILD_MESSAGES
        mentioned = any(int(m["id"]) == self.bot_user.id for m in message["mentions"])
        if not dm and not mentioned and not session.intents & MESSAGE_CONTENT:
            # Without the Message Content intent, guild messages not mentioning the bot come blank.
            event.update(content="", embeds=[], attachments=[], components=[])
        self.sent_at[int(message["id"])] = asyncio.get_running_loop().time()
        if session.intents & wanted:
            await self._dispatch(session, "MESSAGE_CREATE", event)
        self._notify()
        return message

    def _message(
        self,
        *,
        channel_id: int,
        author: FakeUser,
        content: str,
        guild: bool,
        embeds: list[dict[str, Any]] | None = None,
        components: list[dict[str, Any]] | None = None,
        flags: int = 0,
        type_: int = 0,
    ) -> dict[str, Any]:
        mentions = []
        for uid in dict.fromkeys(int(m) for m in _USER_MENTION.findall(content)):
            u = self.users.get(uid)
            if u is not None:
                mention = u.payload()
                if guild:
                    mention["member"] = u.member_payload(with_user=False)
                mentions.append(mention)
        message: dict[str, Any] = {
            "id": str(self.snowflake()),
            "channel_id": str(channel_id),
            "author": author.payload(),
            "content": content,
            "timestamp": iso_now(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": "@everyone" in content or "@here" in content,
            "mentions": mentions,
            "mention_roles": list(dict.fromkeys(_ROLE_MENTION.findall(content))),
            "attachments": [],
            "embeds": embeds or [],
            "components": components or [],
            "pinned": False,
            "type": type_,
            "flags": flags,
        }
        if guild:
            message["guild_id"] = str(self.guild_id)
            if not author.bot:
                message["member"] = author.member_payload(with_user=False)
        return message

    def _store_message(self, message: dict[str, Any]) -> None:
        mid = int(message["id"])
        self.messages[mid] = message
        self.message_history.setdefault(mid, []).append(json.loads(json.dumps(message)))

    def _interaction_base(
        self, user: FakeUser, *, type_: int, locale: str | None, dm: bool, channel_id: int | None
    ) -> dict[str, Any]:
        iid = self.snowflake()
        token = "aW50ZXJhY3Rpb246" + secrets.token_urlsafe(48)
        base: dict[str, Any] = {
            "id": str(iid),
            "application_id": str(self.app_id),
            "type": type_,
            "token": token,
            "version": 1,
            "locale": locale or user.locale,
            "app_permissions": self.BOT_PERMISSIONS,
            "entitlements": [],
            "attachment_size_limit": 10 * 1024 * 1024,
        }
        if dm:
            dm_id = self.dm_channel(user)
            base["channel_id"] = str(dm_id)
            base["channel"] = {
                "id": str(dm_id),
                "type": 1,
                "recipients": [user.payload()],
                "flags": 0,
            }
            base["user"] = user.payload()
            base["context"] = 1
            base["authorizing_integration_owners"] = {"0": str(user.id)}
        else:
            cid = channel_id or self.channel_id
            name = "general" if cid == self.channel_id else "random"
            base["guild_id"] = str(self.guild_id)
            base["guild"] = {"id": str(self.guild_id), "locale": self.guild_locale, "features": []}
            base["guild_locale"] = self.guild_locale
            base["channel_id"] = str(cid)
            base["channel"] = self.threads.get(cid) or self._channel_payload(cid, name, 0)
            base["member"] = user.member_payload(permissions=self.MEMBER_PERMISSIONS)
            base["context"] = 0
            base["authorizing_integration_owners"] = {"0": str(self.guild_id)}
        return base

    def command(self, name: str, *, guild: bool = True) -> dict[str, Any]:
        """The synced definition of a command, by its name or any of its localised names."""
        scopes = [self.guild_id, None] if guild else [None]
        for scope in scopes:
            for cmd in self.commands.get(scope, []):
                names = {cmd["name"], *(cmd.get("name_localizations") or {}).values()}
                if name in names:
                    return cmd
        synced = {s: [c["name"] for c in cs] for s, cs in self.commands.items()}
        raise LookupError(f"no command {name!r} has been synced (synced: {synced})")

    async def run_command(
        self,
        user: FakeUser,
        name: str,
        options: dict[str, Any] | None = None,
        *,
        locale: str | None = None,
        dm: bool = False,
        channel_id: int | None = None,
    ) -> Invocation:
        """A user runs a slash command, built from its synced definition as Discord would."""
        session = self._live_session()
        cmd = self.command(name, guild=not dm)
        given = dict(options or {})
        data_options = []
        for opt in cmd.get("options") or []:
            if opt["name"] not in given:
                if opt.get("required"):
                    raise ValueError(f"/{cmd['name']} needs option {opt['name']!r}")
                continue
            value = given.pop(opt["name"])
            choices = [c["value"] for c in opt.get("choices") or []]
            if choices and value not in choices:
                raise ValueError(f"{value!r} is not a choice of {opt['name']!r}: {choices}")
            data_options.append({"name": opt["name"], "type": opt["type"], "value": value})
        if given:
            raise ValueError(f"/{cmd['name']} has no options {sorted(given)}")
        payload = self._interaction_base(user, type_=2, locale=locale, dm=dm, channel_id=channel_id)
        data: dict[str, Any] = {"id": cmd["id"], "name": cmd["name"], "type": cmd.get("type", 1)}
        if data_options:
            data["options"] = data_options
        if cmd.get("guild_id"):
            data["guild_id"] = cmd["guild_id"]
        payload["data"] = data
        return await self._send_interaction(session, payload)

    async def click_button(
        self,
        user: FakeUser,
        message: dict[str, Any] | int,
        custom_id: str,
        *,
        locale: str | None = None,
    ) -> Invocation:
        """A user clicks a button (by custom_id) on a message the bot sent."""
        session = self._live_session()
        mid = int(message["id"]) if isinstance(message, dict) else message
        current = self.messages[mid]
        found = [b for b in buttons(current) if b.get("custom_id") == custom_id]
        if not found:
            ids = [b.get("custom_id") for b in buttons(current)]
            raise LookupError(f"message {mid} has no button {custom_id!r} (buttons: {ids})")
        if found[0].get("disabled"):
            raise ValueError(f"button {custom_id!r} is disabled")
        dm = "guild_id" not in current and int(current["channel_id"]) in self.dm_channels.values()
        payload = self._interaction_base(
            user, type_=3, locale=locale, dm=dm, channel_id=int(current["channel_id"])
        )
        payload["data"] = {"custom_id": custom_id, "component_type": 2}
        payload["message"] = current
        return await self._send_interaction(session, payload)

    async def _send_interaction(self, session: _Session, payload: dict[str, Any]) -> Invocation:
        inv = Invocation(
            id=int(payload["id"]),
            token=payload["token"],
            type=payload["type"],
            payload=payload,
            sent_at=asyncio.get_running_loop().time(),
        )
        self.invocations[inv.id] = inv
        self._by_token[inv.token] = inv
        await self._dispatch(session, "INTERACTION_CREATE", payload)
        self._notify()
        return inv

    # -- awaiting the bot's responses ----------------------------------------------------------

    async def first_response(
        self, inv: Invocation, *, timeout: float = INTERACTION_DEADLINE
    ) -> Request:
        """The interaction's accepted first response (callback), within ``timeout``."""
        return await self.wait_until(
            lambda: inv.ack, timeout=timeout, what=f"the first response to interaction {inv.id}"
        )

    def visible_reply(self, inv: Invocation) -> dict[str, Any] | None:
        """What the user sees in answer to an interaction, once it has arrived.

        A message response, a deferred response once edited, a component's message once updated,
        else the first follow-up.
        """
        if inv.original_id is not None and inv.original_id not in self.deleted:
            original = self.messages[inv.original_id]
            versions = len(self.message_history[inv.original_id])
            if (
                inv.response_type in (CHANNEL_MESSAGE, UPDATE_MESSAGE)
                or (
                    inv.response_type == DEFERRED_CHANNEL_MESSAGE
                    and not original["flags"] & LOADING
                )
                or (inv.response_type == DEFERRED_UPDATE and versions > inv.versions_at_ack)
            ):
                return original
        for fid in inv.followup_ids:
            return self.messages[fid]
        return None

    async def reply_to(
        self, inv: Invocation, *, timeout: float = INTERACTION_DEADLINE
    ) -> dict[str, Any]:
        """Wait for the message a user sees to an interaction (after a defer, its edit)."""
        return await self.wait_until(
            lambda: self.visible_reply(inv),
            timeout=timeout,
            what=f"a visible reply to interaction {inv.id}",
        )

    def replies_in(self, channel_id: int, *, after: float) -> list[dict[str, Any]]:
        """Messages the bot posted in a channel (REST, not interactions) since ``after``."""
        out = []
        for req in self.requests_to("POST", rf"/channels/{channel_id}/messages"):
            if req.time >= after and 200 <= req.status < 300:
                out.append(self.messages[int(req.response["id"])])
        return out

    async def reply_to_message(
        self, message: dict[str, Any], *, timeout: float = INTERACTION_DEADLINE
    ) -> dict[str, Any]:
        """Wait for the bot's message answering a user's message (same channel, posted after it)."""
        channel_id = int(message["channel_id"])

        def found() -> dict[str, Any] | None:
            for reply in self.replies_in(channel_id, after=self.sent_at[int(message["id"])]):
                ref = reply.get("message_reference")
                if ref is None or int(ref["message_id"]) == int(message["id"]):
                    return reply
            return None

        return await self.wait_until(
            found, timeout=timeout, what=f"a reply to message {message['id']}"
        )

    # -- REST ----------------------------------------------------------------------------------

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        loop = asyncio.get_running_loop()
        path = "/" + request.match_info["tail"]
        body: Any = None
        raw = await request.read()
        ctype = request.headers.get("Content-Type", "")
        if raw:
            if ctype == "application/json":
                body = json.loads(raw)
            elif ctype.startswith("multipart/form-data"):
                body = self._multipart_json(raw)
        rec = Request(request.method, path, dict(request.query), body, loop.time())
        self.requests.append(rec)
        try:
            status, payload, headers = self._answer(request, rec, raw, ctype)
        except Exception:
            log.exception("fake discord failed on %s %s", request.method, path)
            status, payload, headers = 500, {"message": "fake discord crashed", "code": 0}, {}
        rec.status = status
        rec.response = payload
        self._notify()
        return self._json(status, payload, headers)

    @staticmethod
    def _multipart_json(raw: bytes) -> Any:
        # File uploads: only their payload_json part is recorded.
        match = re.search(rb'name="payload_json"\r\n(?:[^\r\n]+\r\n)*\r\n(.*?)\r\n--', raw, re.S)
        return json.loads(match.group(1)) if match else None

    @staticmethod
    def _json(status: int, payload: Any, headers: dict[str, str]) -> web.Response:
        if status == 204:
            return web.Response(status=204, headers=headers)
        # discord.py only decodes JSON when Content-Type is exactly application/json.
        hdrs = {"Content-Type": "application/json", **headers}
        return web.Response(status=status, body=json.dumps(payload).encode(), headers=hdrs)

    def _answer(
        self, request: web.Request, rec: Request, raw: bytes, ctype: str
    ) -> tuple[int, Any, dict[str, str]]:
        for fault in self._faults:
            if (
                fault.remaining > 0
                and fault.method == rec.method
                and fault.path.fullmatch(rec.path)
            ):
                fault.remaining -= 1
                rec.fault = fault.name
                # discord.py retries a 429 only with a Via header (else: a Cloudflare ban).
                headers = {"Via": "1.1 google", **fault.headers}
                if fault.status == 429:
                    headers["X-RateLimit-Bucket"] = self._bucket(rec)
                self._note_callback_attempt(rec)
                return fault.status, fault.body, headers
        if raw and ctype != "application/json" and not ctype.startswith("multipart/form-data"):
            return 400, {"message": f"unsupported Content-Type {ctype!r}", "code": 50109}, {}
        bot_route = not rec.path.startswith(("/interactions/", "/webhooks/"))
        if bot_route and request.headers.get("Authorization") != f"Bot {self.token}":
            return 401, {"message": "401: Unauthorized", "code": 0}, {}
        for method, pattern, handler in self._routes():
            m = re.fullmatch(pattern, rec.path)
            if m and method == rec.method:
                status, payload = handler(rec, *m.groups())
                return status, payload, self._ratelimit_headers(rec)
        self.unhandled.append(rec)
        return 404, {"message": "404: Not Found", "code": 0}, {}

    @staticmethod
    def _bucket(rec: Request) -> str:
        return f"{abs(hash(re.sub(r'[0-9]+', 'N', rec.method + rec.path))):x}"

    def _ratelimit_headers(self, rec: Request) -> dict[str, str]:
        return {
            "X-RateLimit-Limit": "50",
            "X-RateLimit-Remaining": "49",
            "X-RateLimit-Reset-After": "1.000",
            "X-RateLimit-Reset": f"{time.time() + 1:.3f}",
            "X-RateLimit-Bucket": self._bucket(rec),
            "Via": "1.1 google",
        }

    def _routes(self) -> list[tuple[str, str, Callable[..., tuple[int, Any]]]]:
        n = r"(\d+)"
        tok = r"([^/]+)"
        return [
            ("GET", "/users/@me", self._get_me),
            ("GET", "/gateway", self._get_gateway),
            ("GET", "/gateway/bot", self._get_gateway_bot),
            ("GET", "/oauth2/applications/@me", self._get_application),
            ("GET", f"/applications/{n}/commands", self._get_commands),
            ("PUT", f"/applications/{n}/commands", self._put_commands),
            ("GET", f"/applications/{n}/guilds/{n}/commands", self._get_commands),
            ("PUT", f"/applications/{n}/guilds/{n}/commands", self._put_commands),
            ("POST", f"/channels/{n}/messages", self._post_message),
            ("POST", f"/channels/{n}/messages/{n}/threads", self._start_thread),
            ("GET", f"/channels/{n}/messages/{n}", self._get_message),
            ("PATCH", f"/channels/{n}/messages/{n}", self._patch_message),
            ("DELETE", f"/channels/{n}/messages/{n}", self._delete_message),
            ("POST", f"/channels/{n}/typing", self._typing),
            ("POST", "/users/@me/channels", self._open_dm),
            ("POST", f"/interactions/{n}/{tok}/callback", self._callback),
            ("POST", f"/webhooks/{n}/{tok}", self._followup),
            ("GET", f"/webhooks/{n}/{tok}/messages/(@original|\\d+)", self._get_webhook_message),
            ("PATCH", f"/webhooks/{n}/{tok}/messages/(@original|\\d+)", self._edit_webhook_message),
            (
                "DELETE",
                f"/webhooks/{n}/{tok}/messages/(@original|\\d+)",
                self._delete_webhook_message,
            ),
        ]

    # -- REST handlers: login and commands -----------------------------------------------------

    def _get_me(self, rec: Request) -> tuple[int, Any]:
        return 200, {
            **self.bot_user.payload(),
            "verified": True,
            "mfa_enabled": False,
            "email": None,
        }

    def _get_gateway(self, rec: Request) -> tuple[int, Any]:
        return 200, {"url": str(self.gateway_url).rstrip("/")}

    def _get_gateway_bot(self, rec: Request) -> tuple[int, Any]:
        limit = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
        return 200, {
            "url": str(self.gateway_url).rstrip("/"),
            "shards": 1,
            "session_start_limit": limit,
        }

    def _get_application(self, rec: Request) -> tuple[int, Any]:
        return 200, {
            "id": str(self.app_id),
            "name": "Article QA",
            "description": "",
            "icon": None,
            "bot_public": True,
            "bot_require_code_grant": False,
            "owner": self.owner.payload(),
            "team": None,
            "verify_key": "0" * 64,
            "flags": 0,
            "summary": "",
            "tags": [],
            "redirect_uris": [],
            "interactions_endpoint_url": None,
            "bot": self.bot_user.payload(),
        }

    def _get_commands(
        self, rec: Request, app_id: str, guild_id: str | None = None
    ) -> tuple[int, Any]:
        if int(app_id) != self.app_id:
            return 403, {"message": "Missing Access", "code": 50001}
        return 200, self.commands.get(None if guild_id is None else int(guild_id), [])

    def _put_commands(
        self, rec: Request, app_id: str, guild_id: str | None = None
    ) -> tuple[int, Any]:
        if int(app_id) != self.app_id:
            return 403, {"message": "Missing Access", "code": 50001}
        if guild_id is not None and int(guild_id) != self.guild_id:
            return 403, {"message": "Missing Access", "code": 50001}
        commands = rec.json
        errors = _command_errors(commands)
        if errors:
            return 400, {"message": "Invalid Form Body", "code": 50035, "errors": errors}
        scope = None if guild_id is None else int(guild_id)
        old_ids = {c["name"]: c["id"] for c in self.commands.get(scope, [])}
        stored = []
        for cmd in commands:
            c = json.loads(json.dumps(cmd))
            c["id"] = old_ids.get(c["name"]) or str(self.snowflake())
            c["application_id"] = str(self.app_id)
            c["version"] = str(self.snowflake())
            c.setdefault("type", 1)
            c.setdefault("default_member_permissions", None)
            c.setdefault("nsfw", False)
            c.setdefault("options", [])
            if guild_id is not None:
                c["guild_id"] = guild_id
            stored.append(c)
        self.commands[scope] = stored
        return 200, stored

    # -- REST handlers: channel messages --------------------------------------------------------

    def _channel_known(self, channel_id: int) -> bool:
        return (
            channel_id in (self.channel_id, self.other_channel_id)
            or channel_id in self.dm_channels.values()
            or channel_id in self.threads
        )

    def _thread_payload(self, thread_id: int, parent_id: int, name: str) -> dict[str, Any]:
        return {
            "id": str(thread_id),
            "type": 11,  # a public thread
            "guild_id": str(self.guild_id),
            "parent_id": str(parent_id),
            "owner_id": str(self.bot_user.id),
            "name": name,
            "last_message_id": None,
            "message_count": 0,
            "member_count": 1,
            "rate_limit_per_user": 0,
            "flags": 0,
            "thread_metadata": {
                "archived": False,
                "auto_archive_duration": 1440,
                "archive_timestamp": iso_now(),
                "locked": False,
            },
        }

    def _start_thread(self, rec: Request, channel_id: str, message_id: str) -> tuple[int, Any]:
        """A thread started from a message; like Discord's, its id is the message's."""
        cid, mid = int(channel_id), int(message_id)
        if cid not in (self.channel_id, self.other_channel_id):
            return 404, {"message": "Unknown Channel", "code": 10003}
        if self._threads_forbidden or cid in self._forbidden_channels:
            return 403, {"message": "Missing Permissions", "code": 50013}
        message = self.messages.get(mid)
        if message is None or int(message["channel_id"]) != cid:
            return 404, {"message": "Unknown Message", "code": 10008}
        if mid in self.threads:
            return 400, {
                "message": "A thread has already been created for this message",
                "code": 160004,
            }
        name = (rec.json or {}).get("name") or ""
        if not 1 <= len(name) <= 100:
            return 400, _form_error({"name": "BASE_TYPE_BAD_LENGTH"})
        self.threads[mid] = thread = self._thread_payload(mid, cid, name)
        session = self.session
        if session is not None:
            event = {**thread, "newly_created": True}
            asyncio.get_running_loop().create_task(self._dispatch(session, "THREAD_CREATE", event))
        return 201, thread

    def _post_message(self, rec: Request, channel_id: str) -> tuple[int, Any]:
        cid = int(channel_id)
        if not self._channel_known(cid):
            return 404, {"message": "Unknown Channel", "code": 10003}
        if cid in self._forbidden_channels:
            return 403, {"message": "Missing Permissions", "code": 50013}
        body = rec.json or {}
        errors = _message_errors(body, creating=True)
        if errors:
            return 400, errors
        if body.get("flags", 0) & EPHEMERAL:
            return 400, {
                "message": "Invalid Form Body",
                "code": 50035,
                "errors": {"flags": "ephemeral"},
            }
        guild = cid in (self.channel_id, self.other_channel_id) or cid in self.threads
        ref = body.get("message_reference")
        message = self._message(
            channel_id=cid,
            author=self.bot_user,
            content=body.get("content") or "",
            guild=guild,
            embeds=_normalise_embeds(body.get("embeds")),
            components=body.get("components"),
            flags=body.get("flags", 0),
            type_=19 if ref else 0,
        )
        replied_user = None
        if ref:
            target = self.messages.get(int(ref["message_id"]))
            if target is None and ref.get("fail_if_not_exists", True):
                return 400, {"message": "Unknown message", "code": 50035}
            message["message_reference"] = {
                "type": 0,
                "message_id": str(ref["message_id"]),
                "channel_id": str(cid),
            }
            if guild:
                message["message_reference"]["guild_id"] = str(self.guild_id)
            if target is not None:
                message["referenced_message"] = target
                replied_user = int(target["author"]["id"])
        self._record_pings(message, body.get("allowed_mentions"), replied_user=replied_user)
        self._store_message(message)
        self._echo(message)
        return 200, message

    def _echo(self, message: dict[str, Any]) -> None:
        """Discord sends the bot its own messages over the gateway too; a bot must ignore them."""
        session = self.session
        if session is None:
            return
        wanted = GUILD_MESSAGES if "guild_id" in message else DIRECT_MESSAGES
        if session.intents & wanted and not message["flags"] & EPHEMERAL:
            asyncio.get_running_loop().create_task(
                self._dispatch(session, "MESSAGE_CREATE", message)
            )

    def _get_message(self, rec: Request, channel_id: str, message_id: str) -> tuple[int, Any]:
        message = self.messages.get(int(message_id))
        if message is None or message["channel_id"] != channel_id:
            return 404, {"message": "Unknown Message", "code": 10008}
        return 200, message

    def _patch_message(self, rec: Request, channel_id: str, message_id: str) -> tuple[int, Any]:
        if int(channel_id) in self._forbidden_channels:
            return 403, {"message": "Missing Permissions", "code": 50013}
        message = self.messages.get(int(message_id))
        if message is None or message["channel_id"] != channel_id:
            return 404, {"message": "Unknown Message", "code": 10008}
        if int(message["author"]["id"]) != self.bot_user.id:
            return 403, {"message": "Cannot edit a message authored by another user", "code": 50005}
        return self._apply_edit(message, rec.json or {})

    def _delete_message(self, rec: Request, channel_id: str, message_id: str) -> tuple[int, Any]:
        message = self.messages.get(int(message_id))
        if message is None or message["channel_id"] != channel_id:
            return 404, {"message": "Unknown Message", "code": 10008}
        self.deleted.add(int(message_id))
        return 204, None

    def _typing(self, rec: Request, channel_id: str) -> tuple[int, Any]:
        if int(channel_id) in self._forbidden_channels:
            return 403, {"message": "Missing Permissions", "code": 50013}
        return 204, None

    def _open_dm(self, rec: Request) -> tuple[int, Any]:
        uid = int((rec.json or {}).get("recipient_id", 0))
        user = self.users.get(uid)
        if user is None:
            return 400, {"message": "Invalid Recipient(s)", "code": 50033}
        return 200, {
            "id": str(self.dm_channel(user)),
            "type": 1,
            "recipients": [user.payload()],
            "last_message_id": None,
            "flags": 0,
        }

    def _apply_edit(self, message: dict[str, Any], body: dict[str, Any]) -> tuple[int, Any]:
        errors = _message_errors(body, creating=False)
        if errors:
            return 400, errors
        was_loading = bool(message["flags"] & LOADING)
        for key in ("content", "components"):
            if key in body:
                message[key] = (
                    body[key] if body[key] is not None else ([] if key == "components" else "")
                )
        if "embeds" in body:
            message["embeds"] = _normalise_embeds(body["embeds"])
        if was_loading:
            message["flags"] &= ~LOADING
            # The first edit of a deferred response is the answer's arrival: its mentions notify.
            self._record_pings(message, body.get("allowed_mentions"), replied_user=None)
        else:
            message["edited_timestamp"] = iso_now()
        if (
            not message.get("content")
            and not message.get("embeds")
            and not message.get("components")
        ):
            return 400, {"message": "Cannot send an empty message", "code": 50006}
        self._store_message(message)
        return 200, message

    def _record_pings(
        self, message: dict[str, Any], allowed: dict[str, Any] | None, *, replied_user: int | None
    ) -> None:
        content = message.get("content") or ""
        parse = (
            {"users", "roles", "everyone"} if allowed is None else set(allowed.get("parse") or [])
        )
        users = {int(u) for u in _USER_MENTION.findall(content)}
        roles = {int(r) for r in _ROLE_MENTION.findall(content)}
        ping = Ping(
            message_id=int(message["id"]),
            everyone="everyone" in parse and ("@everyone" in content or "@here" in content),
            users=users
            if "users" in parse
            else users & {int(u) for u in (allowed or {}).get("users") or []},
            roles=roles
            if "roles" in parse
            else roles & {int(r) for r in (allowed or {}).get("roles") or []},
        )
        replied = (allowed or {}).get("replied_user", allowed is None)
        if replied_user is not None and replied and replied_user != self.bot_user.id:
            ping.users.add(replied_user)
        self.pings.append(ping)

    # -- REST handlers: interactions -----------------------------------------------------------

    def _note_callback_attempt(self, rec: Request) -> None:
        m = re.fullmatch(r"/interactions/(\d+)/([^/]+)/callback", rec.path)
        if m and int(m.group(1)) in self.invocations:
            self.invocations[int(m.group(1))].callbacks.append(rec)

    def _callback(self, rec: Request, interaction_id: str, token: str) -> tuple[int, Any]:
        loop = asyncio.get_running_loop()
        inv = self.invocations.get(int(interaction_id))
        if inv is None or inv.token != token:
            return 404, {"message": "Unknown interaction", "code": 10062}
        inv.callbacks.append(rec)
        if inv.ack is not None:
            return 400, {"message": "Interaction has already been acknowledged.", "code": 40060}
        if loop.time() - inv.sent_at > INTERACTION_DEADLINE:
            return 404, {"message": "Unknown interaction", "code": 10062}
        body = rec.json or {}
        rtype = body.get("type")
        data = body.get("data") or {}
        if rtype in (DEFERRED_UPDATE, UPDATE_MESSAGE) and inv.type != 3:
            return 400, {
                "message": "Interaction response type not valid for this interaction",
                "code": 40043,
            }
        if rtype not in (
            CHANNEL_MESSAGE,
            DEFERRED_CHANNEL_MESSAGE,
            DEFERRED_UPDATE,
            UPDATE_MESSAGE,
            AUTOCOMPLETE_RESULT,
            MODAL,
        ):
            return 400, {"message": "Invalid interaction response type", "code": 50035}
        if rtype == CHANNEL_MESSAGE:
            errors = _message_errors(data, creating=True)
            if errors:
                return 400, errors
        resource: dict[str, Any] = {"type": rtype}
        channel_id = int(inv.payload["channel_id"])
        guild = "guild_id" in inv.payload
        user = self.users[
            int((inv.payload.get("member") or {}).get("user", inv.payload.get("user"))["id"])
        ]
        metadata = {
            "id": str(inv.id),
            "type": inv.type,
            "user": user.payload(),
            "authorizing_integration_owners": inv.payload["authorizing_integration_owners"],
        }
        if rtype in (CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE):
            flags = data.get("flags", 0) & (EPHEMERAL | 4 | 4096)
            if rtype == DEFERRED_CHANNEL_MESSAGE:
                flags |= LOADING
            message = self._message(
                channel_id=channel_id,
                author=self.bot_user,
                content=data.get("content") or "",
                guild=guild,
                embeds=_normalise_embeds(data.get("embeds")),
                components=data.get("components"),
                flags=flags,
                type_=20 if inv.type == 2 else 19,
            )
            message["webhook_id"] = str(self.app_id)
            message["application_id"] = str(self.app_id)
            message["interaction_metadata"] = metadata
            message.pop("member", None)
            if rtype == CHANNEL_MESSAGE:
                self._record_pings(message, data.get("allowed_mentions"), replied_user=None)
            self._store_message(message)
            inv.original_id = int(message["id"])
            resource["message"] = message
            if rtype == CHANNEL_MESSAGE:
                self._echo(message)
        elif rtype in (DEFERRED_UPDATE, UPDATE_MESSAGE):
            target = self.messages[int(inv.payload["message"]["id"])]
            inv.original_id = int(target["id"])
            inv.versions_at_ack = len(self.message_history[inv.original_id])
            if rtype == UPDATE_MESSAGE:
                status, edited = self._apply_edit(target, data)
                if status != 200:
                    return status, edited
            resource["message"] = target
        inv.ack = rec
        inv.response_type = rtype
        response = {
            "interaction": {
                "id": str(inv.id),
                "type": inv.type,
                "response_message_loading": rtype == DEFERRED_CHANNEL_MESSAGE,
                "response_message_ephemeral": bool(data.get("flags", 0) & EPHEMERAL),
            },
            "resource": resource,
        }
        if "message" in resource:
            response["interaction"]["response_message_id"] = resource["message"]["id"]
        return 200, response

    def _webhook_invocation(self, app_id: str, token: str) -> Invocation | None:
        inv = self._by_token.get(token)
        if int(app_id) != self.app_id or inv is None or inv.ack is None:
            return None  # a token is only a webhook once its interaction was acknowledged
        if asyncio.get_running_loop().time() - inv.sent_at > INTERACTION_TOKEN_LIFETIME:
            return None
        return inv

    def _followup(self, rec: Request, app_id: str, token: str) -> tuple[int, Any]:
        inv = self._webhook_invocation(app_id, token)
        if inv is None:
            return 404, {"message": "Unknown Webhook", "code": 10015}
        body = rec.json or {}
        original_id = inv.original_id
        if inv.response_type == DEFERRED_CHANNEL_MESSAGE and original_id not in (
            None,
            *self.deleted,
        ):
            original = self.messages[original_id]
            if original["flags"] & LOADING:
                # Discord turns the first follow-up after a defer into the deferred response itself
                # (whose visibility the defer decided: the follow-up's ephemeral flag is ignored),
                # unless that response was deleted first.
                return self._apply_edit(original, body)
        errors = _message_errors(body, creating=True)
        if errors:
            return 400, errors
        message = self._message(
            channel_id=int(inv.payload["channel_id"]),
            author=self.bot_user,
            content=body.get("content") or "",
            guild="guild_id" in inv.payload,
            embeds=_normalise_embeds(body.get("embeds")),
            components=body.get("components"),
            flags=body.get("flags", 0) & (EPHEMERAL | 4 | 4096),
        )
        message.pop("member", None)
        message["webhook_id"] = str(self.app_id)
        message["application_id"] = str(self.app_id)
        self._record_pings(message, body.get("allowed_mentions"), replied_user=None)
        self._store_message(message)
        inv.followup_ids.append(int(message["id"]))
        self._echo(message)
        return 200, message

    def _webhook_target(self, inv: Invocation, which: str) -> dict[str, Any] | None:
        if which == "@original":
            return None if inv.original_id is None else self.messages.get(inv.original_id)
        mid = int(which)
        if mid == inv.original_id or mid in inv.followup_ids:
            return self.messages.get(mid)
        return None

    def _webhook_message(
        self, app_id: str, token: str, which: str
    ) -> tuple[dict[str, Any] | None, tuple[int, Any]]:
        """The message a webhook route names and (200, it); or None and the 404 Discord sends."""
        inv = self._webhook_invocation(app_id, token)
        if inv is None:
            return None, (404, {"message": "Unknown Webhook", "code": 10015})
        target = self._webhook_target(inv, which)
        if target is None:
            return None, (404, {"message": "Unknown Message", "code": 10008})
        return target, (200, target)

    def _get_webhook_message(
        self, rec: Request, app_id: str, token: str, which: str
    ) -> tuple[int, Any]:
        return self._webhook_message(app_id, token, which)[1]

    def _edit_webhook_message(
        self, rec: Request, app_id: str, token: str, which: str
    ) -> tuple[int, Any]:
        target, missing = self._webhook_message(app_id, token, which)
        if target is None:
            return missing
        return self._apply_edit(target, rec.json or {})

    def _delete_webhook_message(
        self, rec: Request, app_id: str, token: str, which: str
    ) -> tuple[int, Any]:
        target, missing = self._webhook_message(app_id, token, which)
        if target is None:
            return missing
        self.deleted.add(int(target["id"]))
        return 204, None


# -- validation, as Discord answers 400 Invalid Form Body ------------------------------------------


def _form_error(errors: dict[str, Any]) -> dict[str, Any]:
    return {"message": "Invalid Form Body", "code": 50035, "errors": errors}


def _normalise_embeds(embeds: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    return [{"type": "rich", **e} for e in embeds or []]


def _embed_errors(embeds: list[dict[str, Any]]) -> dict[str, str]:
    errors: dict[str, str] = {}
    if len(embeds) > 10:
        errors["embeds"] = "Must be 10 or fewer in length."
    total = 0
    for i, e in enumerate(embeds):
        limits = [
            ("title", e.get("title"), 256),
            ("description", e.get("description"), 4096),
            ("footer.text", (e.get("footer") or {}).get("text"), 2048),
            ("author.name", (e.get("author") or {}).get("name"), 256),
        ]
        fields = e.get("fields") or []
        if len(fields) > 25:
            errors[f"embeds.{i}.fields"] = "Must be 25 or fewer in length."
        for j, f in enumerate(fields):
            limits += [
                (f"fields.{j}.name", f.get("name"), 256),
                (f"fields.{j}.value", f.get("value"), 1024),
            ]
            if not f.get("name") or not f.get("value"):
                errors[f"embeds.{i}.fields.{j}"] = "name and value are required"
        for name, text, limit in limits:
            if text is None:
                continue
            total += len(text)
            if len(text) > limit:
                errors[f"embeds.{i}.{name}"] = f"Must be {limit} or fewer in length."
    if total > 6000:
        errors["embeds"] = "Embed size exceeds maximum size of 6000"
    return errors


def _component_errors(rows: list[dict[str, Any]]) -> dict[str, str]:
    errors: dict[str, str] = {}
    if len(rows) > 5:
        errors["components"] = "Must be 5 or fewer in length."
    seen: set[str] = set()
    for i, row in enumerate(rows):
        children = row.get("components") or []
        if row.get("type") != 1 or not 1 <= len(children) <= 5:
            errors[f"components.{i}"] = "an action row holds 1 to 5 components"
        for j, c in enumerate(children):
            where = f"components.{i}.components.{j}"
            if c.get("type") != 2:
                continue
            if c.get("label") and len(c["label"]) > 80:
                errors[where + ".label"] = "Must be 80 or fewer in length."
            if not c.get("label") and not c.get("emoji"):
                errors[where] = "a button needs a label or an emoji"
            if c.get("style") == 5:
                if not c.get("url"):
                    errors[where + ".url"] = "link buttons need a url"
                continue
            cid = c.get("custom_id")
            if not cid or len(cid) > 100:
                errors[where + ".custom_id"] = "Must be between 1 and 100 in length."
            elif cid in seen:
                errors[where + ".custom_id"] = "Component custom id cannot be duplicated"
            seen.add(cid or "")
    return errors


def _message_errors(body: dict[str, Any], *, creating: bool) -> dict[str, Any] | None:
    content = body.get("content")
    embeds = body.get("embeds") or []
    components = body.get("components") or []
    errors: dict[str, Any] = {}
    if content is not None and len(content) > 2000:
        errors["content"] = "Must be 2000 or fewer in length."
    errors.update(_embed_errors(embeds))
    errors.update(_component_errors(components))
    allowed = body.get("allowed_mentions")
    if allowed is not None:
        parse = allowed.get("parse") or []
        if ("users" in parse and allowed.get("users")) or (
            "roles" in parse and allowed.get("roles")
        ):
            errors["allowed_mentions"] = "parse and an explicit list are mutually exclusive"
    if errors:
        return _form_error(errors)
    if creating and not content and not embeds and not components and not body.get("poll"):
        return {"message": "Cannot send an empty message", "code": 50006}
    return None


def _command_errors(commands: Any) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not isinstance(commands, list):
        return {"_": "expected a list of commands"}
    if len(commands) > 100:
        errors["_"] = "at most 100 commands"
    names: set[str] = set()
    for i, cmd in enumerate(commands):
        where = str(i)
        name = cmd.get("name", "")
        if cmd.get("type", 1) == 1 and (not _COMMAND_NAME.fullmatch(name) or name != name.lower()):
            errors[where + ".name"] = f"invalid slash command name {name!r}"
        if name in names:
            errors[where + ".name"] = f"duplicate command name {name!r}"
        names.add(name)
        desc = cmd.get("description", "")
        if cmd.get("type", 1) == 1 and not 1 <= len(desc) <= 100:
            errors[where + ".description"] = "Must be between 1 and 100 in length."
        errors.update(_localisation_errors(cmd, where))
        errors.update(_option_errors(cmd.get("options") or [], where))
    return errors


def _localisation_errors(obj: dict[str, Any], where: str, *, names: bool = True) -> dict[str, str]:
    errors = {}
    for key, limit in (("name_localizations", 32), ("description_localizations", 100)):
        for locale, text in (obj.get(key) or {}).items():
            if locale not in _VALID_LOCALES:
                errors[f"{where}.{key}.{locale}"] = f"invalid locale {locale!r}"
            elif not 1 <= len(text) <= limit:
                errors[f"{where}.{key}.{locale}"] = f"Must be between 1 and {limit} in length."
            elif names and key == "name_localizations" and not _COMMAND_NAME.fullmatch(text):
                errors[f"{where}.{key}.{locale}"] = f"invalid name {text!r}"
    return errors


def _option_errors(options: list[dict[str, Any]], where: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    if len(options) > 25:
        errors[where + ".options"] = "Must be 25 or fewer in length."
    seen_optional = False
    for j, opt in enumerate(options):
        w = f"{where}.options.{j}"
        name = opt.get("name", "")
        if not _COMMAND_NAME.fullmatch(name) or name != name.lower():
            errors[w + ".name"] = f"invalid option name {name!r}"
        if not 1 <= len(opt.get("description", "")) <= 100:
            errors[w + ".description"] = "Must be between 1 and 100 in length."
        if opt.get("required"):
            if seen_optional:
                errors[w + ".required"] = (
                    "Required options must be placed before non-required options"
                )
        else:
            seen_optional = True
        if len(opt.get("choices") or []) > 25:
            errors[w + ".choices"] = "Must be 25 or fewer in length."
        errors.update(_localisation_errors(opt, w))
        for k, choice in enumerate(opt.get("choices") or []):
            errors.update(_localisation_errors(choice, f"{w}.choices.{k}", names=False))
        errors.update(_option_errors(opt.get("options") or [], w))
    return errors


# -- pointing discord.py at the fake -----------------------------------------------------------


@contextlib.contextmanager
def pointed_at(fake: FakeDiscord) -> Iterator[None]:
    """Make discord.py's REST and gateway URLs point at the fake; restore them afterwards."""
    old_base = discord.http.Route.BASE
    old_gateway = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    discord.http.Route.BASE = fake.base_url
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = fake.gateway_url
    try:
        yield
    finally:
        discord.http.Route.BASE = old_base
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = old_gateway
