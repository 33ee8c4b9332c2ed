"""lstm_viz: train a vanilla RNN, an LSTM and a GRU side by side and look inside them.

No Streamlit here: the library is usable from a notebook, the CLI (python -m lstm_viz) and the
app's pages alike.
"""

from lstm_viz.core.config import RunConfig
from lstm_viz.core.training import LockstepTrainer

__all__ = ["RunConfig", "LockstepTrainer"]
