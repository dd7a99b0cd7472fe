"""Python's cycle collector paused while an import reads and writes its records.

Reading a 100,000-record file makes a few million objects (the JSON, the records, the
rows), none of them in a reference cycle; the collector still walked them again and
again as they piled up, a fifth of the import's time. Reference counting frees memory
as usual meanwhile, and the collector runs as before once the import is done.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
