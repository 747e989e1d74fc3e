"""Errors the engine raises for bad input; each names the field at fault so the UI can point at it."""

from __future__ import annotations


class BPStudioError(Exception):
    """Base class for every error BP Studio reports to the user."""


class ValidationError(BPStudioError, ValueError):
    """A value the user supplied (spec, hyper-parameter, data, file) is not acceptable.

    ``field`` is a dotted path such as ``network.layers[1].units`` or ``data.x``.
    """

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


class FormatError(BPStudioError, ValueError):
    """A file is not a readable BP Studio project or snapshot."""


class HistoryError(BPStudioError, RuntimeError):
    """Step back was asked for but no earlier stage is kept."""
