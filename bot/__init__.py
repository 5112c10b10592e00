"""A Discord bot (and a console) answering questions about the articles in seeds/ with cited quotes.

Data flows one way: `index` finds passages -> `answer.compose` makes an `Answer` -> `render`
turns it into a Discord embed or console text -> `commands` / `console` send it. Only the
adapters (`client`, `commands`, `views`, `interactions`) import discord.py's client side.
"""

from __future__ import annotations

from .answer import Answer, Citation, Quote, compose
from .config import Config

__all__ = ["Answer", "Citation", "Config", "Quote", "compose"]
