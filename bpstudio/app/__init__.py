"""The Qt window. Importing it chooses Qt's own event dispatcher over GLib's (before any QApplication):
GLib's runs timers and paints in an order that hides the window's busy moments from the engine thread,
which then competes with the window for the interpreter lock (see EngineController)."""

import os

os.environ.setdefault("QT_NO_GLIB", "1")
