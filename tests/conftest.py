"""Setup every floor shares: never the user's real settings or data folders, and no training process left
behind. Qt's own setup is in tests/app/conftest.py: the engine and session tests need no Qt."""

from __future__ import annotations

import os
import tempfile

# settings and autosaves go to a throwaway home for the whole session
_home = tempfile.mkdtemp(prefix="bpstudio-test-home-")
for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
    os.environ[var] = os.path.join(_home, var.lower())


import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def no_training_process_left():
    """Every run trains in a child process; shutting the engine down must end it."""
    yield
    import multiprocessing

    left = [p for p in multiprocessing.active_children() if p.name == "bpstudio-run"]
    for p in left:
        p.terminate()
        p.join(2)
    assert not left, f"{len(left)} training process(es) left running"

