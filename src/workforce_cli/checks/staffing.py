"""Staffing snapshots, targets and measures.

WF501 a stated total or rate does not match the rows, to the precision it is stated in::

    teams:
      - {team: Family Solutions, permanent: 20.5, agency: 0, vacant: 0}
      - {team: Children in Care, permanent: 22.31, agency: 1, vacant: 2.69}
    stated_totals: {permanent: 42.81}     # passes; 42.8 passes too (stated to 1 decimal)
    stated_totals: {permanent: 44}        # fails: WF501 computed 42.81

WF502 a row's `establishment` is not permanent + agency + vacant (permanent + vacant under
`vacancy_basis: dfe`, whose vacant already counts agency-covered posts).

WF503 two snapshots of one plan (its own or its staffing files') have the same as_of.

WF504 a team appears twice in one snapshot.

WF505 a target's `teams:` names a team that no snapshot of the plan has.

WF506 a staffing file's unit (fte or headcount) differs from its plan's: the figures would
be added across units.

WF507 (warning) a measure with figures but no `better: lower|higher`: its state cannot be told.

WF508 a snapshot's or reading's `as_of`, or a target's `by`, is `ongoing` or `tbc`: a figure
is as of a day, and a target with no date can be neither on track nor missed::

    - as_of: Feb 2021      # passes
    - as_of: ongoing       # fails: WF508
"""

from __future__ import annotations

from collections.abc import Iterator

from workforce_cli import dates
from workforce_cli.diagnostics import Diagnostic, did_you_mean
from workforce_cli.model import Figure
from workforce_cli.model.figures import totals
from workforce_cli.model.walk import YamlPath
from workforce_cli.read.sources import LoadedPlan, SnapshotRef, SourceFile

_COUNTS = ("permanent", "agency", "vacant", "establishment")
_RATES = ("permanent_share", "agency_rate", "vacancy_rate")


def check(loaded: LoadedPlan) -> Iterator[Diagnostic]:
    yield from _snapshots(loaded)
    yield from _targets(loaded)
    yield from _undated(loaded)
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


def _snapshots(loaded: LoadedPlan) -> Iterator[Diagnostic]:
    # The first snapshot of each date; its line is looked up only if another has the
    # same date (a lookup composes the file again, too dear for every clean plan).
    seen_as_of: dict[str, SnapshotRef] = {}
    for ref in loaded.snapshots:
        snapshot, source, base = ref.snapshot, ref.source, ref.path
        if ref.unit != loaded.unit:
            yield source.diagnostic(
                "WF506",
                f'staffing unit is {ref.unit} but plan "{loaded.id}" counts in {loaded.unit}',
                ("unit",),
                hint=f"write `unit: {loaded.unit}`, or convert the figures",
            )
        key = _as_of_key(snapshot.as_of)
        first = seen_as_of.get(key)
        if first is not None:
            line, _ = first.source.locate((*first.path, "as_of"))
            yield source.diagnostic(
                "WF503",
                f'a snapshot as of "{snapshot.as_of}" is already recorded at '
                f"{first.source.display}:{line}",
                (*base, "as_of"),
                hint="edit that snapshot instead, or correct this date",
            )
        else:
            seen_as_of[key] = ref
        teams_seen: set[str] = set()
        for r, row in enumerate(snapshot.teams):
            if row.team in teams_seen:
                yield source.diagnostic(
                    "WF504",
                    f'team "{row.team}" appears twice in the snapshot as of {snapshot.as_of}',
                    (*base, "teams", r, "team"),
                    hint="merge the two rows",
                )
            teams_seen.add(row.team)
            if row.establishment is not None and None not in (
                row.permanent,
                row.agency,
                row.vacant,
            ):
                parts = totals([row], snapshot.vacancy_basis)
                if abs(parts.establishment - row.establishment) > 0.005:
                    formula = (
                        "permanent + vacant"
                        if snapshot.vacancy_basis == "dfe"
                        else "permanent + agency + vacant"
                    )
                    yield source.diagnostic(
                        "WF502",
                        f'establishment of "{row.team}" is {row.establishment:g} but '
                        f"{formula} is {parts.establishment:.2f}",
                        (*base, "teams", r, "establishment"),
                        hint="correct the figures; establishment counts funded posts",
                    )
        stated = snapshot.stated_totals
        if stated is None:
            continue
        computed = totals(snapshot.teams, snapshot.vacancy_basis)
        establishment = sum(
            row.establishment
            if row.establishment is not None
            else totals([row], snapshot.vacancy_basis).establishment
            for row in snapshot.teams
            if row.has_figures or row.establishment is not None
        )
        values: dict[str, float | None] = {
            "permanent": computed.permanent,
            "agency": computed.agency,
            "vacant": computed.vacant,
            "establishment": establishment,
        }
        for name in _RATES:
            rate = computed.rate(name)
            values[name] = None if rate is None else 100 * rate
        for name in _COUNTS + _RATES:
            figure: Figure | None = getattr(stated, name)
            if figure is None:
                continue
            value = values[name]
            unit = "%" if name in _RATES else ""
            if value is None:
                yield source.diagnostic(
                    "WF501",
                    f"stated {name} is {figure}{unit} but it cannot be computed: "
                    "no team has figures",
                    (*base, "stated_totals", name),
                )
                continue
            tolerance = 0.5 * 10 ** (-figure.decimals) + 1e-9
            if abs(value - figure.value) > tolerance:
                shown = f"{value:.{max(figure.decimals, 2)}f}"
                missing = (
                    f"; teams with no figures, not counted: {', '.join(computed.missing)}"
                    if computed.missing
                    else ""
                )
                yield source.diagnostic(
                    "WF501",
                    f"stated {name} is {figure}{unit} but the rows give {shown}{unit}{missing}",
                    (*base, "stated_totals", name),
                    hint="correct the total, or the row that is wrong",
                )


def _as_of_key(text: str) -> str:
    """Snapshots are the same date when their windows end on the same day (Feb 2021, 2021-02)."""
    try:
        window = dates.parse(text).window(None)
    except dates.DateError:
        return text
    return window.end.isoformat() if window else text


def _targets(loaded: LoadedPlan) -> Iterator[Diagnostic]:
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


def _undated(loaded: LoadedPlan) -> Iterator[Diagnostic]:
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
