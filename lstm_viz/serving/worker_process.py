"""The training worker process: it holds the server's runs, trains those behind their goals in
turn and answers questions about their weights. The server starts it and talks to it from
``worker.py``; what crosses between them is in ``messages.py``.

The worker trains the runs that are behind their goal in turn, least recently trained first, a
chunk of about ``CHUNK_SECONDS`` each, so distinct runs share its core fairly, and sends each
chunk's records to the server's mirror of the run.

Started as ``python -m lstm_viz.serving.worker_process FD [NICE [idle]]``. What it pickles is
defined in library modules, never in this one (which runs as ``__main__``), so the server can
unpickle it.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time

import torch

from lstm_viz.core.training import LockstepTrainer, Snapshot
from lstm_viz.serving.messages import (
    Ask,
    Channel,
    Close,
    Failed,
    Goal,
    Open,
    Recorded,
    Reply,
    ToWorker,
    UnknownMessage,
    WorkerError,
)

CHUNK_SECONDS = 0.1  # the worker's training between two looks at its messages


def serve(conn: Channel) -> None:
    """The worker process: hold the runs, train those behind their goals in turn, answer. Only
    a broken channel ends it (or a message of no type it knows): a run that fails is dropped
    alone, a question that fails is answered with its error."""
    torch.set_num_threads(1)
    held = HeldRuns(conn)
    try:
        while True:
            held.serve_once()
    except (EOFError, OSError):  # the server has gone
        return


class HeldRuns:
    """The worker's runs: each trainer, the step the server asked for, the step last sent."""

    def __init__(self, conn):
        self.conn = conn
        self.runs: dict[int, LockstepTrainer] = {}
        self.goals: dict[int, int] = {}
        self.sent: dict[int, int] = {}
        self.last_turn: dict[int, float] = {}

    def serve_once(self) -> None:
        """Handle a message if one waits (or wait for one if no run is behind), else train the
        run behind its goal that waited longest for a chunk, and send what it recorded."""
        behind = [i for i, run in self.runs.items() if self.goals[i] > run.steps and not run.done]
        if not behind or self.conn.poll():
            self.handle(self.conn.recv())
            return
        run_id = min(behind, key=lambda i: self.last_turn.get(i, 0.0))
        self.last_turn[run_id] = time.monotonic()
        run = self.runs[run_id]
        try:
            run.step(min(self.goals[run_id] - run.steps, run.steps_within(CHUNK_SECONDS)))
            self.send_records(run_id, self.sent[run_id])
        except OSError:
            raise
        except Exception as problem:  # this run stops; the others train on
            self.fail(run_id, problem)

    def handle(self, message: ToWorker) -> None:
        """Do what the server asks; UnknownMessage for what it cannot have sent."""
        match message:
            case Open():
                self.open(message)
            case Goal(run_id, goal):
                if run_id in self.goals:  # (a worker started since knows no such run)
                    self.goals[run_id] = max(self.goals[run_id], goal)
            case Close(run_id):
                self.close(run_id)
            case Ask():
                self.ask(message)
            case _:
                raise UnknownMessage(message)

    def open(self, message: Open) -> None:
        """Hold a new run and send its step 0; a run that cannot be built fails alone."""
        try:
            self.runs[message.run_id] = LockstepTrainer(message.config, message.task)
            self.goals[message.run_id] = message.goal
            self.send_records(message.run_id, -1)
        except OSError:
            raise
        except Exception as problem:
            self.fail(message.run_id, problem)

    def close(self, run_id: int) -> None:
        for table in (self.runs, self.goals, self.sent, self.last_turn):
            table.pop(run_id, None)

    def send_records(self, run_id: int, after: int) -> None:
        """Send the run's records after step ``after``. The worker then keeps no probes: the
        server's mirror holds them (the heaviest records), and the worker never reads them."""
        run = self.runs[run_id]
        self.conn.send(Recorded(run_id, run.after(after)))
        self.sent[run_id] = run.head
        run.snapshots = [Snapshot(s.step, {}) for s in run.snapshots]

    def ask(self, message: Ask) -> None:
        """Answer a question about a run's trainer (an exception it raises is the answer: it is
        raised in the asking session)."""
        try:
            reply = self.runs[message.run_id].answer(message.question, *message.args)
        except Exception as problem:
            reply = problem
        self.reply(message.ticket, reply)

    def reply(self, ticket: int, reply) -> None:
        """Send a question's answer; one that cannot be pickled is answered with why."""
        try:
            self.conn.send(Reply(ticket, reply))
        except OSError:
            raise
        except Exception as problem:
            self.conn.send(Reply(ticket, WorkerError(
                f"the worker could not send its answer ({type(problem).__name__}: {problem})")))

    def fail(self, run_id: int, problem: Exception) -> None:
        """This run cannot train: the server is told, the run dropped, the others go on."""
        self.conn.send(Failed(run_id, f"{type(problem).__name__}: {problem}"))
        self.close(run_id)


def lower_priority(nice: int, idle: bool) -> None:
    """This process's CPU priority: ``nice`` added to its niceness; with ``idle``, Linux's
    SCHED_IDLE policy (it runs only when no other process of the machine wants the CPU; the
    threads it starts later inherit it; where there is no such policy, niceness alone)."""
    os.nice(nice)
    if idle and hasattr(os, "SCHED_IDLE"):
        with contextlib.suppress(OSError):
            os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))


def main(args: list[str]) -> None:
    """The worker process, given its end of the socket, a niceness, and "idle" for SCHED_IDLE."""
    lower_priority(int(args[1]) if len(args) > 1 else 0, "idle" in args[2:])
    serve(Channel(int(args[0])))


if __name__ == "__main__":
    main(sys.argv[1:])
