"""The one gate for every file the atlas reads: projects, recovery files, layer definitions and
data, the bibliography, the claims, basemap and imported files. No Qt.

A file passes only if it is a regular file (never a FIFO, device, socket or directory, opened
without blocking so a FIFO cannot hang the app), no larger than a limit counted while reading (not
taken from `st_size`, so /dev/zero or a growing file cannot fill memory), valid UTF-8 (a leading
BOM is accepted), and, for JSON and TOML, nested no deeper than MAX_DEPTH with whole numbers of at
most MAX_INT_DIGITS digits. Every refusal is an `UnsafeFileError` with a `kind` (one of
`KINDS`), the file and a detail in English; the interface turns the kind into a translated
sentence (`gis_app.ui.file_errors`).

Text that JSON escapes can hold but no file can store (an unpaired surrogate, "\\udc80") is
replaced by U+FFFD on reading and counted in `JsonResult.replaced`, so whatever opened can be saved.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import json
import math
import os
import re
import stat
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAX_DEPTH = 64           # GeoJSON needs about 8; a project about 10
MAX_INT_DIGITS = 30      # far beyond any coordinate, count or year the atlas keeps
MAX_NUMBER_CHARS = 64    # the text of one JSON number
MB = 1024 * 1024
LIMITS = {"project": 64 * MB, "layer-data": 200 * MB, "definition": 1 * MB, "bibliography": 16 * MB,
          "claims": 16 * MB, "image": 32 * MB}

NOT_FOUND, NOT_REGULAR, TOO_LARGE, UNREADABLE, NOT_TEXT, SYNTAX, TOO_DEEP, NUMBER = (
    "not-found", "not-regular", "too-large", "unreadable", "not-text", "syntax", "too-deep", "number")
KINDS = (NOT_FOUND, NOT_REGULAR, TOO_LARGE, UNREADABLE, NOT_TEXT, SYNTAX, TOO_DEEP, NUMBER)
_REASONS = {
    NOT_FOUND: "does not exist",
    NOT_REGULAR: "not a regular file",
    TOO_LARGE: "too large",
    UNREADABLE: "cannot be read",
    NOT_TEXT: "not UTF-8 text",
    SYNTAX: "not valid",
    TOO_DEEP: f"nested more than {MAX_DEPTH} levels deep",
    NUMBER: "holds a number too long to be a real value",
}


class UnsafeFileError(ValueError):
    """A file the gate refuses. `kind` is one of KINDS; `path` the file; `detail` says more."""

    def __init__(self, kind: str, path: str | os.PathLike, detail: str = "", syntax: str = ""):
        self.kind, self.path, self.detail = kind, Path(path), detail
        message = f"{self.path.name}: {_REASONS[kind]}" + (f" {syntax}" if syntax else "")
        super().__init__(f"{message} ({detail})" if detail else message)


def _kind_of_type(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a pipe (FIFO)"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a plain file"


def read_bytes(path: str | os.PathLike, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; UnsafeFileError otherwise."""
    path = Path(path)
    try:
        info = os.stat(path)  # follows links: a link to a regular file is fine
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnsafeFileError(NOT_REGULAR, path, "a loop of symbolic links") from exc
        if exc.errno == errno.ENOENT:
            detail = "a symbolic link to nothing" if os.path.islink(path) else ""
            raise UnsafeFileError(NOT_FOUND, path, detail) from exc
        raise UnsafeFileError(UNREADABLE, path, exc.strerror or str(exc)) from exc
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeFileError(NOT_REGULAR, path, _kind_of_type(info.st_mode))
    try:
        # O_NONBLOCK: if the file was swapped for a FIFO since the stat, opening it cannot hang.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0)
                     | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnsafeFileError(NOT_REGULAR, path, "a loop of symbolic links") from exc
        raise UnsafeFileError(UNREADABLE, path, exc.strerror or str(exc)) from exc
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise UnsafeFileError(NOT_REGULAR, path, _kind_of_type(mode))
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, min(1 * MB, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise UnsafeFileError(TOO_LARGE, path, f"over the limit of {_size(limit)}")
        return b"".join(chunks)
    except OSError as exc:
        raise UnsafeFileError(UNREADABLE, path, exc.strerror or str(exc)) from exc
    finally:
        os.close(fd)


def _size(n: int) -> str:
    return f"{n // MB} MiB" if n >= MB else f"{n // 1024} KiB"


def decode(data: bytes, path: str | os.PathLike) -> str:
    """UTF-8 text (a leading BOM dropped); UnsafeFileError(NOT_TEXT) says where it breaks."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise UnsafeFileError(NOT_TEXT, path, f"bad byte at line {line}") from exc


def read_text(path: str | os.PathLike, limit: int) -> str:
    return decode(read_bytes(path, limit), path)


# --- nesting depth ---------------------------------------------------------------------------------
_ESCAPE = re.compile(rb"\\.", re.DOTALL)
_SHORT_STRING = re.compile(rb'"[^"]*"')
_KEEP = b'"[]{}'
_DROP = bytes(b for b in range(256) if b not in _KEEP)


def _brackets(text: str | bytes) -> bytes:
    """The brackets of JSON text outside its strings, in order. All in C: escapes dropped (memchr
    for the rare backslash), then every byte but quotes and brackets, then the (now short) strings."""
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    if b"\\" in data:
        data = _ESCAPE.sub(b"", data)
    # Most strings hold no bracket and become "": dropped by replace; adjacent strings that
    # replace merges are strings all the same, dropped by the regex.
    return _SHORT_STRING.sub(b"", data.translate(None, _DROP).replace(b'""', b""))


def json_too_deep(text: str | bytes, limit: int = MAX_DEPTH) -> bool:
    """Whether JSON text nests brackets deeper than `limit` (brackets in strings do not count).
    Innermost pairs are removed a pass at a time (bytes.replace), so a big file costs a few passes."""
    brackets = _brackets(text)
    for _ in range(limit):
        if not brackets:
            return False
        shorter = brackets.replace(b"[]", b"").replace(b"{}", b"")
        if shorter == brackets:
            return False  # mismatched brackets: the parser will say where
        brackets = shorter
    return b"[]" in brackets or b"{}" in brackets


def _depth_and_ints(value: Any, limit: int = MAX_DEPTH) -> str:
    """'' if fine; else the reason. Iterative, so no depth can overflow the stack."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth > limit:
                return TOO_DEEP
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
        elif isinstance(item, int) and not isinstance(item, bool) and abs(item) >= 10 ** MAX_INT_DIGITS:
            return NUMBER
    return ""


# --- JSON --------------------------------------------------------------------------------------------
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """`text` with every unpaired surrogate replaced by U+FFFD (so it can be encoded)."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise _NumberError(f"a whole number of {len(text)} digits")
    return int(text)


def _parse_float(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise _NumberError(f"a number written with {len(text)} characters")
    value = float(text)
    if not math.isfinite(value):  # 1e999: JSON text, but no real value (and unsavable as JSON)
        raise _NumberError(f"{text[:20]} is out of range")
    return value


class _NumberError(ValueError):
    pass


@dataclass
class JsonResult:
    value: Any
    replaced: int = 0  # unpaired surrogates replaced by U+FFFD


def _fix_surrogates(value: Any) -> tuple[Any, int]:
    count = 0

    def fix(text: str) -> str:
        nonlocal count
        fixed, n = _LONE_SURROGATE.subn("\ufffd", text)  # json.loads already joined the pairs
        count += n
        return fixed

    root = [value]
    stack: list = [root]
    while stack:
        container = stack.pop()
        items = list(container.items()) if isinstance(container, dict) else list(enumerate(container))
        for key, item in items:
            if isinstance(item, str):
                container[key] = fix(item)
            elif isinstance(item, dict | list):
                stack.append(item)
            if isinstance(container, dict) and isinstance(key, str) and _LONE_SURROGATE.search(key):
                container[fix(key)] = container.pop(key)
    return root[0], count


STREAM_FROM = 8 * MB  # a bigger text's "features" are parsed one by one (see _parse_stream)
_FEATURES = re.compile(r'"features"\s*:\s*\[')


def _no_constant(name: str):
    raise _NumberError(f"{name} is not a JSON number")


_CHECKING = json.JSONDecoder(parse_int=_parse_int, parse_float=_parse_float, parse_constant=_no_constant)
# json's own C number parsing is ~5x faster than a Python hook per number (a country layer holds
# 300,000 of them: 0.17 s at every start). It is used unless the text holds a run of digits longer
# than a whole number may be or a three-digit exponent (1e999): only then can a number break the
# bounds, and the checking decoder looks at each (a string with such digits just takes that path).
_FAST = json.JSONDecoder(parse_constant=_no_constant)
_RISKY_NUMBER = re.compile(rf"\d{{{MAX_INT_DIGITS + 1},}}|[eE][+-]?\d{{3,}}")


def _decoder_for(text: str) -> json.JSONDecoder:
    return _CHECKING if _RISKY_NUMBER.search(text) else _FAST


@contextlib.contextmanager
def _collector_paused():
    """Python's cyclic garbage collector paused while millions of dicts and lists are made, and
    what exists then moved out of its sight (gc.freeze): parsed features hold no cycles and are
    still freed by reference counting, but are never traversed again. Without this a 130 MB layer
    took 12.5 s instead of 3.9 s, and later collections stalled every thread for seconds."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def _parse_stream(text: str) -> Any:
    """A big JSON object whose top-level "features" array holds most of it, parsed one element at
    a time (GeoJSON layers of a million points). Each element is a short call into C, so a search
    index built in a worker thread leaves the UI thread its turns instead of one stall of seconds
    for a single json.loads. Returns None when the text is not laid out so (then: json.loads)."""
    match = _FEATURES.search(text)
    if match is None:
        return None
    decoder = _decoder_for(text)
    unclosed = _brackets(text[:match.start()])
    while b"[]" in unclosed or b"{}" in unclosed:
        unclosed = unclosed.replace(b"[]", b"").replace(b"{}", b"")
    if unclosed != b"{":  # "features" is not a key of the top-level object
        return None
    features, at, end = [], match.end(), len(text)
    whitespace = " \t\n\r"
    while True:
        while at < end and text[at] in whitespace:
            at += 1
        if at < end and text[at] == "]":
            at += 1
            break
        value, at = decoder.raw_decode(text, at)
        features.append(value)
        while at < end and text[at] in whitespace:
            at += 1
        if at < end and text[at] == ",":
            at += 1
        elif not (at < end and text[at] == "]"):
            raise json.JSONDecodeError("Expecting ',' delimiter", text, at)
    rest = decoder.decode(text[:match.end()] + "]" + text[at:])
    if not isinstance(rest, dict) or rest.get("features") != []:
        return None
    rest["features"] = features
    return rest


def parse_json(text: str, path: str | os.PathLike, depth_checked: bool = False) -> JsonResult:
    """Parse JSON text with the gate's bounds (depth, number length; NaN/Infinity refused)."""
    if not depth_checked and json_too_deep(text):
        raise UnsafeFileError(TOO_DEEP, path)
    try:
        if len(text) > STREAM_FROM:
            with _collector_paused():
                value = _parse_stream(text)
                if value is None:
                    value = _decoder_for(text).decode(text)
        else:
            value = _decoder_for(text).decode(text)
    except _NumberError as exc:
        raise UnsafeFileError(NUMBER, path, str(exc)) from exc
    except RecursionError as exc:
        raise UnsafeFileError(TOO_DEEP, path) from exc
    except json.JSONDecodeError as exc:
        raise UnsafeFileError(SYNTAX, path, f"{exc.msg} at line {exc.lineno}, column {exc.colno}",
                              "JSON") from exc
    except ValueError as exc:  # anything else json refuses
        raise UnsafeFileError(SYNTAX, path, str(exc)[:200], "JSON") from exc
    replaced = 0
    if _SURROGATE_ESCAPE.search(text):
        value, replaced = _fix_surrogates(value)
    return JsonResult(value, replaced)


def load_json(path: str | os.PathLike, limit: int) -> JsonResult:
    data = read_bytes(path, limit)
    if json_too_deep(data):
        raise UnsafeFileError(TOO_DEEP, path)
    return parse_json(decode(data, path), path, depth_checked=True)


# --- TOML --------------------------------------------------------------------------------------------
def parse_toml(text: str, path: str | os.PathLike) -> dict:
    try:
        value = tomllib.loads(text)
    except RecursionError as exc:
        raise UnsafeFileError(TOO_DEEP, path) from exc
    except tomllib.TOMLDecodeError as exc:
        raise UnsafeFileError(SYNTAX, path, str(exc), "TOML") from exc
    except ValueError as exc:  # e.g. Python's limit on the digits of an int
        raise UnsafeFileError(NUMBER, path, str(exc)[:200]) from exc
    problem = _depth_and_ints(value)
    if problem:
        raise UnsafeFileError(problem, path)
    return value


def load_toml(path: str | os.PathLike, limit: int = LIMITS["definition"]) -> dict:
    return parse_toml(read_text(path, limit), path)
