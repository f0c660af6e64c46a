using ClinicPortal.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.IntegrationTests.Reminders;

/// <summary>The app sending real SMTP to a loopback sink, polling its outbox every second, on a hand-driven clock.</summary>
public sealed class ReminderApp(SmtpSink smtp, ManualClock clock, bool demo = true, string? connectionString = null, int parallelism = 4, int batchSize = 100)
    : ClinicAppFactory(demo, new Dictionary<string, string?>
    {
        ["ClinicPortal:Mail:SmtpHost"] = "127.0.0.1",
        ["ClinicPortal:Mail:SmtpPort"] = smtp.Port.ToString(),
        ["ClinicPortal:Outbox:PollSeconds"] = "1",
        ["ClinicPortal:Outbox:RetryBaseSeconds"] = "1",
        ["ClinicPortal:Outbox:LeaseSeconds"] = "5",
        ["ClinicPortal:Outbox:MaxAttempts"] = "4",
        ["ClinicPortal:Outbox:Parallelism"] = parallelism.ToString(),
        ["ClinicPortal:Outbox:BatchSize"] = batchSize.ToString(),
        ["ClinicPortal:PublicBaseUrl"] = "https://portal.example.test",
    }, connectionString)
{
    public ManualClock Clock => clock;

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(clock);
}
