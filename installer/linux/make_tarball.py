"""Packs the Linux bundle into dist/careerdesk-<version>-linux-<machine>.tar.gz.

    python installer/build.py               # first: dist/careerdesk, smoke-tested
    python installer/linux/make_tarball.py

The tarball holds one folder, careerdesk-<version>/, with the program folder, install.sh
(installs into ~/.local, no root), the desktop file, the AppStream file and the icons.
"""

from __future__ import annotations

import platform
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "installer" / "linux"
BUNDLE = ROOT / "dist" / "careerdesk"
ICONS = ROOT / "resources" / "icons" / "app"
EXECUTABLE = 0o755


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from careerdesk import __version__

    if not (BUNDLE / "careerdesk").is_file():
        print(f"make_tarball.py: no bundle at {BUNDLE}; run installer/build.py first",
              file=sys.stderr)
        return 1
    top = f"careerdesk-{__version__}"
    target = ROOT / "dist" / f"{top}-linux-{platform.machine()}.tar.gz"
    members = [
        (BUNDLE, "careerdesk"),
        (LINUX / "install.sh", "install.sh"),
        (LINUX / "careerdesk.desktop", "careerdesk.desktop"),
        (LINUX / "org.careerdesk.careerdesk.metainfo.xml", "org.careerdesk.careerdesk.metainfo.xml"),
        (ROOT / "README.md", "README.md"),
        *((icon, f"icons/{icon.name}") for icon in sorted(ICONS.iterdir())),
    ]

    def owned_by_nobody(info: tarfile.TarInfo) -> tarfile.TarInfo:
        # The builder's user and group mean nothing on the machine that unpacks it.
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        if info.name.endswith("/install.sh"):
            info.mode = EXECUTABLE
        return info

    partial = target.with_suffix(".partial")
    with tarfile.open(partial, "w:gz") as tar:
        for source, name in members:
            tar.add(source, arcname=f"{top}/{name}", filter=owned_by_nobody)
    partial.replace(target)
    print(f"wrote {target} ({target.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
