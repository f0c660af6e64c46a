namespace ClinicPortal.Infrastructure.Reminders;

/// <summary>How the reminder outbox is worked (ClinicPortal:Outbox). Tests shorten the intervals.</summary>
public sealed class OutboxOptions
{
    /// <summary>How often the dispatch job looks for due messages and fans them out as batch jobs.</summary>
    public int PollSeconds { get; set; } = 15;
    /// <summary>Batch jobs one instance runs at once (its Hangfire workers on the outbox queue).</summary>
    public int Parallelism { get; set; } = 4;
    /// <summary>Most messages one batch job sends (over one SMTP connection) before it ends.</summary>
    public int BatchSize { get; set; } = 100;
    /// <summary>Most batch jobs one poll queues; together with BatchSize, the most messages one poll can hand out.</summary>
    public int MaxBatchesPerPoll { get; set; } = 64;
    public int MaxAttempts { get; set; } = 6;
    public int RetryBaseSeconds { get; set; } = 60;
    /// <summary>A message claimed longer ago than this by an instance that died is claimed again.</summary>
    public int LeaseSeconds { get; set; } = 120;
}
