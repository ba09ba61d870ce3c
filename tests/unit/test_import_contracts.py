"""The layers are import-linter contracts (pyproject.toml), run by `make lint`: the real tree
keeps them, and a deliberate cross-app import, a core that imports an app or a chart builder
that reads the database breaks them. No database."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("ascweb", "finance", "savings", "ibcf", "reserves", "performance", "planning", "bench")
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own tool on our own tree
        [str(LINT_IMPORTS), "--no-cache", "--config", str(root / "pyproject.toml")],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    """A copy of the packages and the contracts, to break on purpose."""
    root = tmp_path_factory.mktemp("tree")
    for package in PACKAGES:
        shutil.copytree(ROOT / package, root / package, ignore=shutil.ignore_patterns("__pycache__", "migrations"))
    shutil.copy(ROOT / "pyproject.toml", root)
    return root


def test_the_real_tree_keeps_every_contract():
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 4 kept, 0 broken." in result.stdout


def test_the_copy_keeps_them_before_it_is_broken(tree):
    assert _lint(tree).returncode == 0  # so what breaks below is the lines added


# (module, a line appended to it, what the check must report)
FORBIDDEN = [
    ("savings/views.py", "from finance.models import ReportingLine", "savings is not allowed to import finance"),
    ("reserves/services.py", "import ibcf.selectors", "reserves is not allowed to import ibcf"),
    ("ascweb/pack.py", "from savings import selectors", "ascweb is not allowed to import savings"),
    ("finance/views.py", "from bench import scale", "finance is not allowed to import bench"),
    ("performance/views.py", "from reserves import selectors", "performance is not allowed to import reserves"),
    ("finance/charts.py", "from finance.models import LineForecast", "finance.charts is not allowed to import"),
    ("ascweb/charts.py", "from django.db import models", "ascweb.charts is not allowed to import django"),
    ("planning/selectors.py", "from savings import selectors", "planning is not allowed to import savings"),
    ("planning/calculations.py", "from django.db import models", "planning.calculations is not allowed to import"),
]


def test_each_forbidden_import_fails_the_check_and_is_named(tree):
    originals = {module: (tree / module).read_text() for module, _line, _broken in FORBIDDEN}
    for module, line, _broken in FORBIDDEN:
        path = tree / module
        path.write_text(f"{path.read_text()}\n{line}\n")
    try:
        result = _lint(tree)
    finally:
        for module, text in originals.items():
            (tree / module).write_text(text)
    assert result.returncode == 1, result.stdout
    for module, _line, broken in FORBIDDEN:
        assert broken in result.stdout, module
