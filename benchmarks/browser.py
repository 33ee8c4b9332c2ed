"""The app in a real browser: ``streamlit run`` on a local port and Debian's Chromium driven by
Playwright, for the benchmark and the browser tests.

``pages_on_one_link`` is the benchmark's class in a browser (``python -m benchmarks.bench
--pages 6``): one page playing a link alone, then six pages on it, then the six without and with
a Memory horizon sweep running in a seventh page, alternating. Each page's steps per second are
read off the websocket frames the server sends it (``SentSteps``). The browsers of a class run
on the students' machines, not on the server's cores, so this Chromium runs at low priority
(``yield_cpu_to_the_server``) and, with two CPUs or more, on CPUs the app does not use.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psutil

APP = Path(__file__).resolve().parents[1] / "app.py"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]
CHART = '[data-testid="stPlotlyChart"] .main-svg'
STEP = ".st-key-step-counter"
# Six pages' link: no page reaches the cap while the others join and the rounds run.
CLASS_LINK = "/?v=3&seed=4242&max_steps=10000"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(port: int, env: dict | None = None, app: Path = APP,
              cpus: set[int] | None = None) -> subprocess.Popen:
    """``streamlit run app.py`` (or another script) on a local port, headless, quiet; on
    ``cpus`` only if given (its workers inherit them)."""
    command = [sys.executable, "-m", "streamlit", "run", str(app), "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1",
               "--browser.gatherUsageStats", "false"]
    pinned = None if cpus is None else (lambda: os.sched_setaffinity(0, cpus))
    return subprocess.Popen(command, cwd=APP.parent, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=env, preexec_fn=pinned)


def wait_healthy(port: int, timeout: float = 60) -> None:
    """Poll /_stcore/health until the server answers ok."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"the app did not answer on port {port} within {timeout:.0f} s")


def launch(playwright, yield_cpu: bool = True):
    """Debian's Chromium, headless, yielding the CPU to the server (``yield_cpu``) or sharing
    it as a student's browser beside the server would on one machine."""
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
    if yield_cpu:
        yield_cpu_to_the_server()
    return chromium


def _chromium_processes() -> list[psutil.Process]:
    return [p for p in psutil.Process().children(recursive=True) if "chrom" in p.name()]


def pin_chromium(cpus: set[int]) -> None:
    """Every thread of this Chromium on ``cpus`` (the renderers it starts later inherit them)."""
    for process in _chromium_processes():
        for thread in os.listdir(f"/proc/{process.pid}/task"):
            with contextlib.suppress(OSError):  # a thread that has just ended
                os.sched_setaffinity(int(thread), cpus)


def yield_cpu_to_the_server(nice: int = 10) -> None:
    """A class's browsers run on the students' machines, not on the server's two cores: here
    Chromium drawing six live pages wants 1.6-2.5 of them. Playwright starts it in a session of
    its own, and where the kernel groups sessions (sched_autogroup) a process's niceness only
    ranks it within its group: so the group's niceness is lowered too (its renderers inherit
    both when they start)."""
    for process in _chromium_processes():
        process.nice(max(nice, process.nice()))
        group = Path(f"/proc/{process.pid}/autogroup")
        if group.exists():
            group.write_text(str(nice))


def open_pages(browser, urls, width=1400, height=1000, ready=CHART):
    """A fresh browser context on each of ``urls``, all loading at once; each (context, page)
    returned once ``ready`` shows."""
    sessions = []
    for url in urls:
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        page.goto(url, wait_until="commit")
        sessions.append((context, page))
    for _, page in sessions:
        page.locator('[data-testid="stApp"]').wait_for(timeout=60_000)
        page.locator(ready).first.wait_for(timeout=60_000)
    return sessions


def wait_for(condition, timeout=30.0, what="condition"):
    """The condition's first truthy value, polled every 0.1 s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def step_count(page) -> int:
    """The step this page shows, from its control bar: 'step 120 / 2000 · ...'."""
    return int(page.locator(STEP).first.inner_text().split("step", 1)[1].split("/")[0])


class PageHealth:
    """What could go wrong with one live page, watched as it plays: the errors its console
    prints and the scripts it throws, and whether it went blank (Streamlit drew nothing: no
    step counter). A resource fetched from another host that fails is left out: this machine
    has no internet, and Streamlit fetches the ``:material/...`` page icon from Google's font
    host (a user's browser gets it)."""

    def __init__(self, page, app_url: str):
        self.page, self.app_url, self.errors, self.offline = page, app_url, [], 0
        self.blank_at: float | None = None
        self.shown = ""  # what the page last showed instead of its step counter
        self.missing_since: float | None = None
        self.gaps = 0
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"[:300]))
        page.on("requestfailed", self._request_failed)

    def _console(self, message) -> None:
        if message.type == "error":
            self.errors.append(message.text[:300])

    def _request_failed(self, request) -> None:
        if not request.url.startswith(self.app_url):
            self.offline += 1

    def problems(self) -> list[str]:
        """The console errors, less one 'Failed to load resource' per off-host request."""
        offline, left = self.offline, []
        for error in self.errors:
            if offline and error.startswith("Failed to load resource: net::ERR_NAME_NOT_RESOLVED"):
                offline -= 1
            else:
                left.append(error)
        return left

    def check_blank(self) -> bool:
        """True once the page has shown no step counter for ``BLANK_SECONDS`` (it went blank,
        and stays so: a white page asks for no more ticks); what it showed instead is kept,
        and every moment without a counter is counted (``gaps``)."""
        if self.blank_at is None:
            if self.page.locator(STEP).count():
                self.missing_since = None
            elif self.missing_since is None:
                self.missing_since, self.gaps = time.monotonic(), self.gaps + 1
                main = self.page.locator('[data-testid="stMain"]')
                self.shown = main.inner_text()[:400] if main.count() else "(no main area)"
            elif time.monotonic() - self.missing_since >= BLANK_SECONDS:
                self.blank_at = self.missing_since
        return self.blank_at is not None


BLANK_SECONDS = 3.0  # a rerun replaces the counter at once; a page that went blank stays so


# Scenes far apart in length, each its own run (the load that blanked pages: several runs
# training at once, so the busy note came and went in each page's live fragment).
DISTINCT_LAGS = (60, 200, 400, 600, 700, 800)


def distinct_scene_links(url: str, lags=DISTINCT_LAGS, seed: int = 51) -> list[str]:
    """One link per lag, each on a seed of its own, capped far beyond what a page reaches."""
    return [f"{url}/?v=3&seed={seed + i}&seq_len={lag}&max_steps=10000"
            for i, lag in enumerate(lags)]


def play_distinct_scenes(browser, url: str, seconds: float, lags=DISTINCT_LAGS,
                         seed: int = 51) -> dict:
    """Pages on distinct scenes, all playing for ``seconds``, watched every second: which went
    blank, the console errors of each, and the step each reached."""
    sessions = open_pages(browser, distinct_scene_links(url, lags, seed))
    health = [PageHealth(page, url) for _, page in sessions]
    try:
        for _, page in sessions:
            page.locator(".st-key-control_bar").get_by_role("button", name="Start").click()
        ended = time.monotonic() + seconds
        while time.monotonic() < ended:
            for watch in health:
                watch.check_blank()
            time.sleep(1.0)
        steps = [None if watch.check_blank() else step_count(watch.page) for watch in health]
        return {"lags": list(lags), "steps": steps,
                "blank": [i for i, watch in enumerate(health) if watch.blank_at is not None],
                "gaps": [watch.gaps for watch in health],
                "shown": {i: watch.shown for i, watch in enumerate(health) if watch.shown},
                "errors": {i: watch.problems() for i, watch in enumerate(health)
                           if watch.problems()}}
    finally:
        for context, _ in sessions:
            context.close()


def distinct_scenes(seconds: float = 60.0, rounds: int = 10) -> list[dict]:
    """Six pages on six distinct scenes (lags 60-800), playing together for ``seconds``, in
    ``rounds`` rounds on new seeds: no page may go blank, none may print a console error
    (``python -m benchmarks.bench --scenes``). Chromium here shares the app's two cores, as
    when the pages blanked."""
    from playwright.sync_api import sync_playwright

    port = free_port()
    server = start_app(port)
    try:
        wait_healthy(port)
        with sync_playwright() as pw:
            chromium = launch(pw, yield_cpu=False)
            try:
                return [play_distinct_scenes(chromium, f"http://127.0.0.1:{port}", seconds,
                                             seed=51 + 10 * r) for r in range(rounds)]
            finally:
                chromium.close()
    finally:
        server.terminate()
        server.wait(10)


def start(page) -> None:
    """Start from the page's control bar, until its counter moves."""
    page.locator(".st-key-control_bar").get_by_role("button", name="Start").click()
    wait_for(lambda: step_count(page) > 0, what="training to start")


def rates(pages, seconds=5.0) -> list[float]:
    """Steps per second of each page's counter over about ``seconds``, each page timed from its
    own two readings (under load one reading of a page's counter can take a second)."""
    before = [_read_step(p) for p in pages]
    time.sleep(seconds)
    after = [_read_step(p) for p in pages]
    return [(s1 - s0) / (t1 - t0) for (t0, s0), (t1, s1) in zip(before, after)]


def _read_step(page) -> tuple[float, int]:
    """(when, step): the page's step counter, timed at the middle of the reading."""
    begun = time.monotonic()
    step = step_count(page)
    return (begun + time.monotonic()) / 2, step


def cold_start_seconds(browser=None, timeout: float = 120, app: Path = APP) -> float:
    """From ``streamlit run`` to the first chart drawn in headless Chromium.

    ``browser`` is a launched Playwright browser; without one, Chromium is launched here.
    ``app``: the script to start (the app by default).
    """
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as pw:
            chromium = launch(pw)
            try:
                return cold_start_seconds(chromium, timeout, app)
            finally:
                chromium.close()
    port = free_port()
    start = time.perf_counter()
    server = start_app(port, app=app)
    try:
        wait_healthy(port, timeout)
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{port}/")
        page.locator(CHART).first.wait_for(timeout=timeout * 1000)
        seconds = time.perf_counter() - start
        page.close()
        return seconds
    finally:
        server.terminate()
        server.wait(10)


def pages_on_one_link(n: int = 6, seconds: float = 10.0, rounds: int = 3) -> dict:
    """One page playing CLASS_LINK alone, then ``n`` pages on it, then the ``n`` without and
    with a Memory horizon sweep (its default lengths and seeds) running in another page, for
    ``rounds`` alternating rounds of ``seconds`` each. Goals: every page >= 0.5 x one page
    alone; beside the sweep, the slowest page of a round (the median round) keeps >= 0.8 x
    the slowest without it, and the median page of all rounds likewise (one page's own rate
    swings from round to round with its place behind the run's head).

    With two CPUs or more the app (server and workers) runs on the first, as on a one-core
    Cloud share, and Chromium on the others, as the class's own machines: on shared cores the
    browsers' drawing, not the server, set the pace (measured: the sweep worker took the CPU
    that the six pages' Chromium needed to send its ticks, and the training worker idled).
    Also reported, from the class playing to the end: the CPU the server and its workers used
    (cores), the median page's ticks per second, and the longest any page went without a new
    step."""
    from playwright.sync_api import sync_playwright

    mine = sorted(os.sched_getaffinity(0))
    server_cpus, browser_cpus = ({mine[0]}, set(mine[1:])) if len(mine) > 1 else (None, None)
    port = free_port()
    server = start_app(port, cpus=server_cpus)
    try:
        wait_healthy(port)
        with sync_playwright() as pw:
            chromium = launch(pw)
            if browser_cpus:
                pin_chromium(browser_cpus)
            try:
                measured = _class_in_browser(chromium, f"http://127.0.0.1:{port}", n, seconds,
                                             rounds, psutil.Process(server.pid))
                return {"server_cpus": sorted(server_cpus or mine),
                        "browser_cpus": sorted(browser_cpus or mine), **measured}
            finally:
                chromium.close()
    finally:
        server.terminate()
        server.wait(10)


class SentSteps:
    """The steps the server sends one page, read off the page's websocket frames as they
    arrive ('**step 120 / 10000**' in the counter's markdown): no round trip to a renderer that
    is busy drawing, so reading six pages costs them nothing."""

    PATTERN = re.compile(rb"step (\d+) / \d+")

    def __init__(self, page):
        self.page, self.seen = page, [(time.monotonic(), 0)]
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _frame(self, payload) -> None:
        data = payload if isinstance(payload, bytes) else payload.encode()
        for match in self.PATTERN.finditer(data):
            self.seen.append((time.monotonic(), int(match.group(1))))

    def at(self, moment: float) -> int:
        """The last step sent by ``moment``."""
        return [step for when, step in self.seen if when <= moment][-1]

    def longest_still(self, since: float, until: float) -> float:
        """The longest time between ``since`` and ``until`` in which no new step came."""
        moves = [since] + [when for (when, step), (_, before) in zip(self.seen[1:], self.seen)
                           if since < when <= until and step != before] + [until]
        return max(b - a for a, b in zip(moves, moves[1:]))


def sent_rates(counters: list[SentSteps], seconds: float) -> list[float]:
    """Steps per second sent to each page over the next ``seconds`` (Playwright delivers the
    frames while it waits)."""
    begun = time.monotonic()
    while time.monotonic() < begun + seconds:
        counters[0].page.wait_for_timeout(100)
    ended = time.monotonic()
    return [(c.at(ended) - c.at(begun)) / (ended - begun) for c in counters]


def _cpu_seconds(server: psutil.Process) -> tuple[float, float]:
    """CPU seconds used so far by the server, and by its workers (the training and the sweep
    worker) together."""
    workers = sum(sum(p.cpu_times()[:2]) for p in server.children(recursive=True))
    return sum(server.cpu_times()[:2]), workers


def _class_in_browser(browser, url: str, n: int, seconds: float, rounds: int,
                      server: psutil.Process) -> dict:
    # the sweep's page, at the default step cap (one at the class's would be refused as too
    # long), opened first: loading it beside pages that play took 14 s of a quick run, 4 s here
    (sweep_context, sweep_page), = open_pages(browser, [url + "/horizon?v=3&seed=4242"],
                                              ready=".st-key-sweep_run")
    contexts = [browser.new_context(viewport={"width": 1400, "height": 1000}) for _ in range(n)]
    counters = [SentSteps(context.new_page()) for context in contexts]
    link = url + CLASS_LINK
    _play(counters[:1], link.replace("seed=4242", "seed=4241"))  # a run of its own
    (alone,) = sent_rates(counters[:1], seconds)
    _play(counters, link)
    playing, cpu = time.monotonic(), _cpu_seconds(server)
    frames_before = [len(c.seen) for c in counters]
    together = sent_rates(counters, seconds)
    measured = {"without": [], "with": []}
    for _ in range(rounds):
        measured["without"].append(sent_rates(counters, seconds))
        _press_until(sweep_page, "sweep_run", lambda: _sweep_progress(sweep_page))
        measured["with"].append(sent_rates(counters, seconds))
        progress = _sweep_progress(sweep_page)
        _press_until(sweep_page, "sweep_cancel", lambda: not _sweep_progress(sweep_page))
    if any(c.seen[-1][1] >= 10_000 for c in counters):  # CLASS_LINK's cap: a page stopped
        raise RuntimeError("a page reached the step cap while measuring: shorten the rounds")
    ended = time.monotonic()
    still = max(c.longest_still(playing, ended) for c in counters)
    used = [(b - a) / (ended - playing) for a, b in zip(cpu, _cpu_seconds(server))]
    ticks = [(len(c.seen) - k) / (ended - playing) for c, k in zip(counters, frames_before)]
    for context in [*contexts, sweep_context]:
        context.close()

    def slowest(name):  # the slowest page of a round, the median round
        return statistics.median(min(r) for r in measured[name])

    def median(name):  # every page of every round
        return statistics.median(x for r in measured[name] for x in r)

    return {"pages": n, "alone": alone, "together": together,
            "together_min_ratio": min(together) / alone, "beside_sweep": measured,
            "beside_sweep_slowest_ratio": slowest("with") / slowest("without"),
            "beside_sweep_median_ratio": median("with") / median("without"),
            "longest_still_s": still, "ticks_per_s": statistics.median(ticks),
            "server_cores": used[0], "workers_cores": used[1], "sweep_progress": progress}


def _play(counters: list[SentSteps], link: str) -> None:
    """Every page on ``link``, playing."""
    for counter in counters:
        counter.page.goto(link, wait_until="commit")
    for counter in counters:
        counter.page.locator(CHART).first.wait_for(timeout=60_000)
        start(counter.page)


def _sweep_progress(page) -> str:
    """The sweep page's progress text ("Training LSTM at T = 50, ..."), or '' if none shows."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    with contextlib.suppress(PlaywrightTimeout):  # (a rerun can remove it while it is read)
        return page.locator('[data-testid="stProgress"]').first.inner_text(timeout=2_000)
    return ""


def _press_until(page, key: str, done, timeout: float = 90.0) -> None:
    """Click the button with this widget key until ``done()``: a click can land on a button
    that a rerun is replacing, and a click that took disables the button until ``done()``
    shows (so a disabled button is waited for, not clicked)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    button = page.locator(f".st-key-{key} button").first
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(PlaywrightTimeout):
            if button.is_enabled():
                button.click(timeout=5_000)
        with contextlib.suppress(AssertionError):
            wait_for(done, timeout=10.0, what=f"{key} to take")
            return
    raise AssertionError(f"{key} did not take within {timeout:.0f} s")
