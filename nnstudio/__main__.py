"""``python -m nnstudio`` is the ``nnstudio`` command (also the PyInstaller bundle's entry point)."""

import sys

from nnstudio.cli import main

if __name__ == "__main__":
    sys.exit(main())
