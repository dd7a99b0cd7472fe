"""Kills writers of a journal at random moments and tells which writes were acknowledged.

Run as ``python -m tests.safety.crash_writer DATA_DIR KILLS SEED MAX_DELAY``. The driver
imports careerdesk once and forks one writer after another: each opens the journal (so
it also recovers what the last killed writer left), then adds entries of random sizes in
a loop and reports each uid through a pipe once ``add_journal_entry`` has returned, that
is once the commit is acknowledged. The driver kills it with SIGKILL after a random delay
(sometimes while opening and recovering, sometimes mid-commit or mid-checkpoint) and finally prints
``{"kills": N, "acknowledged": [uid, ...]}`` as JSON.
"""

from __future__ import annotations

import json
import os
import random
import select
import signal
import sys
import time
from datetime import date
from pathlib import Path


def _write_forever(data_dir: Path, pipe: int, seed: int) -> None:
    from careerdesk import services

    rng = random.Random(seed)
    journal = services.open_journal(data_dir)
    number = 0
    while True:
        number += 1
        body = f"crash-test entry {seed}-{number} " + "x" * rng.randrange(10, 6000)
        uid = services.add_journal_entry(journal, body, title=f"entry {seed}-{number}",
                                         day=date(2026, 11, 22), tags=["crash"])
        os.write(pipe, f"{uid}\n".encode())


def _collect(pipe: int, until: float) -> bytes:
    received = b""
    while True:
        left = until - time.monotonic()
        if left <= 0:
            return received
        ready, _, _ = select.select([pipe], [], [], left)
        if not ready:
            return received
        chunk = os.read(pipe, 65536)
        if not chunk:
            return received
        received += chunk


def run(data_dir: Path, kills: int, seed: int, max_delay: float) -> dict[str, object]:
    import alembic.command  # noqa: F401  (imported once here, so each fork starts fast)

    from careerdesk import services

    # Created once, before the kills: a first start killed while it builds the journal is
    # another test's subject, and on a busy machine it could take every kill here.
    services.open_journal(data_dir).close()

    rng = random.Random(seed)
    acknowledged: list[str] = []
    done = 0
    for attempt in range(kills):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the writer
            os.close(read_end)
            try:
                _write_forever(data_dir, write_end, seed * 100_000 + attempt)
            finally:
                os._exit(3)
        os.close(write_end)
        received = _collect(read_end, time.monotonic() + rng.uniform(0.0, max_delay))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        # A writer that died before the kill (an error) would fail the test's figures.
        if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
            done += 1
        while chunk := os.read(read_end, 65536):  # lines written just before the kill
            received += chunk
        os.close(read_end)
        acknowledged += [line for line in received.decode().split("\n") if line]
    return {"kills": done, "acknowledged": acknowledged}


if __name__ == "__main__":
    folder, count, seed_text, delay = sys.argv[1:5]
    print(json.dumps(run(Path(folder), int(count), int(seed_text), float(delay))))
