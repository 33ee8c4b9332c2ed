"""Training in a worker process: its mirror holds exactly what a run trained here holds."""

import gc
import operator
import pickle

import numpy as np
import psutil
import pytest
import torch

from lstm_viz import LockstepTrainer, RunConfig
from lstm_viz.core.training import Records, probe_at
from lstm_viz.serving.messages import Close, Failed, Goal, Open, Recorded, UnknownMessage
from lstm_viz.serving.worker import SERVING_NICE, WORKER, TrainingWorker
from lstm_viz.serving.worker_process import HeldRuns
from lstm_viz.tasks import make_task

SCENE = RunConfig(seq_len=8, hidden_size=6, batch_size=8, probe_batch_size=4, eval_every=5,
                  models=("rnn", "lstm", "gru"), max_steps=400)


@pytest.fixture(scope="module")
def worker():
    worker = TrainingWorker(nice=SERVING_NICE)  # as the app's
    yield worker
    worker.stop()


def test_the_apps_worker_trains_at_a_lower_priority_than_the_pages(worker):
    """On one core the pages' chart updates come first (the worker's niceness, measured)."""
    assert WORKER.nice == SERVING_NICE > 0
    worker.run(SCENE.replace(max_steps=10)).train_to(10)  # started, and training
    assert psutil.Process(worker.process.pid).nice() == psutil.Process().nice() + SERVING_NICE


def _same_records(remote, local):
    assert remote.head == local.head and remote.diverged == local.diverged
    for kind in SCENE.models:
        for column, values in local.history[kind].arrays().items():
            np.testing.assert_array_equal(remote.history[kind].arrays()[column], values)
        assert remote.evals[kind] == local.evals[kind]
        assert remote.eval_losses[kind] == local.eval_losses[kind]
        assert [step for step, _ in remote.forecasts[kind]] == \
            [step for step, _ in local.forecasts[kind]]
        for (_, there), (_, here) in zip(remote.forecasts[kind], local.forecasts[kind]):
            np.testing.assert_array_equal(there, here)
    assert [s.step for s in remote.snapshots] == [s.step for s in local.snapshots]
    for there, here in zip(remote.snapshots, local.snapshots):
        for kind, probe in here.probes.items():
            np.testing.assert_array_equal(there.probes[kind].grad_h, probe.grad_h)
            np.testing.assert_array_equal(there.probes[kind].states["h"], probe.states["h"])


@pytest.mark.parametrize("task", ["latch", "series"])
def test_a_run_in_the_worker_records_exactly_what_a_run_here_records(worker, task):
    config = SCENE.replace(task=task)
    remote, local = worker.run(config), LockstepTrainer(config)
    for goal in (0, 7, 60, 333):  # past 40 snapshots: the thinned ones go from the mirror too
        remote.train_to(goal)
        local.train_to(goal)
        _same_records(remote, local)
    assert len(remote.snapshots) < 333 // SCENE.eval_every and remote.seconds_per_step() > 0


@pytest.mark.parametrize("task", ["latch", "series"])
def test_records_sent_in_pieces_and_pickled_make_a_mirror_of_the_run(task):
    """What the worker sends (``after``) and the mirror takes, without a worker in between."""
    local = LockstepTrainer(SCENE.replace(task=task))
    mirror, known = Records.started(SCENE.models, SCENE.eval_every), -1  # (no step yet)
    for goal in (0, 7, 60, 333):
        local.train_to(goal)
        mirror.take(pickle.loads(pickle.dumps(local.after(known))), known)
        known = mirror.head
        _same_records(mirror, local)
        assert (mirror.steps, mirror.snapshot_every) == (local.steps, local.snapshot_every)
        assert (mirror.trained_steps, mirror.train_seconds) == (local.trained_steps,
                                                                 local.train_seconds)


def test_a_message_of_no_known_type_is_rejected_at_either_end():
    with pytest.raises(UnknownMessage, match="training worker: tuple"):  # the old form
        HeldRuns(FakeConn()).handle(("goal", 0, 10))
    with pytest.raises(UnknownMessage, match="training worker: Open"):  # the server's own
        TrainingWorker()._deliver(Open(0, SCENE, None, 10))


def test_questions_that_need_the_weights_are_asked_in_the_worker(worker):
    remote, local = worker.run(SCENE), LockstepTrainer(SCENE)
    remote.train_to(12)
    local.train_to(12)
    there, here = remote.answer(probe_at, 12), local.answer(probe_at, 12)
    assert there.step == here.step == 12
    for kind in SCENE.models:
        np.testing.assert_array_equal(there.probes[kind].connectivity,
                                      here.probes[kind].connectivity)
    assert remote.answer(probe_at, 11) is None  # the weights have moved on from step 11
    with pytest.raises(AttributeError):  # a failing question fails in the asking session
        remote.answer(getattr, "no_such_thing")


def test_a_live_tick_does_not_wait_for_training_and_the_worker_trains_ahead(worker):
    remote = worker.run(SCENE.replace(max_steps=1500))
    assert remote.train_to(1500, wait=False)  # asked, and back at once:
    assert remote.head < 1500  # the steps are not there yet (1,500 take the worker seconds)
    remote.await_head(1, 60)
    remote.await_head(1500, 0.01)  # a bounded wait returns with what has arrived
    assert remote.head < 1500
    remote.await_head(1500, 120)
    assert remote.head == 1500  # the worker went on alone, with no one waiting on it
    assert not remote.train_to(750, wait=False)  # already there: nothing to ask


def test_a_dead_worker_is_replaced_and_its_runs_go_on_with_the_same_numbers():
    worker = TrainingWorker()
    try:
        remote, local = worker.run(SCENE), LockstepTrainer(SCENE)
        remote.train_to(50)
        worker.process.kill()
        worker.process.wait()
        remote.train_to(120)
        local.train_to(120)
        _same_records(remote, local)
        assert worker.generation == 2 and remote.answer(probe_at, 120).step == 120
    finally:
        worker.stop()


def test_a_dropped_run_is_dropped_in_the_worker(worker):
    remote = worker.run(SCENE)
    run_id = remote.id
    assert worker.ask(run_id, probe_at, (0,)).step == 0
    del remote
    gc.collect()
    with pytest.raises(KeyError):
        worker.ask(run_id, probe_at, (0,))


def test_a_run_that_fails_stops_alone_and_says_why(worker):
    remote = worker.run(SCENE)
    remote.fail("ValueError: a broken task")  # what the worker reports when a run fails
    with pytest.raises(RuntimeError, match="a broken task"):
        remote.train_to(10)


class FakeConn:
    """The worker's end of the pipe, in this process: what it sent, what it has to read."""

    def __init__(self):
        self.sent, self.inbox = [], []

    def send(self, message):
        self.sent.append(message)

    def poll(self):
        return bool(self.inbox)

    def recv(self):
        return self.inbox.pop(0)


def test_the_worker_takes_turns_among_the_runs_behind_their_goals():
    conn = FakeConn()
    held = HeldRuns(conn)
    for run_id in range(3):
        held.handle(Open(run_id, SCENE.replace(seed=run_id), None, 0))
    held.handle(Goal(7, 10))  # a run this worker never had: ignored
    for run_id in range(3):
        held.handle(Goal(run_id, 30))
    conn.sent.clear()
    for _ in range(6):
        held.serve_once()
    assert all(isinstance(m, Recorded) for m in conn.sent)
    assert [m.run_id for m in conn.sent] == [0, 1, 2, 0, 1, 2]  # least recently trained first
    held.handle(Close(1))
    assert sorted(held.runs) == [0, 2]


def test_a_run_that_fails_in_the_worker_leaves_the_others_training():
    conn = FakeConn()
    held = HeldRuns(conn)
    broken = make_task("latch", SCENE.seq_len)
    broken.sample = operator.truediv  # sample(8, generator) raises TypeError
    held.handle(Open(0, SCENE, None, 20))
    held.handle(Open(1, SCENE, broken, 20))
    while any(run.steps < 20 for run in held.runs.values()):
        held.serve_once()
    failed = [m for m in conn.sent if isinstance(m, Failed)]
    assert [m.run_id for m in failed] == [1] and "TypeError" in failed[0].reason
    assert sorted(held.runs) == [0] and held.runs[0].steps == 20


def test_a_question_may_answer_with_tensors(worker):
    remote, local = worker.run(SCENE), LockstepTrainer(SCENE)
    weights = operator.attrgetter("_initial_weights")  # {kind: state dict}: torch tensors
    there, here = remote.answer(weights), local.answer(weights)
    assert there.keys() == here.keys()
    for kind, state in here.items():
        for name, tensor in state.items():
            assert isinstance(there[kind][name], torch.Tensor)
            assert torch.equal(there[kind][name], tensor)
