"""Training in a worker process, the server's end: the app's runs train outside the server's
Python process.

Every session of a Streamlit server is a thread of one Python process, and the drawing of every
session holds Python's global interpreter lock; training in that process waits for it, so a
class on one link trains more slowly than one student alone. Here the runs train in one worker
process (``worker_process.py``), which holds the models, and the server keeps a
``RemoteTrainer`` per run: a mirror of its records (``training.Records``), which the worker
sends after each chunk of training. Sessions read the mirror as they read a local trainer
(``training.RunRecords``). A live tick never trains: it asks the run to train further
(``train_to``), waits at most its training budget for the steps (``await_head``) and shows what
has arrived.

Questions that need the weights (a probe at the cursor, the prompt box's answers) go to the
worker too (``answer``). If the worker dies, the next request starts a new one, and every run it
held is trained again from step 0 to where it was (a run is a pure function of its settings; the
mirror keeps what it had and takes only the records after it). The messages are typed
(``messages.py``).
"""

from __future__ import annotations

import itertools
import os
import socket
import subprocess
import sys
import threading
import weakref
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path

from lstm_viz import i18n
from lstm_viz.core.config import RunConfig
from lstm_viz.core.training import TICK_SECONDS, Records, RunRecords
from lstm_viz.message import Message
from lstm_viz.serving.messages import (
    Ask,
    Channel,
    Close,
    Failed,
    FromWorker,
    Goal,
    Open,
    Recorded,
    Reply,
    ToWorker,
    UnknownMessage,
    WorkerError,
)

PACKAGE_HOME = Path(__file__).resolve().parents[2]  # the folder that holds lstm_viz/
START_SECONDS = 120  # how long a new run may wait for the worker's first records
ASK_SECONDS = 30  # how long a question waits for its answer (a probe at Pause waits less)
STALL_SECONDS = 20  # how long Step waits at least for the worker while no records arrive


class WorkerLost(RuntimeError):
    """The training worker ended, or did not answer in time (a new one may be starting). Its
    reason is a Message (``worker.why.<why>``), said in the reader's language by ``i18n.say``;
    its text is the English one."""

    def __init__(self, why: str, /, **fields):
        self.message = Message(f"worker.why.{why}", fields)
        super().__init__(i18n.TABLES["en"][self.message.key].format(**fields))


class RunFailed(RuntimeError):
    """The worker could not train this run (it trains the others on)."""


class TrainingWorker:
    """The server's end of the worker process: started on first use (and again if it dies),
    one thread receiving its records and replies. Every wait on the worker has a timeout, and
    the receiver outlives any message it cannot apply: the run or the question it was for
    fails, with the reason, and only a broken channel restarts the worker."""

    def __init__(self, nice: int = 0, idle: bool = False):
        self.nice = nice  # the worker process's niceness (5: it yields the CPU to the pages)
        self.idle = idle  # True: it runs only on CPU time no other process wants (SCHED_IDLE)
        self._conn = None
        self.process = None
        self.generation = 0  # counts the worker processes started
        self._start_lock, self._send_lock = threading.Lock(), threading.Lock()
        self._mirrors: weakref.WeakValueDictionary[int, RemoteTrainer] = (
            weakref.WeakValueDictionary())
        self._replies: dict[int, Future] = {}  # ticket: the asker's future
        self._asked: dict[int, int] = {}  # ticket: the generation of the worker asked
        self._ids = itertools.count()

    def run(self, config: RunConfig) -> "RemoteTrainer":
        """A new run of these settings, trained in the worker (the registry's ``make_run``)."""
        return RemoteTrainer(self, config)

    def new_id(self) -> int:
        return next(self._ids)

    def current(self) -> int | None:
        """The generation of the worker running now (None while none runs)."""
        return self.generation if self._conn is not None else None

    def command(self, fd: int) -> list[str]:
        """The worker process's command line, given its end of the socket pair."""
        return [sys.executable, "-m", "lstm_viz.serving.worker_process", str(fd), str(self.nice),
                *(["idle"] if self.idle else [])]

    def send(self, message: ToWorker) -> int:
        """Send one message (starting the worker if need be, or again if it has just died);
        returns the generation of the worker that got it."""
        for _ in range(2):
            with self._start_lock:
                if self._conn is None:
                    self._start()
                conn, generation = self._conn, self.generation
            try:
                with self._send_lock:
                    conn.send(message)
                return generation
            except OSError:
                with self._start_lock:
                    if self._conn is conn:
                        self._conn = None
        raise WorkerLost("no_start")

    def ask(self, run_id: int, question, args: tuple, timeout: float = ASK_SECONDS):
        """``question(trainer, *args)`` asked of the run's trainer in the worker; WorkerLost
        if no answer comes within ``timeout`` seconds or the worker dies first."""
        ticket, future = self.new_id(), Future()
        self._replies[ticket] = future
        try:
            generation = self._asked[ticket] = self.send(Ask(run_id, ticket, question, args))
            if self.current() != generation and not future.done():  # it died as it was asked
                raise WorkerLost("stopped")
            return future.result(timeout)
        except FutureTimeout:
            raise WorkerLost("no_answer", seconds=timeout) from None
        finally:
            self._replies.pop(ticket, None)
            self._asked.pop(ticket, None)

    def close_run(self, run_id: int) -> None:
        """A mirror was dropped: the worker drops the run (nothing to do if the worker is gone)."""
        with self._start_lock:
            conn = self._conn
        if conn is not None:
            try:
                with self._send_lock:
                    conn.send(Close(run_id))
            except OSError:
                pass

    def stop(self) -> None:
        """End the worker process (a later request starts another)."""
        with self._start_lock:
            conn, self._conn = self._conn, None
        if conn is not None:
            self._socket.shutdown(socket.SHUT_RDWR)
            self.process.wait(10)
            self._socket.close()

    def adopt(self, mirror: "RemoteTrainer") -> None:
        self._mirrors[mirror.id] = mirror

    def _start(self) -> None:
        """A fresh Python running ``worker_process`` (never a fork of the threaded server, and never
        a re-import of the server's main script), joined by a socket pair. It starts in the
        folder that holds the package, which ``python -m`` searches first: the same package
        whether it is installed or run from a checkout (Community Cloud runs the checkout)."""
        parent, child = socket.socketpair()
        self.process = subprocess.Popen(self.command(child.fileno()), pass_fds=[child.fileno()],
                                        cwd=PACKAGE_HOME)
        child.close()
        self._socket = parent  # kept to shut down: that wakes a blocked receive on both sides
        self._conn = Channel(os.dup(parent.fileno()))
        self.generation += 1
        threading.Thread(target=self._receive, daemon=True, name="lstm-viz-training-records",
                         args=(self._conn, self.generation, self.process, parent)).start()

    def _deliver(self, message: FromWorker) -> None:
        """Records or a failure to a run's mirror, a reply to the session that asked (the mirror
        is not kept here once delivered: dropping it must drop the run in the worker)."""
        match message:
            case Recorded(run_id, records):
                if (mirror := self._mirrors.get(run_id)) is not None:
                    mirror.receive(records)
            case Failed(run_id, reason):
                if (mirror := self._mirrors.get(run_id)) is not None:
                    mirror.fail(reason)
            case Reply(ticket, answer):
                self._settle(ticket, answer)
            case _:
                raise UnknownMessage(message)

    def _settle(self, ticket: int, reply) -> None:
        """The asker's future gets its reply (an exception is raised in the asking session).
        Only this generation's receiver settles its tickets, so a future is settled once."""
        future = self._replies.get(ticket)
        if future is not None and not future.done():
            if isinstance(reply, BaseException):
                future.set_exception(reply)
            else:
                future.set_result(reply)

    def _receive(self, conn, generation: int, process, sock) -> None:
        """Apply every message of this worker; one that cannot be applied fails its run or its
        question, and the thread goes on. Only a channel that cannot be read ends it."""
        try:
            while True:
                message = conn.recv()
                try:
                    self._deliver(message)
                except UnknownMessage:  # no message of ours: the channel is useless
                    raise
                except Exception as problem:
                    self._undelivered(message, f"{type(problem).__name__}: {problem}")
        except Exception:  # EOF, a broken socket, bytes that are no message: restart
            self._lost(conn, generation, process, sock)

    def _undelivered(self, message: FromWorker, reason: str) -> None:
        if isinstance(message, Reply):
            self._settle(message.ticket, WorkerError(f"its answer could not be taken ({reason})"))
            return
        mirror = self._mirrors.get(message.run_id)
        if mirror is not None:
            mirror.fail(f"its records could not be applied ({reason})")
        self.close_run(message.run_id)

    def _lost(self, conn, generation: int, process, sock) -> None:
        """This worker is gone (or its channel is useless): the next request starts another;
        its askers and runs hear of it now."""
        with self._start_lock:
            if self._conn is conn:
                self._conn = None
        if process.poll() is None:
            process.kill()
            process.wait()
        conn.close()
        sock.close()
        for ticket in [t for t, g in list(self._asked.items()) if g == generation]:
            self._settle(ticket, WorkerLost("stopped"))
        for mirror in list(self._mirrors.values()):
            mirror.receive(None)


class RemoteTrainer(RunRecords):
    """A run trained in the worker process, as the server's sessions read it: the same records
    and reading methods as ``LockstepTrainer`` (``training.RunRecords``), kept up to date by the
    records the worker sends."""

    tick_training_seconds = TICK_SECONDS  # the worker trains through every tick's interval

    def __init__(self, worker: TrainingWorker, config: RunConfig):
        super().__init__(config)
        self._clear_records()
        self.worker, self.id = worker, worker.new_id()
        self._arrived = threading.Condition()
        self._opened = False
        self._generation = None
        self._goal = 0
        self.failure: str | None = None
        worker.adopt(self)
        weakref.finalize(self, worker.close_run, self.id)
        self._request(0)
        with self._arrived:
            if not self._arrived.wait_for(lambda: self._opened or self.failure,
                                          timeout=START_SECONDS):
                raise WorkerLost("slow_start", seconds=START_SECONDS)
        self._check()

    def train_to(self, goal: int, wait: bool = True) -> bool:
        """Ask the worker to train up to step ``goal`` (within the step cap); with ``wait``,
        wait until it has (asking a new worker if this one dies). True if the run had to train
        further."""
        self._check()
        goal = min(goal, self.config.max_steps)
        if goal <= self.head or self.done:
            return False
        while True:
            if goal > self._goal or self._generation != self.worker.current():
                self._request(goal)
            if not wait:
                return True
            before, stall = self.head, self.stall_seconds()
            with self._arrived:
                self._arrived.wait_for(lambda: self.head >= goal or self.done or self.failure
                                       or self._generation != self.worker.current(),
                                       timeout=stall)
            self._check()
            if self.head >= goal or self.done:
                return True
            if self.head == before and self._generation == self.worker.current():
                raise WorkerLost("silent", seconds=stall)

    def stall_seconds(self) -> float:
        """How long Step waits with no new records: STALL_SECONDS, or four measured steps of
        this run if longer (one step of the largest settings takes seconds); before any step
        is measured, as long as a start may take."""
        per_step = self.seconds_per_step()
        return START_SECONDS if per_step != per_step else max(STALL_SECONDS, 4 * per_step)

    def await_head(self, step: int, seconds: float) -> None:
        """Wait at most ``seconds`` until the worker's records reach ``step``."""
        with self._arrived:
            self._arrived.wait_for(lambda: self.head >= step or self.done or self.failure,
                                   timeout=seconds)

    def answer(self, question, *args, timeout: float | None = None):
        """``question(trainer, *args)``, asked of this run's trainer in the worker (WorkerLost
        if no answer comes within ``timeout`` seconds, by default ASK_SECONDS)."""
        self._check()
        if self._generation != self.worker.current():
            self._request(self._goal)
        return self.worker.ask(self.id, question, args,
                               ASK_SECONDS if timeout is None else timeout)

    def fail(self, problem: str) -> None:
        """The worker could not train this run (it trains the others on)."""
        with self._arrived:
            self.failure = problem
            self._arrived.notify_all()

    def _check(self) -> None:
        if self.failure:
            raise RunFailed(f"training stopped in the worker: {self.failure}")

    def receive(self, records: Records | None) -> None:
        """Records from the worker (None: the worker died)."""
        with self._arrived:
            if records is not None:
                self.take(records, self.head if self._opened else -1)
                self._opened = True
            self._arrived.notify_all()

    def _request(self, goal: int) -> None:
        """Send the new goal; to a new worker, first the run itself (it trains from step 0 to
        the goal, and the mirror takes only what it lacks)."""
        with self.lock:
            self._goal = goal = max(goal, self._goal, self.head)
            if self._generation is not None \
                    and self.worker.send(Goal(self.id, goal)) == self._generation:
                return
            self._generation = self.worker.send(Open(self.id, self.config, self.task, goal))


# The app's worker yields the CPU to the pages a little (niceness 5): on one core a class of 30
# on distinct scenes got 0.83 chart updates a second at 0 and 1.08-1.14 at 5; a class on one
# scene kept 0.55-1.00 x the training pace of one page alone at 5 (four runs of
# benchmarks.bench --cpus 1; docs/classroom.md).
SERVING_NICE = 5
WORKER = TrainingWorker(nice=SERVING_NICE)
