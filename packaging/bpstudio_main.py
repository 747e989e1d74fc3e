"""The bundle's entry point: the same ``main`` as the ``bpstudio`` command (the app, the CLI, --self-test)."""

import sys

from bpstudio.cli import main

if __name__ == "__main__":  # a training process started by multiprocessing imports this module again
    sys.exit(main())
