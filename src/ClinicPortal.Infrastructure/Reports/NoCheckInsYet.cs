using ClinicPortal.Core.Reports;

namespace ClinicPortal.Infrastructure.Reports;

/// <summary>
/// The check-in source until the check-in feature registers its own: no check-ins, so the report's check-in
/// section says "No check-ins in this period".
/// </summary>
public sealed class NoCheckInsYet : IReportCheckInSource
{
    public Task<IReadOnlyList<ReportCheckIn>> ForReportAsync(Guid clientId, ReportPeriod period, TimeZoneInfo zone, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ReportCheckIn>>([]);
}
