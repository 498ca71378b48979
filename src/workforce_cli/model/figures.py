"""Totals and rates of a staffing snapshot's rows, as the Department for Education defines them.

With p, a, v the permanent, agency and vacant FTE of the rows in scope, and V the vacancies
as the Department for Education counts them (v + a, or v where the source already counts
agency-covered posts as vacant, `vacancy_basis: dfe`):

    permanent_share = p / (p + a)         agency_rate = a / (p + a)
    vacancy_rate = V / (V + p)            uncovered_vacancy_rate = v / (p + a + v)

Rows with no figures are left out and reported as missing, never counted as zero. A rate
whose denominator is zero is None ("n/a"), never 0%. The checks (stated totals) and the
engines (staffing, targets, diff) both need these, so they live with the model.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from workforce_cli.model.plan import TeamRow


@dataclass(frozen=True, slots=True)
class Totals:
    permanent: float = 0.0
    agency: float = 0.0
    vacant: float = 0.0
    vacancy_basis: str = "unfilled"
    teams: tuple[str, ...] = ()
    """Teams counted (rows with figures)."""
    missing: tuple[str, ...] = field(default=())
    """Teams whose rows have no figures: unknown, not zero."""

    @property
    def staffed(self) -> float:
        return self.permanent + self.agency

    @property
    def establishment(self) -> float:
        # Under the DfE basis `vacant` already includes the agency-covered posts.
        if self.vacancy_basis == "dfe":
            return self.permanent + self.vacant
        return self.permanent + self.agency + self.vacant

    @property
    def dfe_vacancies(self) -> float:
        return self.vacant if self.vacancy_basis == "dfe" else self.vacant + self.agency

    @property
    def permanent_share(self) -> float | None:
        return _ratio(self.permanent, self.staffed)

    @property
    def agency_rate(self) -> float | None:
        return _ratio(self.agency, self.staffed)

    @property
    def vacancy_rate(self) -> float | None:
        return _ratio(self.dfe_vacancies, self.dfe_vacancies + self.permanent)

    @property
    def uncovered_vacancy_rate(self) -> float | None:
        if self.vacancy_basis == "dfe":
            # agency-covered and uncovered posts are not told apart under this basis
            return None
        return _ratio(self.vacant, self.permanent + self.agency + self.vacant)

    def values(self) -> dict[str, float | None]:
        """Every count, and every rate as a percentage (76.03), or None where undefined: what
        `value` gives name by name, at a fraction of the cost for tens of thousands of rows."""
        p, a, v = self.permanent, self.agency, self.vacant
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


def _ratio(part: float, whole: float) -> float | None:
    return part / whole if whole > 0 else None


def _percent(part: float, whole: float) -> float | None:
    return 100 * (part / whole) if whole > 0 else None


def totals(
    rows: Iterable[TeamRow], vacancy_basis: str = "unfilled", teams: Iterable[str] | None = None
) -> Totals:
    """Totals of the rows (only the named teams, if given)."""
    wanted = set(teams) if teams is not None else None
    permanent = agency = vacant = 0.0
    counted: list[str] = []
    missing: list[str] = []
    for row in rows:
        if wanted is not None and row.team not in wanted:
            continue
        if not row.has_figures:
            missing.append(row.team)
            continue
        counted.append(row.team)
        permanent += row.permanent or 0.0
        agency += row.agency or 0.0
        vacant += row.vacant or 0.0
    return Totals(permanent, agency, vacant, vacancy_basis, tuple(counted), tuple(missing))
