using ClinicPortal.Core.ClientTasks;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.ClientSpace.ClientTasks;

/// <summary>The client's tasks: open ones first by due date, then those done, most recent first.</summary>
public static class MyTasksQuery
{
    public static async Task<IReadOnlyList<MyTask>> ListAsync(ClinicDbContext db, Guid clientId, DateOnly today, CancellationToken ct)
    {
        var rows = await db.Set<ClientTask>().Where(t => t.ClientId == clientId)
            .OrderBy(t => t.CompletedAt != null).ThenBy(t => t.DueOn).ThenByDescending(t => t.CompletedAt)
            .Select(t => new { t.Id, t.Title, t.DueOn, t.CompletedAt }).ToListAsync(ct);
        return rows.Select(t => new MyTask(t.Id, t.Title, t.DueOn, t.CompletedAt, ClientTask.Overdue(t.CompletedAt is not null, t.DueOn, today))).ToList();
    }
}
