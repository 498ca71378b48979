"""`wfplan report`: the progress report for a meeting, in Markdown or self-contained HTML."""

from __future__ import annotations

import sys
from pathlib import Path

import jinja2

from workforce_cli import config, safewrite
from workforce_cli.commands import inputs
from workforce_cli.errors import UsageError
from workforce_cli.read.sources import LoadedPlan
from workforce_cli.report import context as report_context
from workforce_cli.report import templates as render
from workforce_cli.report.changes import Since
from workforce_cli.report.provenance import Provenance

EXTENSIONS = {"markdown": "md", "html": "html"}
"""The report formats (`report.FORMATS`) and their file extensions, which also name the
shipped templates (`report.md.j2`) and the `format` a template sees ("md" or "html")."""


def run(
    paths: list[Path] | None,
    output_format: str,
    output: Path | None,
    output_dir: Path | None,
    template: Path | None,
    as_of: str | None,
    plan_id: str | None,
    since: str | None = None,
    max_file_size: int | None = None,
    jobs: int | None = None,
) -> int:
    if output is not None and output_dir is not None:
        raise UsageError("--output writes one file and --output-dir one file per plan; give one")
    output_format = EXTENSIONS[output_format]
    settings = config.load(max_file_size=max_file_size)
    day = inputs.as_of(as_of)
    provenance = Provenance()
    # The template is compiled before the plans are read: a typo in it is reported at once.
    compiled = choose_template(template, settings, output_format)
    changes = (
        Since.read(since, config.plan_paths(paths, settings), settings.max_file_size)
        if since
        else None
    )
    options = inputs.rating_options(settings, day, None, None)
    if output_dir is not None:
        # One report per plan: each is built and rendered where its plan is read (in worker
        # processes for a large repository); none is written unless every plan may be shown.
        def one(loaded: LoadedPlan) -> tuple[str, str]:
            context = report_context.build([loaded], options, output_format, changes, provenance)
            return loaded.id, render.render(compiled, context)

        reports = inputs.compute_valid(paths, settings, one, plan_id, "report", jobs)
        safewrite.make_folder(output_dir)
        for plan, text in reports:
            safewrite.write(
                output_dir / f"{plan}.{output_format}", text.encode("utf-8"), None, replace=True
            )
        return 0
    chosen = inputs.load_valid(paths, settings, plan_id, "report")
    context = report_context.build(chosen, options, output_format, changes, provenance)
    text = render.render(compiled, context)
    if output is not None:
        safewrite.write(output, text.encode("utf-8"), None, replace=True)
    else:
        sys.stdout.write(text)
    return 0


def choose_template(
    given: Path | None, settings: config.Config, output_format: str
) -> jinja2.Template:
    """--template, else the configured `templates` (a file, or a folder holding
    `report.md.j2` / `report.html.j2`), else the template shipped with wfplan."""
    name = f"report.{output_format}.j2"
    html = output_format == "html"
    if given is not None:
        return render.user(given, html)
    configured = settings.templates
    if configured is not None:
        if configured.is_dir():
            if (configured / name).is_file():
                return render.user(configured / name, html)
        elif configured.is_file():
            return render.user(configured, html)
        else:
            raise UsageError(
                f"{settings.source}: `templates` names {configured}, which does not exist"
            )
    return render.builtin(name)
