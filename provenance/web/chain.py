"""A claim's provenance drawn as a graph: origins → relays → documents, as inline SVG.

Each attribution is a path from its origin through its relays (nearest the origin
first) to the document it was read in. A source that appears in several paths is one
node, placed one column right of everything that feeds it (longest-path layering),
and documents form the last column, so the graph reads left to right.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from itertools import pairwise
from urllib.parse import quote

from provenance.query import AttributionView

NODE_WIDTH = 190
NODE_HEIGHT = 40
COLUMN_GAP = 60
ROW_GAP = 14
PAD = 10
MAX_LABEL = 28


@dataclass
class Node:
    id: str
    label: str
    detail: str
    kind: str  # "origin", "relay" or "document"
    href: str | None
    named: bool = True
    column: int = 0
    row: int = 0


@dataclass
class Graph:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[tuple[str, str, str]] = field(default_factory=list)
    """(from, to, stance) of each hop; one edge per distinct hop."""


def chain_graph(attributions: Sequence[AttributionView], source_url: str = "/sources/") -> Graph:
    g = Graph()
    seen: set[tuple[str, str]] = set()
    for a in attributions:
        path = [_source_node(g, a.origin.key, a.origin.name, a.origin, "origin", source_url)]
        for relay in a.via:
            path.append(_source_node(g, relay.key, relay.name, relay, "relay", source_url))
        if a.document:
            path.append(_document_node(g, a.document))
        for left, right in pairwise(path):
            if (left, right) not in seen and left != right:
                seen.add((left, right))
                g.edges.append((left, right, a.stance))
    _layout(g)
    return g


def _source_node(g: Graph, key: str, name: str, ref: object, role: str, base: str) -> str:
    node_id = f"s:{key}"
    node = g.nodes.get(node_id)
    if node is None:
        kind = getattr(ref, "kind", "")
        named = bool(getattr(ref, "named", True))
        detail = kind + ("" if named else ", unnamed")
        g.nodes[node_id] = Node(node_id, name, detail, role, base + quote(key, safe=""), named)
    elif role == "origin":
        node.kind = "origin"
    return node_id


def _document_node(g: Graph, doc: dict[str, object]) -> str:
    node_id = f"d:{doc['key']}"
    if node_id not in g.nodes:
        label = str(doc.get("outlet") or doc.get("title") or doc["key"])
        detail = " · ".join(str(doc[f]) for f in ("published", "title") if doc.get(f))
        url = doc.get("url")
        href = (
            str(url) if isinstance(url, str) and url.startswith(("http://", "https://")) else None
        )
        g.nodes[node_id] = Node(node_id, label, detail, "document", href)
    return node_id


def _layout(g: Graph) -> None:
    """Columns by longest path from an origin (documents last), rows by first appearance."""
    sources = [n for n in g.nodes.values() if n.kind != "document"]
    for _ in range(len(sources)):  # at most n rounds; a relay loop cannot push forever
        moved = False
        for a, b, _stance in g.edges:
            left, right = g.nodes[a], g.nodes[b]
            if right.kind != "document" and right.column <= left.column:
                right.column = left.column + 1
                moved = True
        if not moved:
            break
    last = max((n.column for n in sources), default=-1) + 1
    rows: dict[int, int] = {}
    for n in g.nodes.values():
        if n.kind == "document":
            n.column = last
        n.row = rows.get(n.column, 0)
        rows[n.column] = n.row + 1


def chain_svg(g: Graph) -> str:
    """The graph as an SVG element; every label is escaped, full texts in <title>."""
    columns = max((n.column for n in g.nodes.values()), default=0) + 1
    rows = max((n.row for n in g.nodes.values()), default=0) + 1
    width = 2 * PAD + columns * NODE_WIDTH + (columns - 1) * COLUMN_GAP
    height = 2 * PAD + rows * NODE_HEIGHT + (rows - 1) * ROW_GAP
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chain" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        'font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="11">',
        "<title>provenance chain</title>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" '
        'fill="#555"/></marker></defs>',
    ]
    for a, b, stance in g.edges:
        out.append(_edge(g.nodes[a], g.nodes[b], stance))
    for n in g.nodes.values():
        out.append(_node(n))
    out.append("</svg>")
    return "\n".join(out)


def _position(n: Node) -> tuple[int, int]:
    return PAD + n.column * (NODE_WIDTH + COLUMN_GAP), PAD + n.row * (NODE_HEIGHT + ROW_GAP)


def _edge(a: Node, b: Node, stance: str) -> str:
    ax, ay = _position(a)
    bx, by = _position(b)
    x1: float = ax + NODE_WIDTH
    x2: float = bx
    y1, y2 = ay + NODE_HEIGHT / 2, by + NODE_HEIGHT / 2
    if x2 <= x1:  # a relay back to an earlier column: go round below
        x1, x2 = ax + NODE_WIDTH / 2, bx + NODE_WIDTH / 2
        y1, y2 = ay + NODE_HEIGHT, by + NODE_HEIGHT
    mid = (x1 + x2) / 2
    dash = ' stroke-dasharray="4 3"' if stance == "denies" else ""
    return (
        f'<path class="edge" d="M {x1:.1f} {y1:.1f} C {mid:.1f} {y1:.1f}, {mid:.1f} {y2:.1f}, '
        f'{x2:.1f} {y2:.1f}" fill="none" stroke="#555" marker-end="url(#arrow)"{dash}>'
        f"<title>{escape(stance)}</title></path>"
    )


def _node(n: Node) -> str:
    x, y = _position(n)
    fill = {"origin": "#fdf1d6", "relay": "#e3eefb", "document": "#eeeeee"}[n.kind]
    border = ' stroke-dasharray="5 3"' if not n.named else ""
    label, detail = _clip(n.label), _clip(n.detail)
    body = (
        f'<g class="node {n.kind}" data-node="{escape(n.id)}">'
        f"<title>{escape(n.label)}{' — ' + escape(n.detail) if n.detail else ''}</title>"
        f'<rect x="{x}" y="{y}" width="{NODE_WIDTH}" height="{NODE_HEIGHT}" rx="5" '
        f'fill="{fill}" stroke="#666"{border}/>'
        f'<text x="{x + 8}" y="{y + 16}" font-weight="bold">{escape(label)}</text>'
        f'<text x="{x + 8}" y="{y + 31}" fill="#555">{escape(detail)}</text></g>'
    )
    if n.href is None:
        return body
    return f'<a href="{escape(n.href)}">{body}</a>'


def _clip(s: str) -> str:
    return s if len(s) <= MAX_LABEL else s[: MAX_LABEL - 1] + "…"
