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
    assert "lang=en" in at.get("code")[-1].value  # chosen: kept, though English is the default
    assert at.query_params["lang"] == "en"


def test_the_browsers_locale_picks_the_language_when_the_link_has_none():
    """A Korean phone (navigator.language ko-KR) on the bare link opens in Korean, and its page
    links and share link carry lang=ko; a link's lang= wins over the locale."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.context = {"locale": "ko-KR"}
    at.run()
    assert not at.exception, at.exception
    assert at.selectbox(key="lang").value == "ko"
    assert re.search("[\uac00-\ud7a3]", at.title[0].value), at.title[0].value
    assert at.query_params["lang"] == "ko"
    assert "lang=ko" in at.get("code")[-1].value
    links = [link.proto.query_string for link in at.get("page_link")]
    assert links and all(q == "lang=ko" for q in links)
    english = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    english.context = {"locale": "ko-KR"}
    english.query_params["lang"] = "en"
    english.run()
    assert english.selectbox(key="lang").value == "en" and english.query_params["lang"] == "en"


def test_an_english_browser_on_the_bare_link_keeps_the_bare_link():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.context = {"locale": "en-US"}
    at.run()
    assert at.selectbox(key="lang").value == "en" and "lang" not in at.query_params
    assert "lang=" not in at.get("code")[-1].value


def test_a_rerun_that_lost_the_switch_and_the_query_keeps_the_language():
    """A page link's rerun carries no query, and on a page change Streamlit may drop a
    widget's state: the session's language still holds (the report: a tap on "장면 1
    준비하기" turned the page English and dropped lang=ko)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.session_state["language"] = "ko"  # what the session kept; the switch's state is gone
    at.switch_page("views/story.py").run()  # no query, an English browser
    assert not at.exception, at.exception
    assert at.title[0].value == TABLES["ko"]["story.title"]
    assert at.query_params["lang"] == "ko"


@pytest.mark.parametrize("locale, header, language", [
    ("ko-KR", None, "ko"), ("ko", None, "ko"), ("en-US", "ko", "en"), (None, "ko,en;q=0.8", "ko"),
    ("fr-FR", "fr, ko;q=0.5", "ko"), ("fr-FR", None, None), (None, None, None)])
def test_from_browser_reads_the_locale_then_accept_language(locale, header, language):
    assert i18n.from_browser(locale, header) == language


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
