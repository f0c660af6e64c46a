using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.ClientTasks;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Areas.Clinician.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.ClientTasks;

/// <summary>The tasks the clinician gives the client between sessions, and whether (and when) the client ticked them off.</summary>
[Route("clinician/clients/{clientId:guid}/tasks")]
public sealed class ClientTasksController(ClinicDbContext db, AuditTrail audit, ClinicCalendar calendar) : ClientRecordController(db)
{
    protected override ClientSection Section => ClientSection.TreatmentPlan;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(nameof(Index), await PageAsync(new TaskForm(), ct));

    [HttpPost("")]
    public Task<IActionResult> Give(TaskForm form, CancellationToken ct) =>
        SubmitAsync(async () => View(nameof(Index), await PageAsync(form, ct)), async () =>
        {
            Client.EnsureEditable();
            var task = ClientTask.Give(Client.Id, form.Title, form.DueOn, Me, calendar.UtcNow, await calendar.TodayAsync(ct));
            Db.Add(task);
            audit.Add(AuditActions.Create, AuditRecords.ClientTask, task.Id, Client.Id);
            await Db.SaveChangesAsync(ct);
            Flash("Task given. The client sees it in their space.");
            return RedirectToAction(nameof(Index));
        });

    [HttpGet("{taskId:guid}/edit")]
    public async Task<IActionResult> Edit(Guid taskId, CancellationToken ct)
    {
        var task = await FindAsync(taskId, ct);
        if (task is null) return NotFound();
        return View(nameof(Edit), await EditPageAsync(task.Id, Versioned(TaskForm.From(task), task), ct));
    }

    [HttpPost("{taskId:guid}/edit")]
    public async Task<IActionResult> Save(Guid taskId, TaskForm form, CancellationToken ct)
    {
        if (await FindAsync(taskId, ct) is not { } task) return NotFound();
        return await SubmitAsync(async () => View(nameof(Edit), await EditPageAsync(taskId, form, ct)), async () =>
        {
            Client.EnsureEditable();
            ExpectVersion(task, form);
            task.Change(form.Title, form.DueOn, await calendar.TodayAsync(ct));
            audit.Add(AuditActions.Update, AuditRecords.ClientTask, task.Id, Client.Id);
            await Db.SaveChangesAsync(ct);
            Flash("Task saved.");
            return RedirectToAction(nameof(Index));
        }, () => Edit(taskId, ct));
    }

    private Task<ClientTask?> FindAsync(Guid taskId, CancellationToken ct) =>
        Db.Set<ClientTask>().SingleOrDefaultAsync(t => t.Id == taskId && t.ClientId == Client.Id, ct);

    private async Task<TaskEditPage> EditPageAsync(Guid taskId, TaskForm form, CancellationToken ct)
    {
        await audit.RecordAsync(AuditActions.View, AuditRecords.ClientTask, taskId, Client.Id, ct);
        return new TaskEditPage(Client.IsReadOnly, taskId, form);
    }

    /// <summary>The list (open tasks first, by due date), audited as a view of the client's tasks, first view or shown again.</summary>
    private async Task<ClientTasksPage> PageAsync(TaskForm form, CancellationToken ct)
    {
        await audit.RecordAsync(AuditActions.View, AuditRecords.ClientTask, null, Client.Id, ct);
        var today = await calendar.TodayAsync(ct);
        var clientId = Client.Id;
        var tasks = await Db.Set<ClientTask>().Where(t => t.ClientId == clientId)
            .OrderBy(t => t.CompletedAt != null).ThenBy(t => t.DueOn).ThenBy(t => t.GivenAt)
            .Select(t => new { t.Id, t.Title, t.DueOn, t.GivenAt, t.CompletedAt })
            .ToListAsync(ct);
        return new ClientTasksPage(Client.IsReadOnly,
            tasks.Select(t => new TaskRow(t.Id, t.Title, t.DueOn, t.GivenAt, t.CompletedAt, ClientTask.Overdue(t.CompletedAt is not null, t.DueOn, today))).ToList(), form, await calendar.ZoneAsync(ct));
    }
}
