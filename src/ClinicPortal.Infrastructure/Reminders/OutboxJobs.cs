using ClinicPortal.Infrastructure.Jobs;
using Hangfire;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Infrastructure.Reminders;

/// <summary>
/// The outbox as Hangfire jobs. Every poll, <see cref="FanOutAsync"/> turns the due messages into batch
/// jobs on the outbox queue, which the outbox workers of every instance take, so sending spreads over all
/// of them. Arguments are ids only; the outbox rows, not Hangfire, record what was sent. Hangfire does not
/// retry these jobs: the next poll picks up whatever one left behind.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class OutboxJobs(OutboxDispatcher dispatcher, OutboxStore store, IBackgroundJobClient jobs, JobStorage storage,
    TimeProvider clock, IOptions<OutboxOptions> options)
{
    /// <summary>
    /// Queues one batch job per <see cref="OutboxOptions.BatchSize"/> due messages, less the batch jobs still
    /// waiting in the queue. Running ones are not subtracted: a killed instance leaves its jobs "fetched" for a
    /// long time, and an extra batch that finds nothing to claim ends at once.
    /// </summary>
    public async Task FanOutAsync(CancellationToken ct)
    {
        var o = options.Value;
        if (o.BatchSize <= 0) return; // this instance does not send
        var due = await store.CountClaimableAsync(clock.GetUtcNow(), TimeSpan.FromSeconds(o.LeaseSeconds), ct);
        if (due == 0) return;
        var wanted = Math.Min(o.MaxBatchesPerPoll, (due + o.BatchSize - 1) / o.BatchSize);
        var waiting = storage.GetMonitoringApi().EnqueuedCount(JobQueues.Outbox);
        for (var i = waiting; i < wanted; i++)
            jobs.Enqueue<OutboxJobs>(JobQueues.Outbox, j => j.SendBatchAsync(CancellationToken.None));
    }

    public Task SendBatchAsync(CancellationToken ct) => dispatcher.SendBatchAsync(ct);

    /// <summary>A delayed job at one message's due time, so it goes out then rather than at the next poll.</summary>
    public Task SendOneAsync(Guid messageId, CancellationToken ct) =>
        options.Value.BatchSize <= 0 ? Task.CompletedTask : dispatcher.SendOneAsync(messageId, ct);

    /// <summary>Messages written together (one escalation pass's notices), sent at once in one job over one mail connection.</summary>
    public Task SendEachAsync(Guid[] messageIds, CancellationToken ct) =>
        options.Value.BatchSize <= 0 ? Task.CompletedTask : dispatcher.SendEachAsync(messageIds, ct);
}
