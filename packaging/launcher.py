"""PyInstaller entry script: the frozen app starts here and hands over to the normal CLI."""

import multiprocessing
import sys

from hallsupervisor.cli import main

if __name__ == "__main__":
    # Harmless when nothing uses multiprocessing; required on Windows if anything ever does.
    multiprocessing.freeze_support()
    sys.exit(main())
