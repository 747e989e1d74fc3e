"""BP Studio: step backpropagation one layer at a time and see every number."""

__version__ = "0.1.0"
