"""The promises README.md makes to a new user, and what CI runs."""

from __future__ import annotations

import re
import tomllib

from tests.conftest import REPO


def _code_lines(text: str) -> list[str]:
    return [line for block in re.findall(r"```sh\n(.*?)```", text, re.S)
            for line in block.strip().splitlines()]


def test_readme_has_exactly_two_setup_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set up", 1)[1].split("\n## ", 1)[0]
    commands = _code_lines(setup)
    assert len(commands) == 2
    start, tests = commands
    assert "careerdesk" in start.split("&&")[-1]
    assert "pytest" in tests


def test_ci_runs_the_readme_test_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set up", 1)[1].split("\n## ", 1)[0]
    test_command = _code_lines(setup)[1]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()
    assert "ruff check" in ci and "mypy careerdesk" in ci


def test_version_is_one_place() -> None:
    import careerdesk

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["tool"]["setuptools"]["dynamic"]["version"]["attr"] == "careerdesk.__version__"
    assert re.fullmatch(r"\d+\.\d+\.\d+", careerdesk.__version__)


def test_every_package_is_installed() -> None:
    """pyproject lists packages by hand (resources/ is mapped into the package), so a new
    sub-package must be listed too, or a wheel install would lack it."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(project["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(REPO).parts)
        for init in (REPO / "careerdesk").rglob("__init__.py")
    }
    assert found <= listed, f"add to pyproject.toml [tool.setuptools] packages: {found - listed}"
