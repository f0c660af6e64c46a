using ClinicPortal.Core.Clients;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Clients;

public sealed record TransferView(DateTimeOffset At, string From, string To, string Reason);

/// <summary>The "Care team history" card: earlier primary clinicians and why the client moved (shown only if they did).</summary>
public sealed class AssignmentHistoryViewComponent(ClinicDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid clientId)
    {
        var transfers = await db.Set<ClientTransfer>().Where(t => t.ClientId == clientId).OrderByDescending(t => t.TransferredAt)
            .Select(t => new TransferView(t.TransferredAt,
                db.Users.Where(u => u.Id == t.FromClinicianId).Select(u => u.DisplayName).First(),
                db.Users.Where(u => u.Id == t.ToClinicianId).Select(u => u.DisplayName).First(),
                t.Reason))
            .ToListAsync();
        return View("~/Areas/Clinician/Clients/_AssignmentHistory.cshtml", transfers);
    }
}
