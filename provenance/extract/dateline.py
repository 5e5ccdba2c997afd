"""The dateline of wire copy: "KYIV, Nov 16 (Reuters) -", "PARIS (AFP) -",
"МОСКВА, 16 ноября. /ТАСС/.".

A dateline opens the first paragraph of an agency's story: a place, perhaps a region
and a date after commas, then the agency in parentheses before a dash or between
slashes. It is not part of any claim, and the agency it names carries the story.
Only that shape at the start of the first prose paragraph is read: a parenthesis
elsewhere is an alias or an aside, never an agency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = r"[^\W\d_]+"
_DATELINE = re.compile(
    rf"(?P<place>{_WORD}(?:[ '’.-]{_WORD}){{0,3}})"
    r"(?:,[^\S\n]*[^,()/\n]{1,30}?){0,2}"
    r"[^\S\n]*(?:\((?P<paren>[^()\n]{1,40})\)[^\S\n]*[-–—]+"
    r"|\.?[^\S\n]*/(?P<slash>[^/\n]{1,30})/\.?)[^\S\n]+"
)
_PROSE_END = re.compile(r"[.!?؟。…\u0964\u06d4\u0589\u104b\u17d4\u17d5][\"'”’»)\]]*\s*$")


@dataclass(frozen=True, slots=True)
class Dateline:
    """Where the dateline is in the text, and the agency it names."""

    start: int
    end: int
    agency: str


def find_dateline(text: str) -> Dateline | None:
    """The dateline opening the article's first prose paragraph, if it has one."""
    for para in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        if not _PROSE_END.search(para.group()):
            continue
        m = _DATELINE.match(text, para.start(), para.end())
        if m is None:
            return None
        agency = (m.group("paren") or m.group("slash") or "").strip()
        if not (_is_name(m.group("place")) and _is_name(agency)):
            return None
        return Dateline(para.start(), m.end(), agency)
    return None


def _is_name(text: str) -> bool:
    """A few words of letters, none starting in lower case (a script without case passes)."""
    parts = text.split()
    return (
        0 < len(parts) <= 4
        and all(re.fullmatch(rf"{_WORD}(?:[-'’.&]{_WORD})*\.?", p) for p in parts)
        and not any(p[0].islower() for p in parts if len(p) > 3)
    )
