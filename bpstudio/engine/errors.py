"""Errors the engine raises for bad input; each names the field at fault so the UI can point at it."""

from __future__ import annotations


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
