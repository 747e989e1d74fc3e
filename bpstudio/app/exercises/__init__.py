"""Exercise sheets with answer keys (File ▸ Export ▸ Exercise sheets…) and File ▸ Open exercise…: the dialogs.
The sheets are written by ``engine.text.exercise_sheets``; the window wires the dialogs (window/exercise_actions)."""
