"""The update ledger: each update's predicted and real loss change, and the loss along its step."""
