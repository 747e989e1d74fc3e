"""What the studio remembers between sessions, all in one INI file: the recent projects, the window's
geometry and dock layout, and the digits shown.

On Linux the file is ``$XDG_CONFIG_HOME/BP Studio/BP Studio.ini`` (``~/.config`` when the variable is unset);
the tests point ``XDG_CONFIG_HOME`` at a temporary folder, so they never touch the user's settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

ORGANISATION = APPLICATION = "BP Studio"
MAX_RECENT = 8
RECENT_KEY = "recent/files"
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
PRECISION_KEY = "view/precision"
DEFAULT_PRECISION = 4
PRECISION_RANGE = (1, 10)
STATE_VERSION = 1  # bump when the docks change so much that an old layout would not fit


def settings() -> QSettings:
    """The studio's settings (a new handle each time; they all share one file)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


# ----- recent files ---------------------------------------------------------------------
def _stored_recent(store: QSettings) -> list[str]:
    value = store.value(RECENT_KEY, [])
    if isinstance(value, str):  # an INI list of one comes back as a plain string
        value = [value] if value else []
    return [item for item in value if isinstance(item, str) and item] if isinstance(value, list) else []


def recent_files() -> list[Path]:
    """The recently opened or saved projects that still exist, most recent first, at most 8."""
    return [Path(item) for item in _stored_recent(settings()) if Path(item).is_file()][:MAX_RECENT]


def add_recent_file(path: Path | str) -> None:
    """Put ``path`` at the top of the list (once), dropping files that are gone and the oldest beyond 8."""
    key = str(Path(path).resolve())
    store = settings()
    rest = [item for item in _stored_recent(store) if item != key and Path(item).is_file()]
    store.setValue(RECENT_KEY, [key, *rest][:MAX_RECENT])


def clear_recent_files() -> None:
    settings().remove(RECENT_KEY)


# ----- window layout --------------------------------------------------------------------
def save_window_state(window: QMainWindow) -> None:
    store = settings()
    store.setValue(GEOMETRY_KEY, window.saveGeometry())
    store.setValue(STATE_KEY, window.saveState(STATE_VERSION))


def restore_window_state(window: QMainWindow) -> bool:
    """Restore the stored geometry and dock layout, if any; anything unreadable is ignored (False)."""
    store = settings()
    geometry, state = store.value(GEOMETRY_KEY), store.value(STATE_KEY)
    restored = False
    if isinstance(geometry, (QByteArray, bytes)) and not QByteArray(geometry).isEmpty():
        restored = window.restoreGeometry(QByteArray(geometry))
    if isinstance(state, (QByteArray, bytes)) and not QByteArray(state).isEmpty():
        restored = window.restoreState(QByteArray(state), STATE_VERSION) and restored
    return restored


# ----- preferences ----------------------------------------------------------------------
def precision() -> int:
    """The digits shown after the decimal point (1–10)."""
    try:
        digits = int(str(settings().value(PRECISION_KEY, DEFAULT_PRECISION)))  # an INI file holds text
    except (TypeError, ValueError):
        return DEFAULT_PRECISION
    low, high = PRECISION_RANGE
    return digits if low <= digits <= high else DEFAULT_PRECISION


def clamp_precision(digits: int) -> int:
    low, high = PRECISION_RANGE
    return max(low, min(high, int(digits)))


def set_precision(digits: int) -> None:
    settings().setValue(PRECISION_KEY, clamp_precision(digits))


# ----- classroom: theme and presentation mode ---------------------------------------------
THEME_KEY = "view/theme"
PRESENTATION_KEY = "view/presentation"


def _one_of(key: str, choices: tuple[str, ...]) -> str:
    """The stored choice, or the first of ``choices`` when unset or unreadable."""
    value = settings().value(key, choices[0])
    return value if isinstance(value, str) and value in choices else choices[0]


def theme() -> str:
    """"system", "light" or "dark" ("system" when unset or unreadable)."""
    return _one_of(THEME_KEY, ("system", "light", "dark"))


def set_theme(name: str) -> None:
    settings().setValue(THEME_KEY, name)


def presentation() -> bool:
    """Whether the studio was left in presentation mode (large fonts, thick lines)."""
    return str(settings().value(PRESENTATION_KEY, "false")).lower() == "true"


def set_presentation(on: bool) -> None:
    settings().setValue(PRESENTATION_KEY, bool(on))


# ----- notation: column or row convention -------------------------------------------------
NOTATION_KEY = "view/notation"
NOTATIONS = ("column", "row", "deeplearning")  # engine.text.convention.CONVENTIONS


def notation() -> str:
    """"column" (default), "row" or "deeplearning": how matrices and equations are written (View ▸ Notation)."""
    return _one_of(NOTATION_KEY, NOTATIONS)


def set_notation(name: str) -> None:
    settings().setValue(NOTATION_KEY, name if name in NOTATIONS else "column")


# ----- the first launch's pointer to the lessons ----------------------------------------
LESSON_POINTER_KEY = "onboarding/lessonPointerDismissed"


def lesson_pointer_dismissed() -> bool:
    """Whether the pointer to the lessons (F1) was closed, or the lessons found: it does not come back."""
    return str(settings().value(LESSON_POINTER_KEY, "false")).lower() == "true"


def dismiss_lesson_pointer() -> None:
    settings().setValue(LESSON_POINTER_KEY, True)
