using ClinicPortal.Core.ClientTasks;

namespace ClinicPortal.Web.Areas.ClientSpace.ClientTasks;

/// <summary>The client home's card for their tasks and their plan, read in the home's own statement.</summary>
/// <param name="Open">The open tasks, soonest due first (a few).</param>
/// <param name="PlanToRead">A signed plan the client has not said they have read yet.</param>
public sealed record PlanAndTasksCard(IReadOnlyList<MyTask> Open, int OpenCount, bool HasPlan, bool PlanToRead, TimeZoneInfo Zone, bool ReadOnly)
{
    /// <summary>Open tasks shown on the card; the rest are counted.</summary>
    public const int Shown = 3;

    public bool IsEmpty => OpenCount == 0 && !HasPlan;

    /// <param name="planAcknowledged">Whether the latest signed plan was acknowledged; null when no plan is signed.</param>
    public static PlanAndTasksCard Of(IEnumerable<(Guid Id, string Title, DateOnly DueOn)> open, int openCount, bool? planAcknowledged,
        TimeZoneInfo zone, DateOnly today, bool readOnly) =>
        new(open.Select(t => new MyTask(t.Id, t.Title, t.DueOn, null, ClientTask.Overdue(false, t.DueOn, today))).ToList(), openCount,
            planAcknowledged is not null, planAcknowledged == false, zone, readOnly);
}
