"""The code panel: the engine's loop as a NumPy program, its current stage's lines highlighted (issue 16, item 1)."""
