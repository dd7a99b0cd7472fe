"""Renders the app icon (resources/icons/app/careerdesk.svg) to the files installers need.

    python installer/make_icons.py

writes resources/icons/app/careerdesk-<N>.png for N in SIZES (the Linux icon theme sizes,
also used for the window icon), installer/macos/careerdesk.icns and
installer/windows/careerdesk.ico. Run it again after changing the SVG and commit the
results: the build reads the files, it does not draw them.

The .icns and .ico are written here rather than with iconutil (macOS only) or an image
tool: both formats may hold PNG data as it is. ICNS is the magic 'icns', the file length,
then chunks of a four-letter type, the chunk length (both big-endian, the length counting
its 8-byte header) and the PNG. ICO is a 6-byte header, a 16-byte directory entry per image
(little-endian) and the PNGs; Windows reads PNG entries since Vista.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "app" / "careerdesk.svg"
PNG_DIR = SVG.parent
ICNS = ROOT / "installer" / "macos" / "careerdesk.icns"
ICO = ROOT / "installer" / "windows" / "careerdesk.ico"

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# Apple's PNG-capable chunk types and the pixel size each holds.
ICNS_TYPES = (("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256),
              ("ic09", 512), ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512))
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_path(size: int) -> Path:
    return PNG_DIR / f"careerdesk-{size}.png"


def render_pngs() -> dict[int, bytes]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (kept alive)
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG}: not a drawable SVG")
    rendered: dict[int, bytes] = {}
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        rendered[size] = bytes(data.data())
    return rendered


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    chunks = b"".join(kind.encode("ascii") + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                      for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(ICO_SIZES))
    offset = len(header) + 16 * len(ICO_SIZES)
    entries, images = b"", b""
    for size in ICO_SIZES:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def main() -> int:
    pngs = render_pngs()
    for size, data in pngs.items():
        png_path(size).write_bytes(data)
    ICNS.parent.mkdir(parents=True, exist_ok=True)
    ICNS.write_bytes(icns_bytes(pngs))
    ICO.parent.mkdir(parents=True, exist_ok=True)
    ICO.write_bytes(ico_bytes(pngs))
    print(f"wrote {len(pngs)} PNGs to {PNG_DIR}, {ICNS} and {ICO}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
