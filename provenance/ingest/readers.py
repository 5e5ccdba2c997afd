"""Reading input files into rows (CSV) or trees (YAML, JSON) that remember their lines.

Decoding is strict: a UTF-8 byte-order mark is accepted, UTF-16/32 and invalid UTF-8
are errors that give the byte offset, and nothing is ever silently replaced.
"""

from __future__ import annotations

import bisect
import csv
import json
import json.decoder
import json.scanner
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from provenance.errors import InputError, Problem

MAX_FIELD_CHARS = 131_072
"""Longest CSV field accepted (128 Ki characters); longer ones are almost always an
unclosed quote swallowing the rest of the file."""

_BOMS = {
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}
_UTF8_BOM = b"\xef\xbb\xbf"


class LocDict(dict[str, Any]):
    """A mapping from a YAML/JSON file that remembers where it and its keys stand."""

    line: int = 0
    key_lines: dict[str, int]

    def __init__(self, *args: Any, line: int = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.line = line
        self.key_lines = {}

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


def _check_encoding_bom(path: Path, head: bytes) -> None:
    for bom, name in _BOMS.items():
        if head.startswith(bom):
            raise InputError(
                [Problem(str(path), 1, None, f"file is {name}-encoded; save it as UTF-8")]
            )


def read_text(path: Path) -> str:
    """The whole file as text, strictly decoded."""
    data = path.read_bytes()
    _check_encoding_bom(path, data[:4])
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            [Problem(str(path), line, None, f"invalid UTF-8 at byte offset {exc.start}")]
        ) from None
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        raise InputError([Problem(str(path), line, None, f"NUL byte at character {nul}")])
    return text


# --- CSV ----------------------------------------------------------------------------------


@dataclass(slots=True)
class CsvRows:
    """Header and rows of a CSV file; ``problems`` collects what could not be read.

    ``encoding`` and ``delimiter`` may be set before reading to force them; otherwise
    they are detected, and their names are added to ``detected``.
    """

    path: Path
    header: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    encoding: str | None = None
    delimiter: str | None = None
    detected: list[str] = field(default_factory=list)
    sheet: str | None = None
    """The sheet read, when the rows come from a spreadsheet."""


def _decode(raw: bytes, encoding: str) -> tuple[str, UnicodeDecodeError | None]:
    try:
        return raw.decode(encoding), None
    except UnicodeDecodeError as exc:
        return raw.decode(encoding, "replace"), exc


def _other_encoding(fh: BinaryIO, raw: bytes) -> str | None:
    """The encoding of a file whose lines so far were ASCII and this one is not UTF-8."""
    from provenance.ingest.sniff import SAMPLE_BYTES, detect_encoding

    here = fh.tell()
    sample = raw + fh.read(SAMPLE_BYTES)
    fh.seek(here)
    if len(sample) > len(raw) and b"\n" in sample[len(raw) :]:
        sample = sample[: sample.rindex(b"\n") + 1]
    found = detect_encoding(sample)
    return None if found in (None, "utf-8", "ascii") else found


def _lines(path: Path, out: CsvRows) -> Iterator[str]:
    """Lines of the file, strictly decoded, byte offsets tracked for error messages.

    Unless the encoding is given, the file is read as UTF-8 until a line is not; if
    every line before it was ASCII, the encoding is detected from there on.
    """
    name = str(path)
    may_detect = out.encoding is None
    encoding = out.encoding = out.encoding or "utf-8"
    with path.open("rb") as fh:
        _check_encoding_bom(path, fh.read(4))
        fh.seek(0)
        offset = 0
        for lineno, raw in enumerate(fh, 1):
            if lineno == 1 and raw.startswith(_UTF8_BOM):
                raw = raw[len(_UTF8_BOM) :]
                offset += len(_UTF8_BOM)
            line, exc = _decode(raw, encoding)
            if exc is not None and may_detect:
                may_detect = False
                found = _other_encoding(fh, raw)
                if found is not None:
                    encoding = out.encoding = found
                    out.detected.append("encoding")
                    line, exc = _decode(raw, encoding)
            if exc is not None:
                label = "UTF-8" if encoding == "utf-8" else encoding
                reason = f"invalid {label} at byte offset {offset + exc.start}"
                out.problems.append(Problem(name, lineno, None, reason))
            elif may_detect and not raw.isascii():
                may_detect = False
            if "\x00" in line:
                at = offset + raw.index(b"\x00")
                out.problems.append(Problem(name, lineno, None, f"NUL byte at byte offset {at}"))
                line = line.replace("\x00", "\ufffd")
            offset += len(raw)
            yield line


def _delimiter(path: Path, out: CsvRows) -> str:
    if out.delimiter is None:
        from provenance.ingest.sniff import SAMPLE_BYTES, sniff_delimiter

        with path.open("rb") as fh:
            sample = fh.read(SAMPLE_BYTES)
        found = sniff_delimiter(sample.removeprefix(_UTF8_BOM).decode("latin-1"))
        out.delimiter = found or ","
        if found:
            out.detected.append("delimiter")
    return out.delimiter


def iter_csv(path: Path, out: CsvRows) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(line, fields)`` for every data row; the header goes to ``out.header``.

    Malformed rows are recorded in ``out.problems`` and skipped, so one bad row does not
    hide the others.
    """
    name = str(path)
    previous_limit = csv.field_size_limit(MAX_FIELD_CHARS)
    try:
        reader = csv.reader(_lines(path, out), delimiter=_delimiter(path, out), strict=True)
        start = 1
        while True:
            start = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                out.problems.append(Problem(name, start, None, _csv_reason(exc)))
                if "end of data" in str(exc):
                    return
                continue
            if not row or (len(row) == 1 and row[0] == ""):
                continue
            if not out.header:
                out.header = row
                continue
            yield start, row
    finally:
        csv.field_size_limit(previous_limit)


def _csv_reason(exc: csv.Error) -> str:
    text = str(exc)
    if "end of data" in text:
        return "unclosed quote: the quoted field runs to the end of the file"
    if "field larger than field limit" in text:
        return (
            f"a field is longer than {MAX_FIELD_CHARS} characters "
            "(often an unclosed quote swallowing the lines after it)"
        )
    return f"malformed CSV: {text}"


MAX_INT_DIGITS = 18  # beyond any count or figure the formats hold; int() of more is slow
_TOO_DEEP = "lists and mappings are nested too deeply"

# --- YAML ---------------------------------------------------------------------------------

_YAML_TAGS = {
    f"tag:yaml.org,2002:{t}"
    for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}


def load_yaml(path: Path) -> Any:
    """Parse YAML with the safe composer and keep every scalar as the text written.

    YAML 1.1 surprises (``no``, ``on``, ``017``, ``12:30:00``) therefore stay text; only
    ``~``/``null``/empty become None. Tags outside the core schema (``!!python/object``)
    and anchors/aliases (the "billion laughs" bomb) are rejected before anything is built.
    """
    import yaml

    text = read_text(path)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        node = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        reason = f"invalid YAML: {exc.problem or exc.context}"
        raise InputError([Problem(str(path), line, None, reason)]) from None
    except yaml.YAMLError as exc:
        position = getattr(exc, "position", None)  # a reader error: a character offset
        line = text.count("\n", 0, position) + 1 if isinstance(position, int) else 1
        reason = (str(exc).strip().splitlines() or ["?"])[0]
        raise InputError([Problem(str(path), line, None, f"invalid YAML: {reason}")]) from None
    except RecursionError:
        raise InputError([Problem(str(path), 1, None, _TOO_DEEP)]) from None
    if node is None:
        return None
    try:
        return _from_node(node, str(path), set())
    except RecursionError:
        raise InputError([Problem(str(path), None, None, _TOO_DEEP)]) from None


def _from_node(node: Any, name: str, seen: set[int]) -> Any:
    import yaml

    line = node.start_mark.line + 1
    if id(node) in seen:
        raise InputError([Problem(name, line, None, "YAML anchors and aliases are not supported")])
    seen.add(id(node))
    if node.tag not in _YAML_TAGS:
        raise InputError([Problem(name, line, None, f"YAML tag {node.tag!r} is not allowed")])
    if isinstance(node, yaml.ScalarNode):
        return None if node.tag.endswith(":null") else node.value
    if isinstance(node, yaml.SequenceNode):
        return [_from_node(item, name, seen) for item in node.value]
    mapping = LocDict(line=line)
    for key_node, value_node in node.value:
        key = _from_node(key_node, name, seen)
        if not isinstance(key, str):
            raise InputError(
                [Problem(name, key_node.start_mark.line + 1, None, "keys must be text")]
            )
        if key in mapping:
            raise InputError([Problem(name, key_node.start_mark.line + 1, key, "duplicate key")])
        mapping[key] = _from_node(value_node, name, seen)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


# --- JSON ---------------------------------------------------------------------------------


class _DuplicateKey(ValueError):
    def __init__(self, key: str, line: int) -> None:
        super().__init__(key)
        self.key = key
        self.line = line


class _BadConstant(ValueError):
    pass


def _locating_decoder(text: str) -> json.JSONDecoder:
    """A JSON decoder whose objects are LocDicts carrying their line numbers.

    The pure-Python scanner is used so that object parsing can be intercepted; input
    files in the nested format are documents, not bulk data, so the cost is acceptable.
    """
    newlines = [i for i, ch in enumerate(text) if ch == "\n"]

    def parse_constant(name: str) -> Any:
        raise _BadConstant(f"{name} is not valid JSON (numbers must be finite)")

    def parse_int(digits: str) -> int:
        if len(digits.lstrip("-")) > MAX_INT_DIGITS:
            raise _BadConstant(f"a {len(digits)}-digit integer is out of range")
        return int(digits)

    def parse_float(written: str) -> float:
        value = float(written)
        if math.isinf(value):
            raise _BadConstant(f"{written} is out of range (numbers must be finite)")
        return value

    decoder = json.JSONDecoder(
        object_pairs_hook=list,
        parse_constant=parse_constant,
        parse_int=parse_int,
        parse_float=parse_float,
    )

    def parse_object(s_and_end: tuple[str, int], *args: Any, **kwargs: Any) -> tuple[Any, int]:
        line = bisect.bisect_left(newlines, s_and_end[1]) + 1
        pairs, end = json.decoder.JSONObject(s_and_end, *args, **kwargs)  # type: ignore[attr-defined]
        obj = LocDict(line=line)
        for key, value in pairs:
            if key in obj:
                raise _DuplicateKey(key, line)
            obj[key] = value
        return obj, end

    decoder.parse_object = parse_object  # type: ignore[attr-defined]
    decoder.scan_once = json.scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]
    return decoder


def load_json(path: Path) -> Any:
    """Parse JSON strictly: duplicate keys and NaN/Infinity are errors, not last-wins."""
    text = read_text(path)
    name = str(path)
    try:
        return _locating_decoder(text).decode(text)
    except json.JSONDecodeError as exc:
        raise InputError([Problem(name, exc.lineno, None, f"invalid JSON: {exc.msg}")]) from None
    except _DuplicateKey as exc:
        raise InputError([Problem(name, exc.line, exc.key, "duplicate key in object")]) from None
    except _BadConstant as exc:
        raise InputError([Problem(name, 1, None, str(exc))]) from None
    except RecursionError:
        raise InputError([Problem(name, 1, None, _TOO_DEEP)]) from None


# --- text that cannot be stored -------------------------------------------------------------

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def unstorable(value: str) -> str | None:
    """Why ``value`` cannot be stored as text (a NUL, or a lone surrogate that no UTF-8
    database or terminal accepts), or None. Escapes such as ``"\\ud800"`` in JSON make them."""
    found = _UNSTORABLE.search(value)
    if found is None:
        return None
    ch = found.group()
    what = "a NUL character" if ch == "\x00" else f"a lone surrogate U+{ord(ch):04X}"
    return f"{what} at character {found.start() + 1} is not valid text"


def printable(value: str) -> str:
    """``value`` safe to print: lone surrogates written as escapes."""
    return value.encode("utf-8", "backslashreplace").decode("utf-8")


def clean_tree(
    tree: Any, name: str, problems: list[Problem], warnings: list[Problem], *, replace: bool
) -> Any:
    """The tree with every string checked by ``unstorable``: each bad one is a problem at
    its ``file:line: field`` or, with ``replace``, replaced by U+FFFD with a warning."""

    def fix(value: Any, line: int | None, field: str | None) -> Any:
        if isinstance(value, str):
            reason = unstorable(value)
            if reason is None:
                return value
            if replace:
                warnings.append(Problem(name, line, field, f"{reason}; replaced with U+FFFD"))
            else:
                problems.append(Problem(name, line, field, reason))
            return _UNSTORABLE.sub("\ufffd", value)  # so later messages can quote it
        if isinstance(value, list):
            return [fix(item, line, field) for item in value]
        if isinstance(value, LocDict):
            out = LocDict(line=value.line)
            for key, item in value.items():
                at = value.line_of(key)
                clean_key = fix(key, at, printable(key))
                out[clean_key] = fix(item, at, printable(clean_key))
                out.key_lines[clean_key] = at
            return out
        return value

    return fix(tree, 1, None)
