using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Common;
using ClinicPortal.Core.ContactSafety;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.ContactSafety;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.ContactSafety;

public sealed record ContactSafetyPage(Guid ClientId, bool ReadOnly, ContactSafetyLevel Level, ContactSafetyForm Form,
    DateTimeOffset? UpdatedAt, string? UpdatedBy, IReadOnlyList<HeldMessage> Held, TimeZoneInfo Zone);

/// <summary>
/// The client's contact-safety profile, filled in with the client: safe channels, a watched phone or inbox, safe times,
/// people never to contact. Every message to the client obeys it (ContactSafetyPolicy); held messages are listed here.
/// </summary>
[Route("clinician/clients/{clientId:guid}/contact-safety")]
public sealed class ContactSafetyController(ClinicDbContext db, AuditTrail audit, ClinicCalendar calendar, HeldMessages held) : ClinicianController(db)
{
    public const string Section = "contact-safety";
    public const string ChangedElsewhere = "Contact safety was changed in another window, or by the client. Reload the page and try again.";

    [HttpGet("")]
    public async Task<IActionResult> Index(Guid clientId, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        var profile = await FindProfileAsync(clientId, ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.ContactSafetyProfile, clientId, clientId, ct);
        return await PageAsync(client, profile, ContactSafetyForm.From(profile), ct);
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(Guid clientId, ContactSafetyForm form, CancellationToken ct)
    {
        if (await FindClientAsync(clientId, ct) is not { } client) return NotFound();
        var profile = await FindProfileAsync(clientId, ct);
        if (!ModelState.IsValid)
        {
            var fields = ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Key.Split('[', '.')[0]).Distinct().ToList();
            ModelState.Clear();
            foreach (var field in fields) ModelState.AddModelError("", ContactSafetyForm.BindingMessage(field));
            return await PageAsync(client, profile, form, ct);
        }
        try
        {
            client.EnsureEditable();
            var details = form.ToDetails();
            if (profile is null)
            {
                Db.Add(ContactSafetyProfile.Create(clientId, details, Me, calendar.UtcNow));
                audit.Add(AuditActions.Create, AuditRecords.ContactSafetyProfile, clientId, clientId);
            }
            else
            {
                profile.Update(details, Me, calendar.UtcNow);
                audit.Add(AuditActions.Update, AuditRecords.ContactSafetyProfile, clientId, clientId);
            }
            await Db.SaveChangesAsync(ct);
            Flash("Contact safety saved. Every message to this client follows it from now on.");
            return RedirectToAction(nameof(Index), new { clientId });
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("", e.Message);
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError("", ChangedElsewhere);
        }
        Db.ChangeTracker.Clear();
        return await PageAsync(client, await FindProfileAsync(clientId, ct), form, ct);
    }

    private Task<ContactSafetyProfile?> FindProfileAsync(Guid clientId, CancellationToken ct) =>
        Db.Set<ContactSafetyProfile>().SingleOrDefaultAsync(p => p.ClientId == clientId, ct);

    private async Task<IActionResult> PageAsync(Core.Clients.Client client, ContactSafetyProfile? profile, ContactSafetyForm form, CancellationToken ct)
    {
        await SetHeaderAsync(client, Section, ct);
        var by = profile is null ? null : await Db.Users.Where(u => u.Id == profile.UpdatedById).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        return View("Index", new ContactSafetyPage(client.Id, client.IsReadOnly, ContactSafetyLevels.Of(profile), form, profile?.UpdatedAt, by,
            await held.ForClinicianAsync(client.Id, ct), await calendar.ZoneAsync(ct)));
    }
}
