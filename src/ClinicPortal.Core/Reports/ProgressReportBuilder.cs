using ClinicPortal.Core.CheckIns;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Progress;
using ClinicPortal.Core.Safety;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Core.SupportNetwork;

namespace ClinicPortal.Core.Reports;

/// <summary>Computes a <see cref="ProgressReport"/> from the loaded rows: every figure in the report is decided here.</summary>
public static class ProgressReportBuilder
{
    public static ProgressReport Build(ReportInputs inputs, ReportOptions options, ReportGeneration generation)
    {
        var period = options.Period;
        var header = new ReportHeader(generation.ReportId, inputs.Client.DisplayName, inputs.ClinicianName, inputs.ClinicName, period,
            options.Audience, TimeZoneInfo.ConvertTime(generation.At, inputs.Zone).DateTime, generation.ByName);

        var stage = options.Includes(ReportSections.StagePath) ? StagePathFor(inputs, period, options.Audience) : null;
        var checkIns = options.Includes(ReportSections.CheckIns) ? CheckInsFor(inputs.CheckIns, period) : null;
        var boundaries = options.Includes(ReportSections.BoundaryPlan) ? BoundariesFor(inputs, period, options.Audience) : null;
        var support = options.Includes(ReportSections.SupportNetwork) ? SupportFor(inputs, period, options.Audience) : null;
        var safety = options.Includes(ReportSections.SafetyConcerns) && options.Audience == ReportAudience.Provider ? SafetyFor(inputs, period) : null;
        var attendance = options.Includes(ReportSections.Attendance) ? AttendanceFor(inputs, period) : null;
        var plan = options.Includes(ReportSections.TreatmentPlan) ? TreatmentPlanSection.For(inputs, period, options.Audience) : null;
        var measures = options.Includes(ReportSections.Measures) ? MeasuresSection.For(inputs, period) : null;
        var incidents = safety is null ? null : IncidentsSection.For(inputs, period); // part of the safety section (provider copy)

        var hasData = stage is { IsEmpty: false } || checkIns is { IsEmpty: false } || boundaries is { IsEmpty: false }
            || support is { IsEmpty: false } || safety is { IsEmpty: false } || attendance is { IsEmpty: false }
            || plan is { IsEmpty: false } || measures is { IsEmpty: false } || incidents is { IsEmpty: false };
        return new ProgressReport(header, options, hasData, stage, checkIns, boundaries, support, safety, attendance, plan, measures, incidents);
    }

    /// <summary>
    /// The path in the model in force at the end of the period (the model of the latest assessment up to then, else the
    /// client's current model). Earlier assessments count for the starting stage and for classifying the first move.
    /// </summary>
    public static StagePathSection StagePathFor(ReportInputs inputs, ReportPeriod period, ReportAudience audience)
    {
        var upToEnd = inputs.Assessments.Where(a => a.AssessedOn <= period.End).ToList();
        var modelId = upToEnd.OrderBy(a => a.AssessedOn).ThenBy(a => a.CreatedAt).LastOrDefault()?.ModelId ?? inputs.CurrentStageModelId;
        var model = inputs.StageModels.FirstOrDefault(m => m.Id == modelId)
            ?? throw new InvalidOperationException("The stage model of the client's assessments was not loaded.");
        var path = StagePath.Build(model, upToEnd);

        StageStep? atStart = null;
        var steps = new List<StageStep>();
        Stage? previous = null;
        var provider = audience == ReportAudience.Provider;
        foreach (var point in path.Points)
        {
            // The client copy shows where the client was and how they moved, not the clinician's evidence notes,
            // and it does not grade the moves: no regressions, no relapse stage, plain words.
            var evidence = provider ? point.Assessment.Evidence : "";
            var step = new StageStep(point.Assessment.AssessedOn, point.Stage.Name, point.Stage.Position, provider ? point.Regression : Regression.None,
                provider ? Movement(previous, point) : PlainMovement(previous, point), evidence);
            if (point.Assessment.AssessedOn < period.Start) atStart = step;
            else steps.Add(step);
            previous = point.Stage;
        }
        var otherModels = inputs.Assessments.Count(a => a.ModelId != model.Id && period.Contains(a.AssessedOn));
        var axis = model.OrderedStages.Select(s => new StageAxisEntry(s.Position, s.Name, provider && s.IsRelapse)).ToList();
        return new StagePathSection(model.Name, axis, atStart, steps, otherModels);
    }

    public static string Movement(Stage? previous, PathPoint point) => point.Regression switch
    {
        Regression.Relapse => previous is null ? "Relapse" : $"Relapse (from {previous.Name})",
        Regression.EarlierStage => $"Back to an earlier stage (from {previous!.Name})",
        _ when previous is null => "First assessment",
        _ when previous.Id == point.Stage.Id => "Same stage",
        _ => $"Forward from {previous.Name}",
    };

    /// <summary>The client copy's words for a move: where from, without calling it forward or back.</summary>
    public static string PlainMovement(Stage? previous, PathPoint point) => previous switch
    {
        null => "First assessment",
        _ when previous.Id == point.Stage.Id => "Same stage",
        _ => $"From {previous.Name}",
    };

    public static CheckInSection CheckInsFor(IReadOnlyList<ReportCheckIn> all, ReportPeriod period)
    {
        var checkIns = all.Where(c => period.Contains(c.Date)).ToList();
        var days = Buckets(checkIns, c => c.Date);
        var weeks = Buckets(checkIns, c => ClinicTime.WeekStart(c.Date));
        var middle = period.Start.AddDays(period.Days / 2);
        var first = checkIns.Where(c => c.Date < middle).ToList();
        var second = checkIns.Where(c => c.Date >= middle).ToList();
        var channels = checkIns.SelectMany(c => c.ContactAttemptChannels)
            .GroupBy(ch => ch).Select(g => new ChannelCount(g.Key, g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Channel, StringComparer.Ordinal).ToList();
        return new CheckInSection(days, weeks, checkIns.Count,
            Average(checkIns.Select(c => c.Mood)), Average(checkIns.Select(c => c.Urge)),
            (Average(first.Select(c => c.Mood)), Average(second.Select(c => c.Mood))),
            (Average(first.Select(c => c.Urge)), Average(second.Select(c => c.Urge))),
            checkIns.Count(c => c.Setback), checkIns.Sum(c => c.ContactAttemptChannels.Count), channels)
        {
            Tally = CheckInTally.Of(checkIns.Select(c => new TallyInput(c.LookedUp, c.Emotions, c.ContactAttemptChannels.Count > 0, c.AttemptedBy)).ToList()),
        };
    }

    private static List<CheckInBucket> Buckets(List<ReportCheckIn> checkIns, Func<ReportCheckIn, DateOnly> key) =>
        checkIns.GroupBy(key).OrderBy(g => g.Key).Select(g => new CheckInBucket(g.Key, g.Count(),
            Average(g.Select(c => c.Mood)), Average(g.Select(c => c.Urge)),
            g.Count(c => c.Setback), g.Sum(c => c.ContactAttemptChannels.Count))).ToList();

    private static double? Average(IEnumerable<int?> values)
    {
        var (sum, count) = (0, 0);
        foreach (var v in values)
            if (v is { } x) (sum, count) = (sum + x, count + 1);
        return count == 0 ? null : (double)sum / count;
    }

    /// <summary>
    /// Each boundary as it stood at the end of the period (its last revision up to then), with the contact-level moves
    /// made during the period. Boundaries created after the period are left out. The client's copy holds only the conditions
    /// shared with them.
    /// </summary>
    public static BoundarySection BoundariesFor(ReportInputs inputs, ReportPeriod period, ReportAudience audience = ReportAudience.Provider)
    {
        var lines = new List<BoundaryLine>();
        foreach (var revisions in inputs.BoundaryRevisions.GroupBy(r => r.BoundaryId))
        {
            var upToEnd = revisions.Where(r => inputs.LocalDate(r.CreatedAt) <= period.End).OrderBy(r => r.Number).ToList();
            if (upToEnd.Count == 0) continue;
            var last = upToEnd[^1].ReadSnapshot();
            var changes = upToEnd.Where(r => period.Contains(inputs.LocalDate(r.CreatedAt)) && r.LevelChange().IsEvent)
                .Select(r => new DatedLevelChange(inputs.LocalDate(r.CreatedAt), r.LevelChange(), r.Note)).ToList();
            var conditions = last.Conditions.Where(c => audience != ReportAudience.Client || c.SharedWithClient).ToList();
            lines.Add(new BoundaryLine(last.PersonName, last.Relationship, last.ContactLevel, last.DoorOpen, changes, conditions));
        }
        return new BoundarySection(lines.OrderBy(l => ContactLevelChange.Openness(l.LevelAtEnd)).ThenBy(l => l.Person, StringComparer.OrdinalIgnoreCase).ToList());
    }

    /// <summary>
    /// The network as recorded by the end of the period, each person with the role they had then (from the role history);
    /// a crisis contact counts only while supportive.
    /// </summary>
    public static SupportSection SupportFor(ReportInputs inputs, ReportPeriod period, ReportAudience audience)
    {
        var changes = (inputs.SupportRoleChanges ?? []).ToLookup(c => c.PersonId);
        var people = inputs.SupportPeople.Where(p => inputs.LocalDate(p.CreatedAt) <= period.End)
            .Select(p => (Person: p, Role: SupportRoleChange.RoleAt(p.Role, changes[p.Id], at => inputs.LocalDate(at) <= period.End))).ToList();
        var crisis = people.Where(p => p.Person.IsCrisisContact && p.Role == SupportRole.Supportive).OrderBy(p => p.Person.Name, StringComparer.OrdinalIgnoreCase)
            .Select(p => new CrisisContactLine(p.Person.Name, p.Person.Relationship, p.Person.Phone)).ToList();
        int Count(SupportRole role) => people.Count(p => p.Role == role);
        return audience == ReportAudience.Provider
            ? new SupportSection(Count(SupportRole.Supportive), Count(SupportRole.MutualNeutral), Count(SupportRole.Risk), Count(SupportRole.Unknown), crisis)
            : new SupportSection(Count(SupportRole.Supportive), null, null, null, crisis);
    }

    /// <summary>The safety plan as it stood at the end of the period: its last revision saved by then, if any.</summary>
    public static SafetyPlanAtEnd? SafetyPlanFor(ReportInputs inputs, ReportPeriod period) =>
        (inputs.SafetyPlanRevisions ?? []).Where(r => inputs.LocalDate(r.CreatedAt) <= period.End).MaxBy(r => r.Number) is { } last
            ? new SafetyPlanAtEnd(last.Number, inputs.LocalDate(last.CreatedAt), last.SharedWithClient, last.ReadSteps().Count(s => s.Value is not null))
            : null;

    /// <summary>
    /// Concerns that were open at some point in the period: first noticed by its end and not resolved before its start.
    /// Severity is the latest recorded; the status is the one at the end of the period.
    /// </summary>
    public static SafetySection SafetyFor(ReportInputs inputs, ReportPeriod period)
    {
        var lines = new List<ConcernLine>();
        var resolvedInPeriod = 0;
        foreach (var c in inputs.Concerns.Where(c => c.FirstNoticed <= period.End))
        {
            var resolvedOn = c.Status == ConcernStatus.Resolved && c.ResolvedAt is { } at ? inputs.LocalDate(at) : (DateOnly?)null;
            if (resolvedOn < period.Start) continue;
            var resolvedByEnd = resolvedOn <= period.End;
            if (resolvedByEnd) resolvedInPeriod++;
            var statusAtEnd = resolvedByEnd ? ConcernStatus.Resolved : c.Status == ConcernStatus.Resolved ? ConcernStatus.Open : c.Status;
            var actions = c.Actions.Where(a => period.Contains(a.TakenOn)).OrderBy(a => a.TakenOn)
                .Select(a => $"{SafetyLabels.Of(a.Kind)} ({ReportPeriod.Format(a.TakenOn)})").ToList();
            lines.Add(new ConcernLine(SafetyLabels.TypeName(c.Type, c.OtherType), c.Severity, c.FirstNoticed, period.Contains(c.FirstNoticed),
                statusAtEnd, resolvedOn, actions, resolvedByEnd ? c.ResolutionNote : null));
        }
        var ordered = lines.OrderBy(l => l.StatusAtEnd == ConcernStatus.Resolved).ThenByDescending(l => l.Severity).ThenBy(l => l.FirstNoticed).ToList();
        // Urgent alerts (high and imminent) raised in the period, with what was done when they were acknowledged.
        var alerts = (inputs.Alerts ?? []).Where(a => a.Severity >= ConcernSeverity.High && period.Contains(inputs.LocalDate(a.RaisedAt)))
            .OrderBy(a => a.RaisedAt)
            .Select(a => new AlertLine(inputs.LocalDate(a.RaisedAt), SafetyLabels.Of(a.Kind), a.Severity,
                a.AcknowledgedAt is { } at ? inputs.LocalDate(at) : null, a.Response is { } r ? SafetyLabels.Of(r, a.ResponseNote) : null))
            .ToList();
        return new SafetySection(ordered, resolvedInPeriod, alerts, SafetyPlanFor(inputs, period));
    }

    public static AttendanceSection AttendanceFor(ReportInputs inputs, ReportPeriod period)
    {
        var sessions = inputs.Sessions
            .Select(s => (Session: s, Local: TimeZoneInfo.ConvertTime(s.StartsAt, inputs.Zone).DateTime))
            .Where(s => period.Contains(DateOnly.FromDateTime(s.Local)))
            .OrderBy(s => s.Local)
            .Select(s => new SessionLine(s.Local, s.Session.Modality, s.Session.DurationMinutes, s.Session.Status)).ToList();
        return new AttendanceSection(sessions, inputs.Notes);
    }
}
