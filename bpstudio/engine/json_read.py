"""Reading the JSON files BP Studio opens (projects, lessons, a snapshot's meta) strictly: a bounded size, no key
twice in one object, no text that cannot be written back (a lone surrogate), and whole numbers too large for
64 bits read as the numbers they are (a float, or infinity), so the field's own check names them."""

from __future__ import annotations

import json
import os
import re
from typing import Any

from .errors import FormatError
from .i18n import translate

MAX_PROJECT_BYTES = 64 * 1024 * 1024  # a project file (docs/formats.md: limits)
MAX_LESSON_BYTES = 8 * 1024 * 1024  # a lesson file (docs/lessons.md)
_INT64 = 2 ** 63
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")  # how a surrogate can get into JSON read as UTF-8


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    d = dict(pairs)
    if len(d) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return d


def _whole(text: str) -> int | float:
    """A JSON integer: an int within 64 bits, else the float it is (infinity when beyond floats), never a
    digit-limit ValueError or an int NumPy cannot take."""
    if len(text) <= 19:
        value = int(text)
        if -_INT64 <= value < _INT64:
            return value
    return float(text)


def read_text_file(path: str | os.PathLike[str], most: int | None = None) -> str:
    """A file's text (UTF-8) of at most ``most`` bytes (None: a project's limit, read now), or a FormatError that
    says why it cannot be read."""
    most = MAX_PROJECT_BYTES if most is None else most
    try:
        with open(path, "rb") as fh:
            data = fh.read(most + 1)
        if len(data) > most:
            raise FormatError(translate("Project", "{path}: the file is larger than {most} MB, the most BP Studio "
                                        "opens").format(path=path, most=most // (1024 * 1024)))
        return data.decode("utf-8")
    except FileNotFoundError:
        raise FormatError(translate("Project", "{path}: no such file").format(path=path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise FormatError(translate("Project", "{path}: cannot be read as text ({reason})").format(
            path=path, reason=exc)) from None


def parse_json(text: str, source: str, too_deep: str) -> Any:
    """JSON read from ``text``, or a FormatError naming ``source`` and the line; ``too_deep`` (with a {source}
    field) is the message for JSON nested beyond Python's recursion limit."""
    try:
        value = json.loads(text, object_pairs_hook=_pairs, parse_int=_whole)
    except json.JSONDecodeError as exc:
        raise FormatError(translate(
            "Project", "{source}: not valid JSON (line {line}, column {column}: {reason})").format(
            source=source, line=exc.lineno, column=exc.colno, reason=exc.msg)) from None
    except RecursionError:
        raise FormatError(too_deep.format(source=source)) from None
    except _DuplicateKey as exc:
        raise FormatError(translate("Project", "{source}: the key {key} appears twice in one object (which one "
                                    "is meant?)").format(source=source, key=json.dumps(exc.key))) from None
    if _SURROGATE_ESCAPE.search(text):
        where = _lone_surrogate(value, "")
        if where is not None:
            raise FormatError(translate("Project", "{source}: {field}: holds a lone surrogate (\\ud800 … \\udfff), "
                                        "which is not text and could never be saved").format(
                source=source, field=where or "(top level)"))
    return value


def _lone_surrogate(value: Any, where: str) -> str | None:
    """The dotted path of the first text (or key) in ``value`` that cannot be written as UTF-8, or None."""
    stack = [(value, where)]
    while stack:
        item, at = stack.pop()
        if isinstance(item, str):
            if not encodable(item):
                return at
        elif isinstance(item, dict):
            for key, v in item.items():
                path = f"{at}.{key}" if at else key
                if not encodable(key):
                    return at or "(top level)"
                stack.append((v, path))
        elif isinstance(item, list):
            stack.extend((v, f"{at}[{i}]") for i, v in enumerate(item))
    return None


def encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
