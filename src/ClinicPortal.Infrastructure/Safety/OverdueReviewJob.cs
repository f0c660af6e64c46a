using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Jobs;
using Hangfire;

namespace ClinicPortal.Infrastructure.Safety;

/// <summary>Checks review dates on one instance at a time; the work itself is in <see cref="OverdueReviewAlerts"/>.</summary>
[AutomaticRetry(Attempts = 0)]
public sealed class OverdueReviewJob(OverdueReviewAlerts overdue, DistributedLocks locks)
{
    public async Task RunAsync(CancellationToken ct)
    {
        await using var held = await locks.TryAcquireAsync(LockName.Job(JobSchedules.OverdueReviews), ct);
        if (held is null) return;
        await overdue.RaiseDueAsync(ct);
    }
}
