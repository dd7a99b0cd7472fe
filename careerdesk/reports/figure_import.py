"""matplotlib's ``Figure`` imported for a command that draws a chart and exits.

While ``matplotlib.figure`` is imported, matplotlib writes the docstring of the ``set()``
method of every Artist class it defines, listing each settable property with its values
(``matplotlib.artist.kwdoc``, called from ``Artist.__init_subclass__`` and for the
``%(Line2D:kwdoc)s`` substitutions in its plotting functions' docstrings). That is about
an eighth of a second, a tenth of ``careerdesk prep-sheet``, for text that only
``help()`` shows, and a command that draws one chart and exits never shows it.

``import_figure_for_drawing`` imports the module with ``kwdoc`` answering one line instead,
and puts the real one back as soon as the import is over (also when it fails). Only
docstrings change: drawing never calls ``kwdoc`` (tests/reports/test_figure_import.py
draws the same pixels either way). When matplotlib no longer has a ``kwdoc`` to stand in
for, or ``matplotlib.figure`` is already imported, the module is imported as usual.

The window does not use this: it is a long-lived process, and its docstrings stay whole.
"""

from __future__ import annotations

import importlib
import sys

FIGURE_MODULE = "matplotlib.figure"
NOT_WRITTEN = "Properties: not listed here (see the class's set_* methods)."


def _kwdoc_not_written(artist: object) -> str:
    return NOT_WRITTEN


def import_figure_for_drawing() -> None:
    """Imports ``matplotlib.figure`` without writing the Artist classes' ``set()`` docstrings."""
    if FIGURE_MODULE in sys.modules:
        return
    artist = importlib.import_module("matplotlib.artist")
    real = getattr(artist, "kwdoc", None)
    if not callable(real):  # matplotlib changed: nothing to stand in for, import as usual
        importlib.import_module(FIGURE_MODULE)
        return
    setattr(artist, "kwdoc", _kwdoc_not_written)  # noqa: B010 (matplotlib's own global)
    try:
        importlib.import_module(FIGURE_MODULE)
    finally:
        setattr(artist, "kwdoc", real)  # noqa: B010
