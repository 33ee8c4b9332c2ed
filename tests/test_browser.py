"""End to end in headless Chromium (Debian's, driven by Playwright) against `streamlit run`.

Waits are on explicit elements and conditions, never on sleeps alone. Screenshots of every page
and the measured cold start and memory go to artifacts/.
"""

import json
import shutil
import time
from pathlib import Path

import psutil
import pytest

from lstm_viz import bench

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
PAGES = {"race": "", "inside": "inside", "gradients": "gradients", "primer": "primer"}
CHART = '[data-testid="stPlotlyChart"] .main-svg'
STEP = '[data-testid="stMetricValue"]'
CLOUD_LIMIT_MB = 1024


@pytest.fixture(scope="module")
def server():
    assert shutil.which(bench.CHROMIUM), "Debian's chromium is missing: `bash .ci/run` installs it"
    port = bench._free_port()
    process = bench.start_app(port)
    try:
        bench.wait_healthy(port)
        yield {"url": f"http://127.0.0.1:{port}", "process": psutil.Process(process.pid)}
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=bench.CHROMIUM, args=bench.CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


def open_page(browser, url, width=1400, height=1000):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(url)
    page.locator('[data-testid="stApp"]').wait_for()
    page.locator(CHART).first.wait_for(timeout=60_000)
    return context, page


def control(page, name):
    """A training button in the sidebar (the race page has its own Start/Pause too)."""
    return page.locator('[data-testid="stSidebar"]').get_by_role("button", name=name)


def step_count(page) -> int:
    return int(page.locator(STEP).first.inner_text().split("/")[0])


def wait_for(condition, timeout=30.0, what="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def pause_and_settle(page, quiet=4.0) -> int:
    """Pause from the sidebar; once the page's own button says Resume (the rerun after the click
    has begun), wait until the step counter has been still for ``quiet`` seconds: a tick that was
    running when Pause was clicked finishes its steps and draws them first."""
    control(page, "Pause").click()
    page.get_by_role("button", name="Resume").wait_for()
    return wait_settled(page, quiet)


def wait_settled(page, quiet, timeout=60.0) -> int:
    """Until the step counter has not moved for ``quiet`` seconds."""
    deadline = time.monotonic() + timeout
    value, since = step_count(page), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.1)
        now = step_count(page)
        if now != value:
            value, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return value
    raise AssertionError("the step counter never settled after Pause")


def no_exception(page):
    assert page.locator('[data-testid="stException"]').count() == 0, \
        page.locator('[data-testid="stException"]').first.inner_text()


def chart_points(page) -> int:
    """Points in the first trace of the race chart, read from plotly's own data in the page."""
    return page.evaluate("() => { const d = document.querySelector('.js-plotly-plot');"
                         " return d && d.calcdata && d.calcdata[0] ? d.calcdata[0].length : -1; }")


@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_opens_without_an_exception(server, browser, name):
    ARTIFACTS.mkdir(exist_ok=True)
    context, page = open_page(browser, f"{server['url']}/{PAGES[name]}", height=1600)
    try:
        no_exception(page)
        assert page.locator("h1").first.inner_text()
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
    finally:
        context.close()


def test_play_updates_charts_every_second_and_pause_stops(server, browser):
    context, page = open_page(browser, f"{server['url']}/")
    try:
        assert step_count(page) == 0
        control(page, "Play").click()
        changes, last, start = [], 0, time.monotonic()
        while time.monotonic() - start < 8:
            now = step_count(page)
            if now != last:
                changes.append(time.monotonic())
                last = now
            time.sleep(0.05)
        assert len(changes) >= 5, f"only {len(changes)} updates in 8 s"
        gaps = [b - a for a, b in zip(changes, changes[1:])]
        assert sorted(gaps)[len(gaps) // 2] <= 1.0, f"median update gap {gaps}"
        wait_for(lambda: chart_points(page) > 20, what="the race chart to fill")
        stopped = pause_and_settle(page)
        time.sleep(2.5)  # three more tick intervals: nothing may move now
        assert step_count(page) == stopped
        no_exception(page)
    finally:
        context.close()


def test_switching_pages_while_playing_keeps_the_server_alive(server, browser):
    context, page = open_page(browser, f"{server['url']}/")
    try:
        control(page, "Play").click()
        for _ in range(2):
            for link in ("Inside the LSTM", "Gradient flow", "Primer: vanishing and exploding", "Race"):
                page.get_by_role("link", name=link).click()
                page.locator(CHART).first.wait_for(timeout=60_000)
                no_exception(page)
        assert server["process"].is_running()
        control(page, "Pause").click()
    finally:
        context.close()


SHARED = "/?task=order&T=40&hidden=16&seed=7&models=LSTM&models=GRU&lr=0.003"


def test_a_shared_link_restores_the_settings_in_a_fresh_browser(server, browser):
    context, page = open_page(browser, server["url"] + SHARED)
    try:
        assert "hidden among 40 symbols" in page.get_by_text("Task:").first.inner_text()
        models = page.locator('[data-testid="stMultiSelect"]').inner_text()
        assert "LSTM" in models and "GRU" in models and "RNN" not in models
        link = page.locator('[data-testid="stCode"]').last.inner_text().strip()
        assert "task=order" in link and "seed=7" in link
    finally:
        context.close()
    context, page = open_page(browser, link)  # the link the app shows, in another fresh context
    try:
        assert "hidden among 40 symbols" in page.get_by_text("Task:").first.inner_text()
        assert page.locator('[data-testid="stNumberInput"] input').input_value() == "7"
        assert page.locator('[data-testid="stAlert"]').count() == 0
    finally:
        context.close()


def test_a_malformed_link_opens_with_defaults_and_a_note(server, browser):
    query = "/?T=abc&lr=999&nonsense=1&models=Transformer&seed=" + "9" * 300
    context, page = open_page(browser, server["url"] + query)
    try:
        note = page.locator('[data-testid="stAlert"]').first.inner_text()
        for fragment in ("T='abc'", "lr='999'", "nonsense", "Transformer", "seed="):
            assert fragment in note
        assert "after 99 distractors" in page.get_by_text("Task:").first.inner_text()
        no_exception(page)
    finally:
        context.close()


def _rss_mb(process) -> float:
    return sum(p.memory_info().rss for p in [process, *process.children(recursive=True)]) / 2**20


def test_four_concurrent_sessions_train_separately_within_memory(server, browser):
    lengths = (10, 20, 30, 40)
    sessions = [open_page(browser, f"{server['url']}/?T={t}&hidden={8 * (i + 1)}")
                for i, t in enumerate(lengths)]
    peak = _rss_mb(server["process"])
    try:
        for _, page in sessions:
            page.get_by_role("button", name="Start the race").click()  # the page's own button
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            peak = max(peak, _rss_mb(server["process"]))
            time.sleep(0.5)
        counts = [step_count(page) for _, page in sessions]
        assert all(c > 0 for c in counts), counts
        for t, (_, page) in zip(lengths, sessions):
            assert f"the first of {t} symbols" in page.get_by_text("Task:").first.inner_text()
            no_exception(page)
        paused = pause_and_settle(sessions[0][1])
        before = step_count(sessions[1][1])
        wait_for(lambda: step_count(sessions[1][1]) > before, what="session 2 to keep training")
        assert step_count(sessions[0][1]) == paused  # one user's pause is not another's
    finally:
        for context, _ in sessions:
            context.close()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "four_sessions.json").write_text(json.dumps({"peak_rss_mb": peak}))
    assert peak < CLOUD_LIMIT_MB, f"{peak:.0f} MB with four live sessions"


def test_a_closed_session_stops_training(server, browser):
    context, page = open_page(browser, f"{server['url']}/")
    control(page, "Play").click()
    wait_for(lambda: step_count(page) > 0, what="training to start")
    context.close()
    time.sleep(2)  # the last tick in flight finishes
    process = server["process"]
    before = sum(process.cpu_times()[:2])
    time.sleep(3)
    used = sum(process.cpu_times()[:2]) - before
    assert used < 0.6, f"the server used {used:.2f} s of CPU in 3 s after the session closed"


def test_cold_start_is_measured(browser):
    seconds = bench.cold_start_seconds(browser)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "cold_start.json").write_text(json.dumps({"cold_start_s": seconds}))
    assert seconds < 30, f"cold start took {seconds:.1f} s"
