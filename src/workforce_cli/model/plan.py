"""The plan file: themes, actions and milestones, staffing, targets and measures.

These models are the single source of the JSON Schema (`wfplan schema`). Every model
forbids unknown keys, so a misspelt key is an error with a "did you mean" hint rather
than a silently ignored line.
"""

import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from workforce_cli.model.types import (
    MAX_NUMBER,
    DateText,
    Fte,
    Id,
    Number,
    Owners,
    StatedCount,
    StatedPercent,
    Text,
)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Status(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    BLOCKED = "blocked"
    DROPPED = "dropped"


class Period(Strict):
    start: DateText | None = Field(
        default=None,
        description="Anchors relative timescales (+9 weeks); "
        "its window's start is the plan's start.",
    )
    end: DateText | None = None


class Approval(Strict):
    by: Text
    on: DateText | None = None
    notes: str | None = None


class Review(Strict):
    due: DateText
    by: str | None = None


class Theme(Strict):
    id: Id
    title: Text
    description: str | None = None
    notes: str | None = None


class Tracked(Strict):
    """The fields that make something a milestone: a deadline and a status."""

    due: DateText | None = None
    start: DateText | None = Field(
        default=None, description='When work begins, for timescales such as "From Sept 06".'
    )
    status: Status = Status.NOT_STARTED
    done_on: DateText | None = Field(
        default=None, description="Required when status is done; forbidden otherwise."
    )
    revised_due: DateText | None = Field(
        default=None,
        description="A re-baselined deadline; needs revision_reason. The original due is kept.",
    )
    revision_reason: str | None = None


class Milestone(Tracked):
    id: Id
    title: Text
    due: DateText = Field(description="Required on a milestone.")
    owner: Owners | None = None
    timescale: str | None = Field(
        default=None, description="The source's own wording of the timescale, kept verbatim."
    )
    notes: str | None = None


class Action(Tracked):
    id: Id
    title: Text
    theme: Id | None = None
    description: str | None = None
    owner: Owners | None = None
    timescale: str | None = Field(
        default=None, description="The source's own wording of the timescale, kept verbatim."
    )
    notes: str | None = None
    resources: str | None = None
    links: str | None = None
    partners: list[Text] | None = None
    depends_on: list[Id] = Field(default_factory=list)
    milestones: list[Milestone] = Field(default_factory=list)


class TeamRow(Strict):
    team: Text
    permanent: Fte | None = None
    agency: Fte | None = None
    vacant: Fte | None = None
    establishment: Fte | None = None

    @property
    def has_figures(self) -> bool:
        return self.permanent is not None or self.agency is not None or self.vacant is not None


class StatedTotals(Strict):
    """Totals as printed in the source; each is checked against the rows to its stated precision."""

    permanent: StatedCount | None = None
    agency: StatedCount | None = None
    vacant: StatedCount | None = None
    establishment: StatedCount | None = None
    permanent_share: StatedPercent | None = None
    agency_rate: StatedPercent | None = None
    vacancy_rate: StatedPercent | None = None


class Snapshot(Strict):
    as_of: DateText
    vacancy_basis: Literal["unfilled", "dfe"] = Field(
        default="unfilled",
        description="dfe: `vacant` already counts agency-covered posts, as the DfE census does.",
    )
    teams: list[TeamRow] = Field(default_factory=list)
    stated_totals: StatedTotals | None = None
    notes: str | None = None


class Staffing(Strict):
    unit: Literal["fte", "headcount"] = "fte"
    snapshots: list[Snapshot] = Field(default_factory=list)


_RATIO = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*:\s*(\d+(?:\.\d+)?)\s*$")
_PERCENT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*%\s*$")

Metric = Literal["permanent_share", "agency_rate", "vacancy_rate"]


def target_percent(value: float | str) -> tuple[float, bool]:
    """A target value as a percentage, and whether it was written as a permanent:agency ratio."""
    if isinstance(value, str):
        ratio = _RATIO.match(value)
        if ratio:
            permanent, agency = float(ratio.group(1)), float(ratio.group(2))
            if not permanent + agency < MAX_NUMBER:
                raise ValueError(f'the ratio "{value}" has parts too large to be a ratio')
            if permanent + agency == 0:
                raise ValueError(f'the ratio "{value}" has no parts')
            return 100 * permanent / (permanent + agency), True
        percent = _PERCENT.match(value)
        if not percent:
            raise ValueError(f'"{value}" is not a target value; write "92%", "80:20" or 92')
        number = float(percent.group(1))
    else:
        number = float(value)
    if not 0 <= number <= 100:
        raise ValueError(f"a percentage must be between 0 and 100, not {number:g}")
    return number, False


class Target(Strict):
    id: Id
    metric: Metric = Field(
        description="permanent_share is a floor (at least); "
        "agency_rate, vacancy_rate are ceilings (at most)."
    )
    value: Annotated[
        float | str,
        Field(
            json_schema_extra={
                "description": '"92%", "80:20" (permanent:agency) or a number 0-100.'
            }
        ),
    ]
    by: DateText
    teams: list[Text] | None = None
    title: str | None = None
    notes: str | None = None
    forecast: DateText | None = Field(
        default=None, description="The plan's own prediction of when the target will be reached."
    )

    @field_validator("value", mode="before")
    @classmethod
    def _not_a_boolean(cls, value: object) -> object:
        # `value: true` would otherwise pass as the number 1, a target of 1%.
        if isinstance(value, bool):
            raise ValueError(
                f'expected a percentage ("92%", "80:20" or 92), not {str(value).lower()}'
            )
        return value

    @field_validator("value")
    @classmethod
    def _readable(cls, value: float | str) -> float | str:
        target_percent(value)
        return value

    @property
    def threshold(self) -> float:
        """The percentage the metric is compared with (a ratio is read for this metric)."""
        percent, is_ratio = target_percent(self.value)
        if is_ratio and self.metric == "agency_rate":
            return 100 - percent
        return percent


class Reading(Strict):
    as_of: DateText
    value: Number
    notes: str | None = None


class MeasureTarget(Strict):
    by: DateText
    value: Number
    notes: str | None = None


class Measure(Strict):
    id: Id
    title: Text
    unit: str | None = None
    better: Literal["lower", "higher"] | None = None
    baseline: Reading | None = None
    target: MeasureTarget | None = None
    actuals: list[Reading] = Field(default_factory=list)
    notes: str | None = None


class Plan(Strict):
    """A workforce strategy or action plan."""

    wfplan: Literal[1] = Field(description="Format version.")
    kind: Literal["plan"] = "plan"
    id: Id = Field(description="Unique across the repository.")
    title: Text
    organisation: str | None = None
    owner: Owners | None = None
    period: Period | None = None
    approvals: list[Approval] = Field(default_factory=list)
    review: Review | None = None
    notes: str | None = None
    themes: list[Theme] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    staffing: Staffing | None = None
    targets: list[Target] = Field(default_factory=list)
    measures: list[Measure] = Field(default_factory=list)


class StaffingFile(Strict):
    """Staffing snapshots kept apart from their plan (HR updates them monthly)."""

    wfplan: Literal[1]
    kind: Literal["staffing"]
    plan: Id = Field(description="The id of the plan these snapshots belong to.")
    unit: Literal["fte", "headcount"] = "fte"
    notes: str | None = None
    snapshots: list[Snapshot] = Field(default_factory=list)
