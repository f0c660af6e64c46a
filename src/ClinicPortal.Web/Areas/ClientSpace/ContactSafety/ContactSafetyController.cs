using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.ContactSafety;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using ClinicPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.ClientSpace.ContactSafety;

/// <summary>
/// "How we contact you": the client reads their contact-safety profile and can make it stricter (turn a way of
/// contact off, say their phone or inbox may be watched), never looser; and turns discreet mode on or off.
/// </summary>
[Route("client/contact-safety")]
public sealed class ContactSafetyController(ClinicDbContext db, ClinicCalendar calendar, AuditTrail audit,
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn) : ClientSpaceController(db, calendar)
{
    public const string Saved = "Saved. We will not use the ways of contact you turned off.";

    protected override bool RequiresOwnRecord => true;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var profile = await FindProfileAsync(ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.ContactSafetyProfile, Own.ClientId, Own.ClientId, ct);
        return View(Page(profile));
    }

    [HttpPost("")]
    public Task<IActionResult> Tighten(ClientContactSafetyForm form, CancellationToken ct) =>
        // A refused change is shown against the profile as stored now: the clinician may have changed it meanwhile.
        SubmitAsync(async () => View(nameof(Index), Page(await FindProfileAsync(ct))), async () =>
        {
            var profile = await FindProfileAsync(ct);
            ExpectVersion(profile, form);
            bool changed;
            if (profile is null)
            {
                var started = ContactSafetyProfile.StartByClient(Own.ClientId, form.Channels, form.MayBeMonitored, Me, Calendar.UtcNow);
                if (started is not null) Db.Add(started);
                changed = started is not null;
            }
            else changed = profile.TightenByClient(form.Channels, form.MayBeMonitored, Me, Calendar.UtcNow);
            if (changed)
            {
                audit.Add(profile is null ? AuditActions.Create : AuditActions.Update, AuditRecords.ContactSafetyProfile, Own.ClientId, Own.ClientId);
                await Db.SaveChangesAsync(ct);
            }
            Flash(changed ? Saved : "Nothing changed.");
            return RedirectToAction(nameof(Index));
        });

    /// <summary>Discreet mode: the help strip folds into a small "Help" control, titles stay neutral, nothing red.</summary>
    [HttpPost("discreet")]
    public async Task<IActionResult> Discreet(bool on, CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return NotFound();
        if (user.DiscreetMode != on)
        {
            user.DiscreetMode = on;
            audit.Add(AuditActions.Update, AuditRecords.DiscreetMode, user.Id, Own.ClientId);
            var updated = await users.UpdateAsync(user); // saves the audit row with it
            if (!updated.Succeeded) throw new InvalidOperationException("Discreet mode could not be saved");
            await signIn.RefreshSignInAsync(user); // the choice lives in the sign-in, so every page knows it without a query
        }
        Flash(on ? "Discreet mode is on." : "Discreet mode is off.");
        return RedirectToAction(nameof(Index));
    }

    private Task<ContactSafetyProfile?> FindProfileAsync(CancellationToken ct) =>
        Db.Set<ContactSafetyProfile>().SingleOrDefaultAsync(p => p.ClientId == Own.ClientId, ct);

    private ClientContactSafetyPage Page(ContactSafetyProfile? p) => p is null
        ? new ClientContactSafetyPage(false, ContactChannels.Email, false, null, [], null, DiscreetMode.IsOn(User), 0)
        : new ClientContactSafetyPage(true, p.SafeChannels, p.MayBeMonitored, p.SafeTimes, p.NeverContact, p.Note, DiscreetMode.IsOn(User), Db.VersionOf(p));
}
