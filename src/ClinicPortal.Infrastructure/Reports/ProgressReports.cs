using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.CaseNotes;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Clinics;
using ClinicPortal.Core.Progress;
using ClinicPortal.Core.Reports;
using ClinicPortal.Core.Safety;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.Reports;

/// <summary>
/// Loads what a report needs for one client and period (only the chosen sections, no note text, no journals) and
/// computes the report once. Runs under the caller's access scope, so another clinician's client yields nothing.
/// </summary>
public sealed class ProgressReports(ClinicDbContext db, ClinicCalendar calendar, IReportCheckInSource checkIns, Measures.MeasureScoresQuery scores)
{
    public async Task<ProgressReport> BuildAsync(Client client, ReportOptions options, Guid generatedById, CancellationToken ct)
    {
        var inputs = await LoadAsync(client, options, ct);
        var byName = await db.Users.Where(u => u.Id == generatedById).Select(u => u.DisplayName).SingleAsync(ct);
        return ProgressReportBuilder.Build(inputs, options, new ReportGeneration(Guid.NewGuid(), calendar.UtcNow, byName));
    }

    public async Task<ReportInputs> LoadAsync(Client client, ReportOptions options, CancellationToken ct)
    {
        var zone = await calendar.ZoneAsync(ct);
        var period = options.Period;
        var (startUtc, endUtc) = (StartOf(period.Start, zone), StartOf(period.End.AddDays(1), zone));
        var id = client.Id;
        bool Has(ReportSections s) => options.Includes(s);

        var clinician = await db.Users.Where(u => u.Id == client.PrimaryClinicianId).Select(u => u.DisplayName).SingleAsync(ct);
        var clinic = await db.ClinicSettings.Where(s => s.Id == ClinicSettings.SingletonId).Select(s => s.Name).FirstOrDefaultAsync(ct) ?? "ClinicPortal";

        var currentModelId = BuiltInStageModels.DefaultModelId;
        List<StageAssessment> assessments = [];
        List<StageModel> models = [];
        if (Has(ReportSections.StagePath))
        {
            // The model in force at the end of the period, not one switched to since.
            currentModelId = await db.Set<ClientStageModel>().Where(h => h.ClientId == id && h.StartedAt < endUtc).OrderByDescending(h => h.StartedAt)
                .Select(h => (Guid?)h.ModelId).FirstOrDefaultAsync(ct) ?? BuiltInStageModels.DefaultModelId;
            assessments = await db.Set<StageAssessment>().AsNoTracking().Where(a => a.ClientId == id && a.AssessedOn <= period.End).ToListAsync(ct);
            var modelIds = assessments.Select(a => a.ModelId).Append(currentModelId).Distinct().ToList();
            models = await db.Set<StageModel>().AsNoTracking().Include(m => m.Stages).Where(m => modelIds.Contains(m.Id)).ToListAsync(ct);
        }

        IReadOnlyList<ReportCheckIn> checkInRows = Has(ReportSections.CheckIns) ? await checkIns.ForReportAsync(id, period, zone, ct) : [];

        var revisions = Has(ReportSections.BoundaryPlan)
            ? await db.Set<BoundaryRevision>().AsNoTracking().Where(r => r.ClientId == id && r.CreatedAt < endUtc).ToListAsync(ct)
            : [];
        var people = Has(ReportSections.SupportNetwork)
            ? await db.Set<SupportPerson>().AsNoTracking().Where(p => p.ClientId == id && p.CreatedAt < endUtc).ToListAsync(ct)
            : [];
        // Every role change of the client's people: the first one after the period gives a person's role at its end.
        var roleChanges = Has(ReportSections.SupportNetwork)
            ? await db.Set<SupportRoleChange>().AsNoTracking().Where(c => c.ClientId == id).ToListAsync(ct)
            : [];
        var planRevisions = Has(ReportSections.SafetyConcerns) && options.Audience == ReportAudience.Provider
            ? await db.Set<SafetyPlanRevision>().AsNoTracking().Where(r => r.ClientId == id && r.CreatedAt < endUtc).ToListAsync(ct)
            : [];
        var concerns = Has(ReportSections.SafetyConcerns) && options.Audience == ReportAudience.Provider
            ? await db.Set<SafetyConcern>().AsNoTracking().Include(c => c.Actions)
                .Where(c => c.ClientId == id && c.FirstNoticed <= period.End && (c.ResolvedAt == null || c.ResolvedAt >= startUtc))
                .AsSplitQuery().ToListAsync(ct)
            : [];
        var alerts = Has(ReportSections.SafetyConcerns) && options.Audience == ReportAudience.Provider
            ? await db.Set<ClinicianAlert>().AsNoTracking()
                .Where(a => a.ClientId == id && a.Severity >= ConcernSeverity.High && a.RaisedAt >= startUtc && a.RaisedAt < endUtc).ToListAsync(ct)
            : [];

        List<TherapySession> sessions = [];
        var notes = new NoteCounts(0, 0);
        if (Has(ReportSections.Attendance))
        {
            sessions = await db.Set<TherapySession>().AsNoTracking()
                .Where(s => s.ClientId == id && s.StartsAt >= startUtc && s.StartsAt < endUtc).ToListAsync(ct);
            // Counts only: no note text is read for a report.
            var inPeriod = db.Set<CaseNote>().Where(n => n.ClientId == id && n.ServiceDate >= period.Start && n.ServiceDate <= period.End);
            notes = new NoteCounts(await inPeriod.CountAsync(ct), await inPeriod.CountAsync(n => n.Status == NoteStatus.Signed, ct));
        }

        // Every score sent by the period's end: the first one ever is what the period's scores are read against.
        var measureScores = Has(ReportSections.Measures)
            ? (await scores.ScoresAsync(id, until: endUtc, ct: ct)).Where(s => s.CompletedAt < endUtc)
                .Select(s => new ReportMeasureScore(s.ResponseId, s.InstrumentCode, s.CompletedAt, s.Total, s.SafetyFlag)).ToList()
            : null;
        // Counted by channel in the safety section; never a private entry (the filters leave them out, and so does this query).
        var incidents = Has(ReportSections.SafetyConcerns) && options.Audience == ReportAudience.Provider
            ? await db.Set<Core.Incidents.IncidentEntry>().Where(e => e.ClientId == id && !e.IsPrivate && e.OccurredAt >= startUtc && e.OccurredAt < endUtc)
                .Select(e => new ReportIncident(e.OccurredAt, e.Channel)).ToListAsync(ct)
            : [];
        var treatmentPlan = Has(ReportSections.TreatmentPlan) ? await TreatmentPlans.TreatmentPlanReportLoader.LoadAsync(db, id, endUtc, ct) : null;

        return new ReportInputs(client, clinician, clinic, zone, currentModelId, models, assessments, checkInRows,
            revisions, people, concerns, sessions, notes, alerts, roleChanges, planRevisions, treatmentPlan, measureScores, incidents);
    }

    /// <summary>The instant a clinic-calendar day begins.</summary>
    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local)) local = local.AddHours(1); // a day that starts inside a DST gap
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
