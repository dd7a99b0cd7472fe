"""What every benchmark here shares: medians of timed runs, and whole commands timed in
fresh processes as a user runs them.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence

CAREERDESK = [sys.executable, "-m", "careerdesk"]
"""The command line, run by the Python that runs the benchmark (the project's venv)."""


def median_of(runs: int, work: Callable[[], object]) -> float:
    """The median seconds of ``runs`` calls of ``work`` in this process."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run_once(argv: Sequence[str], env: Mapping[str, str] | None = None
             ) -> tuple[float, float, str]:
    """Runs the command once; its wall-clock seconds, CPU seconds and standard output.

    CPU time (user and system, of the child) says what the command costs even when other
    work shares the machine; wall-clock time is what the user waits on an idle one.
    A failing command stops the benchmark with its own message.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(list(argv), capture_output=True, text=True,
                          env=dict(env) if env is not None else None)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({done.returncode}):\n{done.stderr}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu, done.stdout


def command_seconds(argv: Sequence[str], runs: int, warm_up: bool = True,
                    env: Mapping[str, str] | None = None) -> tuple[float, float]:
    """The median wall-clock and CPU seconds of the command, each run a fresh process.

    ``warm_up`` runs it once first, untimed, to warm the disk and bytecode caches.
    """
    if warm_up:
        run_once(argv, env)
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu, _ = run_once(argv, env)
        walls.append(wall)
        cpus.append(cpu)
    return statistics.median(walls), statistics.median(cpus)


def user_env() -> dict[str, str]:
    """The environment careerdesk runs in for a user: a window without a display unless
    the user chose a Qt platform, and Python's bytecode cached as usual (an installed
    careerdesk has it compiled; PYTHONDONTWRITEBYTECODE would compile every module at
    every start and measure that instead)."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env
