using ClinicPortal.Core.Clients;
using ClinicPortal.Core.ContactSafety;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician;

/// <summary>
/// Base for clinician pages. Client lookups go through the database context, whose query filter
/// only ever returns the signed-in clinician's own clients: anyone else's id is simply not found (404).
/// </summary>
[Area("Clinician")]
[Authorize(Roles = Core.Accounts.Roles.Clinician)]
public abstract class ClinicianController(ClinicDbContext db) : Controller
{
    protected ClinicDbContext Db => db;

    protected Guid Me => HttpCurrentActor.UserIdOf(User) ?? throw new InvalidOperationException("No signed-in user");

    private (Guid ClientId, string Name, ContactSafetyLevel ContactSafety)? _clinician;

    /// <summary>The client (null when out of scope) and, in the same statement, their clinician's name and contact-safety badge for the header.</summary>
    protected async Task<Client?> FindClientAsync(Guid id, CancellationToken ct)
    {
        var found = await db.Clients.Where(c => c.Id == id)
            .Select(c => new
            {
                Client = c, Clinician = db.Users.Where(u => u.Id == c.PrimaryClinicianId).Select(u => u.DisplayName).FirstOrDefault(),
                ContactSafety = db.Set<ContactSafetyProfile>().Where(p => p.ClientId == c.Id).Select(ContactSafetyLevels.OfProfile).Cast<ContactSafetyLevel?>().FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (found is null) return null;
        _clinician = (id, found.Clinician ?? "", found.ContactSafety ?? ContactSafetyLevel.NotRecorded);
        return found.Client;
    }

    protected void Flash(string message) => TempData["Flash"] = message;

    /// <summary>Refuses a change to a discharged client's record and goes back to the section's list (or where told).</summary>
    protected IActionResult ReadOnlyClient(Guid clientId, string action = "Index", string? controller = null, object? routeValues = null)
    {
        TempData["Error"] = Client.ReadOnlyMessage;
        return RedirectToAction(action, controller, routeValues ?? new { clientId });
    }

    protected async Task<string> ClinicianNameAsync(Client client, CancellationToken ct) =>
        _clinician is { } known && known.ClientId == client.Id ? known.Name
            : await db.Users.Where(u => u.Id == client.PrimaryClinicianId).Select(u => u.DisplayName).SingleAsync(ct);

    /// <summary>Puts the client header (name, status, clinician, contact-safety badge, section tabs) in ViewData for the layout partial.</summary>
    protected async Task SetHeaderAsync(Client client, string section, CancellationToken ct)
    {
        var contactSafety = _clinician is { } known && known.ClientId == client.Id ? known.ContactSafety
            : await db.Set<ContactSafetyProfile>().Where(p => p.ClientId == client.Id).Select(ContactSafetyLevels.OfProfile)
                .Cast<ContactSafetyLevel?>().FirstOrDefaultAsync(ct) ?? ContactSafetyLevel.NotRecorded;
        ViewData["Header"] = new Clients.ClientHeader(client.Id, client.DisplayName, client.Pronouns, client.Status, await ClinicianNameAsync(client, ct), section,
            contactSafety);
    }
}
