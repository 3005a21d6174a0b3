"""The notebook API: ``dyad.code``, ``dyad.Store`` and the README's worked example."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import dyad
from dyad.store import Store

ROOT = Path(__file__).resolve().parents[1]


def _readme_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- notebook-example[^>]*-->\n```python\n(.*?)```", readme, re.S)
    assert m, "README lost its notebook example"
    return m.group(1)


def test_readme_notebook_example_runs(
    examples_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    # The example opens examples-demo.db in the working directory: give it the examples.
    db = examples_store.url.removeprefix("sqlite:///")
    (tmp_path / "examples-demo.db").symlink_to(db)
    monkeypatch.chdir(tmp_path)
    scope: dict[str, object] = {}
    exec(compile(_readme_example(), "README.md", "exec"), scope)  # noqa: S102
    out = capsys.readouterr().out
    assert "CONSULT" in out and "my-article-1" in out
    events = scope["events"]
    assert events and all(e.source_id == "my-article-1" for e in events)  # type: ignore[attr-defined]
    assert scope["table"].num_rows == len(events)  # type: ignore[attr-defined, arg-type]
    stored = scope["stored"]
    assert stored and all(  # type: ignore[attr-defined]
        "PER" in {a.country for a in e.actors + e.recipients}
        for e in stored  # type: ignore[attr-defined]
    )


def test_code_carries_each_texts_id_and_checks_the_ids() -> None:
    texts = [
        "Chinese President Xi Jinping met Peruvian President Dina Boluarte in Lima on Thursday.",
        "Brazilian President Lula da Silva met Xi Jinping in Beijing on Friday.",
    ]
    events = dyad.code(texts, published="2024-11-15", ids=["a", "b"])
    assert {e.source_id for e in events} == {"a", "b"}
    with pytest.raises(ValueError, match="1 ids for 2 texts"):
        dyad.code(texts, ids=["a"])
    with pytest.raises(ValueError, match="one id for several texts"):
        dyad.code(texts, ids="a")


def test_to_pandas_without_pandas_says_how_to_get_it() -> None:
    try:
        import pandas  # noqa: F401
    except ImportError:
        with pytest.raises(ImportError, match=r"pip install 'dyad\[pandas\]'"):
            dyad.Events().to_pandas()
    else:
        frame = dyad.code("Xi Jinping met Dina Boluarte in Lima.", published="2024-11-15")
        assert "date.start" in frame.to_pandas().columns


def test_store_of_a_missing_file_is_an_error(tmp_path: Path) -> None:
    from dyad.store import NoStoreError

    with pytest.raises(NoStoreError):
        dyad.Store(str(tmp_path / "nothing.db"))


def test_import_dyad_loads_no_coder() -> None:
    code = "import sys, dyad; print('spacy' in sys.modules, 'dyad.notebook' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        dyad.nothing  # noqa: B018


def test_python_dash_m_dyad_and_dash_h() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "dyad", "export", "-h"], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert "--format" in out.stdout and "Usage: dyad export" in out.stdout
