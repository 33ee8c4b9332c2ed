"""A standalone PyTorch script that reproduces a run's training, step by step.

The script needs only PyTorch and NumPy (and Python's own modules). It holds the run's settings
(its header: one line per setting, from the settings schema), the task's batches, the models
(the ablations included) and the training loop, and prints every step's training loss of each
model, the numbers the app records. It is put together from real Python files: the task's,
the models', the memory gate's and the training loop's templates (``templates/``), and what
the task and each racing kind need from their own modules (``Task.script_code``, how the task
draws its batches, and ``ModelKind.script_code``: the app's own code).
An uploaded price series is not embedded: ``script`` raises ``NotExportable`` with a message
to show.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pprint
import sys
import textwrap
from pathlib import Path

from lstm_viz.core.config import BY_NAME, LINKED, RunConfig
from lstm_viz.core.kinds import KINDS
from lstm_viz.export.records import file_name
from lstm_viz.message import Problem
from lstm_viz.tasks import TASKS, make_task

TEMPLATES = Path(__file__).parent / "templates"
MARK = "# ---- script ----\n"
HOLE = "# script: "  # a line the generator fills in
# Settings the header does not write: the task is the script's section, the series is the
# synthetic one, and the options of tasks and kinds are written by their own sections.
NOT_IN_HEADER = {"task", "series"} | {o for t in TASKS.values() for o in t.options} \
    | {o for k in KINDS.values() for o in k.options}


class NotExportable(Problem):
    """The script cannot reproduce this run on its own; the message says why, to show."""


def script(config: RunConfig) -> str:
    """The script of ``config``'s run (see the module docstring)."""
    task = make_task(config.task, config.seq_len, **config.task_options)
    kinds = [KINDS[k] for k in config.models]
    names = [*_with_needs(f"task_{config.task}"), "model",
             *(["memory"] if any(kind.memory_gate for kind in kinds) else []), "training"]
    sections = {name: _section(name, task, config) for name in names
                if name not in (f"task_{config.task}", "model")}
    sections[f"task_{config.task}"] = _task(task, config)
    sections["model"] = _models(kinds, task, config)
    imports = _imports(names)
    parts = [_docstring(config, imports), imports, _settings(config),
             *(sections[name] for name in names[:-1]), _kinds_code(kinds), sections["training"]]
    return "\n\n\n".join(part.strip("\n") for part in parts) + "\n"


# -- templates -------------------------------------------------------------------------------
def template(name: str):
    """A template's module (its ``values`` and ``BEFORE``)."""
    return importlib.import_module(f"lstm_viz.export.templates.{name}")


def body(name: str) -> str:
    """What a template copies into the script: everything below its mark."""
    return (TEMPLATES / f"{name}.py").read_text(encoding="utf-8").split(MARK, 1)[1]


def _with_needs(name: str) -> list[str]:
    """A template after the templates it builds on (``BEFORE``)."""
    return [*getattr(template(name), "BEFORE", ()), name]


def _section(name: str, task, config: RunConfig, **holes: str) -> str:
    """A template's body with its holes filled, and its constants written under its opening
    comment."""
    values = getattr(template(name), "values", None)
    constants = [_assignment(k, v) for k, v in (values(task, config) if values else {}).items()]
    lines = body(name).strip("\n").split("\n")
    opening = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    text = "\n".join(lines[:opening] + constants + lines[opening:])
    for what, code in holes.items():
        text = _fill(text, what, code)
    return text


def _fill(text: str, what: str, code: str) -> str:
    """Replace the line ``# script: <what>`` with ``code`` at that line's indentation."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.strip() == HOLE + what:
            indent = line[: len(line) - len(line.lstrip())]
            lines[i:i + 1] = [indent + c if c else c for c in code.split("\n")] if code else []
            return "\n".join(lines)
    raise ValueError(f"no '{HOLE}{what}' line to fill")


def _assignment(name: str, value) -> str:
    """``NAME = value`` as a Python literal (strings in double quotes where none holds a quote);
    a value too long for one line laid out over several."""
    text = repr(value)
    if '"' not in text:
        text = text.replace("'", '"')
    if len(name) + 3 + len(text) > 99:
        text = pprint.pformat(value, width=96, sort_dicts=False)
    return f"{name} = {text}"


# -- the header ------------------------------------------------------------------------------
def _docstring(config: RunConfig, imports: str) -> str:
    """What the script is and how to run it."""
    needs = "PyTorch, NumPy" if "import numpy" in imports else "PyTorch"
    intro = textwrap.fill(
        f"Models: {', '.join(config.models)}. Written by the app from the run's settings "
        "(below), it trains them on the same batches as the app, from the same initial weights, "
        "with the same optimizer, gradient clipping and loss, and prints each step's training "
        "loss of every model, as the app records it (its \"Training records\" CSV). It imports "
        f"{needs} and Python's own modules only.", 96)
    return "\n".join([
        f'"""Reproduce a run of "LSTM vs RNN, live" in plain PyTorch: {config.task}, '
        f"T = {config.seq_len}, seed {config.seed}.", "", intro, "",
        f"    python {file_name(config, 'script.py')} --max-steps 100", "",
        "The app's weights file (.pt) loads into these models:",
        '    build("lstm").load_state_dict(torch.load("weights.pt", weights_only=True)'
        '["models"]["lstm"])', '"""'])


def _settings(config: RunConfig) -> str:
    """The settings block: one line per setting of the schema, with its doc, then the
    settings of the racing kinds (the LSTMP's PROJ_SIZE)."""
    lines = ["# ---- The settings (from the app) " + "-" * 61]
    for setting in LINKED:
        if setting.cli and setting.name not in NOT_IN_HEADER:
            lines.append(f"{_assignment(setting.name.upper(), getattr(config, setting.name))}"
                         f"  # {setting.doc}")
    for kind in dict.fromkeys(KINDS[k] for k in config.models):
        for name, value in kind.script_values(config).items():
            doc = BY_NAME[name.lower()].doc if name.lower() in BY_NAME else ""
            lines.append(_assignment(name, value) + (f"  # {doc}" if doc else ""))
    return "\n".join(_wrapped(lines))


def _wrapped(lines: list[str]) -> list[str]:
    """Settings lines whose comment would pass 99 characters get it on the line above."""
    out = []
    for line in lines:
        code, _, comment = line.partition("  # ")
        if comment and len(line) > 99:
            out += textwrap.wrap(comment[:1].upper() + comment[1:], 97, initial_indent="# ",
                                 subsequent_indent="# ")
            out.append(code)
        else:
            out.append(line)
    return out


def _imports(names: list[str]) -> str:
    """The imports of the templates the script is made of (not their lstm_viz ones): Python's
    own modules first, then PyTorch and NumPy."""
    own, others = set(), set()
    for name in names:
        preamble = (TEMPLATES / f"{name}.py").read_text(encoding="utf-8").split(MARK, 1)[0]
        for node in ast.parse(preamble).body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                module = node.module if isinstance(node, ast.ImportFrom) else node.names[0].name
                if module.split(".")[0] != "lstm_viz":
                    line = ast.unparse(node)
                    (own if module.split(".")[0] in sys.stdlib_module_names else others).add(line)
    others |= {"import torch", "from torch import nn"}  # the kinds' own code builds on these
    return "\n".join(sorted(own, key=_import_order) + [""] + sorted(others, key=_import_order))


def _import_order(line: str) -> tuple:
    """``import x`` lines before ``from x import y`` lines, each alphabetical."""
    return line.startswith("from"), line


# -- the app's own code ----------------------------------------------------------------------
def _own_code(owners: list) -> list[str]:
    """What model kinds or a task take from their own modules into the script (their
    ``script_code``: functions and classes, as their source, or lines of text), each piece once:
    the script then runs the app's code."""
    pieces = []
    for owner in owners:
        for item in owner.script_code:
            code = item if isinstance(item, str) else inspect.getsource(item).rstrip()
            if code not in pieces:
                pieces.append(code)
    return pieces


def _task(task, config: RunConfig) -> str:
    """The task's section: its template, with the task's own code (``Task.script_code``: how it
    draws its batches) on the line ``# script: the task's own code``."""
    code = "\n\n\n".join(_own_code([task]))
    return _section(f"task_{config.task}", task, config, **{"the task's own code": code})


# -- the models ------------------------------------------------------------------------------
def _models(kinds: list, task, config: RunConfig) -> str:
    """The models' section: the kinds' notes, and each kind's changes after PyTorch's
    initialisation in ``build``."""
    notes = "\n".join(textwrap.fill(f"{k.name}: {k.summary}.", 99, initial_indent="# ",
                                    subsequent_indent="#   ") for k in kinds)
    return _section("model", task, config, **{"the kinds' notes": notes,
                                              "the kinds' initialisation": _init_lines(kinds)})


def _init_lines(kinds: list) -> str:
    """``if kind == ...:`` blocks of each kind's initialisation (kinds with the same lines
    share one block)."""
    groups: dict[tuple, list[str]] = {}
    for kind in kinds:
        if lines := tuple(kind.script_init()):
            groups.setdefault(lines, []).append(kind.name)
    blocks = []
    for lines, names in groups.items():
        test = f'kind == "{names[0]}"' if len(names) == 1 else \
            f"kind in ({', '.join(repr(n).replace(chr(39), chr(34)) for n in names)})"
        blocks.append(f"if {test}:\n" + "\n".join("    " + line for line in lines))
    return "\n".join(blocks)


def _kinds_code(kinds: list) -> str:
    """What the racing kinds take from their own modules (each piece once), then each kind's
    recurrent layer and its extra arguments."""
    pieces = _own_code(kinds)
    code = ("# ---- What the models above build on (the app's own code) " + "-" * 36 + "\n"
            + "\n\n\n".join(pieces) + "\n\n\n") if pieces else ""
    table = "".join(f'    "{k.name}": {k.script_layer},\n' for k in kinds)
    options = ", ".join(f'"{k.name}": dict({k.script_layer_options})' for k in kinds
                        if k.script_layer_options)
    return (code + f"RECURRENT = {{  # each model's recurrent layer\n{table}}}\n"
            + f"LAYER_OPTIONS = {{{options}}}  # their extra arguments")
