"""Articles as text: plain text and Markdown read directly, HTML through trafilatura.

The text kept is the text quotes are verified against, so Markdown's inline marks
(``**bold**``, ``*italic*``, ``[link](url)``, heading ``#``) are removed from plain text and
Markdown alike: a quote is an exact span of what is stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from provenance.errors import InputError, Problem, UsageError

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})

_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_EMPHASIS = re.compile(r"(?<![\w*])(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+", re.MULTILINE)
_BLANK_RUNS = re.compile(r"\n{3,}")
_BYLINE = re.compile(r"^(?:by\s+)?[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){1,3}$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Article:
    """An article's text and what is known about it; every field may be given by the user."""

    text: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None


def read_article(path: Path) -> Article:
    """Read one file; HTML needs the ``extract`` extra (trafilatura)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError([Problem(str(path), None, None, exc.strerror or str(exc))]) from exc
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        reason = f"not UTF-8 (invalid byte at offset {exc.start})"
        raise InputError([Problem(str(path), None, None, reason)]) from exc
    if path.suffix.lower() in HTML_SUFFIXES or content.lstrip()[:15].lower().startswith(
        ("<!doctype html", "<html")
    ):
        return from_html(content, str(path))
    return from_plain(content)


def from_plain(content: str) -> Article:
    """Plain text or Markdown: a short first line is the title, a name-like line the byline."""
    text = clean_markup(content)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    title = lines[0] if lines and _is_heading_line(lines[0]) else None
    author = None
    if title and len(lines) > 1 and _BYLINE.match(lines[1]) and len(lines[1]) < 60:
        author = re.sub(r"^by\s+", "", lines[1], flags=re.IGNORECASE)
    return Article(text=text, title=title, author=author)


def from_html(content: str, name: str) -> Article:
    """Main text and metadata of a web page through trafilatura."""
    try:
        import trafilatura
    except ImportError as exc:
        raise UsageError(
            f"{name}: reading HTML needs the optional extra: pip install 'provenance[extract]'"
        ) from exc
    body = trafilatura.extract(content, include_comments=False, include_tables=False)
    if not body:
        raise InputError([Problem(name, None, None, "no article text found in the page")])
    meta = trafilatura.extract_metadata(content)
    paragraphs = [line.strip() for line in clean_markup(body).split("\n") if line.strip()]
    title = getattr(meta, "title", None) if meta else None
    if title and (not paragraphs or paragraphs[0] != title):
        paragraphs.insert(0, title)
    text = "\n\n".join(paragraphs) + "\n"
    return Article(
        text=text,
        title=title,
        author=getattr(meta, "author", None) if meta else None,
        outlet=getattr(meta, "sitename", None) if meta else None,
        published=getattr(meta, "date", None) if meta else None,
        url=getattr(meta, "url", None) if meta else None,
    )


def clean_markup(content: str) -> str:
    """Text without Markdown's inline marks; line breaks and paragraphs are kept."""
    text = content.replace("\r\n", "\n").replace("\r", "\n")
    text = _HEADING.sub("", text)
    text = _LINK.sub(r"\1", text)
    previous = None
    while previous != text:
        previous = text
        text = _EMPHASIS.sub(r"\2", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANK_RUNS.sub("\n\n", text).strip() + "\n"


def with_metadata(article: Article, **given: str | None) -> Article:
    """The article with the fields the user gave replacing what was read."""
    return replace(article, **{k: v for k, v in given.items() if v})


def _is_heading_line(line: str) -> bool:
    return len(line) <= 160 and not line.endswith((".", ":", ";", ","))
