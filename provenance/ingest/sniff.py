"""Guessing how a CSV file was written: its delimiter and, when it is not UTF-8, its encoding.

Both guesses are reported with the import and can be overridden. UTF-8 is always tried
first and costs nothing extra; a detector only runs on the bytes that are not UTF-8.
"""

from __future__ import annotations

import codecs
import csv
import io

DELIMITERS = (",", ";", "\t", "|")
SAMPLE_BYTES = 65_536
_SAMPLE_LINES = 50


def sniff_delimiter(sample: str) -> str | None:
    """The delimiter that splits the header into most columns and keeps rows that wide.

    ``csv.Sniffer`` guesses from character frequencies and is misled by punctuation inside
    quoted text; here every candidate is parsed as CSV and judged by the row widths.
    """
    lines = sample.splitlines(keepends=True)
    if len(lines) > 1 and not sample.endswith(("\n", "\r")):
        lines = lines[:-1]
    text = "".join(lines[:_SAMPLE_LINES])
    best: tuple[float, int] = (0.0, 1)
    chosen = None
    for delimiter in DELIMITERS:
        widths = _widths(text, delimiter)
        if not widths or widths[0] < 2:
            continue
        score = (sum(w == widths[0] for w in widths) / len(widths), widths[0])
        if score > best:
            best, chosen = score, delimiter
    return chosen


def _widths(text: str, delimiter: str) -> list[int]:
    try:
        return [len(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter) if r]
    except csv.Error:
        return []


def check_encoding(name: str) -> str:
    """The codec's canonical name; ValueError for an unknown one."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise ValueError(f"unknown encoding {name!r}") from None


_WESTERN_LETTERS = frozenset("ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜßàáâãäåæçèéêëìíîïñòóôõöøùúûüÿŒœŠšŽžŸ")
_WESTERN_MARKS = frozenset("“”„‘’‚–—…«»€°§·¡¿ºª\u00a0")


def _reads_as_western(sample: bytes) -> bool:
    """Windows-1252 text in a Western European language: accented letters scattered in
    mostly plain words. Cyrillic or Greek code pages also decode as Windows-1252, but
    as runs of accented letters, and Turkish or Polish ones show letters Western
    languages do not use (ð, þ, ý, ³)."""
    try:
        decoded = sample.decode("cp1252")
    except UnicodeDecodeError:
        return False
    letters = accented = 0
    for ch in decoded:
        if ch.isascii():
            letters += ch.isalpha()
        elif ch in _WESTERN_LETTERS:
            letters += 1
            accented += 1
        elif ch not in _WESTERN_MARKS:
            return False
    return (accented > 0 and accented <= 0.3 * letters) or accented == 0


def detect_encoding(sample: bytes) -> str | None:
    """The most likely single-byte or legacy encoding of bytes that are not UTF-8.

    Windows-1252 (what Excel writes in Western Europe and the Americas) is recognised
    first: charset-normalizer ranks Central European code pages above it for Western
    text that decodes identically, and misreads short samples as Asian encodings.
    """
    if _reads_as_western(sample):
        return "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is None:
        return None
    return check_encoding(best.encoding)
