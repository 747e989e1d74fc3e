"""Nudge: one weight or bias moved by Δ, the nudge followed to the loss (issue 15, item 2)."""
