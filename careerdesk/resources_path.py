"""Files shipped in ``resources/``: found the same way from a checkout, a wheel or a bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)  # a frozen (PyInstaller) build
    if bundle:
        return Path(bundle) / "resources"
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    import careerdesk.resources as installed  # type: ignore[import-not-found]

    return Path(next(iter(installed.__path__)))


def resource(*parts: str) -> Path:
    return resources_root().joinpath(*parts)
