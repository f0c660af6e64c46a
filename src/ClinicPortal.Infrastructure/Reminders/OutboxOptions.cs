namespace ClinicPortal.Infrastructure.Reminders;

/// <summary>How the reminder outbox is worked (ClinicPortal:Outbox). Tests shorten the intervals.</summary>
public sealed class OutboxOptions
{
    /// <summary>How often the Quartz job looks for due messages.</summary>
    public int PollSeconds { get; set; } = 15;
    /// <summary>Messages sent at the same time by one instance.</summary>
    public int Parallelism { get; set; } = 4;
    /// <summary>Most messages one run of the job sends before yielding to the next run.</summary>
    public int BatchSize { get; set; } = 2000;
    public int MaxAttempts { get; set; } = 6;
    public int RetryBaseSeconds { get; set; } = 60;
    /// <summary>A message claimed longer ago than this by an instance that died is claimed again.</summary>
    public int LeaseSeconds { get; set; } = 120;
    /// <summary>The address in emails' sign-in links.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5000";
}
