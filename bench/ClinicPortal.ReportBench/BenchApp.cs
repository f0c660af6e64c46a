using ClinicPortal.Core.Reports;
using ClinicPortal.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.ReportBench;

/// <summary>The demo app on a real loopback port, its check-in source replaced by synthetic daily check-ins.</summary>
internal sealed class BenchApp : ClinicAppFactory
{
    public BenchApp() : base(demo: true) => UseKestrel(0);

    public SyntheticCheckIns CheckIns { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public void Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => a.StartsWith("http://", StringComparison.Ordinal));
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<IReportCheckInSource>(CheckIns);
}

/// <summary>One check-in a day for the bench client: mood rising, urge easing, a setback now and then, contact attempts.</summary>
internal sealed class SyntheticCheckIns : IReportCheckInSource
{
    private readonly List<ReportCheckIn> _all = [];
    private Guid _clientId;

    public int Count => _all.Count;

    public void Fill(Guid clientId, DateOnly from, DateOnly to)
    {
        _clientId = clientId;
        var random = new Random(42);
        var days = to.DayNumber - from.DayNumber;
        string[] channels = ["Text", "Call", "Email", "Social media", "Through someone else", "In person"];
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var progress = (day.DayNumber - from.DayNumber) / (double)days;
            var mood = Math.Clamp((int)Math.Round(3 + 5 * progress + random.Next(-2, 3)), 0, 10);
            var urge = Math.Clamp((int)Math.Round(8 - 6 * progress + random.Next(-2, 3)), 0, 10);
            var attempts = random.NextDouble() < 0.06 ? new[] { channels[random.Next(channels.Length)] } : [];
            _all.Add(new ReportCheckIn(day, mood, urge, random.NextDouble() < 0.015, attempts));
        }
    }

    public Task<IReadOnlyList<ReportCheckIn>> ForReportAsync(Guid clientId, ReportPeriod period, TimeZoneInfo zone, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ReportCheckIn>>(clientId == _clientId ? _all.Where(c => period.Contains(c.Date)).ToList() : []);
}
