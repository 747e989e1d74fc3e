"""Writing a file so that a crash leaves the old one or the new one, never half of one.

The new content goes to a temporary file next to the target, ``<name>.<pid>-<host>.<random>.tmp``, flushed and
fsynced, then renamed over the target. The backup (``<name>.bak``) is made the same way: the version being replaced is
hard-linked (or, where a file system has no hard links, copied and fsynced) to a temporary name and renamed over
the old backup, so a kill at any moment leaves each of the file and its backup complete. A process killed in the
middle leaves its temporary files behind: ``remove_leftovers`` takes away those of processes that are gone (the
next write to that place does so, and the app at its start for the places it knows); one written from another
machine into a shared folder is judged by its age alone.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import shutil
import socket
import tempfile
import time
from collections.abc import Callable, Iterable
from contextlib import suppress
from pathlib import Path
from typing import IO, Any

BACKUP_SUFFIX = ".bak"
HOST = hashlib.sha1(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]  # names this machine's writes
STALE_SECONDS = 600.0  # where no process can be asked about (Windows), a temporary file this old is left over


def write_atomically(path: str | os.PathLike[str], write: Callable[[IO[Any]], object], binary: bool = False,
                     backup: bool = False) -> Path:
    """``write(file)`` on a temporary file in the same folder, flushed and fsynced, then renamed over
    ``path``. With ``backup`` the version being replaced becomes ``<name>.bak`` (atomically too)."""
    path = Path(path)
    remove_leftovers(path)
    fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=".tmp", dir=path.parent)
    try:
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")) as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a saved file gets the usual permissions
        if backup and path.exists():
            _back_up(path)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)
    return path


def write_text_atomically(path: str | os.PathLike[str], text: str, backup: bool = False) -> Path:
    return write_atomically(path, lambda fh: fh.write(text), backup=backup)


def backup_path(path: str | os.PathLike[str]) -> Path:
    path = Path(path)
    return path.with_name(path.name + BACKUP_SUFFIX)


def _temp_prefix(path: Path) -> str:
    return f"{path.name}.{os.getpid()}-{HOST}."


def _back_up(path: Path) -> None:
    """``path`` as it is now becomes its ``.bak``, replacing the old backup in one rename."""
    bak = backup_path(path)
    tmp = bak.with_name(f"{_temp_prefix(bak)}{secrets.token_hex(4)}.tmp")
    try:
        try:
            os.link(path, tmp)  # the same bytes under a second name: nothing is copied, nothing can be partial
        except OSError:  # no hard links here (some network or FAT file systems): a copy, complete before it counts
            shutil.copy2(path, tmp)
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
        os.replace(tmp, bak)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def leftovers(path: str | os.PathLike[str]) -> list[Path]:
    """The temporary files that writes of ``path`` (and of its backup) left when their process was killed."""
    path = Path(path)
    found = []
    for name in (path.name, backup_path(path).name):
        # the names mkstemp makes: <name>.<pid>-<host>.<8 characters>.tmp (older ones: no host, or no pid either)
        pattern = re.compile(re.escape(name) + r"\.(?:(\d+)(?:-([0-9a-f]{8}))?\.)?[a-z0-9_]{8}\.tmp")
        with suppress(OSError):
            for candidate in path.parent.glob(glob_escape(name) + ".*.tmp"):
                match = pattern.fullmatch(candidate.name)
                if match is None or not candidate.is_file():
                    continue
                pid = int(match.group(1)) if match.group(1) else None
                if _orphaned(candidate, pid if match.group(2) in (None, HOST) else None):  # another machine's
                    # writer (a shared folder) cannot be asked after: only the age tells
                    found.append(candidate)
    return found


def remove_leftovers(path: str | os.PathLike[str]) -> int:
    """Remove what ``leftovers(path)`` finds; how many were removed (a file that cannot go stays)."""
    removed = 0
    for leftover in leftovers(path):
        with suppress(OSError):
            leftover.unlink()
            removed += 1
    return removed


def remove_leftovers_in(paths: Iterable[str | os.PathLike[str]]) -> int:
    return sum(remove_leftovers(p) for p in paths)


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def _orphaned(candidate: Path, pid: int | None) -> bool:
    """No process will finish this file: its writer is gone (or unnamed: written before names had the pid)."""
    if pid == os.getpid():
        return False  # this process's own write, going on in another thread
    if pid is not None and os.name == "posix":
        try:
            os.kill(pid, 0)  # signal 0: only asks whether the process exists
        except ProcessLookupError:
            return True
        except (OSError, OverflowError):
            return False
        return False
    try:
        return time.time() - candidate.stat().st_mtime > STALE_SECONDS
    except OSError:
        return False


def _sync_folder(folder: Path) -> None:
    """The rename is on disk too (POSIX); where a folder cannot be opened, the file system's own order holds."""
    if os.name != "posix":
        return
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
