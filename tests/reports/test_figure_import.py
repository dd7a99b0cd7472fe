"""matplotlib imported without its set() docstrings (careerdesk.reports.figure_import):
the same drawing, matplotlib's own kwdoc back afterwards, and a failed import said as such.

Each case runs in a fresh Python: matplotlib is imported once per process.
"""

from __future__ import annotations

import subprocess
import sys

from careerdesk.reports.figure_import import NOT_WRITTEN

# A figure with text, lines, a legend and patches, drawn to raw RGBA pixels.
DRAW = """
from matplotlib.figure import Figure
from matplotlib.backends.backend_agg import FigureCanvasAgg
fig = Figure(figsize=(3, 2), dpi=100)
ax = fig.add_axes((0.1, 0.2, 0.8, 0.7))
ax.plot([0, 1, 2], [1, 3, 2], label="wins", color="#2f6f9f")
ax.fill_between([0.5, 1.5], 0, 1, color="#b6d4ea")
ax.text(1, 2.5, "Meeting 3 Dec 2026", fontsize=8, fontweight="bold")
ax.legend(loc="lower right", fontsize=6)
canvas = FigureCanvasAgg(fig)
canvas.draw()
sys.stdout.buffer.write(bytes(canvas.buffer_rgba()))
"""


def python(code: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120,
                          check=False)


def test_the_drawing_is_the_same_and_matplotlib_keeps_its_kwdoc() -> None:
    quick = python(
        "import sys\n"
        "from careerdesk.reports.figure_import import import_figure_for_drawing\n"
        "import_figure_for_drawing()\n"
        "import matplotlib.artist as artist\n"
        "from matplotlib.lines import Line2D\n"
        # The stand-in wrote the docstrings during the import...
        f"assert {NOT_WRITTEN!r} in Line2D.set.__doc__, Line2D.set.__doc__\n"
        # ...and matplotlib's own kwdoc is back for anyone who asks afterwards.
        "assert artist.kwdoc.__module__ == 'matplotlib.artist'\n"
        "assert 'linewidth' in artist.kwdoc(Line2D)\n" + DRAW)
    assert quick.returncode == 0, quick.stderr.decode()
    usual = python("import sys\n"
                   "from matplotlib.lines import Line2D\n"
                   "assert 'linewidth' in Line2D.set.__doc__\n" + DRAW)
    assert usual.returncode == 0, usual.stderr.decode()
    assert len(quick.stdout) == 300 * 200 * 4
    assert quick.stdout == usual.stdout


def test_an_imported_figure_module_is_left_as_it_is() -> None:
    done = python(
        "import matplotlib.figure\n"
        "from careerdesk.reports.figure_import import import_figure_for_drawing\n"
        "import_figure_for_drawing()\n"
        "from matplotlib.lines import Line2D\n"
        "assert 'linewidth' in Line2D.set.__doc__\n")
    assert done.returncode == 0, done.stderr.decode()


def test_a_failed_import_is_raised_and_the_real_kwdoc_put_back() -> None:
    done = python(
        "import sys\n"
        "import matplotlib.artist as artist\n"
        "real = artist.kwdoc\n"
        "class Refuse:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'matplotlib.figure':\n"
        "            raise ImportError('matplotlib.figure is broken')\n"
        "sys.meta_path.insert(0, Refuse())\n"
        "from careerdesk.reports.figure_import import import_figure_for_drawing\n"
        "try:\n"
        "    import_figure_for_drawing()\n"
        "except ImportError as error:\n"
        "    assert str(error) == 'matplotlib.figure is broken'\n"
        "else:\n"
        "    raise AssertionError('the failed import was swallowed')\n"
        "assert artist.kwdoc is real\n")
    assert done.returncode == 0, done.stderr.decode()
