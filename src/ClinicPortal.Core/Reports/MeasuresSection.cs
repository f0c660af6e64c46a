using System.Globalization;
using ClinicPortal.Core.Measures;

namespace ClinicPortal.Core.Reports;

/// <summary>One questionnaire sent by the period's end, as a score.</summary>
public sealed record ReportMeasureScore(Guid ResponseId, string InstrumentCode, DateTimeOffset At, int Total, bool SafetyFlag);

/// <summary>One score of the period, with its band and its change from the client's first score on the instrument.</summary>
public sealed record ReportScoreLine(DateOnly Date, int Total, ScoreBand Band, int ChangeFromFirst, ChangeKind Change, bool SafetyFlag);

/// <summary>An instrument answered in the period: the first score ever (which may be before the period), how many came before the period, and the period's scores.</summary>
public sealed record InstrumentLines(Instrument Instrument, DateOnly FirstOn, int FirstTotal, int Earlier, IReadOnlyList<ReportScoreLine> Scores)
{
    public ReportScoreLine Latest => Scores[^1];
    /// <summary>Whether the period's one score is the first ever, so there is nothing to compare it with.</summary>
    public bool OnlyStart => Earlier == 0 && Scores.Count == 1;
    public bool SafetyFlagged => Scores.Any(s => s.SafetyFlag);
}

/// <summary>The questionnaires answered in the period, each read against the client's first score as of the period's end.</summary>
public sealed record MeasuresSection(IReadOnlyList<InstrumentLines> Instruments)
{
    public bool IsEmpty => Instruments.Count == 0;

    /// <summary>Scores sent after the period's end do not count, and an instrument with no score in the period is left out.</summary>
    public static MeasuresSection For(ReportInputs inputs, ReportPeriod period)
    {
        var byEnd = (inputs.MeasureScores ?? []).Where(s => inputs.LocalDate(s.At) <= period.End).ToList();
        var lines = new List<InstrumentLines>();
        foreach (var instrument in Measures.Instruments.All)
        {
            var trend = ScoreTrend.Of(instrument, byEnd.Where(s => s.InstrumentCode == instrument.Code).Select(s => (s.ResponseId, s.At, s.Total, s.SafetyFlag)));
            var inPeriod = trend.Points.Where(p => period.Contains(inputs.LocalDate(p.At)))
                .Select(p => new ReportScoreLine(inputs.LocalDate(p.At), p.Total, p.Band, p.ChangeFromFirst, p.Change, p.SafetyFlag)).ToList();
            if (inPeriod.Count > 0)
                lines.Add(new InstrumentLines(instrument, inputs.LocalDate(trend.Points[0].At), trend.Points[0].Total,
                    trend.Points.Count(p => inputs.LocalDate(p.At) < period.Start), inPeriod));
        }
        return new MeasuresSection(lines);
    }

    /// <summary>
    /// The clinician copy has totals, bands, reliable change and item 9; the client copy has none of them: each score
    /// in the band's plain words and one sentence on how things compare with the first time, without grading the client.
    /// </summary>
    public void Compose(List<ReportBlock> blocks, ReportAudience audience)
    {
        var provider = audience == ReportAudience.Provider;
        blocks.Add(new HeadingBlock(provider ? "Questionnaires (measures)" : "Your questionnaires", 2));
        if (IsEmpty)
        {
            blocks.Add(new ParagraphBlock(provider ? "No questionnaires were answered in this period." : "You did not fill in a questionnaire in this period.",
                TextTone.Muted));
            return;
        }
        foreach (var line in Instruments)
            if (provider) Clinician(blocks, line);
            else Client(blocks, line);
    }

    private static void Clinician(List<ReportBlock> blocks, InstrumentLines l)
    {
        var inv = CultureInfo.InvariantCulture;
        var i = l.Instrument;
        var latest = l.Latest;
        blocks.Add(new KeyValueBlock(
        [
            new(i.Code, $"{l.Scores.Count} in the period; latest {latest.Total} of {i.MaxTotal} ({latest.Band.Label}) on {ReportPeriod.Format(latest.Date)}"),
            new("First score", $"{l.FirstTotal} ({i.BandOf(l.FirstTotal).Label}) on {ReportPeriod.Format(l.FirstOn)}"),
            new("Change from the first", $"{Signed(latest.ChangeFromFirst)}: {ReliableChangeRule.Describe(latest.Change).ToLowerInvariant()} "
                + $"(threshold {i.ReliableChange} points)"),
            .. i.CutOff is { } c ? [new KeyValue("Screening cut-off", $"{c.Words}: latest {(i.AtOrAboveCutOff(latest.Total) ? "at or above" : "below")}")]
                : Array.Empty<KeyValue>(),
            .. i.SafetyItem is { } item ? [new KeyValue($"Item {item} (self-harm)", l.SafetyFlagged
                ? $"Answered above 0 {Times(l.Scores.Count(s => s.SafetyFlag))} in the period" : "Not flagged in the period")] : Array.Empty<KeyValue>(),
        ]));
        blocks.Add(new TableBlock($"{i.Code} scores in the period",
            [new("Date", 80), new("Total", 50, true), new("Band", 120), new("Change from first", 85, true), new("Reliable change", 100), new("Item 9", 60)],
            l.Scores.Select(s => new TableRow([ReportPeriod.Format(s.Date), s.Total.ToString(inv), s.Band.Label, Signed(s.ChangeFromFirst),
                ReliableChangeRule.Describe(s.Change), i.SafetyItem is null ? "–" : s.SafetyFlag ? "Flagged" : "No"],
                s.SafetyFlag || s.Change == ChangeKind.ReliablyWorse ? RowMark.Attention : RowMark.None)).ToList()));
    }

    private static void Client(List<ReportBlock> blocks, InstrumentLines l)
    {
        blocks.Add(new ParagraphBlock($"{l.Instrument.Name}: {PlainChange(l)}"));
        blocks.Add(new TableBlock($"Your {l.Instrument.Code} answers", [new("Date", 100), new("What your answers suggest", 395)],
            l.Scores.Select(s => new TableRow([ReportPeriod.Format(s.Date), s.Band.PlainWords])).ToList()));
    }

    /// <summary>How the latest answers compare with the first, in words that describe the answers and never the person.</summary>
    public static string PlainChange(InstrumentLines l)
    {
        if (l.OnlyStart) return "this was the first time you filled it in, so it gives us a starting point to look back on.";
        var since = l.FirstOn.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        return l.Latest.Change switch
        {
            ChangeKind.ReliablyImproved => $"your answers suggest things have eased since {since}.",
            ChangeKind.ReliablyWorse => $"your answers suggest things have felt harder lately than in {since}. That is worth talking over together; it is not a mark against you.",
            _ => $"your answers are much like they were in {since}.",
        };
    }

    private static string Signed(int change) => change switch { > 0 => $"+{change}", 0 => "0", _ => change.ToString(CultureInfo.InvariantCulture) };
    private static string Times(int n) => n == 1 ? "once" : $"{n} times";
}
