"""Run every benchmark module in bench/ and rewrite docs/performance.md."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from pathlib import Path

import bench

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "docs" / "performance.md"


def modules(only: list[str]) -> list[str]:
    names = sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)]) if not m.name.startswith("_"))
    return [n for n in names if not only or n in only]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", help="run only these benchmark modules (default: all)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    bench.peer_path()
    sections = []
    for name in modules(args.names):
        print(f"== bench.{name}", flush=True)
        section = importlib.import_module(f"bench.{name}").run()
        print(section.markdown, flush=True)
        sections.append(section)
    text = ["# Performance", "", "Measured by `bash accord bench` (`python -m bench`); rewritten on every run.", ""]
    text += ["## Machine", "", *bench.machine_lines(), ""]
    for section in sections:
        text += [f"## {section.title}", "", section.markdown.rstrip(), ""]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("\n".join(text), encoding="utf-8")
    print(f"wrote {args.output}")
    return 0 if all(s.passed for s in sections) else 1


if __name__ == "__main__":
    sys.exit(main())
