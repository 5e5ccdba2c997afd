"""Templates: Jinja2 with autoescaping on for every template, and the few filters the
pages share. Jinja2 is imported here only, when the first page is rendered."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode


def environment() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("provenance.web", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["q"] = lambda value: quote(str(value), safe="")
    env.filters["num"] = number
    env.globals["query"] = query_string
    return env


def number(value: Any) -> str:
    """A figure as people read it: 60000.0 -> 60,000; 0.5 -> 0.5; None -> ''."""
    if value is None:
        return ""
    x = float(value)
    if x.is_integer() and abs(x) < 1e16:
        return f"{int(x):,}"
    return f"{x:,.6g}"


def query_string(params: dict[str, Any], **changes: Any) -> str:
    """``?a=1&b=2`` from the current parameters with some changed (None removes one)."""
    merged = {**params, **changes}
    pairs = [(k, v) for k, v in merged.items() if v not in (None, "", False)]
    return "?" + urlencode(pairs) if pairs else "?"
