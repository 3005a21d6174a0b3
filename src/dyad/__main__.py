"""``python -m dyad``: the same command line as ``dyad``."""

from dyad.cli import app

# Guarded: a process started with ``spawn`` (the server's writer) imports this module again.
if __name__ == "__main__":
    app(prog_name="dyad")
