"""The installer files: desktop entry, AppStream, Inno Setup, PyInstaller spec and icons.

The PyInstaller build itself is too slow for the suite; installer/build.py builds and
smoke-tests it. These tests keep the files it and the platforms read consistent.
"""

from __future__ import annotations

import configparser
import re
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from careerdesk import APP_NAME, __version__

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
DESKTOP = INSTALLER / "linux" / "careerdesk.desktop"
METAINFO = INSTALLER / "linux" / "org.careerdesk.careerdesk.metainfo.xml"
ISS = INSTALLER / "windows" / "careerdesk.iss"
SPEC = INSTALLER / "careerdesk.spec"
ICONS = ROOT / "resources" / "icons" / "app"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
APP_ID = "org.careerdesk.careerdesk"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_starts_the_window_with_the_app_icon() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == APP_NAME
    assert entry["Exec"].split()[0] == "careerdesk-gui"
    assert entry["Icon"] == "careerdesk"
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")
    # Qt names the window's desktop file after the application; they must agree.
    assert DESKTOP.stem == APP_NAME
    assert entry["StartupWMClass"] == APP_NAME


def test_metainfo_names_the_app_its_licence_and_this_release() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component"
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "GPL-3.0-or-later"
    assert root.findtext("name") == APP_NAME
    assert root.findtext("summary")
    assert root.find("description/p") is not None
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    versions = [release.get("version") for release in root.iterfind("releases/release")]
    assert __version__ in versions


def iss_section(name: str) -> list[str]:
    lines, inside = [], False
    for line in ISS.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            inside = stripped == f"[{name}]"
        elif inside and stripped and not stripped.startswith(";"):
            lines.append(stripped)
    return lines


def test_inno_setup_installs_per_user_with_a_start_menu_shortcut() -> None:
    setup = dict(line.split("=", 1) for line in iss_section("Setup"))
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"].startswith("{autopf}\\")
    assert setup.get("Uninstallable", "yes") == "yes"
    shortcuts = [line for line in iss_section("Icons") if "{autoprograms}" in line]
    assert len(shortcuts) == 1
    assert 'Filename: "{app}\\{#AppExe}"' in shortcuts[0]
    defines = dict(re.findall(r'^#define (\w+) "([^"]*)"', ISS.read_text(encoding="utf-8"), re.M))
    assert defines["AppExe"] == "careerdesk-gui.exe"
    assert defines["AppVersion"] == __version__
    assert (ISS.parent / setup["SetupIconFile"]).is_file()
    files = iss_section("Files")
    assert any("dist\\careerdesk\\*" in line and "recursesubdirs" in line for line in files)


def test_spec_file_is_python_and_names_both_programs_and_the_bundle_id() -> None:
    source = SPEC.read_text(encoding="utf-8")
    compile(source, str(SPEC), "exec")
    assert 'name="careerdesk"' in source and 'name="careerdesk-gui"' in source
    assert f'APP_ID = "{APP_ID}"' in source and "bundle_identifier=APP_ID" in source
    # Leaving out unittest breaks matplotlib (pyparsing imports it).
    assert '"unittest"' not in source


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", path
    width, height = struct.unpack(">II", head[16:24])
    return width, height


@pytest.mark.parametrize("size", ICON_SIZES)
def test_app_icon_png_has_its_size(size: int) -> None:
    assert png_size(ICONS / f"careerdesk-{size}.png") == (size, size)


def test_app_icon_svg_exists_beside_the_pngs() -> None:
    root = ET.parse(ICONS / "careerdesk.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"


def test_icns_holds_png_chunks_up_to_512() -> None:
    data = (INSTALLER / "macos" / "careerdesk.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    chunks, offset = {}, 8
    while offset < len(data):
        kind, length = data[offset:offset + 4].decode("ascii"), struct.unpack(
            ">I", data[offset + 4:offset + 8])[0]
        chunks[kind] = data[offset + 8:offset + length]
        offset += length
    assert offset == len(data)
    assert {"ic07", "ic08", "ic09"} <= chunks.keys()
    assert struct.unpack(">II", chunks["ic09"][16:24]) == (512, 512)


def test_ico_directory_points_at_pngs() -> None:
    data = (INSTALLER / "windows" / "careerdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1) and count >= 4
    for index in range(count):
        side, _, _, _, _, _, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index:22 + 16 * index])
        image = data[offset:offset + length]
        assert image[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">I", image[16:20])[0] == (side or 256)
