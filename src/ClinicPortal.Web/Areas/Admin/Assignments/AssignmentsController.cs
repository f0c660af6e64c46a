using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clients;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Admin.Assignments;

/// <summary>
/// Administrators assign clients to clinicians. They see who is assigned to whom, never clinical
/// content: the projection below reads identity columns only, and notes are filtered out for them anyway.
/// A transfer needs a reason; it is kept with the client's record (visible to the new clinician) and audited, and
/// <see cref="TransferNotices"/> tells those who should know.
/// </summary>
[Route("admin/clients")]
public sealed class AssignmentsController(ClinicDbContext db, UserManager<ApplicationUser> users, AuditTrail audit, TransferNotices notices, TimeProvider clock)
    : AdminController(db)
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(new AssignmentsPage(await Rows(Db.Clients.OrderBy(c => c.FullName)).ToListAsync(ct), await CliniciansAsync()));

    [HttpGet("{id:guid}/transfer")]
    public async Task<IActionResult> Transfer(Guid id, CancellationToken ct) =>
        await Rows(Db.Clients.Where(c => c.Id == id)).SingleOrDefaultAsync(ct) is { } row
            ? View(await TransferPageAsync(row, null, null, ct))
            : NotFound();

    [HttpPost("{id:guid}/assign")]
    public async Task<IActionResult> Assign(Guid id, Guid? clinicianId, string? reason, CancellationToken ct)
    {
        var client = await Db.Clients.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (client is null) return NotFound();
        return await SubmitAsync(
            async () => View(nameof(Transfer), await TransferPageAsync(await Rows(Db.Clients.Where(c => c.Id == id)).SingleAsync(ct), clinicianId, reason, ct)),
            async () =>
            {
                if (clinicianId is not { } to || (await CliniciansAsync()).All(c => c.Id != to))
                    throw new DomainRuleException("Choose an active clinician.");
                var transfer = ClientTransfer.Move(client, to, reason, Me, clock.GetUtcNow());
                Db.Add(transfer);
                audit.Add(AuditActions.Reassign, AuditRecords.ClientTransfer, transfer.Id, id);
                await notices.AddAsync(transfer, ct); // the previous clinician, and the other administrators when the account is new
                await Db.SaveChangesAsync(ct);
                Flash("Client transferred. The new clinician now sees the whole record, including earlier notes.");
                return RedirectToAction(nameof(Index));
            });
    }

    private IQueryable<AssignmentRow> Rows(IQueryable<Client> clients) =>
        clients.Select(c => new AssignmentRow(c.Id, c.FullName, c.Status, c.PrimaryClinicianId,
            Db.Users.Where(u => u.Id == c.PrimaryClinicianId).Select(u => u.DisplayName).First()));

    private async Task<TransferPage> TransferPageAsync(AssignmentRow row, Guid? clinicianId, string? reason, CancellationToken ct)
    {
        // Transfers are clinical rows (their reasons may be); administrators read the who and when only.
        var history = await Db.Set<ClientTransfer>().IgnoreQueryFilters().Where(t => t.ClientId == row.Id).OrderByDescending(t => t.TransferredAt)
            .Select(t => new TransferLine(t.TransferredAt,
                Db.Users.Where(u => u.Id == t.FromClinicianId).Select(u => u.DisplayName).First(),
                Db.Users.Where(u => u.Id == t.ToClinicianId).Select(u => u.DisplayName).First(),
                Db.Users.Where(u => u.Id == t.TransferredById).Select(u => u.DisplayName).First()))
            .ToListAsync(ct);
        return new TransferPage(row, await CliniciansAsync(), history, clinicianId, reason);
    }

    private async Task<IReadOnlyList<(Guid Id, string Name)>> CliniciansAsync() =>
        (await users.GetUsersInRoleAsync(Roles.Clinician)).Where(u => u.IsActive && u.EmailConfirmed).OrderBy(u => u.DisplayName)
            .Select(u => (u.Id, u.DisplayName)).ToList();
}
