"""``python -m dyad``: the same command line as ``dyad``."""

from dyad.cli import app

app(prog_name="dyad")
