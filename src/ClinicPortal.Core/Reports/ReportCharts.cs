using System.Globalization;

namespace ClinicPortal.Core.Reports;

/// <summary>What a chart element represents; each renderer maps it to the same colour (<see cref="ChartPalette"/>).</summary>
public enum ChartInk { Grid, Axis, Stage, Assessment, Regression, Mood, Urge, Setback, ContactAttempt, InContact }

public enum MarkerShape { Circle, TriangleDown, Diamond }

public readonly record struct ChartPoint(double X, double Y);

public sealed record ChartTick(double Position, string Label, bool Emphasis = false);

public sealed record ChartLine(ChartInk Ink, IReadOnlyList<ChartPoint> Points);

public sealed record ChartMarker(ChartInk Ink, MarkerShape Shape, double X, double Y);

/// <param name="X">Left edge of the swatch; the label follows it.</param>
public sealed record ChartLegendItem(ChartInk Ink, string Label, bool IsMarker, MarkerShape Shape, double X);

/// <summary>
/// A chart in absolute coordinates (points, y downward) inside a Width × Height box: the plot area, tick labels,
/// polylines, markers and a legend. The PDF draws it with XGraphics and the print view as SVG with the same numbers.
/// </summary>
public sealed record ChartLayout(
    double Width, double Height,
    double PlotLeft, double PlotTop, double PlotRight, double PlotBottom,
    IReadOnlyList<ChartTick> XTicks, IReadOnlyList<ChartTick> YTicks,
    IReadOnlyList<ChartLine> Lines, IReadOnlyList<ChartMarker> Markers, IReadOnlyList<ChartLegendItem> Legend)
{
    public const double LabelSize = 7, MarkerRadius = 2.6, LegendY = 6;
}

public static class ChartPalette
{
    public static string Hex(ChartInk ink) => ink switch
    {
        ChartInk.Grid => "#e3e6ea",
        ChartInk.Axis => "#6c757d",
        ChartInk.Stage => "#0b5ed7",
        ChartInk.Assessment => "#0b5ed7",
        ChartInk.Regression => "#c62828",
        ChartInk.Mood => "#2e7d32",
        ChartInk.Urge => "#e65100",
        ChartInk.Setback => "#c62828",
        ChartInk.ContactAttempt => "#6a1b9a",
        ChartInk.InContact => "#495057", // the client copy's neutral mark for the same days as a setback
        _ => "#000000",
    };

    public static (byte R, byte G, byte B) Rgb(ChartInk ink)
    {
        var hex = Hex(ink);
        return (Convert.ToByte(hex[1..3], 16), Convert.ToByte(hex[3..5], 16), Convert.ToByte(hex[5..7], 16));
    }
}

/// <summary>Lays out the two report charts: the stage step chart and the check-in trend chart.</summary>
public static class ReportCharts
{
    private const double TopPad = 20, BottomPad = 16, RightPad = 8;

    /// <summary>
    /// Stage positions upward (the first stage at the bottom), time to the right. The line holds its level until the
    /// next assessment, then steps; each assessment is a dot, red where it was a regression.
    /// </summary>
    public static ChartLayout StagePath(StagePathSection section, ReportPeriod period, double width = ReportPage.ContentWidth)
    {
        var count = Math.Max(1, section.Stages.Count);
        var height = TopPad + BottomPad + 17.0 * count;
        var plotLeft = Math.Min(110, 12 + section.Stages.Select(s => LabelWidth(s.Name)).DefaultIfEmpty(40).Max());
        var (left, top, right, bottom) = (plotLeft, TopPad, width - RightPad, height - BottomPad);
        double X(DateOnly d) => XFor(d, period, left, right);
        double Y(int position) => bottom - (position - 0.5) / count * (bottom - top);

        var yTicks = section.Stages.Select(s => new ChartTick(Y(s.Position), s.Name, s.IsRelapse)).ToList();
        var points = new List<ChartPoint>();
        double? level = section.AtStart is { } start ? Y(start.Position) : null;
        if (level is { } y0) points.Add(new ChartPoint(left, y0));
        var markers = new List<ChartMarker>();
        foreach (var step in section.Steps)
        {
            var (x, y) = (X(step.Date), Y(step.Position));
            if (level is { } held) points.Add(new ChartPoint(x, held));
            points.Add(new ChartPoint(x, y));
            level = y;
            markers.Add(new ChartMarker(step.IsRegression ? ChartInk.Regression : ChartInk.Assessment, MarkerShape.Circle, x, y));
        }
        if (level is { } last) points.Add(new ChartPoint(right, last));

        // A client copy's path carries no regressions (see ProgressReportBuilder): its legend names none.
        var graded = section.Steps.Any(s => s.IsRegression) || section.Stages.Any(s => s.IsRelapse);
        var legend = Legend(left,
        [
            (ChartInk.Stage, "Stage", false, MarkerShape.Circle),
            (ChartInk.Assessment, "Assessment", true, MarkerShape.Circle),
            .. graded ? [(ChartInk.Regression, "Back to an earlier stage or relapse", true, MarkerShape.Circle)] : Array.Empty<(ChartInk, string, bool, MarkerShape)>(),
        ]);
        return new ChartLayout(width, height, left, top, right, bottom, DateTicks(period, left, right), yTicks,
            points.Count > 1 ? [new ChartLine(ChartInk.Stage, points)] : [], markers, legend);
    }

    /// <summary>
    /// Mood and urge (0–10) over the period: daily averages, or weekly ones for long periods. Setbacks are marked
    /// along the top edge, contact attempts along the bottom; a gap in check-ins breaks the line. The client copy
    /// (<paramref name="graded"/> false) marks the same days in grey as "in contact", not in red as setbacks.
    /// </summary>
    public static ChartLayout CheckInTrend(CheckInSection section, ReportPeriod period, bool graded = true, double width = ReportPage.ContentWidth)
    {
        var (contactInk, contactLabel) = graded ? (ChartInk.Setback, "Setback") : (ChartInk.InContact, "In contact with them");
        const double height = 170;
        var (left, top, right, bottom) = (30.0, TopPad, width - RightPad, height - BottomPad);
        var weekly = period.Days > CheckInSection.DailyChartMaxDays;
        var buckets = weekly ? section.Weeks : section.Days;
        var centre = weekly ? 3 : 0;
        var gapDays = weekly ? 14 : 3;
        double X(DateOnly d) => XFor(d < period.Start ? period.Start : d > period.End ? period.End : d, period, left, right);
        double Y(double value) => bottom - value / 10.0 * (bottom - top);

        var yTicks = Enumerable.Range(0, 6).Select(i => new ChartTick(Y(i * 2), (i * 2).ToString(CultureInfo.InvariantCulture))).ToList();
        var lines = new List<ChartLine>();
        lines.AddRange(Series(buckets, b => b.Mood, ChartInk.Mood, gapDays, b => new ChartPoint(X(b.Start.AddDays(centre)), Y(b.Mood!.Value))));
        lines.AddRange(Series(buckets, b => b.Urge, ChartInk.Urge, gapDays, b => new ChartPoint(X(b.Start.AddDays(centre)), Y(b.Urge!.Value))));

        var markers = new List<ChartMarker>();
        foreach (var day in section.Days)
        {
            if (day.Setbacks > 0) markers.Add(new ChartMarker(contactInk, MarkerShape.TriangleDown, X(day.Start), top + 4));
            if (day.ContactAttempts > 0) markers.Add(new ChartMarker(ChartInk.ContactAttempt, MarkerShape.Diamond, X(day.Start), bottom - 4));
        }
        var legend = Legend(left,
            (ChartInk.Mood, weekly ? "Mood (weekly average)" : "Mood", false, MarkerShape.Circle),
            (ChartInk.Urge, weekly ? "Urge to break contact (weekly average)" : "Urge to break contact", false, MarkerShape.Circle),
            (contactInk, contactLabel, true, MarkerShape.TriangleDown),
            (ChartInk.ContactAttempt, "Contact attempt", true, MarkerShape.Diamond));
        return new ChartLayout(width, height, left, top, right, bottom, DateTicks(period, left, right), yTicks, lines, markers, legend);
    }

    private static IEnumerable<ChartLine> Series(IReadOnlyList<CheckInBucket> buckets, Func<CheckInBucket, double?> value, ChartInk ink,
        int gapDays, Func<CheckInBucket, ChartPoint> place)
    {
        var run = new List<ChartPoint>();
        DateOnly? previous = null;
        foreach (var b in buckets.Where(b => value(b) is not null))
        {
            if (previous is { } p && b.Start.DayNumber - p.DayNumber > gapDays)
            {
                yield return Finish(ink, run);
                run = [];
            }
            run.Add(place(b));
            previous = b.Start;
        }
        if (run.Count > 0) yield return Finish(ink, run);
    }

    /// <summary>A run of one point is drawn as a short dash so it stays visible.</summary>
    private static ChartLine Finish(ChartInk ink, List<ChartPoint> run) =>
        new(ink, run.Count == 1 ? [run[0] with { X = run[0].X - 1.5 }, run[0] with { X = run[0].X + 1.5 }] : run);

    private static double XFor(DateOnly day, ReportPeriod period, double left, double right)
    {
        var span = Math.Max(1, period.End.DayNumber - period.Start.DayNumber);
        return left + (day.DayNumber - period.Start.DayNumber) / (double)span * (right - left);
    }

    /// <summary>Five dates spread evenly, the first and last at the edges of the period.</summary>
    private static List<ChartTick> DateTicks(ReportPeriod period, double left, double right)
    {
        var format = period.Days > 400 ? "MMM yyyy" : "d MMM";
        var ticks = new List<ChartTick>();
        var span = period.End.DayNumber - period.Start.DayNumber;
        var count = span == 0 ? 1 : Math.Min(5, span + 1);
        for (var i = 0; i < count; i++)
        {
            var day = period.Start.AddDays(count == 1 ? 0 : (int)Math.Round(span * i / (double)(count - 1)));
            ticks.Add(new ChartTick(XFor(day, period, left, right), day.ToString(format, CultureInfo.InvariantCulture)));
        }
        return ticks;
    }

    private static List<ChartLegendItem> Legend(double left, params (ChartInk Ink, string Label, bool IsMarker, MarkerShape Shape)[] items)
    {
        var x = left;
        var legend = new List<ChartLegendItem>();
        foreach (var (ink, label, isMarker, shape) in items)
        {
            legend.Add(new ChartLegendItem(ink, label, isMarker, shape, x));
            x += 16 + LabelWidth(label) + 12;
        }
        return legend;
    }

    /// <summary>An upper bound for a label's width at the chart font size (DejaVu Sans averages a little over half an em).</summary>
    public static double LabelWidth(string text) => text.Length * ChartLayout.LabelSize * 0.56;
}
