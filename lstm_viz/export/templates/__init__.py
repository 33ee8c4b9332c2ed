"""The exported script's parts, as Python files that import, lint and test as code.

Each file is one section of the script. Everything below its ``# ---- script ----`` line is
copied into the script as it is; what is above it makes the file a module: its imports, the
names the script defines elsewhere (placeholders in ``names.py``), and optionally

- ``values(task, config) -> dict``: the constants the section needs, NAME -> value, written
  into the script just above the section (from the run's task and settings);
- ``BEFORE``: the names of other parts the section builds on (copied before it, once).

A ``# script: <what>`` line in a section is replaced by code the generator writes there
(``lstm_viz/export/standalone.py``). What a model kind needs in the script (its layer class, its
initialisation) is the kind's own code, copied from its module (``ModelKind.script_code``); so
is how a task draws its batches (``Task.script_code``, on a task template's line
``# script: the task's own code``): the template's ``sample`` only calls it. A template imports
what that code needs (marked ``noqa: F401`` where the template itself does not use it).
"""
