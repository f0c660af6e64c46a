using System.Collections.Concurrent;
using ClinicPortal.Core.Reports;
using ClinicPortal.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.IntegrationTests.Reports;

/// <summary>The demo app with a check-in source the tests fill per client (check-ins are another feature's table).</summary>
public sealed class ReportsApp() : ClinicAppFactory(demo: true)
{
    public FakeCheckIns CheckIns { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<IReportCheckInSource>(CheckIns);
}

public sealed class FakeCheckIns : IReportCheckInSource
{
    private readonly ConcurrentDictionary<Guid, IReadOnlyList<ReportCheckIn>> _byClient = new();

    public void Set(Guid clientId, IReadOnlyList<ReportCheckIn> checkIns) => _byClient[clientId] = checkIns;

    public Task<IReadOnlyList<ReportCheckIn>> ForReportAsync(Guid clientId, ReportPeriod period, TimeZoneInfo zone, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ReportCheckIn>>(
            _byClient.TryGetValue(clientId, out var all) ? all.Where(c => period.Contains(c.Date)).ToList() : []);
}
