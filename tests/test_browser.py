"""End to end in headless Chromium (Debian's, driven by Playwright) against `streamlit run`.

Waits are on explicit elements and conditions, never on sleeps alone. Screenshots of every page
and the measured cold start and memory go to artifacts/.
"""

import json
import re
import shutil
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import numpy as np
import psutil
import pytest

from benchmarks import browser as harness
from benchmarks.bench import _pss_mb
from benchmarks.browser import CHART, STEP, open_pages, rates, start, step_count, wait_for
from lstm_viz import LockstepTrainer, i18n
from lstm_viz.core.training import TICK_SECONDS
from lstm_viz.i18n import t
from lstm_viz.present import links, story

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
PAGES = {"story": "story?scene=2&v=2&max_steps=300", "race": "", "inside": "inside",
         "gradients": "gradients", "horizon": "horizon", "primer": "primer",
         "text": "text?v=2&task=text&seq_len=40", "prices": "prices?v=2&task=series&seq_len=60"}
# What shows a page has drawn: a chart, but the story draws its run only once the reader has
# made a prediction (its link opens scene 2 set up, asking for one).
READY = {"story": '[data-testid="stRadio"]'}
HANGUL = re.compile("[\uac00-\ud7a3]")
CLOUD_LIMIT_MB = 1024
PHONE = (390, 844)


@pytest.fixture(scope="module")
def server():
    assert shutil.which(harness.CHROMIUM), \
        "Debian's chromium is missing: `bash .ci/run` installs it"
    port = harness.free_port()
    process = harness.start_app(port)
    try:
        harness.wait_healthy(port)
        yield {"url": f"http://127.0.0.1:{port}", "process": psutil.Process(process.pid)}
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = harness.launch(pw)
        yield chromium
        chromium.close()


def open_page(browser, url, width=1400, height=1000, ready=CHART):
    return open_pages(browser, [url], width, height, ready)[0]


def page_url(server, name, lang=None) -> str:
    """The address of one of PAGES, in ``lang`` if given."""
    path = PAGES[name]
    if lang:
        path += ("&" if "?" in path else "?") + f"lang={lang}"
    return f"{server['url']}/{path}"


def control(page, name):
    """A training button in the sidebar (the race page has its own Start/Pause too)."""
    return page.locator('[data-testid="stSidebar"]').get_by_role("button", name=name, exact=True)


def pause_and_settle(page, quiet=4.0) -> int:
    """Pause from the control bar; once the page's own button says Resume (the rerun after the
    click has begun), wait until the step counter has been still for ``quiet`` seconds: a tick
    that was running when Pause was clicked finishes its steps and draws them first. Under load
    a click can land while a rerun replaces the button; then it is clicked again (a click on a
    "Pause" pauses, however late its rerun comes)."""
    resume = page.locator(".st-key-control_bar").get_by_role("button", name="Resume")
    for _ in range(4):
        pause = control(page, "Pause")
        if pause.count():
            pause.click()
        try:
            resume.wait_for(timeout=15_000)
            break
        except Exception:  # noqa: BLE001 - the Playwright timeout: click again
            continue
    if not resume.count():  # what the page shows instead, for whoever reads the failure
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "pause_did_not_take.png"))
        raise AssertionError(f"Pause did not take: the bar reads "
                             f"{page.locator('.st-key-control_bar').inner_text()!r}, the counter "
                             f"{page.locator(STEP).first.inner_text()!r}")
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


def visit(page, url, ready=CHART) -> None:
    """Open ``url`` in this tab (the browser keeps the app's scripts cached) once it has drawn."""
    page.goto(url)
    page.locator('[data-testid="stApp"]').wait_for()
    page.locator(ready).first.wait_for(timeout=60_000)


SERIOUS = ("serious", "critical")
AXE_FOUND: dict[str, list] = {}  # page, size and language -> axe's serious or critical findings


def axe_serious(page, where: str) -> list[str]:
    """axe-core's serious and critical violations on this page once it has settled (no element
    dimmed by a rerun), as 'rule: how many elements'; recorded in artifacts/axe.json."""
    from axe_playwright_python.sync_playwright import Axe

    page.wait_for_function("document.querySelectorAll('[data-stale=\"true\"]').length === 0",
                           timeout=30_000)
    found = [f"{v['id']}: {len(v['nodes'])} ({v['nodes'][0]['target']})"
             for v in Axe().run(page).response["violations"] if v["impact"] in SERIOUS]
    AXE_FOUND[where] = found
    (ARTIFACTS / "axe.json").write_text(json.dumps(AXE_FOUND, indent=1, ensure_ascii=False))
    return found


@pytest.mark.a11y
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_page_passes_axe_and_reads_in_its_language_on_a_desktop_and_a_phone(
        server, browser, lang):
    """One tour of every page in one tab, each page loaded once for three checks. On a desktop
    (1400 x 1000) and, the same page narrowed, on a phone (390 x 844): no serious or critical
    axe-core violation (artifacts/axe.json has every finding). In Korean the title and the
    sidebar are Korean, drawn with the CJK font `.ci/run` installs (artifacts/ko_<page>.png).
    On a phone no chart title sits under a toolbar or on another title, and the race chart
    starts above the fold (artifacts/phone_<page>.png)."""
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    suffix = "" if lang == "en" else f"_{lang}"
    try:
        for name in PAGES:
            page.set_viewport_size({"width": 1400, "height": 1000})
            visit(page, page_url(server, name, lang if lang != "en" else None),
                  READY.get(name, CHART))
            no_exception(page)
            if lang == "ko":
                assert HANGUL.search(page.locator("h1").first.inner_text()), name
                assert HANGUL.search(page.locator('[data-testid="stSidebar"]').inner_text()), name
                page.screenshot(path=str(ARTIFACTS / f"ko_{name}.png"))
            assert not axe_serious(page, f"{name} desktop {lang}"), AXE_FOUND
            page.set_viewport_size({"width": PHONE[0], "height": PHONE[1]})
            assert not axe_serious(page, f"{name} phone {lang}"), AXE_FOUND
            phone_layout_holds(page, name)
            page.screenshot(path=str(ARTIFACTS / f"phone_{name}{suffix}.png"))
            no_exception(page)
    finally:
        context.close()


def phone_layout_holds(page, name: str) -> None:
    """At 390 px: chart titles clear of toolbars and of each other; on the race and Gradient
    flow pages the first chart starts above the fold, under the page's bar with the length
    slider, which the text page shows too."""
    if name not in READY:
        wait_for(lambda: page.locator(".gtitle").count() > 0, what="chart titles")
    titles = _boxes(page, ".gtitle")
    toolbars = _boxes(page, ".modebar") + _boxes(page, ".g-gtitle ~ .modebar-container")
    for i, title in enumerate(titles):
        assert not any(_overlap(title, bar) for bar in toolbars), \
            f"{name}: title {i} under a toolbar"
        assert not any(_overlap(title, other) for other in titles[i + 1:]), \
            f"{name}: title {i} overlaps"
    if name in ("race", "gradients", "text"):  # the length is on the page, not only in the sidebar
        slider = page.locator('[data-testid="stMain"] .st-key-seq_len_bar')
        assert slider.count() == 1 and slider.is_visible(), name
    if name in ("race", "gradients"):  # (the text page opens with its prompt box)
        top = page.locator(CHART).first.bounding_box()["y"]
        assert top < PHONE[1], f"{name}: the first chart starts at {top:.0f} px on a phone"


OPACITY = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].map(el => {
    let low = 1;
    for (let e = el; e; e = e.parentElement) low = Math.min(low, +getComputedStyle(e).opacity);
    return low; })"""


def _label(button) -> str:
    """A button's words, without its icon's ligature name."""
    return button.locator('[data-testid="stMarkdownContainer"]').first.inner_text().strip()


def _play_names(page) -> tuple[str, str]:
    """The play action's name in the sidebar and in the page's own bar."""
    return (_label(page.locator('[data-testid="stSidebar"] .st-key-play button').first),
            _label(page.locator(".st-key-control_bar .stButton button").first))


def test_play_updates_the_charts_tick_after_tick_keeps_them_opaque_and_pause_stops(server,
                                                                                    browser):
    """Started from the page's own bar, the play action has one name in the sidebar and the
    bar (the Korean names: tests/test_pages_korean.py); the counter moves on tick after tick
    and the race chart fills; on Gradient flow, the page with the most charts and the longest
    ticks, no chart dims while a tick redraws it; paused from the sidebar, nothing moves."""
    context, page = open_page(browser, f"{server['url']}/")
    try:
        assert step_count(page) == 0 and _play_names(page) == ("Start", "Start")
        page.locator(".st-key-control_bar .stButton button").first.click()
        wait_for(lambda: _play_names(page) == ("Pause", "Pause"), what="Pause, twice")
        seen = {0}  # how fast it plays is for the perf tests to say
        wait_for(lambda: seen.add(step_count(page)) or len(seen) >= 4,
                 what="three updates without a click")
        wait_for(lambda: chart_points(page) > 2, what="the race chart to fill")
        page.get_by_role("link", name="Gradient flow").click()
        page.get_by_role("heading", name="Gradient flow").wait_for()
        wait_for(lambda: step_count(page) > max(seen), what="training on Gradient flow")
        samples = []
        for _ in range(10):  # 5 s: six ticks
            samples += page.evaluate(OPACITY)
            time.sleep(0.5)
        assert samples and min(samples) >= 0.99, f"lowest chart opacity {min(samples):.2f}"
        for _ in range(3):  # under load a click can land while a tick redraws the button
            page.locator('[data-testid="stSidebar"] .st-key-play button').first.click()
            try:
                wait_for(lambda: _play_names(page) == ("Resume", "Resume"), timeout=15,
                         what="Resume, twice")
                break
            except AssertionError:
                continue
        assert _play_names(page) == ("Resume", "Resume")
        stopped = wait_settled(page, quiet=4.0)
        time.sleep(2.5)  # three more tick intervals: nothing may move now
        assert step_count(page) == stopped
        no_exception(page)
    finally:
        context.close()


@pytest.mark.load
def test_switching_pages_while_playing_keeps_the_server_alive(server, browser):
    context, page = open_page(browser, f"{server['url']}/")
    try:
        control(page, "Start").click()
        for link in ("Inside the LSTM", "Gradient flow", "Memory horizon", "Primer", "Race"):
            page.get_by_role("link", name=link).click()
            page.locator(CHART).first.wait_for(timeout=60_000)
            no_exception(page)
        assert server["process"].is_running()
        control(page, "Pause").click()
    finally:
        context.close()


# A link as the app wrote them before the settings schema (old keys, models by label): it must
# open the same scene for good.
SHARED = "/?task=order&T=40&hidden=16&seed=7&models=LSTM&models=GRU&lr=0.003"


def _first_loss(page) -> float:
    """The first training-loss point of the race's loss chart, from the data plotly drew in the
    page (``_fullData``: a line sent as a typed array is decoded there)."""
    return page.evaluate("() => { const c = [...document.querySelectorAll('.js-plotly-plot')]"
                         ".find(d => d.layout && d.layout.title.text.includes('Training loss'));"
                         " const y = c && c._fullData && c._fullData[0] && c._fullData[0].y;"
                         " return y && y.length ? y[0] : null; }")


def test_a_shared_link_and_a_new_seed_reopen_the_same_settings_and_numbers(server, browser):
    """An old link (old keys, models by label) opens its scene; New seed writes a plain seed
    into the share box; that link, in a fresh browser, restores the settings and the seed
    without a note, and ten steps there give the same first loss as ten steps here."""
    context, page = open_page(browser, server["url"] + SHARED)
    try:
        assert "hidden among 40 symbols" in \
            page.get_by_text(re.compile("^Task:")).first.inner_text()
        models = page.locator('.st-key-models [data-testid="stMultiSelect"]').inner_text()
        assert "LSTM" in models and "GRU" in models and "RNN" not in models
        control(page, "New seed").click()
        wait_for(lambda: "seed=7" not in page.locator('[data-testid="stCode"]').last.inner_text(),
                 what="the share box to hold the new seed")
        link = page.locator('[data-testid="stCode"]').last.inner_text().strip()
        assert "task=order" in link
        seed = link.split("seed=")[1].split("&")[0]
        assert seed.isdigit(), f"the seed is written {seed!r}"
        page.locator(".st-key-control_bar").get_by_role("button", name="Step ×10").click()
        wait_for(lambda: step_count(page) == 10, what="ten steps")
        loss = wait_for(lambda: _first_loss(page), what="the loss chart")
    finally:
        context.close()
    context, page = open_page(browser, link)  # the link the app shows, in another fresh context
    try:
        assert "hidden among 40 symbols" in \
            page.get_by_text(re.compile("^Task:")).first.inner_text()
        assert page.locator('[data-testid="stNumberInput"] input').input_value() == seed
        assert page.locator('[data-testid="stAlert"]').count() == 0
        page.locator(".st-key-control_bar").get_by_role("button", name="Step ×10").click()
        wait_for(lambda: step_count(page) == 10, what="ten steps")
        assert wait_for(lambda: _first_loss(page), what="the loss chart") == loss
    finally:
        context.close()


OLD_LINK = "?T=40&cap=300&models=LSTM&models=GRU&seed=7&fbias=2&memory_init=constant"
NEW_FORM = {"v": ["3"], "seq_len": ["40"], "max_steps": ["300"], "models": ["lstm", "gru"],
            "seed": ["7"], "forget_bias": ["2"], "memory_init": ["constant"]}


def _query(url: str) -> dict[str, list[str]]:
    return {k: sorted(v) for k, v in parse_qs(urlparse(url).query).items()}


def address(page) -> str:
    """The address bar now (Playwright's page.url follows a pushState only when it next talks
    to the page)."""
    return page.evaluate("location.href")


def test_the_address_bar_always_holds_the_scene_under_the_new_names(server, browser):
    """An old link is rewritten in the address bar as its new form (a teacher who copies the
    address gets the same scene), the share box writes the same, and a page switch and a
    slider keep it up to date."""
    context, page = open_page(browser, f"{server['url']}/{OLD_LINK}")
    try:
        expected = {k: sorted(v) for k, v in NEW_FORM.items()}
        wait_for(lambda: _query(address(page)) == expected, what="the address in its new form")
        share = page.locator('[data-testid="stCode"]').first.inner_text().strip()
        assert _query(share) == expected
        page.get_by_role("link", name="Inside the LSTM").click()
        page.locator(".st-key-follow").wait_for(timeout=60_000)  # Inside's own, drawn
        wait_for(lambda: "/inside" in address(page) and _query(address(page)) == expected,
                 what="the address on Inside")
        page.locator('[data-testid="stMain"] .st-key-seq_len_bar input').first.press("ArrowRight")
        expected["seq_len"] = ["41"]
        wait_for(lambda: _query(address(page)) == expected, what="the new length in the address")
        no_exception(page)
    finally:
        context.close()


def test_closing_the_forget_gate_sets_the_constant_init_with_bias_0_in_the_link(server, browser):
    """One click closes the gate and a button takes it back to chrono (the Next line names
    it); the RNN gain slider says its zero in words (it read 'σ_max 0.00'). Closed in English
    on a desktop, opened again in Korean narrowed to a phone."""
    i18n.use("en")
    context, page = open_page(browser, f"{server['url']}/?v=2&seq_len=20")
    try:
        sidebar = page.locator('[data-testid="stSidebar"]')
        assert t("change.rnn_gain.zero") in sidebar.text_content()  # σ_max 0, in words
        page.get_by_role("button", name=t("controls.close_gate")).click()
        page.get_by_role("button", name=t("controls.open_gate")).wait_for()
        wait_for(lambda: _query(address(page)) == {"v": ["3"], "seq_len": ["20"],
                                                  "memory_init": ["constant"],
                                                  "forget_bias": ["0"]}, what="the link")
        share = page.locator('[data-testid="stCode"]').first.inner_text()
        assert "memory_init=constant" in share and "forget_bias=0" in share
        _switch_language(page, "한국어")
        page.set_viewport_size({"width": PHONE[0], "height": PHONE[1]})
        i18n.use("ko")
        reopen = page.get_by_role("button", name=t("controls.open_gate"))
        reopen.wait_for()
        assert t("change.rnn_gain.zero") in sidebar.text_content()
        said = page.locator('[data-testid="stMain"]').inner_text()
        assert t("texts.next_open_gate_button").split("**")[0].strip() in said
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "forget_gate_closed_ko.png"))
        reopen.click()  # the Next line's button takes the link back to chrono
        wait_for(lambda: _query(address(page)) == {"v": ["3"], "seq_len": ["20"], "lang": ["ko"],
                                                  "forget_bias": ["0"]}, what="chrono again")
        no_exception(page)
    finally:
        i18n.use(None)
        context.close()


AXES = """() => [...document.querySelectorAll('.js-plotly-plot')].map(d => ({
    title: d.layout && d.layout.title ? d.layout.title.text : '',
    ticks: [...d.querySelectorAll('.xaxislayer-above .xtick text')].length,
    yticks: [...d.querySelectorAll('.yaxislayer-above .ytick text')].length,
    xtype: d._fullLayout.xaxis.type, xend: d._fullLayout.xaxis.range[1]}))"""


def test_a_diverged_run_keeps_readable_charts(server, browser):
    """Adding, plain SGD at learning rate 10 without clipping: every model diverges within a
    few steps. No axis piles up its tick labels, the step axis fits the run, and the page says
    what to try next."""
    link = f"{server['url']}/?v=2&task=adding&optimizer=sgd&lr=10&clip=0&seed=3"
    context, page = open_page(browser, link)
    try:
        page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Step ×10").click()
        wait_for(lambda: page.get_by_text("diverged at step").count() > 0, what="the divergence")
        wait_for(lambda: "No probe charts" in page.locator("body").inner_text(), what="the note")
        last = step_count(page)
        assert "gradient clipping on" in page.locator("body").inner_text()
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "diverged_race.png"), full_page=True)
        for name in ("Gradient flow",):
            page.get_by_role("link", name=name).click()
            page.locator(CHART).first.wait_for(timeout=60_000)
            wait_for(lambda: page.evaluate(AXES), what="the charts")
            page.screenshot(path=str(ARTIFACTS / "diverged_gradients.png"), full_page=True)
            charts = page.evaluate(AXES)
            assert all(c["ticks"] <= 12 and c["yticks"] <= 12 for c in charts), charts
        page.get_by_role("link", name="Race").click()

        def race_charts():  # the Gradient flow page's charts stay in the page until replaced
            charts = page.evaluate(AXES)
            steps = [c for c in charts
                     if "Held-out" in c["title"] or "Gradient norm" in c["title"]]
            return (charts, steps) if len(steps) == 2 else None

        charts, steps = wait_for(race_charts, timeout=60, what="the race charts")
        assert all(c["ticks"] <= 12 and c["yticks"] <= 12 for c in charts), charts
        assert all(c["xend"] <= 2 * last for c in steps), (last, steps)
        no_exception(page)
    finally:
        context.close()


def test_a_wrong_prediction_has_no_success_box(server, browser):
    """Scene 1 (lag 20): predicting that neither model solves it is wrong on every seed the
    story measured (the LSTM solves it by step 100)."""
    link = f"{server['url']}/story?scene=1&v=2&seq_len=20&max_steps=600"
    context, page = open_page(browser, link, ready=READY["story"])
    try:
        page.get_by_text("Neither", exact=True).click()
        page.locator(CHART).first.wait_for(timeout=60_000)
        slider = page.locator(".st-key-step_n input").first
        for _ in range(5):
            slider.press("ArrowRight")  # 100 steps a click
        button = page.locator(".st-key-control_bar").get_by_role("button", name=re.compile("Step"))
        wait_for(lambda: "100" in button.inner_text(), what="100 steps a click")
        for goal in range(100, 700, 100):
            button.click()
            wait_for(lambda: step_count(page) >= goal, what=f"step {goal}")
        wait_for(lambda: "You predicted: Neither." in page.locator("body").inner_text(),
                 what="the verdict")
        assert page.locator('[data-testid="stAlertContentSuccess"]').count() == 0
        assert page.locator('[data-testid="stAlertContentWarning"]').filter(
            has_text="You predicted: Neither.").count() == 1
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "story_wrong_prediction.png"), full_page=True)
    finally:
        context.close()


def test_at_the_cap_next_character_names_no_step_past_it(server, browser):
    """Played to its step cap, the run stops there for this session: the answers are the
    models' at the cap, and nothing asks to press a button that is greyed out."""
    link = (f"{server['url']}/text?v=2&task=text&seq_len=30&hidden_size=8&lr=0.01&max_steps=100"
            "&seed=77")
    context, page = open_page(browser, link)
    try:
        page.locator(".st-key-control_bar .stButton button").first.click()
        wait_for(lambda: step_count(page) == 100, timeout=120, what="the cap")
        wait_for(lambda: "The models as they are at step 100." in page.locator("body").inner_text(),
                 what="the answers at the cap")
        body = page.locator("body").inner_text()
        assert "Press Resume" not in body and "past your step cap" not in body
        assert page.locator(".st-key-control_bar .stButton button").first.is_disabled()
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "text_at_cap.png"))
    finally:
        context.close()


def test_a_malformed_link_opens_with_defaults_and_a_note(server, browser):
    query = "/?T=abc&lr=999&nonsense=1&models=Transformer&seed=" + "9" * 300
    context, page = open_page(browser, server["url"] + query)
    try:
        note = page.locator('[data-testid="stAlert"]').first.inner_text()
        for fragment in ("T='abc'", "lr='999'", "nonsense", "Transformer", "seed="):
            assert fragment in note
        assert "after 99 distractors" in page.get_by_text(re.compile("^Task:")).first.inner_text()
        no_exception(page)
    finally:
        context.close()


def _memory_mb(process) -> float:
    """The server's and its training worker's proportional set size: torch's libraries, shared
    by both processes, count once (as in ``bench --sessions``). A child that ends between
    being listed and being read counts 0 (one did, and failed a load run: no such process)."""
    return sum(_pss_mb(p.pid) for p in [process, *process.children(recursive=True)])


@pytest.mark.load
def test_four_pages_on_distinct_scenes_play_together_and_none_goes_blank(server, browser):
    """Four pages on four lengths (60-800), playing at once in a Chromium that shares the
    server's cores: every page keeps drawing (none blank, none with a console error) and trains,
    the server and its worker stay within a Cloud share of memory, and one page's Pause stops no
    one else. Before the live fragments kept one layout, two of
    four such pages went blank in five of six tries ("'setIn' cannot be called on an
    ElementNode"), and a blank page stops asking for ticks, so it stops training."""
    chromium = browser.browser_type.launch(executable_path=harness.CHROMIUM,
                                           args=harness.CHROMIUM_FLAGS)  # not niced
    try:
        sessions = open_pages(chromium, harness.distinct_scene_links(
            server["url"], DISTINCT[:4]))
        health = [harness.PageHealth(page, server["url"]) for _, page in sessions]
        pages = [page for _, page in sessions]
        for page in pages:
            page.locator(".st-key-control_bar").get_by_role("button", name="Start").click()
        watched, peak = time.monotonic() + 20, 0.0
        while time.monotonic() < watched:
            assert not [w for w in health if w.check_blank()], _health(health)
            peak = max(peak, _memory_mb(server["process"]))
            time.sleep(1.0)
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / "four_sessions.json").write_text(json.dumps({"peak_pss_mb": peak}))
        # Memory is not wall time: the bound is Community Cloud's, the 1 GB we allow ourselves
        # of its 2.7 GB.
        assert peak < CLOUD_LIMIT_MB, f"{peak:.0f} MB with four live sessions"
        assert all(step_count(page) > 0 for page in pages), _health(health)
        for lag, page in zip(DISTINCT, pages):
            assert f"the first of {lag} symbols" in \
                page.get_by_text(re.compile("^Task:")).first.inner_text()
        paused = pause_and_settle(pages[0])
        _each_moves_on(pages[1:], health)
        assert step_count(pages[0]) == paused  # one user's pause is not another's
        assert not [w for w in health if w.check_blank() or w.problems()], _health(health)
    finally:
        chromium.close()


DISTINCT = harness.DISTINCT_LAGS


def _health(health) -> str:
    return "; ".join(f"page {i + 1}: {'blank' if w.blank_at else 'drawn'}, errors {w.problems()}"
                     for i, w in enumerate(health))


def _each_moves_on(pages, health, ticks: int = 25) -> None:
    """Every page's counter moves within ``ticks`` live ticks (0.8 s each): a page that plays
    trains, whatever its neighbour does. Each is far from its step cap (10,000)."""
    before = [step_count(page) for page in pages]
    wait_for(lambda: all(step_count(p) > b for p, b in zip(pages, before)),
             timeout=ticks * TICK_SECONDS,
             what=f"every other page to move on from {before}: now "
                  f"{[step_count(p) for p in pages]}; {_health(health)}")


def _cpu_seconds(process, seconds: float) -> float:
    """CPU time the server and its worker use over ``seconds`` of wall time."""
    processes = [process, *process.children(recursive=True)]
    before = sum(_cpu_time(p) for p in processes)
    time.sleep(seconds)
    return sum(_cpu_time(p) for p in processes) - before


def _cpu_time(process) -> float:
    """User and system CPU seconds so far; 0 for a process that has ended."""
    try:
        return sum(process.cpu_times()[:2])
    except psutil.NoSuchProcess:
        return 0.0


@pytest.mark.perf
def test_a_closed_session_stops_training(server, browser):
    context, page = open_page(browser, f"{server['url']}/")
    control(page, "Start").click()
    wait_for(lambda: step_count(page) > 0, what="training to start")
    playing = _cpu_seconds(server["process"], 3)
    context.close()
    time.sleep(2)  # the last tick in flight finishes
    closed = _cpu_seconds(server["process"], 3)
    assert closed < 0.15 * playing, \
        f"{closed:.2f} s of CPU in 3 s once closed, {playing:.2f} s playing"


MINIMAL_APP = """import plotly.graph_objects as go
import streamlit as st

st.plotly_chart(go.Figure(go.Scatter(y=[1, 2, 3])))
"""


@pytest.mark.perf
def test_cold_start_is_measured_against_a_bare_streamlit_page(browser, tmp_path):
    bare = tmp_path / "bare.py"
    bare.write_text(MINIMAL_APP)
    ours, plain = harness.cold_start_seconds(browser), harness.cold_start_seconds(browser, app=bare)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "cold_start.json").write_text(json.dumps({"cold_start_s": ours, "bare_s": plain}))
    assert ours < 6 * plain, f"cold start {ours:.1f} s, a bare Streamlit chart {plain:.1f} s"


def _boxes(page, selector):
    return [b for b in (el.bounding_box() for el in page.locator(selector).all()) if b]


def _overlap(a, b) -> bool:
    return (a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
            and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"])


def test_a_link_to_a_page_that_does_not_exist_says_so(server, browser):
    """Only the app's note, no Streamlit pop-up over it, and a page link still takes a click;
    a link of 200 bad values lists a few and counts the rest, within a screen: on a phone, and
    the same page widened to a desktop."""
    size = PHONE
    junk = "&".join(f"junk{i}=1" for i in range(200))
    context, page = open_page(browser, f"{server['url']}/nosuchpage?{junk}", *size)
    try:
        notes = page.locator('[data-testid="stAlert"]')
        wait_for(lambda: "There is no page '/nosuchpage'" in " ".join(notes.all_inner_texts()),
                 what="the app's note")
        page.wait_for_timeout(1000)  # the pop-up came with the first run
        assert not page.locator('[data-testid="stDialog"]').filter(visible=True).count()
        assert "Page not found" not in page.locator("body").inner_text()
        said = next(n for n in notes.all_inner_texts() if "could not use" in n)
        assert "and 195 more" in said and said.count("junk") == 5
        box = notes.filter(has_text="could not use").first.bounding_box()
        assert box["height"] < size[1] / 2, box
        page.set_viewport_size({"width": 1400, "height": 1000})
        assert not page.locator('[data-testid="stDialog"]').filter(visible=True).count()
        page.locator(".st-key-page_links a").filter(has_text="Primer").click()
        wait_for(lambda: urlparse(address(page)).path == "/primer", what="the Primer")
        no_exception(page)
    finally:
        context.close()


@pytest.mark.parametrize("size, locale", [(PHONE, "ko-KR"), ((1400, 1000), "ko-KR"),
                                          ((1400, 1000), "en-US")],
                         ids=["phone-ko", "desktop-ko", "desktop-en"])
def test_the_bare_link_opens_in_the_browsers_language(server, browser, size, locale):
    """A Korean phone (ko-KR, Accept-Language: ko) on the bare link reads Korean, and lang=ko
    stays in the address and in every page link, through the story's set-up button (the
    report: once that tap turned the page English and dropped lang=ko). An English browser
    keeps the bare link bare."""
    korean = locale == "ko-KR"
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, locale=locale,
                                  extra_http_headers={"Accept-Language": locale[:2]},
                                  is_mobile=size == PHONE, has_touch=size == PHONE)
    page = context.new_page()
    try:
        visit(page, f"{server['url']}/")
        title = page.locator("h1").first.inner_text()
        assert bool(HANGUL.search(title)) == korean, title
        links = page.locator(".st-key-page_links a")
        if not korean:
            assert "lang" not in _query(address(page))
            assert all("lang=" not in (a or "") for a in
                       [links.nth(i).get_attribute("href") for i in range(links.count())])
            return
        wait_for(lambda: _query(address(page)).get("lang") == ["ko"], what="lang=ko")
        hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
        assert hrefs and all("lang=ko" in h for h in hrefs), hrefs
        links.first.click()  # the story, then its scene 1 set up
        set_up = page.get_by_role("button", name="장면 1 준비하기")
        set_up.wait_for(timeout=60_000)
        set_up.tap() if size == PHONE else set_up.click()
        page.get_by_role("radio").first.wait_for(timeout=60_000)
        wait_for(lambda: _query(address(page)).get("seq_len") == ["20"], what="scene 1's link")
        assert _query(address(page))["lang"] == ["ko"]
        assert HANGUL.search(page.locator("h1").first.inner_text())
        no_exception(page)
    finally:
        context.close()


@pytest.mark.load
def test_three_pages_on_one_link_each_play_and_keep_their_own_cursors(server, browser):
    """Three pages play one link at once, each moving its own counter; one page's Pause and
    Reset move no one else. Six pages, and how fast each goes beside one alone, are the
    benchmark's to measure (``python -m benchmarks.bench --pages 6``, ``--scenes``): here a
    shared CI machine's two cores draw every page too, and six took 2-3 minutes of the suite."""
    link = f"{server['url']}{harness.CLASS_LINK}"
    sessions = open_pages(browser, [link] * 3)
    pages = [p for _, p in sessions]
    try:
        for page in pages:
            start(page)
        together = rates(pages, seconds=5.0)
        assert all(r > 0 for r in together), together  # every page moves on by itself
        for page in pages:
            no_exception(page)
        pause_and_settle(pages[1], quiet=2.0)
        pages[1].locator(".st-key-control_bar").get_by_role("button", name="Reset").click()
        wait_for(lambda: step_count(pages[1]) == 0, what="the reset")
        others = {i: step_count(pages[i]) for i in (0, 2)}
        wait_for(lambda: all(step_count(pages[i]) > c for i, c in others.items()),
                 what="the other pages to go on")
        assert step_count(pages[1]) == 0  # one user's reset moves no one else, and stays put
        for page in pages:
            no_exception(page)
    finally:
        for context, _ in sessions:
            context.close()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "three_pages.json").write_text(json.dumps({"steps_per_s": together}))


def test_a_korean_prompt_gets_each_models_top_five_bars(server, browser):
    context, page = open_page(browser,
                              f"{server['url']}/text?v=2&task=text&seq_len=40&hidden_size=16")
    try:
        box = page.get_by_role("textbox", name="Prompt (Korean or English)")
        box.fill("엄마, 오늘 아침 일찍 동생 손을 잡고 학교에 갔")
        box.press("Control+Enter")  # a text area sends its value on Ctrl+Enter or on blur
        script = ("() => [...document.querySelectorAll('.js-plotly-plot')].filter(d => d.layout"
                  " && d.layout.title && d.layout.title.text.includes('top 5 next characters'))"
                  ".map(d => [d.layout.title.text, d.data[0].y.length, d.data[0].x[4]])")
        wait_for(lambda: page.locator(".st-key-prompt textarea").input_value().endswith("갔")
                 and len(page.evaluate(script)) == 2, what="two models' bars")
        wait_for(lambda: page.locator(".continuation").count() == 2 and all(
            "학교에 갔" in t for t in page.locator(".continuation").all_inner_texts()),
                 what="each model's continuation of the Korean prompt")
        bars = page.evaluate(script)
        assert [b[0].replace("<b>", "").split(":")[0] for b in bars] == ["RNN", "LSTM"]
        assert all(n == 5 and 0 < top <= 1 for _, n, top in bars)
        no_exception(page)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "text_korean_prompt.png"), full_page=True)
    finally:
        context.close()


def _sidebar_labels(page) -> set[str]:
    """The labels of the sidebar's widgets (what a student can change)."""
    return {t.strip() for t in page.locator(
        '[data-testid="stSidebar"] [data-testid="stWidgetLabel"]').all_inner_texts()}


def test_a_teachers_link_hides_and_locks_what_it_names(server, browser):
    """hide=seq_len,lr hides exactly those two; hide=settings hides every setting and Start
    still trains; with lock=1 nothing shows them again."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    try:
        visit(page, f"{server['url']}/?v=2&seq_len=40&hide=seq_len,lr")
        everything = {"Task", "Hidden size", "Optimizer", "Batch size", "Seed"}
        labels = _sidebar_labels(page)
        assert everything <= labels, labels
        assert not {"Sequence length (lag)", "Learning rate"} & labels, labels
        sidebar = page.locator('[data-testid="stSidebar"]')
        assert "sequence length (lag), learning rate" in sidebar.inner_text()
        assert not axe_serious(page, "race desktop en, settings hidden"), AXE_FOUND
        sidebar.get_by_role("button", name="Show all settings", exact=True).click()
        wait_for(lambda: "Learning rate" in _sidebar_labels(page), what="the settings back")

        visit(page, f"{server['url']}/?v=2&seq_len=40&hide=settings")
        assert not everything & _sidebar_labels(page)
        control(page, "Start").click()
        wait_for(lambda: step_count(page) > 0, what="training to start")
        assert sidebar.get_by_role("button", name="Show all settings", exact=True).count() == 1
        pause_and_settle(page, quiet=1.0)

        visit(page, f"{server['url']}/?v=2&seq_len=40&hide=settings&lock=1")
        assert not everything & _sidebar_labels(page)
        assert sidebar.get_by_role("button", name="Show all settings", exact=True).count() == 0
        assert "locks them" in sidebar.inner_text()
        no_exception(page)
    finally:
        context.close()


@pytest.mark.parametrize("size, lang", [((1400, 1000), "en"), (PHONE, "ko")],
                         ids=["desktop-en", "phone-ko"])
def test_a_students_link_keeps_the_hidden_seed_and_says_little(server, browser, size, lang):
    """hide=all_but_seq_len&lock=1 (the share box's one choice): no New seed (a hidden seed
    stays the class's), a short note naming what the latch uses, no "Hide from students"
    box; the sequence length and Start stay on the page. On a phone, a page link leaves the
    sidebar closed."""
    context, page = open_page(browser, f"{server['url']}/?v=3&hide=all_but_seq_len&lock=1"
                                       f"&lang={lang}", *size)
    try:
        sidebar = page.locator('[data-testid="stSidebar"]')
        words = {"en": ("New seed", "all settings except sequence length (lag)",
                        "Hide from students"),
                 "ko": ("새 시드", "시퀀스 길이(지연) 말고 모든 설정", "학생에게 숨길 설정")}[lang]
        assert sidebar.get_by_role("button", name=words[0]).count() == 0
        text = sidebar.inner_text()
        assert words[1] in text and words[2] not in text, text
        assert "hide=all_but_seq_len" in sidebar.locator('[data-testid="stCode"]').inner_text()
        bar = page.locator(".st-key-control_bar")
        assert bar.locator('[data-testid="stSlider"]').count() == 1
        assert bar.get_by_role("button").first.is_visible()
        if size == PHONE:  # a page link on a phone leaves the sidebar closed
            page.locator('.st-key-page_links a[href*="gradients"]').click()
            wait_for(lambda: urlparse(address(page)).path == "/gradients", what="Gradient flow")
            page.locator(CHART).first.wait_for(timeout=60_000)
            box = sidebar.bounding_box()
            assert box is None or box["x"] + box["width"] <= 1, f"the sidebar is open: {box}"
        no_exception(page)
    finally:
        context.close()


@pytest.mark.load
def test_three_sessions_predictions_appear_in_a_fourth_sessions_tally(server, browser):
    """Story scene 3 (its own run, which no other test uses): three readers predict, a fourth
    predicts and reads how the class predicted."""
    link = f"{server['url']}/story?scene=3&v=2&forget_bias=0&memory_init=constant&max_steps=300"
    sessions = open_pages(browser, [link] * 4, ready=READY["story"])
    try:
        for (_, page), choice in zip(sessions, ("Neither", "Neither", "Both", "Neither")):
            page.get_by_text(choice, exact=True).click()
            page.locator(CHART).first.wait_for(timeout=60_000)
        page = sessions[3][1]  # it predicted last: its page drew every session's prediction
        said = wait_for(lambda: next((t for t in page.locator('[data-testid="stCaptionContainer"]')
                                      .all_inner_texts() if "How the class predicted" in t), None),
                        what="the class's tally")
        assert "3 of 4 “Neither”" in said and "1 of 4 “Both”" in said, said
    finally:
        for context, _ in sessions:
            context.close()


def _training_worker(server) -> psutil.Process:
    """The server's training worker process (lstm_viz.serving.worker_process)."""
    return wait_for(lambda: next((c for c in server["process"].children(recursive=True)
                                  if "lstm_viz.serving.worker_process" in " ".join(c.cmdline())),
                                 None),
                    what="the training worker")


@pytest.mark.load
def test_a_killed_worker_under_a_playing_page_is_replaced_and_the_counter_moves_on(server, browser):
    context, page = open_page(browser, f"{server['url']}/?v=3&seq_len=20&hidden_size=8"
                                       "&seed=5151&max_steps=10000")
    try:
        page.locator(".st-key-control_bar").get_by_role("button", name="Start").click()
        wait_for(lambda: step_count(page) > 20, what="the page to train")
        _training_worker(server).kill()
        killed_at = step_count(page)
        wait_for(lambda: step_count(page) > killed_at + 20, timeout=45,
                 what="the counter to move on")
        no_exception(page)
    finally:
        context.close()


@pytest.mark.load
def test_a_frozen_worker_lets_pause_take_and_another_page_draw_then_goes_on(server, browser):
    (one, page), (two, other) = open_pages(browser, [
        f"{server['url']}/?v=3&seq_len=20&hidden_size=8&seed={seed}&max_steps=10000"
        for seed in (5252, 5353)])
    worker = _training_worker(server)
    try:
        step = other.locator(".st-key-control_bar").get_by_role("button", name="Step ×10")
        step.click()  # its step time measured: a stalled Step gives up after 20 s, not 120
        wait_for(lambda: step_count(other) == 10, what="the other page's first steps")
        page.locator(".st-key-control_bar").get_by_role("button", name="Start").click()
        wait_for(lambda: step_count(page) > 20, what="the page to train")
        worker.suspend()  # SIGSTOP
        control(page, "Pause").click()
        wait_for(lambda: control(page, "Resume").count() == 1, timeout=15, what="Pause to take")
        step.click()
        wait_for(lambda: other.get_by_text("Training is held up").count() > 0, timeout=45,
                 what="the other page to say training is held up")
        other.screenshot(path=str(ARTIFACTS / "worker_held_up.png"))
        worker.resume()  # SIGCONT: the same worker goes on
        paused = step_count(page)
        control(page, "Resume").click()
        wait_for(lambda: step_count(page) > paused + 20, timeout=45, what="the run to go on")
        for p in (page, other):
            no_exception(p)
    finally:
        if worker.status() == psutil.STATUS_STOPPED:
            worker.resume()
        one.close()
        two.close()


def _plots(page) -> list[dict]:
    """Every plotly chart on the page as drawn: its title, its y axis (range, type) and the
    y tick labels in view, read from plotly's own objects and the SVG."""
    return page.evaluate("""() => [...document.querySelectorAll('.js-plotly-plot')].map(d => ({
        title: (d.layout.title && d.layout.title.text) || '',
        yrange: d._fullLayout.yaxis.range, ytype: d._fullLayout.yaxis.type,
        yticks: [...d.querySelectorAll('.ytick text')].map(e => e.textContent),
        names: d.data.map(trace => trace.name || '')}))""")


def _plot(page, title_start: str) -> dict:
    """The chart whose title (its words, without markup) starts with ``title_start``."""
    def found():
        return next((p for p in _plots(page)
                     if re.sub("<[^>]+>", "", p["title"]).startswith(title_start)), None)
    return wait_for(found, what=f"a chart titled {title_start!r}")


def _story_scene(server, browser, n: int, lang: str, size: tuple[int, int]):
    """Scene ``n`` opened from its own link in ``lang`` at ``size``, its first outcome
    predicted (the run's charts then show)."""
    values = links.widget_values(story.scene_at(n).config)
    link = f"{server['url']}/story?{links.share_query({**values, 'scene': str(n)})}&lang={lang}"
    context, page = open_page(browser, link, *size, ready=READY["story"])
    page.locator('[data-testid="stRadio"] [role="radiogroup"] label').first.click()
    page.locator(CHART).first.wait_for(timeout=60_000)
    return context, page


def _play_to(page, cap: int) -> None:
    """Step ×100 until the counter reaches ``cap``."""
    slider = page.locator(".st-key-step_n input").first
    for _ in range(5):
        slider.press("ArrowRight")  # 100 steps a click
    button = page.locator(".st-key-bar_step button:visible").first
    wait_for(lambda: "100" in button.inner_text(), what="100 steps a click")
    for goal in range(100, cap + 1, 100):
        button.click()
        wait_for(lambda: _counter(page) >= goal, timeout=120, what=f"step {goal}")


def _switch_language(page, name: str) -> None:
    """Pick ``name`` ('한국어', 'English') in the sidebar's language switch (open on a
    desktop)."""
    page.locator(".st-key-lang").click()
    page.get_by_role("option", name=name).click()


def _counter(page) -> int:
    """The counter's step in any language: '120 / 600' ('step 120 / 600', '120 / 600단계')."""
    found = re.search(r"(\d+)\s*/", page.locator(STEP).first.inner_text().replace(",", ""))
    return int(found.group(1)) if found else -1


def test_the_story_draws_the_error_signal_by_step_and_reach_bars_from_a_stated_floor(
        server, browser):
    """Scene 6 once drew 'Error signal reaching step 1' from the bottom of an axis down to
    10^-126 and up to 10^21: the RNN's 3.7e-21 looked almost as tall as the LSTM's 0.004. Its
    bars now start a decade below the smallest share and stop at 1; beside them the error
    signal against the time step, one line per model (and the LSTM's cell state). Read in
    English on a desktop, then in Korean narrowed to a phone."""
    context, page = _story_scene(server, browser, 6, "en", (1400, 1000))
    shares = [k.grad_ratio for k in _step_zero_probes(story.scene_at(6)).values()]
    floor = int(np.floor(np.log10(min(shares)))) - 1
    try:
        for lang in ("en", "ko"):
            if lang == "ko":
                _switch_language(page, "한국어")
                page.set_viewport_size({"width": PHONE[0], "height": PHONE[1]})
            i18n.use(lang)
            reach = _plot(page, t("panels.race_reach", step=0, n=8).split("(")[0])
            assert reach["ytype"] == "log" and round(reach["yrange"][0]) == floor
            assert "1" in reach["yticks"]  # the top, and no tick above it: 10, 10², ...
            assert not [x for x in reach["yticks"] if re.fullmatch("10[⁰¹²³⁴⁵⁶⁷⁸⁹]*", x)]
            signal = _plot(page, t("panels.error_signal", step=0).split("(")[0])
            assert [n for n in signal["names"] if "‖" in n][:3] == [
                "RNN ‖∂L/∂h_t‖", "LSTM ‖∂L/∂h_t‖", t("figures.grad_c", model="LSTM")]
            wait_for(lambda: t("panels.signal_note", step=0, parts="")[:12]
                     in page.locator("body").inner_text(), what=f"the note in {lang}")
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / f"story_scene6_{lang}.png"))
    finally:
        i18n.use(None)
        context.close()


def _step_zero_probes(scene) -> dict:
    trainer = LockstepTrainer(scene.config)
    return trainer.snapshots[0].probes


def test_scene_8_says_what_its_run_did_when_the_loss_spiked(server, browser):
    """Scene 8 once said that with clipping no update 'could throw the weights away' beside
    its own loss spiking 7× (5.03 from 0.676 at step 38). Its words now are the run's: the
    spike, the bounded steps, the step it learned the latch at. One run, read in Korean and
    in English, on a desktop and narrowed to a phone."""
    scene = story.scene_at(8)
    trainer = LockstepTrainer(scene.config)
    trainer.train_to(scene.config.max_steps)
    trainer.take_snapshot()
    context, page = _story_scene(server, browser, 8, "ko", (1400, 1000))
    box = page.locator('[data-testid="stAlertContentSuccess"]')
    try:
        _play_to(page, scene.config.max_steps)
        for lang in ("ko", "en"):
            if lang == "en":
                _switch_language(page, "English")
            i18n.use(lang)
            expected = story.explanation(scene, trainer.view(), scene.choices()[0])
            wait_for(lambda: box.count() == 1 and expected[-1] in box.inner_text(), timeout=60,
                     what=f"the explanation in {lang}")
            for line in expected:
                assert line.replace("**", "") in box.inner_text()
        assert "spiked to 5.03 at step 38" in box.inner_text()
        assert "throw the weights away" not in box.inner_text()
        page.set_viewport_size({"width": PHONE[0], "height": PHONE[1]})
        box.scroll_into_view_if_needed()
        shown = box.bounding_box()
        assert shown["x"] >= 0 and shown["x"] + shown["width"] <= PHONE[0], shown
        page.screenshot(path=str(ARTIFACTS / "story_scene8_phone.png"))
    finally:
        i18n.use(None)
        context.close()


ISSUE32 = ARTIFACTS / "issue32"
LONG_LAG = "/?v=3&seq_len=1000&seed=7"
# The note under the verdict at lag 1000 (present/expectation.py), before and once a pace is
# measured; the numbers are the reference sweep's, checked in tests/test_expectation.py.
EXPECTS = {"en": ("usually needs 325–400 steps", "steps a second"),
           "ko": ("325–400단계", "초당")}


def _loss_labels(page, at: str) -> list[str]:
    """The y tick labels of the race's loss chart once it has at least two."""
    title = t("figures.loss")
    return wait_for(lambda: len(_plot(page, title)["yticks"]) >= 2 and _plot(page, title)["yticks"],
                    what=f"two y labels on the loss chart {at}")


def test_a_lag_1000_race_says_what_the_lstm_usually_needs_and_how_long_on_a_desktop_and_a_phone(
        server, browser):
    """Issue 32, item 5: at lag 1000 the verdict said 'both at chance' for minutes, silent on
    what to expect. One page load: before Start the note quotes the reference's steps; playing,
    it adds the time at the page's own pace; in Korean and narrowed to a phone it stays whole
    on screen (artifacts/issue32/lag1000_<lang>_<size>.png). Item 3: with every training loss
    near chance (ln 2), the one-decade tick rule of 1, 2, 3 and 5 × 10ⁿ put no label on the
    loss axis; it has two or more, on a desktop and a phone."""
    ISSUE32.mkdir(parents=True, exist_ok=True)
    context, page = open_page(browser, f"{server['url']}{LONG_LAG}")
    try:
        for lang in ("en", "ko"):
            i18n.use(lang)
            steps, pace = EXPECTS[lang]
            if lang == "ko":
                _switch_language(page, "한국어")
            note = page.locator(
                '[data-testid="stCaptionContainer"], [data-testid="stAlert"]').filter(
                has_text=steps)  # a caption, or a warning where this machine makes the run slow
            note.first.wait_for(timeout=30_000)
            if lang == "en":
                page.locator(".st-key-control_bar button").first.click()  # Start
            wait_for(lambda: pace in note.first.inner_text(), timeout=60,
                     what="the time at this page's pace")
            wait_for(lambda: _counter(page) >= 10, timeout=120, what="ten steps")
            labels = _loss_labels(page, f"in {lang} on a desktop")
            assert all(0.1 <= float(label) <= 2 for label in labels), labels
        page.screenshot(path=str(ISSUE32 / "lag1000_ko_desktop.png"), full_page=True)
        page.set_viewport_size({"width": PHONE[0], "height": PHONE[1]})
        labels = _loss_labels(page, "on a phone")
        assert all(0.1 <= float(label) <= 2 for label in labels), labels
        note.first.scroll_into_view_if_needed()
        box = note.first.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE[0], box
        assert pace in note.first.inner_text()
        page.screenshot(path=str(ISSUE32 / "lag1000_ko_phone.png"))
        no_exception(page)
    finally:
        i18n.use(None)
        context.close()


def test_after_pause_the_snapshot_names_the_step_the_counter_shows(server, browser):
    """Paused at 320, Inside said 'step 300': a live tick trains ahead of the step it shows,
    so the weights had moved on and Pause could not probe there. Pause now stands where this
    session's weights are and probes them. Played and paused from the page's own bar on a
    phone; the same on a desktop."""
    context, page = open_page(browser, f"{server['url']}/inside?v=3&seed=11", *PHONE)
    try:
        play = page.locator(".st-key-start button:visible").first
        play.click()
        wait_for(lambda: step_count(page) >= 40, timeout=120, what="forty steps")
        play.click()  # Pause
        wait_for(lambda: "Resume" in play.inner_text(), what="Pause to take")
        stopped = wait_settled(page, quiet=2.0)
        for width, height in (PHONE, (1400, 1000)):
            page.set_viewport_size({"width": width, "height": height})
            title = _plot(page, "LSTM input gate")["title"]
            assert f"(step {stopped})" in title and step_count(page) == stopped, (stopped, title)
    finally:
        context.close()


MENU_ITEMS = """() => [...document.querySelectorAll(\
'[data-testid^="stMainMenuItem"], [role^="menuitem"]')]
    .map(e => e.innerText.trim())"""
BACKGROUND = "() => getComputedStyle(document.querySelector('.stApp')).backgroundColor"


def _luminance(rgb: str) -> float:
    """WCAG relative luminance of a CSS 'rgb(r, g, b)'."""
    channels = [int(c) / 255 for c in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_a_reader_who_prefers_dark_gets_the_light_theme_and_no_theme_choice(server, browser):
    """Issue 32, item 9a: the theme is light only (.streamlit/config.toml; docs/pages.md says
    why). A browser that prefers dark still gets the white page its colours were measured on,
    and Streamlit's menu offers no Light/Dark/System choice, at a desktop's width and a
    phone's; captions keep 4.5:1 on that white."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, color_scheme="dark")
    page = context.new_page()
    try:
        visit(page, f"{server['url']}/")
        for width, height in ((1400, 1000), PHONE):
            page.set_viewport_size({"width": width, "height": height})
            background = page.evaluate(BACKGROUND)
            assert background == "rgb(255, 255, 255)", background
            page.locator('[data-testid="stMainMenu"]').click()
            page.locator('[data-testid="stMainMenuPopover"]').wait_for()
            items = page.evaluate(MENU_ITEMS)
            assert items and not {"Light", "Dark", "System"} & set(items), items
            page.keyboard.press("Escape")
            caption = page.locator('[data-testid="stCaptionContainer"]').first
            colour = caption.evaluate("e => getComputedStyle(e).color")
            ratio = (1.05) / (_luminance(colour) + 0.05)
            assert ratio >= 4.5, (colour, ratio)
            page.screenshot(path=str(ISSUE32 / f"prefers_dark_{width}.png"))
        no_exception(page)
    finally:
        context.close()
