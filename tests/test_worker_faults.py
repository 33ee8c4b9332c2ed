"""The training worker under faults: killed (SIGKILL) mid-training and mid-question, frozen
(SIGSTOP), a message the server cannot apply, a question that raises, an answer that cannot be
pickled, a worker slow to start while six sessions tick. In each no session waits forever, the
other runs go on, and a run trained again gives the same numbers."""

import operator
import os
import signal
import sys
import threading
import time

import pytest
from streamlit.testing.v1 import AppTest

from lstm_viz import LockstepTrainer
from lstm_viz.core.training import TICK_WORK_SECONDS, probe_at
from lstm_viz.serving import worker as worker_module
from lstm_viz.serving.sessions import REGISTRY, Cursor, RunRegistry, tick
from lstm_viz.serving.worker import RunFailed, TrainingWorker, WorkerError, WorkerLost
from tests.test_pages import APP, open_app, view_of
from tests.test_worker import SCENE, _same_records

LONG = SCENE.replace(max_steps=20000)


@pytest.fixture
def worker():
    worker = TrainingWorker()
    yield worker
    if worker.process is not None and worker.process.poll() is None:
        os.kill(worker.process.pid, signal.SIGCONT)  # (a frozen worker cannot stop)
    worker.stop()


def _same_as_here(remote, goal):
    local = LockstepTrainer(remote.config)
    remote.train_to(goal)
    local.train_to(goal)
    _same_records(remote, local)


def _seconds(call, *args, **kwargs):
    """How long ``call`` took, and what it raised (None if nothing)."""
    start = time.monotonic()
    try:
        call(*args, **kwargs)
        raised = None
    except Exception as problem:
        raised = problem
    return time.monotonic() - start, raised


def test_a_worker_killed_mid_training_is_replaced_and_the_run_trains_the_same_numbers(worker):
    remote = worker.run(SCENE.replace(max_steps=800))
    remote.train_to(800, wait=False)
    remote.await_head(40, 60)
    assert 40 <= remote.head < 800  # 800 steps take the worker seconds
    os.kill(worker.process.pid, signal.SIGKILL)
    worker.process.wait()
    _same_as_here(remote, 800)
    assert worker.generation == 2


def test_a_question_whose_worker_is_killed_fails_at_once_and_the_next_is_answered(worker):
    remote = worker.run(SCENE)
    remote.train_to(10)
    # a question that keeps the worker busy for a long time: 100,000 training steps
    asked = threading.Thread(target=lambda: results.append(
        _seconds(remote.answer, LockstepTrainer.step, 100000, timeout=120)))
    results = []
    asked.start()
    time.sleep(1.0)
    os.kill(worker.process.pid, signal.SIGKILL)
    asked.join(30)
    seconds, raised = results[0]
    assert isinstance(raised, WorkerLost) and seconds < 10
    _same_as_here(remote, 40)  # a new worker trained the run again
    assert remote.answer(probe_at, 40).step == 40 and worker.generation == 2


def test_a_frozen_worker_holds_up_no_wait_and_the_run_goes_on_when_it_thaws(worker, monkeypatch):
    monkeypatch.setattr(worker_module, "STALL_SECONDS", 2)
    remote = worker.run(SCENE)
    remote.train_to(20)
    os.kill(worker.process.pid, signal.SIGSTOP)
    try:
        # a live tick: asks for more and waits at most its budget
        seconds, raised = _seconds(lambda: (remote.train_to(60, wait=False),
                                            remote.await_head(60, TICK_WORK_SECONDS)))
        assert raised is None and seconds < TICK_WORK_SECONDS + 0.5 and remote.head == 20
        seconds, raised = _seconds(remote.answer, probe_at, 20, timeout=1)  # a probe at Pause
        assert isinstance(raised, WorkerLost) and "did not answer within 1 s" in str(raised)
        assert seconds < 2
        seconds, raised = _seconds(remote.train_to, 60)  # Step: gives up after STALL_SECONDS
        assert isinstance(raised, WorkerLost) and "sent nothing for 2 s" in str(raised)
        assert seconds < 4
    finally:
        os.kill(worker.process.pid, signal.SIGCONT)
    _same_as_here(remote, 60)  # thawed: the same worker goes on
    assert worker.generation == 1


def test_records_that_cannot_be_applied_fail_their_run_alone(worker):
    broken, other = worker.run(SCENE), worker.run(SCENE.replace(seed=1))

    def receive(records):
        raise ValueError("a record with no step")

    broken.receive = receive  # the receiver applies this run's next records through it
    broken.train_to(30, wait=False)
    with pytest.raises(RunFailed, match="could not be applied .ValueError: a record with no step"):
        broken.train_to(30)
    _same_as_here(other, 80)  # the receiver lives on, and so does the worker
    assert worker.generation == 1


def test_a_question_that_raises_is_raised_in_the_asking_session_and_the_worker_carries_on(worker):
    remote = worker.run(SCENE)
    with pytest.raises(AttributeError):
        remote.answer(getattr, "no_such_thing")
    _same_as_here(remote, 30)
    assert worker.generation == 1


def test_an_answer_that_cannot_be_pickled_is_an_error_and_the_worker_carries_on(worker):
    remote = worker.run(SCENE)
    with pytest.raises(WorkerError, match="could not send its answer .TypeError: cannot pickle"):
        remote.answer(operator.attrgetter("lock"))  # a threading lock
    _same_as_here(remote, 30)
    assert worker.generation == 1


SLOW_START = 5.0  # seconds; a tick's work budget is well under one


class SlowStartWorker(TrainingWorker):
    """A worker whose restarts take ``SLOW_START`` seconds before it reads its first message."""

    def command(self, fd: int) -> list[str]:
        if self.generation == 0:
            return super().command(fd)
        return [sys.executable, "-c", f"import sys, time; time.sleep({SLOW_START}); "
                "from lstm_viz.serving.worker_process import main; main(sys.argv[1:])",
                str(fd)]


def test_six_sessions_tick_within_their_budget_while_a_slow_worker_restarts():
    worker = SlowStartWorker()
    registry = RunRegistry(make_run=worker.run)
    try:
        shared = registry.run_for(LONG)
        cursors = [Cursor(shared, 300) for _ in range(6)]
        for cursor in cursors:
            tick(cursor, registry)
        os.kill(worker.process.pid, signal.SIGKILL)
        worker.process.wait()
        ticks, stop = [], threading.Event()

        def session(cursor):
            while not stop.is_set():
                ticks.append(_seconds(tick, cursor, registry))
                time.sleep(0.05)

        sessions = [threading.Thread(target=session, args=(c,)) for c in cursors]
        for thread in sessions:
            thread.start()
        seconds, raised = _seconds(registry.run_for, SCENE.replace(seed=5))  # a new run, opened
        stop.set()  # by the new worker once it is up (SLOW_START)
        for thread in sessions:
            thread.join()
        assert raised is None and seconds > SLOW_START - 1
        assert len(ticks) > 6 * 10 and all(raised is None for _, raised in ticks)
        assert max(s for s, _ in ticks) < TICK_WORK_SECONDS + 0.5  # no tick waited for the start
        _same_as_here(shared, 300)
    finally:
        worker.stop()


# -- what a page says: it goes on drawing, and says what holds training up ---------------------
def _held_up_page(monkeypatch, **link):
    """A page that took one Step, then a Step while its worker sends nothing for 20 s."""
    at = open_app({"seq_len": "9", "hidden_size": "5", **link})
    at.button(key="step").click().run()

    def held_up(goal, wait=True):
        raise WorkerLost("silent", seconds=20)

    monkeypatch.setattr(at.session_state["cursor"].run, "train_to", held_up)
    at.button(key="step").click().run()
    return at


def test_a_page_whose_worker_is_held_up_says_so_and_loses_nothing(monkeypatch):
    at = _held_up_page(monkeypatch, seed="9101")
    assert not at.exception and view_of(at).steps == 10
    assert any("Training is held up" in w.value and "sent nothing for 20 s" in w.value
               for w in at.warning)
    monkeypatch.undo()
    at.button(key="step").click().run()
    assert view_of(at).steps == 20 and not any("held up" in w.value for w in at.warning)


def test_a_korean_page_says_what_holds_training_up_in_korean(monkeypatch):
    at = _held_up_page(monkeypatch, seed="9104", lang="ko")
    notes = [w.value for w in at.warning if "학습이 잠시 멈췄어요" in w.value]
    assert (notes and "20초 동안 아무것도 보내지 않았어요" in notes[0]
            and "sent nothing" not in notes[0])
    assert str(WorkerLost("silent", seconds=20)) == (  # logs and tracebacks stay in English
        "the training worker sent nothing for 20 s; it may be busy or restarting")


def test_a_run_that_cannot_train_stops_playing_and_says_why():
    at = open_app({"seq_len": "9", "hidden_size": "5", "seed": "9102"})
    at.session_state["cursor"].run.fail("ValueError: a broken task")
    at.button(key="start").click().run()
    assert not at.exception and at.session_state["playing"] is False
    assert any("This run cannot train" in w.value and "a broken task" in w.value
               for w in at.warning)


def test_a_page_whose_worker_does_not_start_says_so(monkeypatch):
    def no_worker(config):
        raise WorkerLost("slow_start", seconds=120)

    monkeypatch.setattr(REGISTRY, "make_run", no_worker)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["seed"] = "9103"
    at.run()
    assert not at.exception
    assert any("did not start within 120 s" in e.value for e in at.error)
