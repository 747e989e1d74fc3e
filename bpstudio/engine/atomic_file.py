"""Writing a file so that a crash leaves the old one or the new one, never half of one."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any


def write_atomically(path: str | os.PathLike[str], write: Callable[[IO[Any]], object], binary: bool = False,
                     backup: bool = False) -> Path:
    """``write(file)`` on a temporary file in the same folder, flushed and fsynced, then renamed over
    ``path``. With ``backup`` the version being replaced is first copied to ``<name>.bak``."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")) as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a saved file gets the usual permissions
        if backup and path.exists():
            shutil.copy2(path, path.with_name(path.name + ".bak"))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_text_atomically(path: str | os.PathLike[str], text: str, backup: bool = False) -> Path:
    return write_atomically(path, lambda fh: fh.write(text), backup=backup)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
