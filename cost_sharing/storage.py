"""Reading and writing scenario files: strict parsing, migration, atomic saves.

Reading never raises anything but :class:`ScenarioFileError`, whose problems each
name a field path ("items[0].amount_fen") and say what is wrong, so that the
command line and the GUI can show them without a traceback.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .scenario import SCHEMA_VERSION, BrokenReferenceError, Scenario

MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where (a field path or a position) and what."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ScenarioFileError(Exception):
    """A scenario file that cannot be read; carries every problem found."""

    def __init__(self, problems: Iterable[Problem], path: Path | None = None) -> None:
        self.problems = list(problems)
        self.path = path
        super().__init__("; ".join(str(p) for p in self.problems))


# --- migrations -------------------------------------------------------------------------------

Migration = Callable[[dict[str, Any]], dict[str, Any]]
MIGRATIONS: dict[int, Migration] = {}
"""``MIGRATIONS[n]`` turns a version-n document into a version-(n+1) one.

Version 1 is the first published format, so the chain is empty; when the format
changes, the old reader's knowledge goes here, never into the model.
"""


def migrate(data: dict[str, Any], migrations: dict[int, Migration] | None = None) -> dict[str, Any]:
    """Bring a parsed document up to :data:`SCHEMA_VERSION`, or explain why not."""
    steps = MIGRATIONS if migrations is None else migrations
    version = data.get("schema_version")
    if version is None:
        raise ScenarioFileError([Problem("schema_version", "required field is missing")])
    if isinstance(version, bool) or not isinstance(version, int):
        raise ScenarioFileError([Problem("schema_version", f"expected a whole number, got {_describe(version)}")])
    current = max([SCHEMA_VERSION, *(v + 1 for v in steps)])
    if version > current:
        raise ScenarioFileError(
            [
                Problem(
                    "schema_version",
                    f"the file was written by a newer Accord (format {version}); this Accord reads formats "
                    f"up to {current} — please update Accord",
                )
            ]
        )
    while version < current:
        if version not in steps:
            raise ScenarioFileError([Problem("schema_version", f"format {version} is not a known Accord format")])
        data = steps[version](dict(data))
        version += 1
        data["schema_version"] = version
    return data


# --- reading ----------------------------------------------------------------------------------


def read_scenario(path: str | os.PathLike[str]) -> Scenario:
    """Read and validate a scenario file."""
    file_path = Path(path)
    try:
        size = file_path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ScenarioFileError([Problem("file", f"too large for a scenario ({size:,} bytes)")], file_path)
        raw = file_path.read_bytes()
    except ScenarioFileError:
        raise
    except IsADirectoryError:
        raise ScenarioFileError([Problem("file", "is a folder, not a scenario file")], file_path) from None
    except FileNotFoundError:
        raise ScenarioFileError([Problem("file", "does not exist")], file_path) from None
    except OSError as exc:
        raise ScenarioFileError([Problem("file", f"cannot be read ({exc.strerror or exc})")], file_path) from None
    try:
        return parse_scenario_bytes(raw)
    except ScenarioFileError as exc:
        exc.path = file_path
        raise


def parse_scenario_bytes(raw: bytes) -> Scenario:
    """Decode, parse, migrate and validate the bytes of a scenario file."""
    return scenario_from_data(parse_json_document(raw))


def parse_json_document(raw: bytes) -> dict[str, Any]:
    """Decode JSON text strictly: exact decimals, no NaN, one object at the top."""
    if not raw.strip():
        raise ScenarioFileError([Problem("file", "is empty")])
    text = _decode(raw)
    try:
        # NaN and Infinity become Decimal so that validation names the field they stand in.
        data = json.loads(text, parse_float=Decimal, parse_constant=Decimal)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        cut_off = not text.rstrip().endswith(("}", "]"))
        what = f"{exc.msg}; the file seems cut off (truncated)" if cut_off else exc.msg
        raise ScenarioFileError([Problem(where, f"not valid JSON: {what}")]) from None
    except RecursionError:
        raise ScenarioFileError([Problem("file", "is nested too deeply to be a scenario")]) from None
    if not isinstance(data, dict):
        raise ScenarioFileError([Problem("file", f"must hold a JSON object at the top, not {_describe(data)}")])
    return data


def scenario_from_data(data: dict[str, Any]) -> Scenario:
    """Validate parsed JSON data (migrating older formats) into a :class:`Scenario`."""
    data = migrate(data)
    try:
        return Scenario.model_validate(data)
    except ValidationError as exc:
        raise ScenarioFileError(problems_from_validation(exc)) from None


def _decode(raw: bytes) -> str:
    if b"\x00" in raw[:8192]:
        raise ScenarioFileError([Problem("file", "is a binary file, not a JSON scenario")])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:  # Notepad on a Chinese Windows may save the ANSI code page
        return raw.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise ScenarioFileError(
            [Problem("file", f"is not UTF-8 or GB18030 text (bad byte at offset {exc.start}); is it a binary file?")]
        ) from None


def _describe(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "text", bool: "true/false", int: "a number", Decimal: "a number"}
    if value is None:
        return "null"
    return names.get(type(value), type(value).__name__)


_MESSAGES = {
    "missing": "required field is missing",
    "extra_forbidden": "unknown field (not part of the scenario format)",
    "int_type": "expected a whole number",
    "string_type": "expected text",
    "bool_type": "expected true or false",
    "dict_type": "expected an object",
    "tuple_type": "expected a list",
    "list_type": "expected a list",
    "model_type": "expected an object",
    "union_tag_invalid": "unknown kind",
    "union_tag_not_found": "the item has no 'kind'",
}


def problems_from_validation(exc: ValidationError) -> list[Problem]:
    """Turn pydantic's errors into one-line problems that name the field path."""
    problems: list[Problem] = []
    for error in exc.errors(include_url=False):
        ctx = error.get("ctx") or {}
        cause = ctx.get("error")
        if isinstance(cause, BrokenReferenceError):
            problems.append(Problem(cause.field, cause.message))
            continue
        loc = _field_path(error["loc"])
        kind = error["type"]
        if kind in _MESSAGES:
            message = _MESSAGES[kind]
            if kind.endswith("_type") and "input" in error:
                message += f", got {_describe(error['input'])}"
            if kind == "union_tag_invalid":
                message += f" '{ctx.get('tag')}'; known kinds: {ctx.get('expected_tags')}"
        elif kind == "value_error":
            message = str(cause) if cause is not None else error["msg"]
        elif kind == "literal_error":
            message = f"must be one of {ctx.get('expected')}, got {error.get('input')!r}"
        elif kind in ("greater_than_equal", "greater_than"):
            message = f"must not be negative (got {error.get('input')})" if ctx.get("ge") == 0 else error["msg"]
        else:
            message = error["msg"]
        problems.append(Problem(loc or "file", message))
    return problems


def _field_path(loc: tuple[Any, ...]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part in ("proportional_split",) or str(part).startswith("function-"):
            continue  # discriminator and validator names are not fields of the file
        else:
            path += f".{part}" if path else str(part)
    return path


# --- writing ----------------------------------------------------------------------------------


def scenario_to_bytes(scenario: Scenario) -> bytes:
    """Serialise a scenario as pretty, stable UTF-8 JSON (keys in model order)."""
    text = json.dumps(scenario.to_json_data(), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def save_scenario(scenario: Scenario, path: str | os.PathLike[str]) -> None:
    """Save atomically: the file on disk is always the complete old or the complete new version."""
    atomic_write_bytes(Path(path), scenario_to_bytes(scenario))


def _checkpoint(stage: str) -> None:
    """Hook for fault-injection tests; stages: 'partial-write', 'before-fsync', 'before-rename'."""


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, fsync, then rename.

    The rename is atomic on POSIX and on NTFS (``os.replace``), so a crash at any
    point leaves either the old file or the new one, never a mixture.
    """
    folder = path.resolve().parent
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    temp_path = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            half = len(data) // 2
            stream.write(data[:half])
            stream.flush()
            _checkpoint("partial-write")
            stream.write(data[half:])
            stream.flush()
            _checkpoint("before-fsync")
            os.fsync(stream.fileno())
        _checkpoint("before-rename")
        os.replace(temp_path, path)
    except BaseException:
        temp_path.unlink(missing_ok=True)
        raise
    _fsync_folder(folder)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; folders cannot be opened this way on Windows."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
