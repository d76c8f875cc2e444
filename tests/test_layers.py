"""The package's layers: core knows no Qt, folium, render or ui; render knows no ui. Checked on the
source (every import statement, also those inside functions), so a lazy import cannot hide."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "gis_app"

FORBIDDEN = {
    "core": ("PySide6", "shiboken6", "folium", "branca", "gis_app.render", "gis_app.ui"),
    "render": ("gis_app.ui",),
    "team": ("PySide6", "shiboken6", "folium", "branca", "gis_app.render", "gis_app.ui"),
}


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in the file."""
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: from . import x, from ..ui import y
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            out.append((node.lineno, module))
            out += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
    return out


def violations(layer: str) -> list[str]:
    found = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for line, module in imported_modules(path):
            if any(module == f or module.startswith(f + ".") for f in FORBIDDEN[layer]):
                found.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {module}")
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_a_layer_imports_nothing_above_it(layer):
    assert violations(layer) == []


def test_the_scan_sees_relative_and_lazy_imports(tmp_path, monkeypatch):
    """The check itself can fail: a core module importing the ui lazily, relatively, is caught."""
    fake = tmp_path / "gis_app"
    (fake / "core").mkdir(parents=True)
    (fake / "core" / "bad.py").write_text(
        "def f():\n    from ..ui import prompts\n    import PySide6.QtCore\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    assert violations("core") == ["gis_app/core/bad.py:2 imports gis_app.ui",
                                  "gis_app/core/bad.py:2 imports gis_app.ui.prompts",
                                  "gis_app/core/bad.py:3 imports PySide6.QtCore"]
