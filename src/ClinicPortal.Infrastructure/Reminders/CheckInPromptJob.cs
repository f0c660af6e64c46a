using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Jobs;
using Hangfire;

namespace ClinicPortal.Infrastructure.Reminders;

/// <summary>Queues the weekly check-in prompts (<see cref="CheckInPromptPlanner"/>) on one instance at a time; a run that finds another still going is skipped.</summary>
[AutomaticRetry(Attempts = 0)]
public sealed class CheckInPromptJob(CheckInPromptPlanner planner, DistributedLocks locks)
{
    public Task RunAsync(CancellationToken ct) => locks.RunAloneAsync(LockName.Job(JobSchedules.CheckInPrompts), planner.PlanAsync, ct);
}
