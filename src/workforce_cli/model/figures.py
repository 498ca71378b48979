"""Totals and rates of a staffing snapshot's rows, as the Department for Education defines them.

With p, a, v the permanent, agency and vacant FTE of the rows in scope, and V the vacancies
as the Department for Education counts them (v + a, or v where the source already counts
agency-covered posts as vacant, `vacancy_basis: dfe`):

    permanent_share = p / (p + a)         agency_rate = a / (p + a)
    vacancy_rate = V / (V + p)            uncovered_vacancy_rate = v / (p + a + v)

Rows with no figures are left out and reported as missing, never counted as zero. A row with
some figures and a blank is counted, and its blank is unknown, never zero: every total and
rate that needs the blank figure is None ("n/a") and `why(name)` says which blank ("agency
blank for A"); the others stand (a blank vacancy leaves the permanent share known). A rate
whose denominator is zero is None too, never 0%. The checks (stated totals) and the engines
(staffing, targets, diff) both need these, so they live with the model.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from workforce_cli.model.plan import TeamRow

FIGURES = ("permanent", "agency", "vacant")


def needs(name: str, vacancy_basis: str) -> tuple[str, ...]:
    """The row figures a count or rate is computed from."""
    dfe = vacancy_basis == "dfe"
    if name in FIGURES:
        return (name,)
    if name in ("permanent_share", "agency_rate"):
        return ("permanent", "agency")
    if name in ("establishment", "vacancy_rate") and dfe:
        return ("permanent", "vacant")
    return FIGURES


@dataclass(frozen=True, slots=True)
class Totals:
    permanent: float | None = 0.0
    """None when a counted row leaves it blank (unknown)."""
    agency: float | None = 0.0
    vacant: float | None = 0.0
    vacancy_basis: str = "unfilled"
    teams: tuple[str, ...] = ()
    """Teams counted (rows with figures)."""
    missing: tuple[str, ...] = field(default=())
    """Teams whose rows have no figures: unknown, not zero."""
    unknown: tuple[tuple[str, str], ...] = ()
    """(team, figure) of each blank in a counted row, in row order."""

    @property
    def staffed(self) -> float | None:
        return _sum(self.permanent, self.agency)

    @property
    def establishment(self) -> float | None:
        # Under the DfE basis `vacant` already includes the agency-covered posts.
        if self.vacancy_basis == "dfe":
            return _sum(self.permanent, self.vacant)
        return _sum(self.permanent, self.agency, self.vacant)

    @property
    def dfe_vacancies(self) -> float | None:
        return self.vacant if self.vacancy_basis == "dfe" else _sum(self.vacant, self.agency)

    @property
    def permanent_share(self) -> float | None:
        return _ratio(self.permanent, self.staffed)

    @property
    def agency_rate(self) -> float | None:
        return _ratio(self.agency, self.staffed)

    @property
    def vacancy_rate(self) -> float | None:
        return _ratio(self.dfe_vacancies, _sum(self.dfe_vacancies, self.permanent))

    @property
    def uncovered_vacancy_rate(self) -> float | None:
        if self.vacancy_basis == "dfe":
            # agency-covered and uncovered posts are not told apart under this basis
            return None
        return _ratio(self.vacant, _sum(self.permanent, self.agency, self.vacant))

    def values(self) -> dict[str, float | None]:
        """Every count, and every rate as a percentage (76.03), or None where undefined or
        unknown: what `value` gives name by name, at a fraction of the cost for tens of
        thousands of rows."""
        p, a, v = self.permanent, self.agency, self.vacant
        if p is None or a is None or v is None:
            return {
                "permanent": p,
                "agency": a,
                "vacant": v,
                "establishment": self.establishment,
                **{name: _scaled(getattr(self, name)) for name in RATES},
            }
        dfe = self.vacancy_basis == "dfe"
        staffed, vacancies = p + a, v if dfe else v + a
        return {
            "permanent": p,
            "agency": a,
            "vacant": v,
            "establishment": p + v if dfe else p + a + v,
            "permanent_share": _percent(p, staffed),
            "agency_rate": _percent(a, staffed),
            "vacancy_rate": _percent(vacancies, vacancies + p),
            "uncovered_vacancy_rate": None if dfe else _percent(v, p + a + v),
        }

    def rate(self, metric: str) -> float | None:
        """A metric by name, as a fraction (0.7603), or None where it is undefined."""
        value: float | None = getattr(self, metric)
        return value

    def why(self, name: str) -> str | None:
        """Why a count or rate is unknown ("agency blank for A, B"), or None if it is not."""
        wanted = needs(name, self.vacancy_basis)
        return blanks_text([(team, f) for team, f in self.unknown if f in wanted])

    @property
    def blanks(self) -> str | None:
        """Every blank of the counted rows in words, or None when there is none."""
        return blanks_text(self.unknown)


RATES = ("permanent_share", "agency_rate", "vacancy_rate", "uncovered_vacancy_rate")


def blanks_text(blanks: Iterable[tuple[str, str]]) -> str | None:
    """ "agency blank for A, B; vacant blank for C", figure by figure; None when empty."""
    by_figure: dict[str, list[str]] = {}
    for team, figure in blanks:
        by_figure.setdefault(figure, []).append(team)
    if not by_figure:
        return None
    return "; ".join(
        f"{figure} blank for {', '.join(teams)}"
        for figure in FIGURES
        if (teams := by_figure.get(figure))
    )


def _sum(*parts: float | None) -> float | None:
    total = 0.0
    for part in parts:
        if part is None:
            return None
        total += part
    return total


def _ratio(part: float | None, whole: float | None) -> float | None:
    if part is None or whole is None:
        return None
    return part / whole if whole > 0 else None


def _percent(part: float, whole: float) -> float | None:
    return 100 * (part / whole) if whole > 0 else None


def _scaled(fraction: float | None) -> float | None:
    return None if fraction is None else 100 * fraction


def totals(
    rows: Iterable[TeamRow], vacancy_basis: str = "unfilled", teams: Iterable[str] | None = None
) -> Totals:
    """Totals of the rows (only the named teams, if given)."""
    wanted = set(teams) if teams is not None else None
    permanent = agency = vacant = 0.0
    counted: list[str] = []
    missing: list[str] = []
    unknown: list[tuple[str, str]] = []
    for row in rows:
        if wanted is not None and row.team not in wanted:
            continue
        p, a, v = row.permanent, row.agency, row.vacant
        if p is None and a is None and v is None:
            missing.append(row.team)
            continue
        counted.append(row.team)
        if p is None:
            unknown.append((row.team, "permanent"))
        else:
            permanent += p
        if a is None:
            unknown.append((row.team, "agency"))
        else:
            agency += a
        if v is None:
            unknown.append((row.team, "vacant"))
        else:
            vacant += v
    blank = {figure for _, figure in unknown}
    return Totals(
        None if "permanent" in blank else permanent,
        None if "agency" in blank else agency,
        None if "vacant" in blank else vacant,
        vacancy_basis,
        tuple(counted),
        tuple(missing),
        tuple(unknown),
    )
