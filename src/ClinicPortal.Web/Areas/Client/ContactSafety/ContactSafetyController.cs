using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Common;
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

/// <summary>What the client may change themself: channels can only go off, "may be watched" only on.</summary>
public sealed class ClientContactSafetyForm
{
    public List<ContactChannels> SafeChannels { get; set; } = [];
    public bool MayBeMonitored { get; set; }

    public ContactChannels Channels => SafeChannels.Aggregate(ContactChannels.None, (all, c) => all | c);
}

/// <param name="Recorded">False until the clinician (or the client, by stopping email) records a profile: email is allowed meanwhile.</param>
public sealed record ClientContactSafetyPage(bool Recorded, ContactChannels Channels, bool MayBeMonitored, SafeTimes? SafeTimes,
    IReadOnlyList<string> NeverContact, string? Note, bool Discreet);

/// <summary>
/// "How we contact you": the client reads their contact-safety profile and can make it stricter (turn a way of
/// contact off, say their phone or inbox may be watched), never looser; and turns discreet mode on or off.
/// </summary>
[Route("client/contact-safety")]
public sealed class ContactSafetyController(ClinicDbContext db, ClinicCalendar calendar, AuditTrail audit,
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn) : ClientSpaceController(db, calendar)
{
    public const string Saved = "Saved. We will not use the ways of contact you turned off.";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (await MeAsync(ct) is not { } me) return NotFound();
        var profile = await FindProfileAsync(me.ClientId, ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.ContactSafetyProfile, me.ClientId, me.ClientId, ct);
        return View(Page(profile));
    }

    [HttpPost("")]
    public async Task<IActionResult> Tighten(ClientContactSafetyForm form, CancellationToken ct)
    {
        if (await MeAsync(ct) is not { } me) return NotFound();
        var profile = await FindProfileAsync(me.ClientId, ct);
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError("", ContactSafetyProfile.UnknownChannelMessage);
            return View("Index", Page(profile));
        }
        try
        {
            bool changed;
            if (profile is null)
            {
                var started = ContactSafetyProfile.StartByClient(me.ClientId, form.Channels, form.MayBeMonitored, UserId, Calendar.UtcNow);
                if (started is not null) Db.Add(started);
                changed = started is not null;
            }
            else changed = profile.TightenByClient(form.Channels, form.MayBeMonitored, UserId, Calendar.UtcNow);
            if (changed)
            {
                audit.Add(profile is null ? AuditActions.Create : AuditActions.Update, AuditRecords.ContactSafetyProfile, me.ClientId, me.ClientId);
                await Db.SaveChangesAsync(ct);
            }
            Flash(changed ? Saved : "Nothing changed.");
            return RedirectToAction(nameof(Index));
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("", e.Message);
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError("", "Your clinician changed this at the same time. Look again and choose once more.");
        }
        Db.ChangeTracker.Clear();
        return View("Index", Page(await FindProfileAsync(me.ClientId, ct)));
    }

    /// <summary>Discreet mode: the help strip folds into a small "Help" control, titles stay neutral, nothing red.</summary>
    [HttpPost("discreet")]
    public async Task<IActionResult> Discreet(bool on, CancellationToken ct)
    {
        if (await MeAsync(ct) is not { } me || await users.GetUserAsync(User) is not { } user) return NotFound();
        if (user.DiscreetMode != on)
        {
            user.DiscreetMode = on;
            audit.Add(AuditActions.Update, AuditRecords.DiscreetMode, user.Id, me.ClientId);
            var updated = await users.UpdateAsync(user); // saves the audit row with it
            if (!updated.Succeeded) throw new InvalidOperationException("Discreet mode could not be saved");
            await signIn.RefreshSignInAsync(user); // the choice lives in the sign-in, so every page knows it without a query
        }
        Flash(on ? "Discreet mode is on." : "Discreet mode is off.");
        return RedirectToAction(nameof(Index));
    }

    private Task<ContactSafetyProfile?> FindProfileAsync(Guid clientId, CancellationToken ct) =>
        Db.Set<ContactSafetyProfile>().SingleOrDefaultAsync(p => p.ClientId == clientId, ct);

    private ClientContactSafetyPage Page(ContactSafetyProfile? p) => p is null
        ? new ClientContactSafetyPage(false, ContactChannels.Email, false, null, [], null, DiscreetMode.IsOn(User))
        : new ClientContactSafetyPage(true, p.SafeChannels, p.MayBeMonitored, p.SafeTimes, p.NeverContact, p.Note, DiscreetMode.IsOn(User));
}
