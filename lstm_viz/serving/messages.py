"""What crosses between the server and its training worker process: typed messages, each end
dispatching on their type, pickled over a socket (``Channel``).

The server sends ``Open``, ``Goal``, ``Close`` and ``Ask`` (``worker.py``); the worker answers
with ``Recorded``, ``Failed`` and ``Reply`` (``worker_process.py``). Both ends import these
classes from here, under this module's name, so what one end pickles the other unpickles.
Messages between the server and its own worker are pickled; nothing a user sends is ever
unpickled.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection

from lstm_viz.core.config import RunConfig
from lstm_viz.core.training import Records
from lstm_viz.tasks import Task


# -- from the server to the worker --------------------------------------------------------------
@dataclass(frozen=True)
class Open:
    """Hold a new run and train it up to ``goal`` (a new worker trains it again from step 0).
    ``task``: the server's, built already (uploaded prices and all)."""

    run_id: int
    config: RunConfig
    task: Task | None
    goal: int


@dataclass(frozen=True)
class Goal:
    """Train this run further, up to ``goal`` (a worker started since knows no such run)."""

    run_id: int
    goal: int


@dataclass(frozen=True)
class Close:
    """The server dropped this run's mirror: drop the run."""

    run_id: int


@dataclass(frozen=True)
class Ask:
    """``question(trainer, *args)`` of this run's trainer, answered with a ``Reply``."""

    run_id: int
    ticket: int
    question: Callable
    args: tuple


# -- from the worker to the server --------------------------------------------------------------
@dataclass(frozen=True)
class Recorded:
    """What this run recorded since the worker last sent its records (``Records.after``)."""

    run_id: int
    records: Records


@dataclass(frozen=True)
class Failed:
    """This run cannot train, and why; the worker has dropped it and trains the others on."""

    run_id: int
    reason: str


@dataclass(frozen=True)
class Reply:
    """The answer to an ``Ask``: a value, or the exception to raise in the asking session."""

    ticket: int
    answer: object


ToWorker = Open | Goal | Close | Ask
FromWorker = Recorded | Failed | Reply


class UnknownMessage(TypeError):
    """A message of no type this end knows: the two ends run different code, or the bytes
    were no message of theirs."""

    def __init__(self, message: object):
        super().__init__(f"no message between the server and its training worker: "
                         f"{type(message).__name__}")


class WorkerError(RuntimeError):
    """A question the worker could not answer (the worker carries on)."""


class Channel(Connection):
    """The socket between server and worker, pickled with plain pickle: multiprocessing's own
    pickler sends torch tensors as shared-memory handles, which only processes started by
    multiprocessing can open (a question's tensor reply failed in the server)."""

    def send(self, obj: ToWorker | FromWorker) -> None:
        """Pickle, then write: an object that cannot be pickled raises before a byte is sent,
        so the channel stays whole."""
        self.send_bytes(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))

    def recv(self) -> ToWorker | FromWorker:
        return pickle.loads(self.recv_bytes())
