using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Jobs;
using Hangfire;

namespace ClinicPortal.Infrastructure.Safety;

/// <summary>Checks review dates (<see cref="OverdueReviewAlerts"/>) on one instance at a time; a run that finds another still going is skipped.</summary>
[AutomaticRetry(Attempts = 0)]
public sealed class OverdueReviewJob(OverdueReviewAlerts overdue, DistributedLocks locks)
{
    public Task RunAsync(CancellationToken ct) => locks.RunAloneAsync(LockName.Job(JobSchedules.OverdueReviews), overdue.RaiseDueAsync, ct);
}
