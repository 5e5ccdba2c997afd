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


# Letters of other scripts drawn like Latin ones (after case folding), as Unicode's
# confusables list pairs them: "Rеutеrs" with Cyrillic е reads as "Reuters".
_LOOKALIKES = str.maketrans(
    {
        "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o",
        "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j",
        "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l", "ɡ": "g",
        "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
        "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ζ": "z", "μ": "m",
    }
)  # fmt: skip


def skeleton(text: str) -> str:
    """The folded text with lookalike letters of other scripts replaced by Latin ones."""
    return fold(text).translate(_LOOKALIKES)


def scripts(text: str) -> set[str]:
    """The scripts of the letters in ``text`` (LATIN, CYRILLIC, GREEK, ...)."""
    return {unicodedata.name(ch, "?").split(" ", 1)[0] for ch in text if ch.isalpha()}


def searchable(text: str) -> str:
    """Document text as quotes are looked up in it: whitespace collapsed, case folded."""
    return " ".join(text.split()).casefold()


def quote_found(quote: str, searchable_text: str) -> bool:
    """Whether ``quote`` stands in a document's text (given as ``searchable(text)``);
    ``check`` and import use this one rule, so nothing import accepts fails ``check``."""
    return searchable(quote) in searchable_text
