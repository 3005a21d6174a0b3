"""Optional dependencies: a feature whose extra is not installed says which to install.

The extras are installed here (``make test`` installs ``.[all,dev]``), so a missing package is
simulated the way Python itself allows: ``sys.modules[name] = None`` makes its import fail.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dyad.optional import MissingExtra, require
from dyad.store import Store
from dyad.store.database import create_engine


def test_require_returns_the_module() -> None:
    import json

    assert require("json", extra="parquet", feature="x") is json


def test_require_of_a_missing_module_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(MissingExtra) as caught:
        require("pyarrow", extra="parquet", feature="export --format parquet")
    assert str(caught.value) == (
        "export --format parquet needs pyarrow, which is not installed: pip install 'dyad[parquet]'"
    )
    assert isinstance(caught.value, ImportError)  # `except ImportError` catches it too


def test_a_distribution_is_named_as_pip_knows_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "jinja2", None)
    with pytest.raises(MissingExtra, match=r"needs Jinja2, .*'dyad\[api\]'"):
        require("jinja2", extra="api", feature="the web UI")


def test_postgres_store_without_psycopg(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(MissingExtra, match=r"PostgreSQL store needs psycopg.*'dyad\[postgres\]'"):
        create_engine("postgresql+psycopg://u:secret@127.0.0.1:1/none")


def test_parquet_export_without_pyarrow(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    with Store.open(str(tmp_path / "s.db"), create=True) as store:
        monkeypatch.setitem(sys.modules, "pyarrow", None)
        with pytest.raises(MissingExtra, match=r"'dyad\[parquet\]'"):
            store.export("parquet", out)
    assert [p.name for p in tmp_path.iterdir() if "parquet" in p.name] == []  # not even a part


def test_dask_without_distributed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from dyad.scale import code_on_dask

    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(MissingExtra, match=r"ingest --dask needs distributed.*'dyad\[dask\]'"):
        code_on_dask([], tmp_path / "parts")
    assert not (tmp_path / "parts").exists()  # refused before any work


# The CLI in a fresh interpreter: dyad.api checks its packages when first imported.
_CLI = (
    "import sys\n"
    "for name in sys.argv[1].split(','):\n"
    "    sys.modules[name] = None\n"
    "from dyad.cli import app\n"
    "app(sys.argv[2:], prog_name='dyad')\n"
)


def _dyad_without(modules: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _CLI, modules, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "DYAD_CONFIG": str(cwd / "config"), "HOME": str(cwd)},
    )


@pytest.mark.parametrize(
    ("missing", "args"),
    [
        ("fastapi", ["serve", "--create", "--db", "s.db", "--get", "/api/health"]),
        ("uvicorn", ["serve", "--create", "--db", "s.db", "--get", "/api/health"]),
        ("fastapi", ["token", "create"]),
    ],
)
def test_cli_without_the_api_extra_says_one_line(
    tmp_path: Path, missing: str, args: list[str]
) -> None:
    done = _dyad_without(missing, *args, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines() == [
        f"error: the API and web UI (dyad serve) needs {missing}, which is not installed: "
        "pip install 'dyad[api]'"
    ]
    assert not (tmp_path / "config" / "token").exists()
