"""The rules of staffing snapshots (WF307, WF501-WF504, WF506): rows, totals and dates.

A plan's snapshots are its own (`staffing.snapshots`) and those of the staffing files that
name it. WF307 (a staffing file names no plan) is a rule across files: the loader raises
it while it joins staffing files to their plans, and it is documented here.
"""

from __future__ import annotations

from collections.abc import Iterator

from workforce_cli import dates
from workforce_cli.checks.rule import raised_rule, rule
from workforce_cli.diagnostics import Diagnostic
from workforce_cli.model import Figure, TeamRow
from workforce_cli.model.figures import totals
from workforce_cli.read.sources import LoadedPlan, SnapshotRef

_COUNTS = ("permanent", "agency", "vacant", "establishment")
_RATES = ("permanent_share", "agency_rate", "vacancy_rate")

STAFFING_FOR_UNKNOWN_PLAN = raised_rule(
    "WF307",
    """
    A staffing file's `plan:` names a plan id that no plan file has.

    Why: the snapshots of a staffing file count only for the plan it names; with a
    misspelt id they would be left out of every figure without a word. The hint names the
    closest plan id.

    Fails:

        # file: plans/example.yaml
        wfplan: 1
        id: example
        title: Example plan
        # file: plans/example-staffing.yaml
        wfplan: 1
        kind: staffing
        plan: exampel
        snapshots:
          - as_of: Mar 2021
            teams:
              - {team: SEND, permanent: 3.5, agency: 0.5, vacant: 0}

    Passes:

        # file: plans/example.yaml
        wfplan: 1
        id: example
        title: Example plan
        # file: plans/example-staffing.yaml
        wfplan: 1
        kind: staffing
        plan: example
        snapshots:
          - as_of: Mar 2021
            teams:
              - {team: SEND, permanent: 3.5, agency: 0.5, vacant: 0}
    """,
)


@rule("WF501")
def stated_total_mismatch(loaded: LoadedPlan) -> Iterator[Diagnostic]:
    """
    A snapshot's `stated_totals` (a total or a rate as the source printed it) does not
    match its rows, to the precision it is stated in: 42.8 matches 42.81, 44 does not.

    Why: the source's own totals are the check that the rows were copied right; a total
    that disagrees means a row, or the total, is wrong, and a report would show figures
    that do not add up.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        staffing:
          snapshots:
            - as_of: Feb 2021
              teams:
                - {team: Family Solutions, permanent: 20.5, agency: 0, vacant: 0}
                - {team: Children in Care, permanent: 22.31, agency: 1, vacant: 2.69}
              stated_totals: {permanent: 44}

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        staffing:
          snapshots:
            - as_of: Feb 2021
              teams:
                - {team: Family Solutions, permanent: 20.5, agency: 0, vacant: 0}
                - {team: Children in Care, permanent: 22.31, agency: 1, vacant: 2.69}
              stated_totals: {permanent: 42.8}
    """
    for ref in loaded.snapshots:
        snapshot, source, base = ref.snapshot, ref.source, ref.path
        stated = snapshot.stated_totals
        if stated is None:
            continue
        computed = totals(snapshot.teams, snapshot.vacancy_basis)
        values: dict[str, float | None] = {
            "permanent": computed.permanent,
            "agency": computed.agency,
            "vacant": computed.vacant,
            "establishment": _establishment(snapshot.teams, snapshot.vacancy_basis),
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
                blank = computed.why(name)
                yield source.diagnostic(
                    "WF501",
                    f"stated {name} is {figure}{unit} but it cannot be "
                    + (f"checked: {blank}" if blank else "computed: no team has figures"),
                    (*base, "stated_totals", name),
                    hint="a blank is unknown, not zero: fill it in (write 0 if the team has none)"
                    if blank
                    else None,
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
                hint = "correct the total, or the row that is wrong"
                if (
                    unit
                    and 0 < figure.value <= 1
                    and abs(value - 100 * figure.value) <= (100 * tolerance)
                ):
                    meant = f"{100 * figure.value:g}%"
                    hint = f"did you mean {meant}? A stated rate is a percentage: write `{meant}`"
                yield source.diagnostic(
                    "WF501",
                    f"stated {name} is {figure}{unit} but the rows give {shown}{unit}{missing}",
                    (*base, "stated_totals", name),
                    hint=hint,
                )


@rule("WF502")
def establishment_mismatch(loaded: LoadedPlan) -> Iterator[Diagnostic]:
    """
    A row's `establishment` (funded posts) is not permanent + agency + vacant; under
    `vacancy_basis: dfe`, whose vacant already counts agency-covered posts, it is
    permanent + vacant.

    Why: a row whose parts do not add up to its posts has a figure copied wrong, and every
    rate computed from it would be wrong too.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        staffing:
          snapshots:
            - as_of: Feb 2021
              teams:
                - {team: SEND, permanent: 20, agency: 2, vacant: 4, establishment: 27}

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        staffing:
          snapshots:
            - as_of: Feb 2021
              teams:
                - {team: SEND, permanent: 20, agency: 2, vacant: 4, establishment: 26}
    """
    for ref in loaded.snapshots:
        snapshot = ref.snapshot
        for r, row in enumerate(snapshot.teams):
            if row.establishment is None or None in (row.permanent, row.agency, row.vacant):
                continue
            parts = totals([row], snapshot.vacancy_basis)
            computed_row = parts.establishment
            if computed_row is not None and abs(computed_row - row.establishment) > 0.005:
                formula = (
                    "permanent + vacant"
                    if snapshot.vacancy_basis == "dfe"
                    else "permanent + agency + vacant"
                )
                yield ref.source.diagnostic(
                    "WF502",
                    f'establishment of "{row.team}" is {row.establishment:g} but '
                    f"{formula} is {computed_row:.2f}",
                    (*ref.path, "teams", r, "establishment"),
                    hint="correct the figures; establishment counts funded posts",
                )


@rule("WF503")
def duplicate_snapshot_date(loaded: LoadedPlan) -> Iterator[Diagnostic]:
    """
    Two snapshots of one plan (its own or its staffing files') are as of the same date.
    `Feb 2021` and `2021-02` are the same date: a month's snapshot is as of its last day.

    Why: the change since the previous snapshot, and a target's trajectory, need one
    figure per date; two would make them depend on which came first.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        staffing:
          snapshots:
            - as_of: Feb 2021
              teams: [{team: SEND, permanent: 3, agency: 1, vacant: 0}]
            - as_of: 2021-02
              teams: [{team: SEND, permanent: 4, agency: 0, vacant: 0}]

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        staffing:
          snapshots:
            - as_of: Feb 2021
              teams: [{team: SEND, permanent: 3, agency: 1, vacant: 0}]
            - as_of: 2021-03
              teams: [{team: SEND, permanent: 4, agency: 0, vacant: 0}]
    """
    # The first snapshot of each date; its line is looked up only if another has the
    # same date (a lookup composes the file again, too dear for every clean plan).
    seen_as_of: dict[str, SnapshotRef] = {}
    for ref in loaded.snapshots:
        as_of = ref.snapshot.as_of
        key = _as_of_key(as_of)
        first = seen_as_of.get(key)
        if first is None:
            seen_as_of[key] = ref
            continue
        line, _ = first.source.locate((*first.path, "as_of"))
        yield ref.source.diagnostic(
            "WF503",
            f'a snapshot as of "{as_of}" is already recorded at {first.source.display}:{line}',
            (*ref.path, "as_of"),
            hint="edit that snapshot instead, or correct this date",
        )


@rule("WF504")
def duplicate_team(loaded: LoadedPlan) -> Iterator[Diagnostic]:
    """
    A team appears in two rows of one snapshot.

    Why: its figures would be counted twice in every total and rate. Usually two rows
    that should be merged, or a team name copied into the wrong row.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        staffing:
          snapshots:
            - as_of: Feb 2021
              teams:
                - {team: SEND, permanent: 3, agency: 1, vacant: 0}
                - {team: SEND, permanent: 2, agency: 0, vacant: 1}

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        staffing:
          snapshots:
            - as_of: Feb 2021
              teams:
                - {team: SEND, permanent: 5, agency: 1, vacant: 1}
    """
    for ref in loaded.snapshots:
        teams_seen: set[str] = set()
        for r, row in enumerate(ref.snapshot.teams):
            if row.team in teams_seen:
                yield ref.source.diagnostic(
                    "WF504",
                    f'team "{row.team}" appears twice in the snapshot as of {ref.snapshot.as_of}',
                    (*ref.path, "teams", r, "team"),
                    hint="merge the two rows",
                )
            teams_seen.add(row.team)


@rule("WF506")
def staffing_unit_mismatch(loaded: LoadedPlan) -> Iterator[Diagnostic]:
    """
    A staffing file counts in another unit (`fte` or `headcount`) than its plan.

    Why: the file's figures would be added to, and compared with, figures in the other
    unit: 10 people are not 10 FTE.

    Fails:

        # file: plans/example.yaml
        wfplan: 1
        id: example
        title: Example plan
        staffing: {unit: fte}
        # file: plans/example-staffing.yaml
        wfplan: 1
        kind: staffing
        plan: example
        unit: headcount
        snapshots:
          - as_of: Mar 2021
            teams: [{team: SEND, permanent: 4, agency: 1, vacant: 0}]

    Passes:

        # file: plans/example.yaml
        wfplan: 1
        id: example
        title: Example plan
        staffing: {unit: fte}
        # file: plans/example-staffing.yaml
        wfplan: 1
        kind: staffing
        plan: example
        unit: fte
        snapshots:
          - as_of: Mar 2021
            teams: [{team: SEND, permanent: 3.5, agency: 0.5, vacant: 0}]
    """
    for ref in loaded.snapshots:
        if ref.unit != loaded.unit:
            yield ref.source.diagnostic(
                "WF506",
                f'staffing unit is {ref.unit} but plan "{loaded.id}" counts in {loaded.unit}',
                ("unit",),
                hint=f"write `unit: {loaded.unit}`, or convert the figures",
            )


RULES = (
    STAFFING_FOR_UNKNOWN_PLAN,
    stated_total_mismatch,
    establishment_mismatch,
    duplicate_snapshot_date,
    duplicate_team,
    staffing_unit_mismatch,
)


def _establishment(rows: list[TeamRow], vacancy_basis: str) -> float | None:
    """The rows' establishment: each row's as stated, else its figures' sum; None if a row
    with figures has a blank its sum needs (unknown, not zero)."""
    total = 0.0
    for row in rows:
        if row.establishment is not None:
            total += row.establishment
        elif row.has_figures:
            part = totals([row], vacancy_basis).establishment
            if part is None:
                return None
            total += part
    return total


def _as_of_key(text: str) -> str:
    """Snapshots are the same date when their windows end on the same day (Feb 2021, 2021-02)."""
    try:
        window = dates.parse(text).window(None)
    except dates.DateError:
        return text
    return window.end.isoformat() if window else text
