"""LSTM vs RNN, live: the entry point.

Shared sidebar settings (bound to the URL), the session's cursor into a run shared by every
session on the same settings, then st.navigation over the pages of the story: race -> inside
the LSTM -> gradient flow -> memory horizon -> next character -> prices -> primer.
"""

import streamlit as st
import torch

from lstm_viz.i18n import t
from lstm_viz.serving.sessions import limit_malloc_arenas
from views import address, language, share, shared, sidebar, state

torch.set_num_threads(1)  # tiny matrices: one thread is faster, and sessions share 2 cores
limit_malloc_arenas()  # one Python process serves every session thread

st.set_page_config(page_title="LSTM vs RNN, live", page_icon=":material/memory:", layout="wide")
language.picker()
st.html(shared.PAGE_STYLE)

PAGES = [
    st.Page("views/story.py", title=t("page.story"), icon=":material/auto_stories:",
            url_path="story"),
    st.Page("views/race.py", title=t("page.race"), icon=":material/sprint:", default=True),
    st.Page("views/inside.py", title=t("page.inside"), icon=":material/memory:", url_path="inside"),
    st.Page("views/gradients.py", title=t("page.gradients"), icon=":material/trending_down:",
            url_path="gradients"),
    st.Page("views/horizon.py", title=t("page.horizon"), icon=":material/straighten:",
            url_path="horizon"),
    st.Page("views/prompt.py", title=t("page.text"), icon=":material/translate:",
            url_path="text"),
    st.Page("views/prices.py", title=t("page.prices"), icon=":material/show_chart:",
            url_path="prices"),
    st.Page("views/primer.py", title=t("page.primer"), icon=":material/school:",
            url_path="primer"),
]
# The page links sit at the top of the page itself: on a phone, navigation in the sidebar left
# the sidebar open over the page after a page was chosen.
navigation = st.navigation(PAGES, position="hidden")
# A newcomer (the plain address, nothing trained yet) is offered the story first.
cursor = state.CURSOR.get()
newcomer = (navigation.url_path == "" and not set(st.query_params) - {"lang"}
            and (cursor is None or cursor.step == 0) and not state.PLAYING.get())
lang = language.link_language()  # kept in each page's link, as in the address
with st.container(horizontal=True, key=state.PAGE_LINKS, gap="small"):
    for page in PAGES:
        label = t("story.newcomer") if newcomer and page is PAGES[0] else page.title.split(":")[0]
        st.page_link(page, label=label, icon=page.icon, width="content",
                     query_params={"lang": lang} if lang else None)
controls = st.sidebar.container()  # drawn above the settings, filled once they are read
config = sidebar.run_config()
if config is None:
    st.stop()
with controls:
    shared.training_controls(shared.cursor_for(config))
share.box([page.url_path for page in PAGES])
address.unknown_page_note([page.url_path for page in PAGES])
navigation.run()
