"""The gradients, horizon, prompt, prices and primer pages in Korean: each opens without an
exception, under its Korean title, and keeps working after a training step (the prompt and
prices pages first switch to their own task, as their button does)."""

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lstm_viz.i18n import TABLES

APP = str(Path(__file__).resolve().parents[1] / "app.py")
HANGUL = re.compile("[\uac00-\ud7a3]")
PAGES = [("gradients", None), ("horizon", None), ("primer", None),
         ("prompt", "use_text"), ("prices", "use_prices")]


@pytest.mark.parametrize("page, use", PAGES)
def test_page_opens_in_korean_and_steps(page, use):
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in {"lang": "ko", "seq_len": "30", "hidden_size": "8",
                       "max_steps": "100"}.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(f"views/{page}.py").run()
    assert not at.exception, at.exception
    assert at.title[0].value == TABLES["ko"][f"{page}.title"]
    assert HANGUL.search(at.title[0].value)
    assert HANGUL.search(at.markdown[0].value)  # the page's opening text
    if use:
        at.button(key=use).click().run()
        assert not at.exception, at.exception
    at.button(key="step").click().run()
    assert not at.exception, at.exception
    assert at.title[0].value == TABLES["ko"][f"{page}.title"]
    shown = " ".join(m.value for m in at.markdown)
    english = [key for key, text in TABLES["en"].items()
               if key.startswith(f"{page}.") and len(text) > 40 and "{" not in text
               and text in shown]
    assert not english, english  # no English page text left on the Korean page


def test_the_play_action_has_one_korean_name_in_the_sidebar_and_the_page_bar():
    """시작, then 일시정지, then 계속: the same word in the sidebar (``play``) and the page's
    own bar (``start``) at each moment (the browser test clicks the same in English)."""
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in {"lang": "ko", "seq_len": "10", "hidden_size": "8"}.items():
        at.query_params[key] = value
    at.run()
    names = [TABLES["ko"][f"controls.{name}"] for name in ("start", "pause", "resume")]
    assert (at.button(key="play").label, at.button(key="start").label) == (names[0], names[0])
    at.button(key="start").click().run()
    assert (at.button(key="play").label, at.button(key="start").label) == (names[1], names[1])
    at.button(key="play").click().run()
    assert not at.exception, at.exception
    assert (at.button(key="play").label, at.button(key="start").label) == (names[2], names[2])
