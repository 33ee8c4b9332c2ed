"""The language tables: both complete, the same fields in both, every key the code uses exists,
and the switch in the sidebar is kept in the link."""

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lstm_viz import i18n
from lstm_viz.i18n import TABLES, fields_of, t
from lstm_viz.present.story import SCENES

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [*ROOT.glob("app.py"), *ROOT.glob("views/*.py"), *ROOT.glob("lstm_viz/*.py")]
LITERAL_KEY = re.compile(r"""\bt\(\s*["']([\w.]+)["']""")
HANGUL = re.compile("[\uac00-\ud7a3]")


def test_both_languages_have_every_key():
    assert set(TABLES["en"]) == set(TABLES["ko"])


@pytest.mark.parametrize("key", sorted(TABLES["en"]))
def test_every_text_takes_the_same_fields_in_both_languages(key):
    assert fields_of(TABLES["en"][key]) == fields_of(TABLES["ko"][key]), key


def test_korean_texts_are_korean_and_english_texts_are_not():
    words = {k: re.sub(r"\{\w+\}", "", text) for k, text in TABLES["ko"].items()}  # fields aside
    untranslated = [k for k, text in words.items()
                    if not HANGUL.search(text) and text == re.sub(r"\{\w+\}", "", TABLES["en"][k])
                    and re.search("[a-z]{4}", text)]
    assert not untranslated, untranslated
    assert not [k for k, text in TABLES["en"].items() if HANGUL.search(text)]


def test_every_key_the_code_asks_for_exists():
    used = {key for path in SOURCES for key in LITERAL_KEY.findall(path.read_text())}
    used |= {f"story.{scene.key}.{part}" for scene in SCENES for part in ("title", "setup", "why")}
    assert used, "found no t(...) calls"
    assert not used - set(TABLES["en"]), sorted(used - set(TABLES["en"]))


def test_t_follows_the_chosen_language_and_fills_fields():
    try:
        i18n.use("ko")
        assert t("story.scene_of", n=2, total=6, title="x") == "장면 2/6: x"
        i18n.use("en")
        assert t("story.scene_of", n=2, total=6, title="x") == "Scene 2 of 6: x"
    finally:
        i18n.use(None)
    assert i18n.language() == "en"


def test_a_korean_link_opens_the_app_in_korean_and_keeps_the_language():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["lang"] = "ko"
    at.run()
    at.switch_page("views/story.py").run()
    assert not at.exception, at.exception
    assert at.title[0].value == TABLES["ko"]["story.title"]
    assert at.selectbox(key="lang").value == "ko"
    assert "lang=ko" in at.get("code")[-1].value  # the share box's link
    at.selectbox(key="lang").set_value("en").run()
    assert at.title[0].value == TABLES["en"]["story.title"]
    assert "lang=" not in at.get("code")[-1].value


@pytest.mark.parametrize("params,note", [({"lang": "xx"}, "lang='xx' (not one of en, ko)"),
                                         ({"scene": "9"}, "scene='9' (not one of 1, 2, 3")])
def test_a_malformed_language_or_scene_opens_with_the_default_and_a_note(params, note):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    assert note in at.info[0].value
    assert at.selectbox(key="lang").value == "en"
    at.switch_page("views/story.py").run()
    assert not at.exception, at.exception
    assert at.title[0].value == TABLES["en"]["story.title"]
