using Quartz;

namespace ClinicPortal.Infrastructure.Reminders;

/// <summary>
/// Each fire runs on one cluster node. Concurrent fires are allowed so that while one node works
/// through a long batch the next fire can start on another node; the dispatcher runs one batch per
/// node at a time and its row claims keep nodes from sending the same message.
/// </summary>
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
