using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Reminders;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Admin.Outbox;

/// <summary>Delivery state for administrators: masked recipients, no message content, retry for failures.</summary>
[Route("admin/outbox")]
public sealed class OutboxController(ClinicDbContext db, AuditTrail audit, TimeProvider clock) : AdminController(db)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(OutboxStatus? status, CancellationToken ct)
    {
        var counts = await Db.Set<OutboxMessage>().GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var query = Db.Set<OutboxMessage>().AsQueryable();
        if (status is { } s) query = query.Where(m => m.Status == s);
        // The recipient: the client, or for mail to staff (urgent alerts) the staff member it went to.
        var rows = await (from m in query
                          join c in Db.Clients on m.ClientId equals c.Id
                          orderby m.DueAt descending
                          select new
                          {
                              m.Id, m.Kind, m.DueAt, m.Status, m.Attempts, m.SentAt, m.LastError,
                              Email = m.RecipientUserId == null ? c.Email : Db.Users.Where(u => u.Id == m.RecipientUserId).Select(u => u.Email).FirstOrDefault(),
                          })
            .Take(200).ToListAsync(ct);
        return View(new OutboxPage(status, counts,
            rows.Select(r => new OutboxRow(r.Id, r.Kind, ReminderPlan.MaskEmail(r.Email), r.DueAt, r.Status, r.Attempts, r.SentAt, r.LastError)).ToList()));
    }

    [HttpPost("{id:guid}/retry")]
    public async Task<IActionResult> Retry(Guid id, CancellationToken ct)
    {
        var message = await Db.Set<OutboxMessage>().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (message is null) return NotFound();
        return await ActAsync(RedirectToAction(nameof(Index), new { status = OutboxStatus.Failed }), async () =>
        {
            message.Retry(clock.GetUtcNow());
            audit.Add(AuditActions.Update, AuditRecords.OutboxMessage, id, null);
            await Db.SaveChangesAsync(ct);
            return "Queued again.";
        });
    }
}
