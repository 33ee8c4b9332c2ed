"""Shared runs: one trainer per scene, a cursor per session, a bounded registry."""

import threading
import time

import numpy as np
import pytest

from lstm_viz import LockstepTrainer, RunConfig
from lstm_viz.core.training import TICK_SECONDS, TICK_WORK_SECONDS
from lstm_viz.serving.sessions import (
    MIN_TICK_WORK,
    MOST_LATE,
    PAUSED_SECONDS,
    Cursor,
    RunRegistry,
    live_grain,
    on_grid,
    run_key,
    tick,
)
from lstm_viz.serving.worker import TrainingWorker

SCENE = RunConfig(seq_len=8, hidden_size=6, batch_size=8, probe_batch_size=4, eval_every=5,
                  models=("rnn", "lstm"), max_steps=300)


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


@pytest.fixture(scope="module")
def worker():
    worker = TrainingWorker()
    yield worker
    worker.stop()


@pytest.fixture(params=["in process", "in the worker"])
def make_run(request, worker):
    """Runs trained in the sessions' process, and in a worker process (the app's way)."""
    return LockstepTrainer if request.param == "in process" else worker.run


def _same(a, b):
    for kind in SCENE.models:
        for column in ("step", "loss", "metric", "grad_norm"):
            np.testing.assert_array_equal(a.history[kind][column], b.history[kind][column])
        assert a.evals[kind] == b.evals[kind]


def test_two_sessions_on_one_scene_share_a_run_and_see_identical_numbers(make_run):
    registry = RunRegistry(make_run=make_run)
    a = Cursor(registry.run_for(SCENE), SCENE.max_steps)
    b = Cursor(registry.run_for(SCENE.replace(max_steps=100)), 100)  # the cap is not the scene
    assert a.run is b.run and len(registry) == 1
    a.advance(40)
    assert (a.step, b.step) == (40, 0)  # independent cursors
    b.advance(25)  # behind the head: replays, trains nothing
    assert a.run.steps == 40 and b.step == 25
    b.advance(15)
    _same(a.view(), b.view())
    alone = LockstepTrainer(SCENE)  # and the numbers are those of a run of its own
    alone.step(40)
    _same(a.view(), alone.view())


def test_reset_step_and_pause_in_one_session_leave_the_other_untouched(make_run):
    registry = RunRegistry(make_run=make_run)
    a, b = (Cursor(registry.run_for(SCENE), 300) for _ in range(2))
    a.advance(30)
    b.advance(12)
    b.probe_here()  # b is behind the head: no probe of weights it cannot see
    before = b.view()
    a.reset()
    assert a.step == 0 and a.view().steps == 0 and a.run.steps == 30
    assert (b.step == 12
            and [s.step for s in b.view().snapshots] == [s.step for s in before.snapshots])
    b.advance(18)
    b.probe_here()  # b at the head now (30 is a scheduled snapshot: nothing to add)
    a.advance(33)
    a.probe_here()  # a's own probe at 33 ...
    assert 33 in [s.step for s in a.view().snapshots]
    b.advance(10)
    assert 33 not in [s.step for s in b.view().snapshots]  # ... is not in b's view


def test_a_lower_cap_stops_a_session_and_a_higher_one_lets_it_go_on(make_run):
    registry = RunRegistry(make_run=make_run)
    cursor = Cursor(registry.run_for(SCENE.replace(max_steps=20)), 20)
    cursor.advance(50)
    assert cursor.step == 20 and cursor.done
    cursor.cap = 60  # what the page does when the cap slider moves up
    assert not cursor.done
    cursor.advance(50)
    assert cursor.step == 60 and cursor.view().config.max_steps == 60


def test_a_settings_change_moves_a_session_to_another_run():
    registry = RunRegistry()
    run = registry.run_for(SCENE)
    assert registry.run_for(SCENE.replace(lr=1e-2)) is not run
    assert registry.run_for(SCENE.replace(max_steps=1000)) is run
    assert run.config == run_key(SCENE)


def test_idle_runs_are_evicted_and_the_run_cap_holds():
    clock = Clock()
    registry = RunRegistry(max_runs=3, idle_seconds=60, clock=clock)
    runs = [registry.run_for(SCENE.replace(seed=s)) for s in range(3)]
    registry.run_for(SCENE.replace(seed=0))  # seed 0 used again: seed 1 is now the oldest
    registry.run_for(SCENE.replace(seed=3))
    assert len(registry) == 3
    assert SCENE.replace(seed=1) not in registry and SCENE.replace(seed=0) in registry
    clock.now = 30
    registry.touch(runs[2])
    clock.now = 80  # seed 0 and 3 unseen for 80 s, seed 2 for 50 s
    registry.run_for(SCENE.replace(seed=4))
    assert SCENE.replace(seed=2) in registry and SCENE.replace(seed=4) in registry
    assert SCENE.replace(seed=0) not in registry and len(registry) == 2


def test_work_per_tick_shrinks_when_many_runs_train_at_once():
    clock = Clock()
    registry = RunRegistry(clock=clock)
    run = registry.run_for(SCENE)
    assert registry.work_budget(run) == TICK_WORK_SECONDS
    for seed in range(4):
        registry.touch(registry.run_for(SCENE.replace(seed=seed)), trained=True)
    assert registry.training_now() == 4
    assert registry.work_budget(run) == pytest.approx(TICK_WORK_SECONDS / 4)
    for seed in range(4, 40):
        registry.touch(registry.run_for(SCENE.replace(seed=seed)), trained=True)
    assert registry.work_budget(run) == MIN_TICK_WORK
    clock.now = 10  # nobody trained for 10 s
    assert registry.training_now() == 0 and registry.work_budget(run) == TICK_WORK_SECONDS


def test_a_session_behind_replays_at_the_pace_of_live_training(make_run):
    registry = RunRegistry(make_run=make_run)
    leader = Cursor(registry.run_for(SCENE), 300)
    leader.advance(200)
    follower = Cursor(leader.run, 300)
    pace = follower.steps_per_tick(registry.work_budget(leader.run))
    view = tick(follower, registry)
    assert view.steps == follower.step and leader.run.steps == 200
    assert pace / 2 < follower.step <= min(1.5 * pace, 200)  # about the pace, on the live grid
    assert follower.step % live_grain(pace) == 0
    assert registry.training_now() == 0  # replaying is not training


def test_a_page_whose_ticks_come_late_keeps_the_pace_in_larger_moves(make_run):
    """A slow device or a busy server delays a page's ticks: each moves as many ticks' worth
    as intervals have passed (at most MOST_LATE); after a pause a tick moves one tick's worth."""
    registry = RunRegistry(make_run=make_run)
    run = registry.run_for(SCENE.replace(max_steps=600))
    Cursor(run, 600).advance(600)  # trained ahead: the page replays at the pace (10 ticks' worth)
    page = Cursor(run, 600)
    pace = page.steps_per_tick(registry.work_budget(run))
    grain = live_grain(pace)
    moves = []
    for now in (0.0, TICK_SECONDS, 3 * TICK_SECONDS, 10 * TICK_SECONDS,
                10 * TICK_SECONDS + PAUSED_SECONDS + 1):
        before = page.step
        tick(page, registry, now=now)
        moves.append(page.step - before)
    expected = [1, 1, 2, MOST_LATE, 1]  # intervals since the last tick, as the ticks came
    for moved, late in zip(moves, expected):
        assert moved == round(pace * late / grain) * grain, (moves, pace)
    page.reset()  # Reset starts the clock again too
    tick(page, registry, now=10 * TICK_SECONDS + PAUSED_SECONDS + 2)
    assert page.step == round(pace / grain) * grain
    page.pause()  # and so does Pause, however soon the page plays again
    before = page.step
    tick(page, registry, now=10 * TICK_SECONDS + PAUSED_SECONDS + 5)
    assert page.step - before == round(pace / grain) * grain


def test_a_sessions_pace_is_the_steps_its_ticks_moved_over_the_seconds_between_them():
    """The pace the race quotes (issue 32): steps moved by live ticks over the seconds
    between them; none before two ticks in a row, a pause's gap not counted, Reset forgets."""
    registry = RunRegistry(make_run=LockstepTrainer)
    run = registry.run_for(SCENE.replace(max_steps=600))
    Cursor(run, 600).advance(600)
    page = Cursor(run, 600)
    tick(page, registry, now=0.0)
    assert page.pace() is None  # one tick: no interval yet
    moved = []
    for now in (TICK_SECONDS, 2 * TICK_SECONDS, 4 * TICK_SECONDS):
        before = page.step
        tick(page, registry, now=now)
        moved.append(page.step - before)
    assert page.pace() == pytest.approx(sum(moved) / (4 * TICK_SECONDS))
    before, pace = page.step, page.pace()
    tick(page, registry, now=4 * TICK_SECONDS + PAUSED_SECONDS + 1)  # after a hidden tab's gap
    assert page.step > before and page.pace() == pace
    page.reset()
    assert page.pace() is None


def test_live_ticks_land_a_class_on_the_same_steps(make_run):
    """Sessions a few steps apart (one pressed Step 10) show the same step after a tick or
    two, each moving about the live pace: the grid is what lets them share figures."""
    registry = RunRegistry(make_run=make_run)
    first, second = (Cursor(registry.run_for(SCENE), 300) for _ in range(2))
    # trained ahead: both replay, at the pace (no waiting on the worker)
    Cursor(first.run, 300).advance(300)
    second.advance(10)
    for n in (1, 2):  # ticks on time, on the clock the test gives (a slow machine's late
        before = [first.step, second.step]  # ticks would catch up by more than the pace)
        pace = first.steps_per_tick(registry.work_budget(first.run))
        for cursor in (first, second):
            tick(cursor, registry, now=n * TICK_SECONDS)
        for cursor, was in zip((first, second), before):
            assert 0 < cursor.step - was <= 1.5 * pace + live_grain(pace)
    assert first.step == second.step < 300


@pytest.mark.parametrize("n, grain", [(1, 1), (3, 1), (4, 2), (45, 16), (100, 32), (200, 64)])
def test_the_live_grid_is_a_power_of_two_at_most_half_the_pace(n, grain):
    assert live_grain(n) == grain
    assert on_grid(2000, grain, cap=2000) == 2000 and on_grid(2001, grain, cap=2000) == 2000
    assert on_grid(1024 + grain - 1, grain, cap=2000) == 1024 == on_grid(1024, grain, cap=2000)


def test_many_threads_stepping_reading_and_resetting_one_run(make_run):
    registry = RunRegistry(make_run=make_run)
    run = registry.run_for(SCENE)
    errors = []

    def session(seed):
        rng = np.random.default_rng(seed)
        cursor = Cursor(run, 300)
        try:
            for _ in range(40):
                action = rng.integers(4)
                if action == 0:
                    cursor.reset()
                elif action == 1:
                    cursor.advance(int(rng.integers(1, 8)))
                elif action == 2:
                    cursor.probe_here()
                view = cursor.view()
                for kind in SCENE.models:
                    steps = view.history[kind]["step"]
                    assert len(steps) == view.steps and (np.diff(steps) == 1).all()
                    assert all(s <= view.steps for s, _ in view.evals[kind])
                assert all(s.step <= view.steps for s in view.snapshots)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=session, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    alone = LockstepTrainer(SCENE)
    alone.step(run.steps)
    _same(run.view(), alone.view())  # no mixed data: the shared run is the run of its settings


def test_figures_are_built_once_per_moment_and_shared():
    from lstm_viz.present import panels
    from lstm_viz.serving.sessions import FigureCache

    cache, built = FigureCache(size=2), []

    def build(view):
        built.append(view.steps)
        return panels.race(view)

    registry = RunRegistry()
    a, b = (Cursor(registry.run_for(SCENE), 300) for _ in range(2))
    a.advance(10)
    b.advance(10)
    assert cache.get(a.view(), build) is cache.get(b.view(), build) and built == [10]
    b.advance(5)
    cache.get(b.view(), build)
    cache.get(Cursor(registry.run_for(SCENE.replace(seed=3)), 300).view(), build)
    assert built == [10, 15, 0] and len(cache._figures) == 2  # bounded


def test_a_class_asking_for_a_new_moment_at_once_waits_for_one_build():
    """Thirty sessions reaching the same step together: one builds, the others wait for it
    (not thirty builds of the same figures); a build that raises is not kept."""
    from lstm_viz.serving.sessions import FigureCache

    cache, built, started = FigureCache(), [], threading.Barrier(30)
    view = Cursor(RunRegistry().run_for(SCENE), 300).view()

    def build(v):
        built.append(v.steps)
        time.sleep(0.2)  # long enough for every session to ask meanwhile
        return {"figure": object()}

    def session(got):
        started.wait()
        got.append(cache.get(view, build))

    got = []
    threads = [threading.Thread(target=session, args=(got,)) for _ in range(30)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert built == [0] and len(got) == 30 and all(g is got[0] for g in got)

    tries = []

    def broken(v):
        tries.append(v.steps)
        raise RuntimeError("no figure")

    for _ in range(2):
        with pytest.raises(RuntimeError):
            cache.get(view, broken)
    assert tries == [0, 0]  # asked again: built again, not the old failure kept


def test_malloc_arena_cap_is_applied_on_glibc_and_skipped_without_it(monkeypatch):
    import ctypes.util
    import platform

    from lstm_viz.serving.sessions import limit_malloc_arenas

    assert limit_malloc_arenas() == (platform.libc_ver()[0] == "glibc")  # mallopt answered 1
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)  # no C library found
    assert limit_malloc_arenas() is False


def test_pause_stands_on_a_probed_step(make_run):
    """A live tick trains ahead of the step it shows, so a pause at 112 once left the weights
    at 308 and the snapshot at 100: the pages said 'step 100' beside a counter at 112. Pause
    now stands on a step with a probe: the weights this session trained ahead, probed there,
    else (another session trained the run further) the last scheduled snapshot."""
    registry = RunRegistry(make_run=make_run)
    cursor = Cursor(registry.run_for(SCENE), 300)  # snapshots every 5 steps
    cursor.advance(17)
    cursor._asked = 19  # as a live tick that showed 17 and asked for 19
    cursor.run.train_to(19)
    cursor.pause_here(timeout=5.0)
    view = cursor.view()
    assert cursor.step == cursor.run.head == view.steps == 19
    assert view.snapshots[-1].step == 19
    other = Cursor(registry.run_for(SCENE), 300)  # another session: the run is ahead of it
    other.advance(13)
    other.pause_here(timeout=5.0)
    assert other.step == 10 and other.view().snapshots[-1].step == 10
    other.advance(1)  # Step probes where it stops (11 is not the head: the last snapshot)
    assert other.step == 11
