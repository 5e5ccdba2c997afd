"""Text normalisation shared by matching, keys and deduplication."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Case-folded, whitespace-collapsed form used to match names and aliases."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def ascii_slug(text: str, max_len: int = 48) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    return _NON_ALNUM.sub("-", plain).strip("-")[:max_len].strip("-")


def short_hash(*parts: str, length: int = 10) -> str:
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8"), usedforsecurity=False)
    return digest.hexdigest()[:length]


@lru_cache(maxsize=65_536)
def slug_or_hash(text: str, prefix: str, max_len: int = 48) -> str:
    """A readable key from text; non-Latin text falls back to a stable hash."""
    return ascii_slug(text, max_len) or f"{prefix}-{short_hash(fold(text), length=8)}"


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def like_literal(text: str) -> str:
    """``text`` for a SQL ``LIKE ... ESCAPE '!'`` pattern, matched literally (keys may
    contain ``_`` or ``%``, which LIKE would read as wildcards)."""
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_")
