"""Parse cost of figures: microseconds per distinct phrase, uncached, now and before.

    python -m benchmarks.quantities [--before REV] [--phrases N]

Phrases are built from the lexicon (each language's hedges, figures written in its
convention, its count nouns), so every language is exercised. The current parser is timed
without its memo; with ``--before`` (default: the commit before the parser was split out of
quantities.py) the old module is loaded from git and timed on the same phrases in the same
process. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from provenance import lexicon
from provenance.figures import read

FIGURES = {"dot": ["1,500", "12", "2.5 million", "40 000"], "comma": ["1.500", "12", "2,5"]}


def phrases(limit: int) -> list[tuple[str, str]]:
    """Distinct (phrase, language) pairs: hedge + figure + noun in every lexicon language."""
    out: dict[tuple[str, str], None] = {}
    for code in lexicon.languages():
        table = lexicon.section(code, "quantities")
        hedges = [p for ps in table.get("before", {}).values() for p in ps][:12] or [""]
        nouns = [p for ps in table.get("nouns", {}).values() for p in ps][:8] or [""]
        figures = FIGURES["comma" if table.get("decimal") == "comma" else "dot"]
        for i, hedge in enumerate(hedges):
            for j, noun in enumerate(nouns):
                figure = figures[(i + j) % len(figures)]
                out[(f"{hedge} {figure} {noun}".strip(), code)] = None
    return list(out)[:limit]


def per_phrase_us(parse: Callable[[str, str], Any], items: Sequence[tuple[str, str]]) -> float:
    """Median over three passes of the mean cost of one uncached parse."""
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        for text, code in items:
            parse(text, code)
        runs.append((time.perf_counter() - start) / len(items) * 1e6)
    return statistics.median(runs)


def before_parser(rev: str) -> Callable[[str, str], Any] | None:
    """The uncached parse function of quantities.py at a git revision, or None."""
    try:
        source = subprocess.run(
            ["git", "show", f"{rev}:provenance/quantities.py"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    path = Path(tempfile.mkdtemp()) / "quantities_before.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("quantities_before", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    sys.modules["quantities_before"] = module
    spec.loader.exec_module(module)
    parse: Callable[[str, str], Any] = module.parse_quantity.__wrapped__
    return parse


def split_commit() -> str:
    """The commit before figures.py was split out of quantities.py."""
    log = subprocess.run(
        ["git", "log", "--diff-filter=A", "--format=%H", "--", "provenance/figures.py"],
        capture_output=True,
        text=True,
    ).stdout.split()
    return f"{log[-1]}~1" if log else "HEAD"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default=None, help="git revision to compare with")
    parser.add_argument("--phrases", type=int, default=2000)
    args = parser.parse_args()
    items = phrases(args.phrases)
    for text, code in items:
        read(text, code)
    read_now = sum(1 for t, c in items if not isinstance(read(t, c), str))
    print(f"phrases: {len(items)} distinct in {len(lexicon.languages())} languages")
    print(f"now:    {per_phrase_us(read, items):6.1f} us/phrase uncached, {read_now} read")
    rev = args.before or split_commit()
    old = before_parser(rev)
    if old is None:
        print(f"before: revision {rev} not available")
        return
    read_before = sum(1 for t, c in items if old(t, c) is not None)
    before_us = per_phrase_us(old, items)
    print(f"before: {before_us:6.1f} us/phrase uncached, {read_before} read ({rev})")
    both = [(t, c) for t, c in items if old(t, c) is not None and not isinstance(read(t, c), str)]
    now_both, before_both = per_phrase_us(read, both), per_phrase_us(old, both)
    print(f"on the {len(both)} phrases both read: now {now_both:.1f}, before {before_both:.1f} us")


if __name__ == "__main__":
    main()
