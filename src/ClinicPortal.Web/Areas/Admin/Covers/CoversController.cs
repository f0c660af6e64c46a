using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Cover;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Cover;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Infrastructure.Identity;
using ClinicPortal.Web.Features.Cover;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Admin.Covers;

/// <summary>
/// Administrators give cover for a clinician who cannot (sudden absence) and revoke it. They see who covers whose
/// client and when, never the record; what the covering clinician read is for the client's clinician (their Cover page).
/// </summary>
[Route("admin/cover")]
public sealed class CoversController(ClinicDbContext db, CoverGrants covers, AuditTrail audit, ClinicCalendar calendar) : AdminController(db)
{
    /// <param name="clinicianId">Whose clients to give cover of (an id, not clinical).</param>
    [HttpGet("")]
    public async Task<IActionResult> Index(Guid? clinicianId, CancellationToken ct)
    {
        var page = await PageAsync(clinicianId, null, ct);
        if (clinicianId is not null && page.Grantor is null) return NotFound();
        await audit.RecordAsync(AuditActions.View, AuditRecords.CoverGrant, null, null, ct);
        return View(page);
    }

    [HttpPost("{clinicianId:guid}")]
    public async Task<IActionResult> Give(Guid clinicianId, CoverForm form, CancellationToken ct)
    {
        if (!await ClinicianExistsAsync(clinicianId, ct)) return NotFound();
        return await SubmitAsync(async () => View(nameof(Index), await PageAsync(clinicianId, form, ct)), async () =>
        {
            var count = await covers.GiveAsync(clinicianId, form.Terms(), form.ClientIds, new CoverActor(Me, IsAdministrator: true), ct);
            Flash(count == 1 ? "Cover given for 1 client." : $"Cover given for {count} clients.");
            return RedirectToAction(nameof(Index));
        });
    }

    [HttpPost("grants/{grantId:guid}/revoke")]
    public async Task<IActionResult> Revoke(Guid grantId, CancellationToken ct)
    {
        var grant = await Db.CoverGrants.SingleOrDefaultAsync(g => g.Id == grantId, ct);
        if (grant is null) return NotFound();
        return await ActAsync(RedirectToAction(nameof(Index)), () => covers.RevokeAsync(grant, new CoverActor(Me, IsAdministrator: true), ct));
    }

    private Task<bool> ClinicianExistsAsync(Guid id, CancellationToken ct) => Db.ActiveInRole(Roles.Clinician).AnyAsync(c => c.Id == id, ct);

    private async Task<CoversPage> PageAsync(Guid? clinicianId, CoverForm? form, CancellationToken ct)
    {
        var now = calendar.UtcNow;
        var grants = await (from g in Db.CoverGrants
                            where g.RevokedAt == null && g.EndsAt > now
                            join c in Db.Clients on g.ClientId equals c.Id
                            where c.PrimaryClinicianId == g.GrantorClinicianId // a cover of a client since transferred applies no more
                            orderby g.StartsOn, c.FullName
                            select new
                            {
                                Grant = g, c.FullName,
                                Clinician = Db.Users.Where(u => u.Id == g.GrantorClinicianId).Select(u => u.DisplayName).First(),
                                Covering = Db.Users.Where(u => u.Id == g.CoveringClinicianId).Select(u => u.DisplayName).First(),
                            }).Take(500).ToListAsync(ct);
        var rows = grants.Select(x => new ClinicCoverRow(x.Grant.Id, x.FullName, x.Clinician, x.Covering, x.Grant.StartsOn, x.Grant.EndsOn,
            x.Grant.StateAt(now))).ToList();
        var clinicians = await Db.ClinicianChoicesAsync(null, ct);
        var chosen = clinicians.Where(c => c.Id == clinicianId).ToList();
        var grantor = chosen is [var (id, name)] ? new CoverGrantor(id, name, await (form ?? new CoverForm()).WithChoicesAsync(Db, id, ct)) : null;
        return new CoversPage(rows, clinicians, grantor);
    }
}
