"""Shared test setup: headless Qt, and never the user's real settings or data folders."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# settings and autosaves go to a throwaway home for the whole session
_home = tempfile.mkdtemp(prefix="bpstudio-test-home-")
for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
    os.environ[var] = os.path.join(_home, var.lower())
