using Quartz;

namespace ClinicPortal.Infrastructure.Reminders;

/// <summary>Quartz fires this on one cluster node at a time; the outbox claims keep delivery exactly-once anyway.</summary>
[DisallowConcurrentExecution]
public sealed class OutboxDispatchJob(OutboxDispatcher dispatcher) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await dispatcher.DispatchDueAsync(cancellationToken);
}

[DisallowConcurrentExecution]
public sealed class CheckInPromptJob(CheckInPromptPlanner planner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await planner.PlanAsync(cancellationToken);
}
