"""Start the desktop app (no arguments) or run a command: ``python main.py <command>``."""

import sys

from ui.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
