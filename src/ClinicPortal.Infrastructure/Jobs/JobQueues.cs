namespace ClinicPortal.Infrastructure.Jobs;

/// <summary>
/// Two queues, each worked by its own Hangfire server on every instance: "default" for the recurring
/// jobs (short), "outbox" for sending mail, so a long run of batches never delays the others.
/// </summary>
public static class JobQueues
{
    public const string Default = "default";
    public const string Outbox = "outbox";
}
