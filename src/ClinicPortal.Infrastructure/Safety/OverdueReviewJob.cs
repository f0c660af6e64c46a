using Quartz;

namespace ClinicPortal.Infrastructure.Safety;

/// <summary>Checks review dates every few minutes; the work itself is in <see cref="OverdueReviewAlerts"/>.</summary>
[DisallowConcurrentExecution]
public sealed class OverdueReviewJob(OverdueReviewAlerts overdue) : IJob
{
    public const string Name = "safety-overdue-reviews";
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await overdue.RaiseDueAsync(cancellationToken);
}
