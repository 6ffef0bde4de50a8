"""What the command line prints: results, warnings and errors in words, never a traceback.

Errors go to standard error as located lines (`ita_docs.errors`); exit status
1 for a template, output or PDF problem, 2 for invalid content. A Rich
progress bar is shown on a terminal only, and not with ``--quiet``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import typer
from rich.console import Console

from .errors import ContentErrors, ItaDocsError, TemplateErrors
from .messages import msg

if TYPE_CHECKING:
    from .build import BuildResult, Progress

MAX_SHOWN = 200  # errors printed; the rest are counted (an alias-expanded list can hold 100,000)
# No emoji codes and no markup in what is printed: locations and user text such as
# "file.yaml:100:3" or "[ตัวอย่าง]" must print as written (Rich would make ":100:" 💯).
out = Console(highlight=False, soft_wrap=True, emoji=False, markup=False)
err = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False, markup=False)


def report(exc: ItaDocsError) -> None:
    """Print an error and stop: exit 2 for content problems, 1 for anything else."""
    if isinstance(exc, (ContentErrors, TemplateErrors)):
        err.print(msg("failed", n=len(exc.errors)), style="bold red")
        for e in exc.errors[:MAX_SHOWN]:
            err.print(f"  {e}", markup=False)
        if len(exc.errors) > MAX_SHOWN:
            err.print(f"  {msg('more_errors', n=len(exc.errors) - MAX_SHOWN)}", markup=False)
        raise typer.Exit(2 if isinstance(exc, ContentErrors) else 1)
    err.print(msg(getattr(exc, "headline", "failed"), n=1), style="bold red")
    err.print(f"  {exc}", markup=False)
    raise typer.Exit(getattr(exc, "exit_status", 1))


def warnings(items) -> None:
    for w in items:
        err.print(f"{msg('warning')}: {w}", style="yellow", markup=False)


def outcome(result: BuildResult, *, quiet: bool = False) -> None:
    """What a build wrote, kept or skipped; hand-edited files are always named."""
    warnings(result.warnings)
    for path in result.written:
        if not quiet:
            out.print(f"{msg('wrote')} {path}", markup=False)
    if result.unchanged and not quiet:
        out.print(msg("unchanged", n=len(result.unchanged)), markup=False)
    for name in result.up_to_date:
        if not quiet:
            out.print(msg("up_to_date", name=name), markup=False)
    for path, backup in result.backups:
        err.print(msg("backed_up", path=path, backup=backup), style="yellow", markup=False)
    for path, new in result.edited:
        err.print(msg("hand_edited", path=path, new=new), style="yellow", markup=False)
    if result.pdf_error is not None:
        err.print(f"{msg('pdf_not_made')} {result.pdf_error}", style="bold red", markup=False)
        raise typer.Exit(1)


@contextmanager
def progress_bar(enabled: bool) -> Iterator[Progress | None]:
    """A callback ``(stage, done, total)`` drawing a Rich progress bar on a terminal, else None."""
    if not enabled or not err.is_terminal:
        yield None
        return
    from rich.progress import Progress as Bar
    from rich.progress import TaskID

    with Bar(console=err, transient=True) as bar:
        tasks: dict[str, TaskID] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(msg(f"progress_{stage}"), total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield update


def error_line(exc: BaseException, limit: int = 300) -> str:
    """``Type: message`` of an unexpected error, cut to ``limit`` characters (a path may be huge)."""
    text = f"{type(exc).__name__}: {exc}"
    return text if len(text) <= limit else text[: limit - 1] + "…"
