"""Builds the careerdesk bundle with PyInstaller and checks that it works.

    python installer/build.py                # build dist/careerdesk, then smoke-test it
    python installer/build.py --skip-build   # smoke-test the bundle already in dist/

Needs the ``installer`` extra (``pip install -e ".[installer]"``). The smoke test runs the
frozen program the way a user would, in a fresh temporary data folder: ``--version``, the
demo journal imported (which runs every migration), a prep sheet PDF and a timeline PNG
written from it, and the window left open offscreen for a few seconds. Any failure ends
the script with status 1 and says which step failed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "careerdesk.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build"
BUNDLE = DIST / "careerdesk"
WINDOW_SECONDS = 5.0
STEP_TIMEOUT = 300


class SmokeFailure(Exception):
    pass


def executable(name: str) -> Path:
    suffix = ".exe" if sys.platform == "win32" else ""
    return BUNDLE / f"{name}{suffix}"


def build() -> float:
    """Runs PyInstaller on the spec; returns the seconds it took."""
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                    "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)],
                   check=True, cwd=ROOT)
    return time.monotonic() - started


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*")
               if path.is_file() and not path.is_symlink())


def smoke_env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"  # no display needed; the window still draws
    # Nothing from a checkout or a venv may leak into the frozen program.
    for name in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"):
        env.pop(name, None)
    return env


def run_step(title: str, args: Sequence[str], env: dict[str, str]) -> str:
    print(f"-- {title}: {' '.join(args)}", flush=True)
    done = subprocess.run(args, capture_output=True, text=True, env=env,
                          timeout=STEP_TIMEOUT, cwd=tempfile.gettempdir())
    if done.returncode != 0:
        raise SmokeFailure(f"{title}: exit status {done.returncode}\n{done.stdout}{done.stderr}")
    return done.stdout


def expect_file(title: str, path: Path, magic: bytes) -> None:
    if not path.is_file():
        raise SmokeFailure(f"{title}: {path} was not written")
    head = path.read_bytes()[:len(magic)]
    if head != magic:
        raise SmokeFailure(f"{title}: {path} starts with {head!r}, not {magic!r}")
    print(f"   {path.name}: {path.stat().st_size} bytes", flush=True)


def smoke_test() -> None:
    cli = str(executable("careerdesk"))
    env = smoke_env()
    with tempfile.TemporaryDirectory(prefix="careerdesk-smoke-") as temp:
        data = Path(temp) / "data"
        version = run_step("version", [cli, "--version"], env).strip()
        from careerdesk import __version__  # the checkout the bundle was built from

        if version != f"careerdesk {__version__}":
            raise SmokeFailure(f"version: printed {version!r}, expected careerdesk {__version__}")
        print(f"   {version}", flush=True)
        run_step("demo journal", [cli, "--data-dir", str(data), "demo"], env)
        prep = Path(temp) / "prep-sheet.pdf"
        run_step("prep sheet", [cli, "--data-dir", str(data), "prep-sheet", "--latest",
                                "-o", str(prep)], env)
        expect_file("prep sheet", prep, b"%PDF")
        chart = Path(temp) / "timeline.png"
        run_step("timeline", [cli, "--data-dir", str(data), "timeline", "-o", str(chart)], env)
        expect_file("timeline", chart, b"\x89PNG\r\n\x1a\n")
        window_stays_up(str(executable("careerdesk-gui")), data, env)
        # SQLCipher is loaded by name, only for an encrypted journal: prove it is bundled.
        keyed = {**env, "CAREERDESK_PASSPHRASE": "smoke test passphrase"}
        run_step("encrypt", [cli, "--data-dir", str(data), "encrypt"], keyed)
        if (data / "journal.sqlite3").read_bytes()[:16] == b"SQLite format 3\x00":
            raise SmokeFailure("encrypt: the journal still starts with SQLite's plain header")
        found = run_step("search the encrypted journal",
                         [cli, "--data-dir", str(data), "search", "promotion"], keyed)
        if not found.strip():
            raise SmokeFailure("search the encrypted journal: no hits")


def window_stays_up(gui: str, data: Path, env: dict[str, str]) -> None:
    print(f"-- window: {gui} --data-dir {data} (offscreen, {WINDOW_SECONDS:g} s)", flush=True)
    log = data.parent / "window.log"
    with log.open("w") as output:
        process = subprocess.Popen([gui, "--data-dir", str(data)], env=env,
                                   stdout=output, stderr=subprocess.STDOUT)
        try:
            time.sleep(WINDOW_SECONDS)
            status = process.poll()
        finally:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
    if status is not None:
        raise SmokeFailure(f"window: ended by itself with status {status}\n"
                           f"{log.read_text(errors='replace')}")
    print(f"   still running after {WINDOW_SECONDS:g} s; closed", flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true",
                        help="smoke-test the bundle already in dist/careerdesk")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    if not args.skip_build:
        if not _has_pyinstaller():
            print("build.py: PyInstaller is missing; pip install -e \".[installer]\"",
                  file=sys.stderr)
            return 1
        seconds = build()
        print(f"built {BUNDLE} in {seconds:.0f} s", flush=True)
    if not executable("careerdesk").is_file():
        print(f"build.py: no bundle at {BUNDLE}", file=sys.stderr)
        return 1
    print(f"bundle size: {folder_size(BUNDLE) / 1e6:.0f} MB", flush=True)
    try:
        smoke_test()
    except (SmokeFailure, subprocess.TimeoutExpired) as failure:
        print(f"smoke test FAILED: {failure}", file=sys.stderr)
        return 1
    print("smoke test passed", flush=True)
    return 0


def _has_pyinstaller() -> bool:
    import importlib.util

    return importlib.util.find_spec("PyInstaller") is not None


if __name__ == "__main__":
    raise SystemExit(main())
