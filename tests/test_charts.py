"""The SVG charts, parsed with xml.etree and checked against hand-computed coordinates."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

import pytest

from workforce_cli.report.charts import Segment, Trend, rag_chart, trend_chart


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


TREND = Trend(
    metric="Permanent share",
    points=[(date(2021, 1, 1), 70.0), (date(2022, 1, 1), 80.0)],
    target=90.0,
    target_by=date(2023, 1, 1),
    projection=[(date(2022, 1, 1), 80.0), (date(2023, 1, 1), 90.0)],
)


def test_trend_points_are_where_hand_computation_puts_them() -> None:
    # x: 2021-01-01..2023-01-01 (730 days) over 52..616; y: 60%..100% over 256..20.
    svg = parse(trend_chart(TREND, "t"))
    actual = svg.find("polyline[@class='actual']")
    projection = svg.find("polyline[@class='projection']")
    assert actual is not None and projection is not None
    assert actual.get("points") == "52,197 334,138"
    assert projection.get("points") == "334,138 616,79"
    target = svg.find("line[@class='target']")
    assert target is not None and target.get("y1") == "79"


def test_trend_axes_carry_dates_and_percentages() -> None:
    svg = parse(trend_chart(TREND, "t"))
    axis = [t.text for t in svg.iter("text") if t.get("class") == "axis"]
    assert axis[:5] == ["60%", "70%", "80%", "90%", "100%"]
    assert "2022" in axis and "2023" in axis
    values = [t.text for t in svg.iter("text") if t.get("class") == "value"]
    assert values == ["70.0%", "80.0%"]
    labels = [t.text for t in svg.iter("text") if t.get("class") == "target-label"]
    assert labels == ["Target 90% by Jan 2023"]


def test_trend_has_a_text_alternative() -> None:
    svg = parse(trend_chart(TREND, "share-1"))
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "share-1-title share-1-desc"
    assert svg.findtext("title") == "Permanent share over time"
    assert svg.findtext("desc") == (
        "Permanent share: Jan 2021: 70.0%, Jan 2022: 80.0%. Target 90% by Jan 2023. "
        "Projected (dashed): 90.0% by Jan 2023."
    )
    assert svg.get("aria-label", "").startswith("Permanent share over time. Permanent share:")


def test_a_single_figure_gets_room_either_side() -> None:
    svg = parse(trend_chart(Trend("Permanent share", [(date(2021, 2, 28), 76.03)]), "t"))
    circle = svg.find("circle")
    assert circle is not None
    assert circle.get("cx") == "334"  # the middle of 52..616
    assert circle.findtext("title") == "Feb 2021: 76.0%"
    assert svg.find("polyline[@class='projection']") is None


def test_a_trend_without_figures_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one figure"):
        trend_chart(Trend("Permanent share", []), "t")


RAG_ROWS = [
    (
        "Recruitment",
        [Segment("red", "Red", 2), Segment("amber", "Amber", 1), Segment("green", "Green", 3)],
    ),
    ("Retention <& pay>", [Segment("complete", "Complete", 4), Segment("red", "Red", 0)]),
]


def test_rag_segments_are_to_scale_and_labelled() -> None:
    # Widest row 6 milestones, at most 3 segments: unit = (592 - 8 - 3 * 20) / 6 = 87.33.
    svg = parse(rag_chart(RAG_ROWS, "r"))
    groups = [g for g in svg.iter("g") if "seg" in (g.get("class") or "")]
    assert [g.get("class") for g in groups] == [
        "seg red",
        "seg amber",
        "seg green",
        "seg complete",
    ]
    rects = [g.find("rect") for g in groups]
    assert [r.get("width") for r in rects if r is not None] == [
        "194.67",
        "107.33",
        "282",
        "369.33",
    ]
    assert [g.findtext("text") for g in groups] == ["2 Red", "1 Amber", "3 Green", "4 Complete"]
    assert [g.findtext("title") for g in groups] == [
        "Recruitment: 2 Red",
        "Recruitment: 1 Amber",
        "Recruitment: 3 Green",
        "Retention <& pay>: 4 Complete",
    ]
    totals = [t.text for t in svg.iter("text") if t.get("class") == "total"]
    assert totals == ["6", "4"]


def test_rag_legend_names_every_rating_in_words() -> None:
    svg = parse(rag_chart(RAG_ROWS, "r"))
    legend = [t.text for t in svg.iter("text") if t.get("class") == "legend"]
    assert legend == ["Red", "Amber", "Green", "Complete"]
    assert svg.findtext("desc") == (
        "Recruitment: 2 Red, 1 Amber, 3 Green; Retention <& pay>: 4 Complete."
    )


def test_a_narrow_segment_keeps_its_number() -> None:
    rows = [("A", [Segment("red", "Red", 1), Segment("green", "Green", 60)])]
    svg = parse(rag_chart(rows, "r"))
    texts = [g.findtext("text") for g in svg.iter("g")]
    assert texts == ["1", "60 Green"]


def test_many_points_write_only_the_first_and_last_value() -> None:
    points = [(date(2021, m, 28), 70.0 + m) for m in range(1, 13)]
    svg = parse(trend_chart(Trend("Permanent share", points), "t"))
    values = [t.text for t in svg.iter("text") if t.get("class") == "value"]
    assert values == ["71.0%", "82.0%"]
    assert len(svg.findall("circle")) == 12
    assert [c.findtext("title") for c in svg.findall("circle")][5] == "Jun 2021: 76.0%"
