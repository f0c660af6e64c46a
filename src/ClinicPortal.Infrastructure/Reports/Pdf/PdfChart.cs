using ClinicPortal.Core.Reports;
using PdfSharp.Drawing;

namespace ClinicPortal.Infrastructure.Reports.Pdf;

/// <summary>Draws a laid-out <see cref="ChartLayout"/> as vectors; the print view draws the same layout as SVG.</summary>
internal static class PdfChart
{
    public static void Draw(XGraphics gfx, PdfStyles s, ChartLayout c, double originX, double originY)
    {
        var state = gfx.Save();
        gfx.TranslateTransform(originX, originY);
        var grid = new XPen(PdfStyles.Color(ChartInk.Grid), 0.5);
        var axis = new XPen(PdfStyles.Color(ChartInk.Axis), 0.7);
        var labels = new XSolidBrush(PdfStyles.Color(ChartInk.Axis));
        var relapse = new XSolidBrush(PdfStyles.Color(ChartInk.Regression));

        foreach (var tick in c.YTicks)
        {
            gfx.DrawLine(grid, c.PlotLeft, tick.Position, c.PlotRight, tick.Position);
            gfx.DrawString(tick.Label, tick.Emphasis ? s.ChartLabelBold : s.ChartLabel, tick.Emphasis ? relapse : labels,
                c.PlotLeft - 4, tick.Position, XStringFormats.CenterRight);
        }
        gfx.DrawLine(axis, c.PlotLeft, c.PlotTop, c.PlotLeft, c.PlotBottom);
        gfx.DrawLine(axis, c.PlotLeft, c.PlotBottom, c.PlotRight, c.PlotBottom);
        for (var i = 0; i < c.XTicks.Count; i++)
        {
            var tick = c.XTicks[i];
            gfx.DrawLine(axis, tick.Position, c.PlotBottom, tick.Position, c.PlotBottom + 2.5);
            var format = c.XTicks.Count > 1 && i == 0 ? XStringFormats.TopLeft
                : c.XTicks.Count > 1 && i == c.XTicks.Count - 1 ? XStringFormats.TopRight : XStringFormats.TopCenter;
            gfx.DrawString(tick.Label, s.ChartLabel, labels, tick.Position, c.PlotBottom + 4, format);
        }

        foreach (var line in c.Lines)
            gfx.DrawLines(new XPen(PdfStyles.Color(line.Ink), 1.3) { LineJoin = XLineJoin.Round }, line.Points.Select(p => new XPoint(p.X, p.Y)).ToArray());
        foreach (var m in c.Markers) Marker(gfx, m.Ink, m.Shape, m.X, m.Y);

        foreach (var item in c.Legend)
        {
            var y = ChartLayout.LegendY;
            if (item.IsMarker) Marker(gfx, item.Ink, item.Shape, item.X + 6, y);
            else gfx.DrawLine(new XPen(PdfStyles.Color(item.Ink), 1.6), item.X, y, item.X + 12, y);
            gfx.DrawString(item.Label, s.ChartLabel, labels, item.X + 16, y, XStringFormats.CenterLeft);
        }
        gfx.Restore(state);
    }

    private static void Marker(XGraphics gfx, ChartInk ink, MarkerShape shape, double x, double y)
    {
        var brush = new XSolidBrush(PdfStyles.Color(ink));
        var outline = new XPen(XColors.White, 0.6);
        const double r = ChartLayout.MarkerRadius;
        switch (shape)
        {
            case MarkerShape.Circle:
                gfx.DrawEllipse(outline, brush, x - r, y - r, 2 * r, 2 * r);
                break;
            case MarkerShape.TriangleDown:
                gfx.DrawPolygon(outline, brush, [new XPoint(x - r - 0.6, y - r), new XPoint(x + r + 0.6, y - r), new XPoint(x, y + r)], XFillMode.Winding);
                break;
            default:
                gfx.DrawPolygon(outline, brush, [new XPoint(x, y - r - 0.4), new XPoint(x + r, y), new XPoint(x, y + r + 0.4), new XPoint(x - r, y)], XFillMode.Winding);
                break;
        }
    }
}
