"""The session's state is declared once (``views/state.py``): every key a page or app.py uses
is named there, and pages reach the state only through it. Read from the source with ``ast``."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from views import state

ROOT = Path(__file__).resolve().parents[1]
DECLARATION = ROOT / "views" / "state.py"
FILES = sorted((ROOT / "views").glob("*.py")) + [ROOT / "app.py"]
PAGES = [path for path in FILES if path != DECLARATION]
METHODS = {"get", "setdefault", "pop", "update", "keys", "items", "values", "clear"}


def declarations() -> tuple[list[state.Key], list[str]]:
    """The declaration's ``Key``s (one by one or in a table) and its constants for widget
    keys, each by its upper-case name."""
    keys, constants = [], []
    for name, value in vars(state).items():
        if not name.isupper():
            continue
        if isinstance(value, str):
            constants.append(value)
        for key in value.values() if isinstance(value, dict) else [value]:
            if isinstance(key, state.Key):
                keys.append(key)
    return keys, constants


def declared() -> set[str]:
    """Every key the declaration names."""
    keys, constants = declarations()
    return {key.name for key in keys} | set(constants)


def is_session_state(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "session_state"


def text(node: ast.AST) -> str | None:
    """A key written in the source: a string, or an f-string's text with ``{}`` for its
    fields; None for a name or an expression."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    return None


def raw_keys(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, key) of every key written as a string: ``st.session_state["k"]``,
    ``st.session_state.k``, ``.get("k")`` and its kin, ``"k" in st.session_state``,
    ``.update(k=...)`` and ``key="k"`` on any call."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and is_session_state(node.value):
            found.append((node.lineno, text(node.slice)))
        elif isinstance(node, ast.Attribute) and is_session_state(node.value):
            if node.attr not in METHODS:
                found.append((node.lineno, node.attr))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and is_session_state(node.func.value):
            found += [(node.lineno, text(arg)) for arg in node.args[:1]]
            found += [(node.lineno, k.arg) for k in node.keywords if k.arg]
        elif isinstance(node, ast.Compare) and any(is_session_state(c) for c in node.comparators):
            found.append((node.lineno, text(node.left)))
        if isinstance(node, ast.keyword) and node.arg == "key":
            found.append((node.lineno, text(node.value)))
    return [(line, key) for line, key in found if key is not None]


def touches_session_state(tree: ast.AST) -> list[int]:
    """The lines that reach ``st.session_state`` itself."""
    return [node.lineno for node in ast.walk(tree) if is_session_state(node)]


def parsed(path: Path) -> ast.AST:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_key_a_file_uses_is_declared(path):
    unknown = [f"{path.name}:{line} {key!r}" for line, key in raw_keys(parsed(path))
               if key not in declared()]
    assert not unknown, f"keys views/state.py does not declare: {unknown}"


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_pages_reach_the_state_through_the_declaration_only(path):
    tree = parsed(path)
    assert not touches_session_state(tree), (
        f"{path.name} uses st.session_state at lines {touches_session_state(tree)}: "
        "declare the key in views/state.py and use its accessors")
    assert not raw_keys(tree), f"{path.name} writes keys as strings: {raw_keys(tree)}"


def test_the_checks_find_every_way_of_writing_a_key():
    source = """
st.session_state["a"] = 1
st.session_state.b = 2
st.session_state.get("c")
st.session_state.setdefault("d", {})
"e" in st.session_state
st.session_state.update(f=1)
st.button("x", key="g")
st.button("y", key=f"h_{n}")
st.button("z", key=state.PLAY)
"""
    assert [key for _, key in raw_keys(ast.parse(source))] == [
        "a", "b", "c", "d", "e", "f", "g", "h_{}"]


def test_each_key_is_declared_once_and_says_what_it_holds():
    keys, constants = declarations()
    names = [k.name for k in keys] + constants
    assert len(names) == len(set(names)), "two declarations share a key"
    assert all(k.holds for k in keys)


def test_every_declaration_is_used_and_every_name_used_is_declared():
    used = set()
    for path in PAGES:
        for node in ast.walk(parsed(path)):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                    and node.value.id == "state":
                used.add(node.attr)
    assert used <= set(vars(state)), f"not in views/state.py: {used - set(vars(state))}"
    public = {name for name, value in vars(state).items() if name.isupper()
              and isinstance(value, (str, dict, state.Key))}
    assert public <= used, f"declared but used nowhere: {public - used}"
