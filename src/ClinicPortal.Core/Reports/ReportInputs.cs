using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Progress;
using ClinicPortal.Core.Safety;
using ClinicPortal.Core.Sessions;
using ClinicPortal.Core.SupportNetwork;

namespace ClinicPortal.Core.Reports;

public sealed record NoteCounts(int Written, int Signed);

/// <summary>Who generated a report and when; the id is printed on the report and written to the audit log.</summary>
public sealed record ReportGeneration(Guid ReportId, DateTimeOffset At, string ByName);

/// <summary>
/// The rows a report is computed from, loaded once for one client and period. Sections that were not chosen may
/// be left empty. Assessments and boundary revisions may reach back before the period (for the stage and contact
/// level at its start); everything else may be limited to the period by the loader or is limited here. Role changes
/// may reach past the period (a person's role at its end is the "from" of the first later change), and safety plan
/// revisions are those saved by its end.
/// </summary>
public sealed record ReportInputs(
    Client Client,
    string ClinicianName,
    string ClinicName,
    TimeZoneInfo Zone,
    Guid CurrentStageModelId,
    IReadOnlyList<StageModel> StageModels,
    IReadOnlyList<StageAssessment> Assessments,
    IReadOnlyList<ReportCheckIn> CheckIns,
    IReadOnlyList<BoundaryRevision> BoundaryRevisions,
    IReadOnlyList<SupportPerson> SupportPeople,
    IReadOnlyList<SafetyConcern> Concerns,
    IReadOnlyList<TherapySession> Sessions,
    NoteCounts Notes,
    IReadOnlyList<ClinicianAlert>? Alerts = null,
    IReadOnlyList<SupportRoleChange>? SupportRoleChanges = null,
    IReadOnlyList<SafetyPlanRevision>? SafetyPlanRevisions = null,
    TreatmentPlanInputs? TreatmentPlan = null,
    IReadOnlyList<ReportMeasureScore>? MeasureScores = null,
    IReadOnlyList<ReportIncident>? Incidents = null)
{
    public DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime);
}
