"""The library's plan, enforced: layers import one way only, no import circles, no Streamlit.

Layers, lowest first (a layer may import its own modules and the layers it lists):

    message            a sentence to show, not yet in any language
    i18n               the language tables               -> message
    tasks              batches and scores                -> message
    core               settings, kinds, models, probes, training -> tasks, message
    serving            worker, sessions, sweeps          -> core, tasks, message, i18n
    present            labels, words, figures, panels    -> core, tasks, message, i18n
    export             CSV, weights, the script          -> core, tasks, message, i18n, present
    doctor             what this machine gives the app   -> core, tasks, message, serving
    cli                the command line                  -> everything

The core and the tasks speak no language (no i18n) and know nothing of how they are drawn.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "lstm_viz"
ALLOWED = {
    "message": set(),
    "i18n": {"message"},
    "tasks": {"message"},
    "core": {"tasks", "message"},
    "serving": {"core", "tasks", "message", "i18n"},
    "present": {"core", "tasks", "message", "i18n"},
    "export": {"core", "tasks", "message", "i18n", "present"},
    "doctor": {"core", "tasks", "message", "serving"},
    "cli": {"core", "tasks", "message", "i18n", "present", "serving", "export", "doctor"},
}
TOP = {"__init__", "__main__"}  # the package's front door re-exports, and may import anything
FORBIDDEN = {"streamlit", "playwright"}


def modules() -> dict[str, Path]:
    """Every module of the package by dotted name."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imports(path: Path) -> set[str]:
    """The absolute names a module imports (relative imports resolved), at any depth."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1]
                                + ([base] if base else []))
            names.add(base)
            names |= {f"{base}.{alias.name}" for alias in node.names}
    return names


def layer(module: str) -> str:
    """'lstm_viz.core.kinds.lstm' -> 'core'; the package's front door -> '__init__'."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def internal(module: str, known: dict) -> set[str]:
    """The package's own modules that a module imports (``from lstm_viz.core import settings``
    imports lstm_viz.core.settings, not the package lstm_viz.core itself)."""
    found = {name for name in imports(known[module]) if name in known and name != module}
    return {name for name in found if not any(other.startswith(name + ".") for other in found)}


@pytest.mark.parametrize("module", sorted(modules()))
def test_no_module_imports_streamlit_or_playwright(module):
    used = {name.split(".")[0] for name in imports(modules()[module])}
    assert not used & FORBIDDEN, f"{module} imports {used & FORBIDDEN}"


def test_every_layer_imports_only_the_layers_below_it():
    known = modules()
    wrong = []
    for module in known:
        own = layer(module)
        if own in TOP:
            continue
        assert own in ALLOWED, f"{module}: a layer this test does not know ({own})"
        for name in internal(module, known):
            other = layer(name)
            if other != own and other not in ALLOWED[own]:
                wrong.append(f"{module} -> {name}")
    assert not wrong, "imports against the layers:\n" + "\n".join(wrong)


def test_there_is_no_import_circle():
    known = modules()
    graph = {m: internal(m, known) - {"lstm_viz"} for m in known}
    state: dict[str, str] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for name in sorted(graph[module]):
            # a package's __init__ importing its own submodules is how a package is built
            if name.startswith(module + "."):
                continue
            if state.get(name) == "open":
                raise AssertionError("import circle: " + " -> ".join(path + [module, name]))
            if name not in state:
                visit(name, path + [module])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [])


def test_the_rule_catches_a_wrong_import(tmp_path, monkeypatch):
    """The check itself can fail: a core module that imports i18n is caught."""
    fake = tmp_path / "lstm_viz" / "core"
    fake.mkdir(parents=True)
    (fake / "bad.py").write_text("from lstm_viz.i18n import t\nimport streamlit\n")
    path = fake / "bad.py"
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", tmp_path / "lstm_viz")
    assert "lstm_viz.i18n.t" in imports(path) and "streamlit" in imports(path)
    assert "i18n" not in ALLOWED[layer("lstm_viz.core.bad")]
