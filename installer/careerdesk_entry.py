"""The frozen app's entry point: both executables of the bundle run this script.

``careerdesk`` is the console program (the command line, and the window when no command is
given); ``careerdesk-gui`` is the same program built without a console (Windows, macOS), so
a Start-menu shortcut or the .app opens no terminal.
"""

import sys
from pathlib import Path

from careerdesk.cli import gui_main, main

if __name__ == "__main__":
    windowed = Path(sys.executable).stem.lower().endswith("-gui")
    sys.exit(gui_main() if windowed else main())
