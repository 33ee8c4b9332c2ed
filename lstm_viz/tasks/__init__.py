"""Long-lag benchmark tasks from Hochreiter & Schmidhuber (1997), "Long Short-Term Memory".

Every task makes seeded batches of shape (batch, seq_len, input_size), scores a model's
prediction at the last time step, and says which time steps carry the information the model
must remember (``Batch.key_steps``), so plots can mark them. An ``every_step`` task (the
next-character text, text.py) also predicts at every step along the way.

- ``latch``: experiment 2, the first symbol must be reported after seq_len - 1 distractors.
- ``adding``: experiment 4, the sum of the two marked values in a stream of random values.
- ``order``: experiment 6 (temporal order), the order of two relevant symbols among distractors.

``Task.flipped`` makes the memory trace's intervention (probes.py): the same sequences with only
the remembered input changed, at the first key step, and the targets that follow from it.
"""


from __future__ import annotations

from lstm_viz.tasks.adding import Adding
from lstm_viz.tasks.base import MAX_SEQ_LEN, Batch, Task
from lstm_viz.tasks.latch import Latch
from lstm_viz.tasks.order import TemporalOrder
from lstm_viz.tasks.series import Series
from lstm_viz.tasks.text import Text

TASKS = {task.name: task for task in (Latch, Adding, TemporalOrder, Text, Series)}


def make_task(name: str, seq_len: int, **options) -> Task:
    """Build a task by name, passing on the options it takes (others are ignored); raises
    ValueError with the valid names for an unknown one."""
    if name not in TASKS:
        raise ValueError(f"unknown task {name!r}; choose one of {', '.join(TASKS)}")
    task = TASKS[name]
    return task(seq_len, **{k: v for k, v in options.items() if k in task.options})


__all__ = ["MAX_SEQ_LEN", "TASKS", "Batch", "Task", "make_task", "Latch", "Adding",
           "TemporalOrder", "Text", "Series"]
