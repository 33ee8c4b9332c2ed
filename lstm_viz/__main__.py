"""Entry point: python -m lstm_viz."""

import sys

from .cli import main

sys.exit(main())
