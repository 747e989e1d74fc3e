"""Errors the engine raises for bad input; each names the field at fault so the UI can point at it."""

from __future__ import annotations

import math
from typing import TypeGuard


class BPStudioError(Exception):
    """Base class for every error BP Studio reports to the user."""


class ValidationError(BPStudioError, ValueError):
    """A value the user supplied (spec, hyper-parameter, data, file) is not acceptable.

    ``field`` is a dotted path such as ``network.layers[1].units`` or ``data.x`` (a key, never translated);
    ``message`` is in the UI's language. ``column`` names the CSV column at fault when the message does
    (so a caller need not read it out of a message that may be translated).
    """

    def __init__(self, field: str, message: str, column: str | None = None) -> None:
        self.field = field
        self.message = message
        self.column = column
        super().__init__(f"{field}: {message}")


class FormatError(BPStudioError, ValueError):
    """A file is not a readable BP Studio project or snapshot."""


class HistoryError(BPStudioError, RuntimeError):
    """Step back was asked for but no earlier stage is kept."""


def require(ok: object, field: str, message: str, **values: object) -> None:
    """Raise ``ValidationError(field, message)`` unless ``ok``: one rule of a validator. The message is formatted
    with ``values`` (only then: a message without fields may hold braces), only when it is raised."""
    if not ok:
        raise ValidationError(field, message.format(**values) if values else message)


def whole(x: object) -> TypeGuard[int]:
    """An int, and not True or False (a JSON true is never a count)."""
    return isinstance(x, int) and not isinstance(x, bool)


def finite(x: object) -> TypeGuard[int | float]:
    """A finite int or float, and not True or False."""
    try:
        return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)
    except OverflowError:  # an int beyond floats
        return False

