"""The chart of the finance report: coaching budget (R7) and wage-cost subsidy (R8) per year,
side by side, drawn with reportlab.graphics."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from beschut_desktop.documents import style
from beschut_desktop.formatting import number
from beschut_desktop.rules.finance import FinanceYear

BUDGET_FILL = style.HEADER_FILL
REALISED_FILL = style.ACCENT
FORECAST_FILL = colors.HexColor("#8fb0d6")


def _euros(value: float) -> str:
    return f"€ {number(round(value / 100), 0)}"


def years_chart(years: list[FinanceYear], width: float = style.CONTENT_WIDTH) -> Drawing:
    """Per year three bars: the budget, the subsidy realised, the subsidy forecast (stacked on
    nothing: side by side, so each money is read against the same axis)."""
    style.register_fonts()
    height = 70 * mm
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 22 * mm, 14 * mm
    chart.width, chart.height = width - 26 * mm, height - 26 * mm
    chart.data = [
        [float(y.budget.amount_cents or 0) for y in years],
        [float(y.realised_cents) for y in years],
        [float(y.forecast_cents) for y in years],
    ]
    chart.categoryAxis.categoryNames = [str(y.year) for y in years]
    chart.categoryAxis.labels.fontName = style.FONT
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = style.FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = _euros
    chart.valueAxis.gridStrokeColor = style.RULE
    chart.valueAxis.visibleGrid = True
    chart.barSpacing = 1
    chart.groupSpacing = 8
    for index, fill in enumerate((BUDGET_FILL, REALISED_FILL, FORECAST_FILL)):
        chart.bars[index].fillColor = fill
        chart.bars[index].strokeColor = style.ACCENT
        chart.bars[index].strokeWidth = 0.5
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 24 * mm, height - 3 * mm
    legend.fontName = style.FONT
    legend.fontSize = 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 50 * mm
    legend.dx = legend.dy = 7
    legend.strokeColor = style.ACCENT
    legend.colorNamePairs = [
        (BUDGET_FILL, "Begeleidingsbudget"),
        (REALISED_FILL, "Subsidie gerealiseerd"),
        (FORECAST_FILL, "Subsidie prognose"),
    ]
    drawing.add(legend)
    drawing.add(
        String(
            width,
            1 * mm,
            "Subsidie = loonkostensubsidie (R8); prognose uit de plaatsingen die op de peildatum lopen.",
            fontName=style.FONT,
            fontSize=7,
            fillColor=colors.grey,
            textAnchor="end",
        )
    )
    return drawing
