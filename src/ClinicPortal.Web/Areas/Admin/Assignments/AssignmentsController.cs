using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Admin.Assignments;

public sealed record AssignmentRow(Guid Id, string FullName, ClientStatus Status, Guid ClinicianId, string ClinicianName);

public sealed record AssignmentsPage(IReadOnlyList<AssignmentRow> Clients, IReadOnlyList<(Guid Id, string Name)> Clinicians);

/// <summary>
/// Administrators assign clients to clinicians. They see who is assigned to whom, never clinical
/// content: the projection below reads identity columns only, and notes are filtered out for them anyway.
/// </summary>
[Area("Admin")]
[Authorize(Roles = Roles.Admin)]
[Route("admin/clients")]
public sealed class AssignmentsController(ClinicDbContext db, UserManager<ApplicationUser> users, AuditTrail audit, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var rows = await db.Clients.OrderBy(c => c.FullName)
            .Select(c => new AssignmentRow(c.Id, c.FullName, c.Status, c.PrimaryClinicianId,
                db.Users.Where(u => u.Id == c.PrimaryClinicianId).Select(u => u.DisplayName).First()))
            .ToListAsync(ct);
        return View(new AssignmentsPage(rows, await CliniciansAsync()));
    }

    [HttpPost("{id:guid}/assign")]
    public async Task<IActionResult> Assign(Guid id, Guid clinicianId, CancellationToken ct)
    {
        var client = await db.Clients.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (client is null) return NotFound();
        if ((await CliniciansAsync()).All(c => c.Id != clinicianId))
        {
            TempData["Error"] = "Choose an active clinician.";
            return RedirectToAction(nameof(Index));
        }
        try
        {
            client.AssignTo(clinicianId, clock.GetUtcNow());
            audit.Add(AuditActions.Reassign, AuditRecords.Client, id, id);
            await db.SaveChangesAsync(ct);
            TempData["Flash"] = "Client reassigned.";
        }
        catch (DomainRuleException e)
        {
            TempData["Error"] = e.Message;
        }
        return RedirectToAction(nameof(Index));
    }

    private async Task<IReadOnlyList<(Guid Id, string Name)>> CliniciansAsync() =>
        (await users.GetUsersInRoleAsync(Roles.Clinician)).Where(u => u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => (u.Id, u.DisplayName)).ToList();
}
