"""The rules of targets and measures (WF505, WF507, WF508, WF509), and of the dates figures
are as of."""

from __future__ import annotations

from collections.abc import Iterator

from workforce_cli import dates
from workforce_cli.checks.rule import rule
from workforce_cli.diagnostics import Diagnostic, did_you_mean
from workforce_cli.model.walk import YamlPath
from workforce_cli.read.sources import LoadedPlan, SourceFile


@rule("WF505")
def target_unknown_team(loaded: LoadedPlan) -> Iterator[Diagnostic]:
    """
    A target's `teams:` names a team that no snapshot of the plan has.

    Why: a target for named teams is measured on those teams' rows; a misspelt team has
    no rows, so the target could never be rated. The hint names the closest team.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        staffing:
          snapshots:
            - as_of: Feb 2021
              teams: [{team: SEND, permanent: 3, agency: 1, vacant: 0}]
        targets:
          - {id: agency-down, metric: agency_rate, value: 10%, by: Mar 2022, teams: [SEN]}

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        staffing:
          snapshots:
            - as_of: Feb 2021
              teams: [{team: SEND, permanent: 3, agency: 1, vacant: 0}]
        targets:
          - {id: agency-down, metric: agency_rate, value: 10%, by: Mar 2022, teams: [SEND]}
    """
    known = {row.team for ref in loaded.snapshots for row in ref.snapshot.teams}
    for t, target in enumerate(loaded.plan.targets):
        for i, team in enumerate(target.teams or []):
            if team not in known:
                hint = did_you_mean(team, known) or (
                    "no snapshot of this plan has teams yet"
                    if not known
                    else "teams in the snapshots: " + ", ".join(sorted(known))
                )
                yield loaded.source.diagnostic(
                    "WF505",
                    f'target "{target.id}" names team "{team}", which no snapshot has',
                    ("targets", t, "teams", i),
                    hint=hint,
                )


@rule("WF509")
def fraction_target(loaded: LoadedPlan) -> Iterator[Diagnostic]:
    """
    A target's value is a bare number above 0 and at most 1 (`value: 0.85`): a share
    written as a fraction is read as a percentage, 0.85%.

    Why: a target of 0.85% permanent staff is met at once, so status, the report and CI
    would show it met on a typo. An error, not a warning, for that reason; a percent sign
    (`0.85%`) says that a tiny rate is meant, and `0` is allowed.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        targets:
          - {id: permanent-85, metric: permanent_share, value: 0.85, by: Mar 2024}

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        targets:
          - {id: permanent-85, metric: permanent_share, value: 85%, by: Mar 2024}
    """
    for t, target in enumerate(loaded.plan.targets):
        written = target.value
        if not isinstance(written, str) and 0 < written <= 1:
            shown = f"{written:g}"
            meant = f"{written * 100:g}%"
            what = "one percent" if written == 1 else "less than one percent"
            yield loaded.source.diagnostic(
                "WF509",
                f'target "{target.id}" has value {shown}, which reads as {shown}%: '
                f"did you mean {meant}?",
                ("targets", t, "value"),
                hint=f"write `value: {meant}`; if you do mean {what}, write `value: {shown}%`",
            )


@rule("WF507")
def measure_without_direction(loaded: LoadedPlan) -> Iterator[Diagnostic]:
    """
    A measure has figures (a baseline, a target or actuals) but does not say whether lower
    or higher is better.

    Why: without `better:`, a move from 22 to 18 cannot be told to be progress or a
    setback, so the measure's state is not shown. It is a warning: the figures are still
    kept and printed.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        measures:
          - id: caseload
            title: Average caseload per social worker
            baseline: {as_of: Feb 2021, value: 22}

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        measures:
          - id: caseload
            title: Average caseload per social worker
            better: lower
            baseline: {as_of: Feb 2021, value: 22}
    """
    for i, measure in enumerate(loaded.plan.measures):
        has_figures = measure.baseline or measure.target or measure.actuals
        if has_figures and measure.better is None:
            yield loaded.source.diagnostic(
                "WF507",
                f'measure "{measure.id}" has figures but does not say whether lower or '
                "higher is better",
                ("measures", i, "id"),
                hint="add `better: lower` or `better: higher`",
            )


@rule("WF508")
def undated_figure(loaded: LoadedPlan) -> Iterator[Diagnostic]:
    """
    A snapshot's or a reading's `as_of`, or a target's `by`, is `ongoing` or `tbc`.

    Why: a figure is as of a day, and a target with no date can be neither on track nor
    missed. Give the day, month, quarter or year it stands for.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        staffing:
          snapshots:
            - as_of: ongoing
              teams: [{team: SEND, permanent: 3, agency: 1, vacant: 0}]

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        staffing:
          snapshots:
            - as_of: Feb 2021
              teams: [{team: SEND, permanent: 3, agency: 1, vacant: 0}]
    """
    fields: list[tuple[SourceFile, YamlPath, str, str]] = [
        (ref.source, (*ref.path, "as_of"), ref.snapshot.as_of, "a snapshot")
        for ref in loaded.snapshots
    ]
    source = loaded.source
    for t, target in enumerate(loaded.plan.targets):
        fields.append((source, ("targets", t, "by"), target.by, f'target "{target.id}"'))
    for i, measure in enumerate(loaded.plan.measures):
        what = f'a reading of measure "{measure.id}"'
        if measure.baseline is not None:
            fields.append(
                (source, ("measures", i, "baseline", "as_of"), measure.baseline.as_of, what)
            )
        for r, reading in enumerate(measure.actuals):
            fields.append((source, ("measures", i, "actuals", r, "as_of"), reading.as_of, what))
        if measure.target is not None:
            what = f'the target of measure "{measure.id}"'
            fields.append((source, ("measures", i, "target", "by"), measure.target.by, what))
    for file, path, text, what in fields:
        try:
            kind = dates.parse(text).kind
        except dates.DateError:
            continue  # WF201-WF203 report it
        if kind in ("ongoing", "undetermined"):
            yield file.diagnostic(
                "WF508",
                f'{what} has {path[-1]} "{text}", which is not a date',
                path,
                hint='give the day, month, quarter or year it stands for, such as "Feb 2021"',
            )


RULES = (target_unknown_team, measure_without_direction, undated_figure, fraction_target)
