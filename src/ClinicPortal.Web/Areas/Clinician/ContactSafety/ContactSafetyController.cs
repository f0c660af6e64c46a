using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.ContactSafety;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.ContactSafety;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Areas.Clinician.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.ContactSafety;

/// <summary>
/// The client's contact-safety profile, filled in with the client: safe channels, a watched phone or inbox, safe times,
/// people never to contact. Every message to the client obeys it (ContactSafetyPolicy); held messages are listed here.
/// </summary>
[Route("clinician/clients/{clientId:guid}/contact-safety")]
public sealed class ContactSafetyController(ClinicDbContext db, AuditTrail audit, ClinicCalendar calendar, HeldMessages held) : ClientRecordController(db)
{
    protected override ClientSection Section => ClientSection.ContactSafety;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var profile = await FindProfileAsync(ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.ContactSafetyProfile, Client.Id, Client.Id, ct);
        return await PageAsync(profile, Versioned(ContactSafetyForm.From(profile), profile), ct);
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(ContactSafetyForm form, CancellationToken ct)
    {
        var profile = await FindProfileAsync(ct);
        // A refused change is shown against the profile as stored now: the client may have changed it meanwhile.
        return await SubmitAsync(async () => await PageAsync(await FindProfileAsync(ct), form, ct), async () =>
        {
            Client.EnsureEditable();
            ExpectVersion(profile, form);
            var details = form.ToDetails();
            if (profile is null)
            {
                Db.Add(ContactSafetyProfile.Create(Client.Id, details, Me, calendar.UtcNow));
                audit.Add(AuditActions.Create, AuditRecords.ContactSafetyProfile, Client.Id, Client.Id);
            }
            else
            {
                profile.Update(details, Me, calendar.UtcNow);
                audit.Add(AuditActions.Update, AuditRecords.ContactSafetyProfile, Client.Id, Client.Id);
            }
            await Db.SaveChangesAsync(ct);
            Flash("Contact safety saved. Every message to this client follows it from now on.");
            return RedirectToAction(nameof(Index));
        }, () => Index(ct));
    }

    private Task<ContactSafetyProfile?> FindProfileAsync(CancellationToken ct) =>
        Db.Set<ContactSafetyProfile>().SingleOrDefaultAsync(p => p.ClientId == Client.Id, ct);

    private async Task<IActionResult> PageAsync(ContactSafetyProfile? profile, ContactSafetyForm form, CancellationToken ct)
    {
        var by = profile is null ? null : await Db.Users.Where(u => u.Id == profile.UpdatedById).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        return View(nameof(Index), new ContactSafetyPage(Client.IsReadOnly, ContactSafetyLevels.Of(profile), form, profile?.UpdatedAt, by,
            await held.ForClinicianAsync(Client.Id, ct), await calendar.ZoneAsync(ct)));
    }
}
