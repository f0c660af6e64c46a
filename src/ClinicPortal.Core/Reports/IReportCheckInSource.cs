using ClinicPortal.Core.CheckIns;

namespace ClinicPortal.Core.Reports;

/// <summary>
/// One check-in as a report sees it: the day it was made (in the clinic's calendar), the two ratings, whether the
/// client reported a setback, and the channel of each contact attempt reported with it.
/// There is deliberately no journal field: journal entries, private or shared, never reach a report.
/// </summary>
public sealed record ReportCheckIn(DateOnly Date, int? Mood, int? Urge, bool Setback, IReadOnlyList<string> ContactAttemptChannels)
{
    /// <summary>The client looked the person up or checked their profiles.</summary>
    public bool LookedUp { get; init; }
    public IReadOnlyList<EmotionTag> Emotions { get; init; } = [];
    /// <summary>Who tried to reach the client, when the check-in said (by the person of each boundary).</summary>
    public IReadOnlyList<string> AttemptedBy { get; init; } = [];
}

/// <summary>
/// Where reports get check-ins from. The check-in feature implements it over its own table, under the caller's
/// access scope (so another clinician's client yields nothing), and registers it in place of the empty source.
/// </summary>
public interface IReportCheckInSource
{
    /// <summary>The client's check-ins whose day (in <paramref name="zone"/>) falls in the period, in any order.</summary>
    Task<IReadOnlyList<ReportCheckIn>> ForReportAsync(Guid clientId, ReportPeriod period, TimeZoneInfo zone, CancellationToken ct);
}
