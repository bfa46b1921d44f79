"""The ``chengyu`` command: the GUI, plus headless validate / compute / fingerprint / export.

The headless commands use the same engine as the GUI and never import Qt, so
they run on a server, in CI and in a venv without PySide6.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from pathlib import Path

from chengyu_accord.cost_sharing import __version__

COMMANDS = ("validate", "compute", "fingerprint", "export")
EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3
DEBUG_ENV = "CHENGYU_DEBUG"
"""Set (to anything) to get the traceback of an internal error instead of its one-line summary."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chengyu",
        description="成渝协同 Accord. Without a command, opens the application (on FILE, or on the default scenario).",
    )
    parser.add_argument("--version", action="version", version=f"Accord {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    validate = sub.add_parser("validate", help="check a scenario file; one line per problem")
    validate.add_argument("file", type=Path)
    compute = sub.add_parser("compute", help="compute every item of a scenario")
    compute.add_argument("file", type=Path)
    compute.add_argument("--json", action="store_true", help="print the documented JSON result (docs/compute-json.md)")
    fingerprint = sub.add_parser("fingerprint", help="print the SHA-256 fingerprint of a scenario's numbers")
    fingerprint.add_argument("file", type=Path)
    export = sub.add_parser("export", help="export the draft agreement as PDF or DOCX")
    export.add_argument("file", type=Path)
    export.add_argument("-o", "--output", type=Path, required=True, help="OUT.pdf or OUT.docx")
    export.add_argument("--lang", choices=("zh", "en"), default="zh")
    export.add_argument("--draft-label", default=None, help="讨论稿, 征求意见稿, 送审稿 or 草案")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``chengyu`` console script."""
    args_in = sys.argv[1:] if argv is None else argv
    _utf8_stdio()
    if not args_in or (args_in[0] not in COMMANDS and not args_in[0].startswith("-")):
        if len(args_in) > 1:
            _parser().error(f"unknown command '{args_in[0]}'")
        return _run_gui(Path(args_in[0]) if args_in else None)
    args = _parser().parse_args(args_in)
    handler = {"validate": _validate, "compute": _compute, "fingerprint": _fingerprint, "export": _export}
    try:
        return handler[args.command](args)
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:
        # every file problem is reported above as one line naming the field; reaching here is a bug in Accord
        if os.environ.get(DEBUG_ENV):
            raise
        from chengyu_accord.cost_sharing.storage import excerpt

        print(
            f"chengyu {args.command}: internal error ({type(exc).__name__}: {excerpt(str(exc), 120)}); "
            f"please report it with the file (set {DEBUG_ENV}=1 for details)",
            file=sys.stderr,
        )
        return EXIT_BUG


def _utf8_stdio() -> None:
    """Chinese output must not crash on a console whose code page cannot encode it."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def _load(path: Path):
    from chengyu_accord.cost_sharing.storage import ScenarioFileError, read_scenario

    try:
        return read_scenario(path)
    except ScenarioFileError as exc:
        for problem in exc.problems:
            print(f"{path}: {problem}", file=sys.stderr)
        return None


def _validate(args: argparse.Namespace) -> int:
    scenario = _load(args.file)
    if scenario is None:
        return EXIT_PROBLEM
    print(f"{args.file}: valid ({len(scenario.parties)} parties, {len(scenario.items)} items)")
    return EXIT_OK


def _compute(args: argparse.Namespace) -> int:
    from chengyu_accord.cost_sharing.report import compute_document

    scenario = _load(args.file)
    if scenario is None:
        return EXIT_PROBLEM
    document = compute_document(scenario)
    if args.json:
        print(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        _print_table(document)
    return EXIT_OK if document["ok"] else EXIT_PROBLEM


def _pad(text: str, width: int) -> str:
    """Left-align ``text`` in ``width`` terminal columns; CJK characters take two."""
    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(0, width - used)


def _print_table(document: dict) -> None:
    """Every result table of every item, exact: amounts in 元 to the fen, shares to ten places."""
    print(document["scenario"]["title"])
    for item in document["items"]:
        print(f"\n[{item['id']}] {item['title']}")
        for table in item["tables"]:
            print(f"  {table['title_zh']}")
            print("  " + _pad("", 16) + "".join(f"{c['label_zh']:>24}" for c in table["columns"]))
            for row in table["rows"]:
                print("  " + _pad(row["label_zh"], 16) + "".join(f"{_exact(cell):>24}" for cell in row["cells"]))
            totals = [(f"{t['yuan']} 元" if t and "yuan" in t else "") for t in table["totals"]]
            print("  " + _pad("合计", 16) + "".join(f"{t:>24}" for t in totals))
        for diagnostic in item["diagnostics"]:
            print(f"  {diagnostic['level']}: {diagnostic['message_zh']}")
    print(f"\nfingerprint {document['fingerprint']}")


def _exact(cell: dict | None) -> str:
    if cell is None:
        return "—"
    if "yuan" in cell:
        return f"{cell['yuan']} 元"
    return cell["value"]


def _fingerprint(args: argparse.Namespace) -> int:
    from chengyu_accord.cost_sharing.fingerprint import fingerprint

    scenario = _load(args.file)
    if scenario is None:
        return EXIT_PROBLEM
    print(fingerprint(scenario))
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from chengyu_accord.desktop.export import export_agreement

    scenario = _load(args.file)
    if scenario is None:
        return EXIT_PROBLEM
    return export_agreement(scenario, args.output, lang=args.lang, draft_label=args.draft_label)


def _run_gui(path: Path | None) -> int:
    try:
        from chengyu_accord.desktop.app import run
    except ImportError as exc:
        print(f"chengyu: the application cannot start: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return run(path)


if __name__ == "__main__":
    sys.exit(main())
