using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Jobs;
using Hangfire;

namespace ClinicPortal.Infrastructure.ProtectiveOrders;

/// <summary>Reminds of orders expiring soon (<see cref="ProtectiveOrderReminders"/>) on one instance at a time. No arguments: nothing clinical reaches Hangfire.</summary>
[AutomaticRetry(Attempts = 0)]
public sealed class ProtectiveOrderReminderJob(ProtectiveOrderReminders reminders, DistributedLocks locks)
{
    public Task RunAsync(CancellationToken ct) => locks.RunAloneAsync(LockName.Job(JobSchedules.ProtectiveOrderReminders), reminders.RemindDueAsync, ct);
}
