using ClinicPortal.Core.CheckIns;
using System.Globalization;
using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Safety;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Core.SupportNetwork;

namespace ClinicPortal.Core.Reports;

/// <summary>
/// Turns a computed report into the blocks both renderings draw: what each section says, in which words and order.
/// The client copy never gets safety wording or risk labels: its model holds none, and no block here adds them.
/// Nor does it grade the client: no regressions, no "setbacks" or "no-shows", no rows marked in red.
/// </summary>
public static class ReportComposer
{
    public const string NoData = "No data in this period.";
    public const string NoCheckIns = "No check-ins in this period.";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static ReportDocument Compose(ProgressReport report)
    {
        var blocks = new List<ReportBlock>();
        var h = report.Header;
        blocks.Add(new HeadingBlock("Progress report", 1));
        blocks.Add(new KeyValueBlock(
        [
            new("Client", h.ClientName),
            new("Clinician", h.ClinicianName),
            new("Clinic", h.ClinicName),
            new("Period", $"{h.Period} ({Count(h.Period.Days, "day")})"),
            new("Prepared for", h.Audience == ReportAudience.Client ? "The client (client copy)" : "A supervisor or another provider (provider copy)"),
            new("Generated", $"{h.GeneratedAtLocal.ToString("d MMM yyyy, HH:mm", Invariant)} by {h.GeneratedBy}"),
            new("Reference", h.Reference),
        ]));
        if (!report.HasData)
            blocks.Add(new ParagraphBlock($"{NoData} Nothing was recorded for this client between {ReportPeriod.Format(h.Period.Start)} and "
                + $"{ReportPeriod.Format(h.Period.End)} in the sections chosen.", TextTone.Notice));

        if (report.Options.ClinicianSummary is { } summary)
        {
            blocks.Add(new HeadingBlock("Clinician summary", 2));
            blocks.AddRange(summary.Split('\n').Where(p => p.Trim().Length > 0).Select(p => new ParagraphBlock(p.Trim())));
        }
        if (report.StagePath is { } stage) StagePath(blocks, stage, h.Period, h.Audience);
        if (report.CheckIns is { } checkIns) CheckIns(blocks, checkIns, h.Period, h.Audience);
        if (report.Boundaries is { } boundaries) Boundaries(blocks, boundaries);
        if (report.Support is { } support) Support(blocks, support);
        if (report.Safety is { } safety && h.Audience == ReportAudience.Provider) Safety(blocks, safety);
        if (h.Audience == ReportAudience.Provider) report.Incidents?.Compose(blocks);
        if (report.Attendance is { } attendance) Attendance(blocks, attendance, h.Audience);
        report.Measures?.Compose(blocks, h.Audience);
        report.TreatmentPlan?.Compose(blocks, h.Audience);

        blocks.Add(new SignatureBlock(h.ClinicianName, "Clinician signature"));
        return new ReportDocument("Progress report", blocks);
    }

    private static void StagePath(List<ReportBlock> blocks, StagePathSection s, ReportPeriod period, ReportAudience audience)
    {
        blocks.Add(new HeadingBlock("Stage path", 2));
        if (s.IsEmpty)
        {
            blocks.Add(new ParagraphBlock(s.AtStart is { } held
                ? $"No stage assessments in this period. The last assessment before it ({ReportPeriod.Format(held.Date)}) placed the client in {held.Stage}."
                : "No stage assessments in this period.", TextTone.Muted));
            return;
        }
        var provider = audience == ReportAudience.Provider;
        blocks.Add(new KeyValueBlock(
        [
            new("Stage model", s.ModelName),
            new("At the start of the period", s.AtStart is { } start ? $"{start.Stage} (assessed {ReportPeriod.Format(start.Date)})" : "Not yet assessed"),
            new("At the end of the period", $"{s.AtEnd!.Stage} (assessed {ReportPeriod.Format(s.AtEnd.Date)})"),
            new("Assessments in the period", s.Steps.Count.ToString(Invariant)),
            // The client copy does not grade the client: no count of moves back.
            .. provider ? [new KeyValue("Moves back (regressions)", s.Regressions.ToString(Invariant))] : Array.Empty<KeyValue>(),
        ]));
        blocks.Add(new ChartBlock(ReportCharts.StagePath(s, period), provider
            ? $"Stage path chart: {s.Steps.Count} assessments in {s.ModelName}; moves back are marked in red."
            : $"Stage path chart: {s.Steps.Count} assessments in {s.ModelName}."));
        TableColumn[] columns = provider
            ? [new("Date", 70), new("Stage", 90), new("Movement", 130), new("Evidence", 205)]
            : [new("Date", 80), new("Stage", 130), new("Movement", 200)];
        var rows = s.Steps.Select(step => new TableRow(provider
                ? [ReportPeriod.Format(step.Date), step.Stage, step.Movement, step.Evidence]
                : [ReportPeriod.Format(step.Date), step.Stage, step.Movement],
            step.IsRegression ? RowMark.Attention : RowMark.None)).ToList();
        blocks.Add(new TableBlock("Stage assessments", columns, rows));
        if (s.OtherModelAssessments > 0)
            blocks.Add(new ParagraphBlock($"{Count(s.OtherModelAssessments, "assessment")} in this period used another stage model and "
                + "are not drawn on this path (stage positions only compare within one model).", TextTone.Muted));
    }

    private static void CheckIns(List<ReportBlock> blocks, CheckInSection c, ReportPeriod period, ReportAudience audience)
    {
        var provider = audience == ReportAudience.Provider;
        var contactMade = provider ? "Setbacks (contact broken)" : "Times in contact with them";
        blocks.Add(new HeadingBlock("Check-in trends", 2));
        if (c.IsEmpty)
        {
            blocks.Add(new ParagraphBlock(NoCheckIns, TextTone.Muted));
            return;
        }
        blocks.Add(new KeyValueBlock(
        [
            new("Check-ins", $"{c.CheckIns} on {Count(c.DaysWithCheckIns, "day")}"),
            new("Mood (0–10)", Trend(c.AverageMood, c.MoodTrend)),
            new("Urge to break contact (0–10)", Trend(c.AverageUrge, c.UrgeTrend)),
            new(contactMade, c.Setbacks.ToString(Invariant)),
            new("Contact attempts reported", c.ContactAttempts == 0 ? "0"
                : $"{c.ContactAttempts} ({string.Join(", ", c.AttemptsByChannel.Select(a => $"{a.Channel} {a.Count}"))})"),
            .. TallyLines(c.Tally),
        ]));
        blocks.Add(new ChartBlock(ReportCharts.CheckInTrend(c, period, provider), provider
            ? $"Check-in chart: mood and urge to break contact, 0 to 10; {Count(c.Setbacks, "setback")} and {Count(c.ContactAttempts, "contact attempt")} marked."
            : $"Check-in chart: mood and urge to break contact, 0 to 10; {Count(c.Setbacks, "time", "times")} in contact and {Count(c.ContactAttempts, "contact attempt")} marked."));
        var rows = c.Weeks.Select(w => new TableRow(
            [ReportPeriod.Format(w.Start), w.CheckIns.ToString(Invariant), Number(w.Mood), Number(w.Urge), w.Setbacks.ToString(Invariant),
             w.ContactAttempts.ToString(Invariant)],
            provider && w.Setbacks > 0 ? RowMark.Attention : RowMark.None)).ToList();
        blocks.Add(new TableBlock("Check-ins by week",
            [new("Week of", 95), new("Check-ins", 65, true), new("Mood", 65, true), new("Urge", 65, true), new(provider ? "Setbacks" : "In contact", 70, true),
             new("Contact attempts", 95, true)],
            rows));
    }

    /// <summary>Looking them up, feelings, and attempts per person: only what the check-ins of the period said.</summary>
    private static IEnumerable<KeyValue> TallyLines(CheckInTally t)
    {
        if (t.LookedUp > 0) yield return new("Looked them up", $"{t.LookedUp} of {Count(t.CheckIns, "check-in")}");
        if (t.AttemptsByPerson.Any(p => p.Person != CheckInTally.Unnamed))
            yield return new("Contact attempts by person", string.Join(", ", t.AttemptsByPerson.Select(p => $"{p.Person} {p.Count}")));
        if (t.Emotions.Count > 0)
            yield return new("Feelings noted", string.Join(", ", t.Emotions.Select(e => $"{EmotionTags.Of(e.Tag)} {e.Count}")));
    }

    private static void Boundaries(List<ReportBlock> blocks, BoundarySection b)
    {
        blocks.Add(new HeadingBlock("Boundary plan", 2));
        if (b.IsEmpty)
        {
            blocks.Add(new ParagraphBlock("No boundaries recorded by the end of this period.", TextTone.Muted));
            return;
        }
        blocks.Add(new ParagraphBlock($"{Count(b.Boundaries.Count, "boundary", "boundaries")}; {Count(b.Changes, "contact-level change")} in this period.", TextTone.Muted));
        var rows = b.Boundaries.Select(l => new TableRow(
        [
            l.Person, BoundaryLabels.Of(l.Relationship), BoundaryLabels.Of(l.LevelAtEnd), l.DoorOpen ? "Yes" : "No",
            l.ChangesInPeriod.Count == 0 ? "No change" : string.Join("\n", l.ChangesInPeriod.Select(c =>
                $"{ReportPeriod.Format(c.Date)}: {c.Change.Describe()}" + (c.Note is { } note ? $". {note}" : ""))),
        ])).ToList();
        blocks.Add(new TableBlock("Boundaries",
            [new("Person or group", 95), new("Relationship", 80), new("Contact level at end of period", 85), new("Door open", 45), new("Changes in this period", 190)],
            rows));
        var conditions = b.Boundaries.SelectMany(l => l.ConditionsAtEnd.Select(c => new TableRow(
        [
            l.Person, c.Text,
            BoundaryLabels.Of(c.Status) + (c.StatusDate is { } since ? $" since {ReportPeriod.Format(since)}" : ""),
            c.Evidence ?? "—",
        ]))).ToList();
        if (conditions.Count > 0)
            blocks.Add(new TableBlock("Conditions for reconsidering contact, at the end of the period",
                [new("Person or group", 95), new("Condition", 190), new("Status", 85), new("Evidence", 125)], conditions));
    }

    private static void Support(List<ReportBlock> blocks, SupportSection s)
    {
        blocks.Add(new HeadingBlock("Support network", 2));
        if (s.IsEmpty)
        {
            blocks.Add(new ParagraphBlock("No support network recorded by the end of this period.", TextTone.Muted));
            return;
        }
        var items = new List<KeyValue> { new(SupportLabels.Of(SupportRole.Supportive), s.Supportive.ToString(Invariant)) };
        if (s.MutualNeutral is { } mutual) items.Add(new(SupportLabels.Of(SupportRole.MutualNeutral), mutual.ToString(Invariant)));
        if (s.Risk is { } risk) items.Add(new(SupportLabels.Of(SupportRole.Risk), risk.ToString(Invariant)));
        if (s.Unknown is { } unknown) items.Add(new("Role not yet known", unknown.ToString(Invariant)));
        items.Add(new("Crisis contacts", s.CrisisContacts.Count.ToString(Invariant)));
        blocks.Add(new KeyValueBlock(items));
        if (s.CrisisContacts.Count > 0)
            blocks.Add(new TableBlock("Crisis contacts", [new("Name", 170), new("Relationship", 170), new("Phone", 155)],
                s.CrisisContacts.Select(c => new TableRow([c.Name, c.Relationship ?? "", c.Phone ?? ""])).ToList()));
    }

    private static void Safety(List<ReportBlock> blocks, SafetySection s)
    {
        blocks.Add(new HeadingBlock("Safety concerns", 2));
        blocks.Add(new KeyValueBlock([new("Safety plan at the end of the period", s.Plan is { } plan
            ? $"Revision {plan.Revision}, saved {ReportPeriod.Format(plan.SavedOn)}; {plan.StepsFilled} of {SafetyPlan.Steps.Count} steps filled; "
                + (plan.SharedWithClient ? "shared with the client" : "not shared with the client")
            : "None saved by then")]));
        if (s.IsEmpty)
        {
            blocks.Add(new ParagraphBlock("No safety concerns open during this period.", TextTone.Muted));
            return;
        }
        blocks.Add(new KeyValueBlock(
        [
            new("Opened in the period", s.OpenedInPeriod.ToString(Invariant)),
            new("Resolved in the period", s.ResolvedInPeriod.ToString(Invariant)),
            new("Still open at the end", s.OpenAtEnd.ToString(Invariant)),
        ]));
        var rows = s.Concerns.Select(c => new TableRow(
        [
            c.Type, SafetyLabels.Of(c.Severity), ReportPeriod.Format(c.FirstNoticed),
            c.StatusAtEnd == ConcernStatus.Resolved ? $"Resolved {ReportPeriod.Format(c.ResolvedOn!.Value)}"
                : c.ResolvedOn is { } later ? $"{SafetyLabels.Of(c.StatusAtEnd)} (resolved {ReportPeriod.Format(later)}, after the period)"
                : SafetyLabels.Of(c.StatusAtEnd),
            c.ActionsInPeriod.Count == 0 ? "None recorded" : string.Join("\n", c.ActionsInPeriod),
            c.ResolutionNote ?? "",
        ], c.StatusAtEnd != ConcernStatus.Resolved && c.Severity >= ConcernSeverity.High ? RowMark.Attention : RowMark.None)).ToList();
        if (rows.Count > 0)
            blocks.Add(new TableBlock("Concerns",
                [new("Concern", 100), new("Severity (latest)", 58), new("First noticed", 62), new("Status at end of period", 80), new("Actions in the period", 90), new("Resolution", 105)],
                rows));
        if (s.Alerts.Count == 0) return;
        var alerts = s.Alerts.Select(a => new TableRow(
        [
            ReportPeriod.Format(a.RaisedOn), a.Alert, SafetyLabels.Of(a.Severity),
            a.AcknowledgedOn is { } on ? ReportPeriod.Format(on) : "Not acknowledged",
            a.Response ?? (a.AcknowledgedOn is null ? "" : "Not recorded"),
        ], a.AcknowledgedOn is null ? RowMark.Attention : RowMark.None)).ToList();
        blocks.Add(new TableBlock("Urgent alerts and what was done",
            [new("Raised", 62), new("Alert", 130), new("Severity", 58), new("Acknowledged", 80), new("What was done", 165)], alerts));
    }

    private static void Attendance(List<ReportBlock> blocks, AttendanceSection a, ReportAudience audience)
    {
        var provider = audience == ReportAudience.Provider;
        blocks.Add(new HeadingBlock("Attendance", 2));
        if (a.IsEmpty)
        {
            blocks.Add(new ParagraphBlock("No sessions or session notes in this period.", TextTone.Muted));
            return;
        }
        blocks.Add(new KeyValueBlock(
        [
            new("Sessions kept", a.Completed.ToString(Invariant)),
            new("Cancelled", a.Cancelled.ToString(Invariant)),
            new(provider ? "No-show" : "Missed", a.NoShows.ToString(Invariant)),
            .. a.NotMarked > 0 ? [new KeyValue("Outcome not recorded yet", a.NotMarked.ToString(Invariant))] : Array.Empty<KeyValue>(),
            new("Attendance", a.AttendanceRate is { } rate ? $"{(rate * 100).ToString("0", Invariant)}% of sessions due (cancellations not counted)" : "No sessions due"),
            new("Session notes", $"{a.Notes.Written} written, {a.Notes.Signed} signed"),
        ]));
        if (a.Sessions.Count > 0)
            blocks.Add(new TableBlock("Sessions",
                [new("Date", 120), new("Time", 70), new("Format", 100), new("Length", 70, true), new("Outcome", 135)],
                a.Sessions.Select(s => new TableRow(
                [
                    s.StartsAtLocal.ToString("ddd d MMM yyyy", Invariant), s.StartsAtLocal.ToString("HH:mm", Invariant), TherapySession.Describe(s.Modality),
                    $"{s.DurationMinutes} min", Outcome(s.Status, provider),
                ], provider && s.Status == SessionStatus.NoShow ? RowMark.Attention : RowMark.None)).ToList()));
    }

    private static string Outcome(SessionStatus status, bool provider) => status switch
    {
        SessionStatus.Completed => "Kept",
        SessionStatus.Cancelled => "Cancelled",
        SessionStatus.NoShow => provider ? "No-show" : "Missed",
        _ => "Not recorded yet",
    };

    private static string Trend(double? average, (double? FirstHalf, double? SecondHalf) halves) =>
        average is null ? "Not rated"
        : halves is ({ } first, { } second) ? $"average {Number(average)}; first half {Number(first)} → second half {Number(second)}"
        : $"average {Number(average)}";

    private static string Number(double? value) => value is { } v ? v.ToString("0.0", Invariant) : "–";

    private static string Count(int n, string singular, string? plural = null) => $"{n} {(n == 1 ? singular : plural ?? singular + "s")}";
}
