using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Jobs;
using Hangfire;

namespace ClinicPortal.Infrastructure.Reminders;

/// <summary>Queues the weekly check-in prompts (<see cref="CheckInPromptPlanner"/>) on one instance at a time.</summary>
[AutomaticRetry(Attempts = 0)]
public sealed class CheckInPromptJob(CheckInPromptPlanner planner, DistributedLocks locks)
{
    public async Task RunAsync(CancellationToken ct)
    {
        await using var held = await locks.TryAcquireAsync(LockName.Job(JobSchedules.CheckInPrompts), ct);
        if (held is null) return; // a slow run elsewhere is still at it; the next one catches up
        await planner.PlanAsync(ct);
    }
}
