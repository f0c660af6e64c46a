using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Jobs;
using Hangfire;

namespace ClinicPortal.Infrastructure.Measures;

/// <summary>Opens scheduled questionnaires (<see cref="DueMeasures"/>) on one instance at a time; a run that finds another still going is skipped.</summary>
[AutomaticRetry(Attempts = 0)]
public sealed class DueMeasuresJob(DueMeasures due, DistributedLocks locks)
{
    public Task RunAsync(CancellationToken ct) => locks.RunAloneAsync(LockName.Job(JobSchedules.MeasureSchedules), due.OpenDueAsync, ct);
}
