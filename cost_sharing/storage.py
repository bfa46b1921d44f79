"""Reading and writing scenario files: strict parsing, migration, atomic saves.

Reading never raises anything but :class:`ScenarioFileError`, whose problems each
name a field path ("items[0].amount_fen") and say what is wrong, so that the
command line and the GUI can show them without a traceback.
"""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import re
import secrets
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .scenario import SCHEMA_VERSION, BrokenReferenceError, Scenario

if os.name == "posix":
    import fcntl

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_NUMBER_CHARS = 4300
"""Longest number literal read (Python's own limit for int conversion); no real figure comes near it."""
MAX_NUMBER_EXPONENT = 1000
"""Numbers beyond 10^±1000 are refused while reading, before any arithmetic can overflow on them."""
EXCERPT_CHARS = 40
MAX_PROBLEMS = 50
"""Problems listed for one file; a file with thousands of broken entries gets a summary line, not a screenful."""
MAX_MESSAGE_CHARS = 200
MAX_FIELD_CHARS = 120
"""A field path names keys taken from the file (party ids in ``weights``): they are cut too."""


def excerpt(value: object, limit: int = EXCERPT_CHARS) -> str:
    """Raw input as it may be echoed in a message: one line, at most ``limit`` characters."""
    try:
        text = value if isinstance(value, str) else str(value)
    except ValueError:  # an int too long for Python to print
        text = "a number too long to show"
    cut = len(text) > limit
    text = "".join(c if c.isprintable() else _escape(c) for c in text[:limit])
    if cut or len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def _escape(char: str) -> str:
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char, f"\\u{ord(char):04x}")


def _one_line(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """A message on one line of reasonable length, whatever raw input ended up in it."""
    text = text.replace("\r", "\\r").replace("\n", "\\n")
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where (a field path or a position) and what.

    Both parts are forced onto one short line, so that a message can never spread raw input over the screen.
    """

    field: str
    message: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "field", _one_line(self.field, MAX_FIELD_CHARS))
        object.__setattr__(self, "message", _one_line(self.message))

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


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 adds the English title, signatory offices and the copies clause.

    A version-1 agreement printed the Chinese title in English, signed every party as its name's government and
    closed with 各方各执二份: the new fields are written out with exactly those meanings, so a version-1 file
    prints as it did even if the defaults change later. Anything malformed is left for validation to name.
    """
    data.setdefault("title_en", "")
    agreement = data.get("agreement")
    if isinstance(agreement, dict):
        data["agreement"] = {"signatories": {}, "copies_per_party": 2, **agreement}
    return data


MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2}
"""``MIGRATIONS[n]`` turns a version-n document into a version-(n+1) one.

Version 1 is the first published format; the old reader's knowledge goes here, never into the model.
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
                    f"the file was written by a newer Accord (format {excerpt(version)}); this Accord reads formats "
                    f"up to {current} — please update Accord",
                )
            ]
        )
    while version < current:
        if version not in steps:
            raise ScenarioFileError(
                [Problem("schema_version", f"format {excerpt(version)} is not a known Accord format")]
            )
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
    """Decode JSON text strictly: exact decimals, no NaN, no duplicate keys, sane numbers, one object at the top."""
    if not raw.strip():
        raise ScenarioFileError([Problem("file", "is empty")])
    text = _decode(raw)
    duplicates: list[tuple[dict[str, Any], list[str]]] = []

    def make_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) != len(pairs):
            seen: set[str] = set()
            twice = [key for key, _ in pairs if key in seen or seen.add(key)]
            duplicates.append((obj, list(dict.fromkeys(twice))))
        return obj

    try:
        # NaN and Infinity become Decimal so that validation names the field they stand in.
        data = json.loads(
            text, parse_float=_parse_float, parse_int=_parse_int, parse_constant=Decimal, object_pairs_hook=make_object
        )
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        cut_off = not text.rstrip().endswith(("}", "]"))
        what = f"{exc.msg}; the file seems cut off (truncated)" if cut_off else exc.msg
        raise ScenarioFileError([Problem(where, f"not valid JSON: {what}")]) from None
    except _NumberRefusedError as exc:
        raise ScenarioFileError([Problem(_position(text, exc.literal), exc.reason)]) from None
    except RecursionError:
        raise ScenarioFileError([Problem("file", "is nested too deeply to be a scenario")]) from None
    if duplicates:
        raise ScenarioFileError(_duplicate_problems(data, duplicates))
    if not isinstance(data, dict):
        raise ScenarioFileError([Problem("file", f"must hold a JSON object at the top, not {_describe(data)}")])
    return data


def scenario_from_data(data: Any) -> Scenario:
    """Validate parsed JSON data (migrating older formats) into a :class:`Scenario`."""
    if not isinstance(data, dict):
        raise ScenarioFileError([Problem("file", f"the scenario must be a JSON object, not {_describe(data)}")])
    data = migrate(data)
    try:
        return Scenario.model_validate(data)
    except ValidationError as exc:
        raise ScenarioFileError(problems_from_validation(exc)) from None


class _NumberRefusedError(Exception):
    """Raised from inside the JSON parser for a number literal that is refused (the parser knows no position)."""

    def __init__(self, literal: str, reason: str) -> None:
        super().__init__(reason)
        self.literal = literal
        self.reason = reason


def _parse_int(literal: str) -> int:
    """Whole numbers as int; one too long for Python's int conversion is refused here instead of crashing."""
    if len(literal) > MAX_NUMBER_CHARS:
        raise _NumberRefusedError(
            literal, f"a number of {len(literal.lstrip('-')):,} digits is far too long for any field"
        )
    return int(literal)


def _parse_float(literal: str) -> Decimal:
    """Exact decimals; an exponent far out of range is refused here, before any arithmetic overflows on it."""
    if len(literal) > MAX_NUMBER_CHARS:
        raise _NumberRefusedError(literal, f"a number of {len(literal):,} characters is far too long for any field")
    number = Decimal(literal)
    if number and abs(number.adjusted()) > MAX_NUMBER_EXPONENT:
        raise _NumberRefusedError(
            literal, f"the number {excerpt(literal)} is out of range (beyond 10^±{MAX_NUMBER_EXPONENT})"
        )
    return number


def _position(text: str, literal: str) -> str:
    """``line L, column C`` of the first place ``literal`` stands as a whole token in ``text``."""
    match = re.search(rf"(?<![\w.+-]){re.escape(literal)}(?![\w.])", text)
    offset = match.start() if match else 0
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"


_DUPLICATE = "duplicate key: it appears more than once in the same object; keep only one"


def _duplicate_problems(data: Any, duplicates: list[tuple[dict[str, Any], list[str]]]) -> list[Problem]:
    """Name each duplicated key by its field path (walked iteratively: the document may be deeply nested)."""
    pending = {id(obj): keys for obj, keys in duplicates}
    problems: list[Problem] = []
    stack: list[tuple[tuple[Any, ...], Any]] = [((), data)]
    while stack:
        loc, node = stack.pop()
        if isinstance(node, dict):
            problems.extend(Problem(_field_path((*loc, excerpt(key))), _DUPLICATE) for key in pending.pop(id(node), ()))
            stack.extend(reversed([((*loc, k), v) for k, v in node.items()]))
        elif isinstance(node, list):
            stack.extend(reversed([((*loc, i), v) for i, v in enumerate(node)]))
    # an object that was itself the losing value of a duplicated key is no longer in the tree: name the key alone
    problems.extend(Problem(excerpt(key), _DUPLICATE) for keys in pending.values() for key in keys)
    return problems


def _decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM) first; GB18030 only for a whole file in it that is not almost UTF-8."""
    wide = _wide_encoding(raw)
    if wide:
        raise ScenarioFileError([Problem("file", f"is {wide} text; save it as UTF-8 and open it again")])
    if b"\x00" in raw[:8192]:
        raise ScenarioFileError([Problem("file", "is a binary file, not a JSON scenario")])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad_at = exc.start + (len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0)
    where = f"byte 0x{raw[bad_at]:02x} at {_byte_position(raw, bad_at)} (offset {bad_at})"
    if _almost_utf8(raw):
        raise ScenarioFileError([Problem("file", f"is not valid UTF-8: {where}; save it as UTF-8")])
    try:  # Notepad on a Chinese Windows may save the ANSI code page
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        raise ScenarioFileError(
            [Problem("file", f"is not UTF-8 or GB18030 text ({where}); is it a binary file?")]
        ) from None


_WIDE = (("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-32-le", "UTF-32"), ("utf-32-be", "UTF-32"))


def _wide_encoding(raw: bytes) -> str | None:
    """ "UTF-16" or "UTF-32" for text saved so (a byte-order mark, or NULs that decode to JSON), else None."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    head = raw[:4096]
    if b"\x00" not in head:
        return None
    for encoding, name in _WIDE:
        text = codecs.getincrementaldecoder(encoding)(errors="replace").decode(head)
        if text.lstrip().startswith(("{", "[")) and "\x00" not in text and "\ufffd" not in text:
            return name
    return None


def _byte_position(raw: bytes, offset: int) -> str:
    """``line L, column C`` of a byte, the column counted in characters as an editor shows it."""
    line_start = raw.rfind(b"\n", 0, offset) + 1
    if line_start == 0 and raw.startswith(codecs.BOM_UTF8):
        line_start = len(codecs.BOM_UTF8)
    line = raw.count(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return f"line {line}, column {column}"


_INVALID_BYTE = re.compile("[\udc80-\udcff]")
_MULTIBYTE_CHAR = re.compile("[^\x00-\x7f\udc80-\udcff]")


def _almost_utf8(raw: bytes) -> bool:
    """UTF-8 text with a few stray bytes (a pasted cp1252 dash), which GB18030 would silently turn into other hanzi.

    Genuine GB18030 text forms a valid UTF-8 sequence only now and then, among many invalid bytes; a UTF-8 file
    with stray bytes has far more valid multi-byte characters than invalid bytes.
    """
    text = raw.decode("utf-8", errors="surrogateescape")
    return len(_MULTIBYTE_CHAR.findall(text)) >= 2 * len(_INVALID_BYTE.findall(text))


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
        error_type = error["type"]
        if error_type in _MESSAGES:
            message = _MESSAGES[error_type]
            if error_type.endswith("_type") and "input" in error:
                message += f", got {_describe(error['input'])}"
            if error_type == "union_tag_invalid":
                message += f" '{excerpt(ctx.get('tag'))}'; known kinds: {ctx.get('expected_tags')}"
        elif error_type == "value_error":
            message = str(cause) if cause is not None else error["msg"]
        elif error_type == "literal_error":
            message = f"must be one of {ctx.get('expected')}, got '{excerpt(error.get('input'))}'"
        elif error_type in ("greater_than_equal", "greater_than"):
            got = excerpt(error.get("input"))
            message = f"must not be negative (got {got})" if ctx.get("ge") == 0 else f"{error['msg']} (got {got})"
        elif error_type == "less_than_equal":
            message = f"must not exceed {ctx.get('le'):,} (got {excerpt(error.get('input'))})"
        elif error_type == "string_too_long":
            length = len(error["input"]) if isinstance(error.get("input"), str) else "more"
            message = f"is too long: {length:,} characters, at most {ctx.get('max_length'):,} allowed"
        elif error_type == "string_too_short":
            message = "must not be empty"
        elif error_type == "too_long":
            message = f"has too many entries: {ctx.get('actual_length', 'more'):,}, at most {ctx.get('max_length'):,}"
        else:
            message = error["msg"]  # pydantic's own wording, which does not quote the input
        problems.append(Problem(loc or "file", message))
        if len(problems) == MAX_PROBLEMS:
            rest = exc.error_count() - MAX_PROBLEMS
            if rest > 0:
                problems.append(Problem("file", f"{rest:,} more problems not shown; fix these first"))
            break
    return problems


def _field_path(loc: tuple[Any, ...]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif str(part).startswith("function-"):
            continue  # discriminator and validator names are not fields of the file
        else:
            path += f".{excerpt(part)}" if path else excerpt(part)
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


TEMP_PREFIX = ".accord-"
TEMP_SUFFIX = ".tmp"
_TEMP_NAME = re.compile(re.escape(TEMP_PREFIX) + "[0-9a-f]{8}" + re.escape(TEMP_SUFFIX))
"""Accord's temporary files; short, so that any file name the system accepts can be saved."""


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, fsync, then rename.

    The rename is atomic on POSIX and on NTFS (``os.replace``), so a crash at any point leaves either the old
    file or the new one, never a mixture. A symlink is written through (the link stays, its target changes); a
    replaced file keeps its permissions, a new one gets the umask's; temporary files that killed saves left in
    the folder are removed first.
    """
    target = Path(os.path.realpath(path))
    folder = target.parent
    remove_leftovers(folder, target.name)
    fd, temp_path = _create_temp(folder)
    try:
        try:
            _keep_permissions(fd, target)
            half = len(data) // 2
            _write_all(fd, data[:half])
            _checkpoint("partial-write")
            _write_all(fd, data[half:])
            _checkpoint("before-fsync")
            os.fsync(fd)
            _checkpoint("before-rename")
            if os.name == "posix":
                os.replace(temp_path, target)  # still locked, so no other save takes it for a leftover
        finally:
            os.close(fd)
        if os.name != "posix":
            os.replace(temp_path, target)  # Windows renames only closed files
    except BaseException:
        temp_path.unlink(missing_ok=True)
        raise
    _fsync_folder(folder)


def _create_temp(folder: Path) -> tuple[int, Path]:
    """A new temporary file, created with mode 0666 so that the umask applies as to any new file, and locked.

    The lock (POSIX) tells :func:`remove_leftovers` in another save that this file is still being written.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    while True:
        temp_path = folder / f"{TEMP_PREFIX}{secrets.token_hex(4)}{TEMP_SUFFIX}"
        try:
            fd = os.open(temp_path, flags, 0o666)
        except FileExistsError:
            continue
        if os.name != "posix":
            return fd, temp_path
        fcntl.flock(fd, fcntl.LOCK_EX)
        if os.fstat(fd).st_nlink > 0:
            return fd, temp_path
        os.close(fd)  # another save removed it between creation and locking, taking it for a leftover


def _keep_permissions(fd: int, target: Path) -> None:
    """A replaced file keeps its mode (and its group where allowed), so colleagues keep their access."""
    if os.name != "posix":
        return
    try:
        old = os.stat(target)
    except FileNotFoundError:
        return
    if old.st_gid != os.fstat(fd).st_gid:
        with contextlib.suppress(PermissionError):
            os.fchown(fd, -1, old.st_gid)
    os.fchmod(fd, stat.S_IMODE(old.st_mode))


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def remove_leftovers(folder: Path, name: str | None = None) -> list[Path]:
    """Delete the temporary files of saves that were killed in ``folder``; return what was removed.

    Only Accord's own temporary files are touched, by their exact name pattern (and, for ``name``, the
    ``.NAME.XXXXXXXX.tmp`` files of earlier Accords). A file whose save is still running is locked by it and
    stays (on Windows, an open file cannot be deleted at all).
    """
    legacy = re.compile(re.escape(f".{name}.") + "[a-z0-9_]{8}" + re.escape(TEMP_SUFFIX)) if name else None
    try:
        names = [
            e.name for e in os.scandir(folder) if _TEMP_NAME.fullmatch(e.name) or (legacy and legacy.fullmatch(e.name))
        ]
    except OSError:
        return []
    removed: list[Path] = []
    for leftover in (folder / n for n in names):
        try:
            if os.name == "posix":
                fd = os.open(leftover, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # BlockingIOError: its save is running
                    leftover.unlink()
                finally:
                    os.close(fd)
            else:
                leftover.unlink()
        except OSError:
            continue
        removed.append(leftover)
    return removed


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; folders cannot be opened this way on Windows."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@dataclass(frozen=True)
class SetAside:
    """A file Accord wrote but could not read, renamed out of the way so that work goes on and nothing is lost."""

    path: Path
    moved_to: Path | None
    """``NAME.corrupt-YYYYMMDD-HHMMSS`` beside it; None if even renaming failed (the next save replaces it)."""
    reason: str


def set_aside(path: Path, reason: str) -> SetAside:
    """Rename an unreadable file of Accord's own (recovery copy, preferences) with a timestamp suffix."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    count = 1
    while aside.exists():
        count += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{count}")
    try:
        path.rename(aside)
    except OSError:
        return SetAside(path, None, _one_line(reason))
    return SetAside(path, aside, _one_line(reason))
