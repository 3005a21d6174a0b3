"""The ``dyad`` command line: thin wrappers that compose library calls and render results.

Only this package talks to the terminal; stages return values or raise ``DyadError``.
One command per module; each registers itself on ``app`` when imported below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

if TYPE_CHECKING:
    from rich.console import Console
    from typer import Context
    from typer.core import TyperOption


class Group(TyperGroup):
    """A command group whose own -h, when not given, is False rather than None. Typer
    validates a None flag through Pydantic, which ``dyad code --help`` then imports for
    nothing: a third of its time."""

    def get_help_option(self, ctx: Context) -> TyperOption | None:
        option = super().get_help_option(ctx)
        if option is not None and option.default is None:
            option.default = False
        return option


app = typer.Typer(
    cls=Group,
    help="Dyad: code news reports into PLOVER event records, each tied to its sentence.",
    no_args_is_help=True,
    add_completion=False,
    # -h as well as --help, as most Unix tools take it, on every command.
    context_settings={"help_option_names": ["-h", "--help"]},
    # Plain help and usage errors, as click and argparse print them: Typer's Rich panels
    # cost --help about 0.2 s of CPU (Rich's Markdown, Pygments), more than all the rest.
    rich_markup_mode=None,
)


class _Stderr:
    """Where messages go: a Rich console on stderr, unstyled and unwrapped so they can be
    grepped and tested. It is made on first use, not at import: ``dyad --version`` never
    prints through it, and importing rich.console is a tenth of its time."""

    def __init__(self) -> None:
        self._console: Console | None = None

    @property
    def console(self) -> Console:
        if self._console is None:
            from rich.console import Console

            self._console = Console(stderr=True, highlight=False, markup=False, soft_wrap=True)
        return self._console

    @property
    def is_terminal(self) -> bool:
        return self.console.is_terminal

    def print(self, *objects: Any, **options: Any) -> None:
        self.console.print(*objects, **options)


err = _Stderr()


DetectionOption = Annotated[
    str | None,
    typer.Option(help="Who finds triggers: combined (default), model or rules (lexicon)."),
]


def check_detection(detection: str | None) -> None:
    """Exit 2 with the choices when ``--detection`` names none of them."""
    from dyad.events.candidates import DETECTIONS

    if detection is not None and detection not in DETECTIONS:
        err.print(f"error: --detection must be one of {', '.join(DETECTIONS)}, not {detection!r}")
        raise typer.Exit(2)


def progress_bar(description: str, total: int | None, *, quiet: bool):  # type: ignore[no-untyped-def]
    """The progress bar every long command shows on stderr: count, documents/s, time."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        """Documents per second since the start. Rich's own speed estimate is not used:
        results arrive a batch at a time, and a burst would read as thousands per second."""

        def render(self, task) -> Text:  # type: ignore[no-untyped-def]
            if not task.elapsed or not task.completed:
                return Text("- docs/s")
            return Text(f"{task.completed / task.elapsed:,.1f} docs/s")

    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        Rate(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=err.console,
        disable=quiet,
    )
    progress.add_task(description, total=total)
    return progress


def _version(value: bool) -> None:
    if value:
        from dyad import __version__

        typer.echo(f"dyad {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Dyad: code news reports into PLOVER event records."""


from dyad.cli import actors as _actors  # noqa: E402,F401  (registers the command)
from dyad.cli import code as _code  # noqa: E402,F401  (registers the command)
from dyad.cli import eval as _eval  # noqa: E402,F401
from dyad.cli import events as _events  # noqa: E402,F401  (registers the command)
from dyad.cli import export as _export  # noqa: E402,F401  (registers the command)
from dyad.cli import ingest as _ingest  # noqa: E402,F401  (registers the command)
from dyad.cli import recode as _recode  # noqa: E402,F401  (registers the command)
from dyad.cli import serve as _serve  # noqa: E402,F401  (registers the command)
from dyad.cli import show as _show  # noqa: E402,F401  (registers the command)
from dyad.cli import stats as _stats  # noqa: E402,F401  (registers the command)
from dyad.cli import stories as _stories  # noqa: E402,F401
from dyad.cli import token as _token  # noqa: E402,F401  (registers the command)
