namespace ClinicPortal.Web.Areas.Clinician.Progress;

/// <summary>The progress card on the client overview: current stage, days in it, regressions so far (from the client's summary).</summary>
public sealed record ProgressSummary(Guid ClientId, string ModelName, string? StageName, int? DaysInStage, int Regressions);
