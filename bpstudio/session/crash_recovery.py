"""Unsaved work survives a crash or ``kill -9``: the app writes it to ``autosave.bpsproj`` in a folder of its
own (the user's data folder). A lock file with the process id marks a session as running; a clean exit removes
both. On the next start, an autosave left by a session that did not exit cleanly is offered for restoring, and
the temporary files of writes a kill interrupted there are removed (``engine.atomic_file``).
"""

from __future__ import annotations

import os
from pathlib import Path

from bpstudio.engine import BPStudioError, Project, load_project, save_project
from bpstudio.engine.atomic_file import remove_leftovers


def autosave_file(folder: Path) -> Path:
    return folder / "autosave.bpsproj"


def lock_file(folder: Path) -> Path:
    return folder / "session.lock"


def begin(folder: Path) -> None:
    """This process's session runs (its lock says so)."""
    folder.mkdir(parents=True, exist_ok=True)
    remove_leftovers(autosave_file(folder))  # an autosave a kill interrupted (the autosave itself is whole)
    lock_file(folder).write_text(str(os.getpid()), encoding="utf-8")


def save(folder: Path, project: Project) -> None:
    """Write the autosave (atomically); raises OSError or BPStudioError, which the caller shows: the work goes
    on, and the next try may succeed."""
    save_project(autosave_file(folder), project)


def end(folder: Path) -> None:
    """A clean exit: nothing to recover next time."""
    for path in (autosave_file(folder), lock_file(folder)):
        path.unlink(missing_ok=True)


def left_by_a_crash(folder: Path) -> Path | None:
    """An autosave from a session that did not exit cleanly (its lock is still there, its process gone)."""
    path, lock = autosave_file(folder), lock_file(folder)
    if not path.exists() or not lock.exists():
        return None
    try:
        pid = int(lock.read_text(encoding="utf-8").strip() or 0)
    except (OSError, ValueError):
        pid = 0
    if pid == os.getpid() or (pid and _alive(pid)):
        return None  # this session's own, or another BP Studio's that is running
    return path


def recovered_project(path: Path) -> Project | None:
    try:
        return load_project(path)
    except (BPStudioError, OSError):
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
