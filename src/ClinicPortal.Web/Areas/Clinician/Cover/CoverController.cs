using ClinicPortal.Core.Auditing;
using ClinicPortal.Core.Cover;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Cover;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Features.Cover;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Clinician.Cover;

/// <summary>
/// Temporary cover. "Covering": the clients another clinician lets this one reach now (they open them like their own;
/// every read is audited as usual). "Cover for my clients": give a colleague a range of days with chosen clients, revoke
/// it early, and see who covered and what they read. The reach itself is the client filter's (ClinicDbContext).
/// </summary>
[Route("clinician/cover")]
public sealed class CoverController(ClinicDbContext db, CoverGrants covers, AuditTrail audit, ClinicCalendar calendar) : ClinicianController(db)
{
    /// <summary>How many of the covering clinician's audit rows a cover shows (newest first).</summary>
    public const int ReadsShown = 200;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var page = await PageAsync(null, ct);
        await audit.RecordAsync(AuditActions.View, AuditRecords.CoverGrant, null, null, ct);
        return View(page);
    }

    [HttpPost("")]
    public async Task<IActionResult> Give(CoverForm form, CancellationToken ct) =>
        await SubmitAsync(async () => View(nameof(Index), await PageAsync(form, ct)), async () =>
        {
            var count = await covers.GiveAsync(Me, form.Terms(), form.ClientIds, new CoverActor(Me, IsAdministrator: false), ct);
            Flash(count == 1 ? "Cover given for 1 client." : $"Cover given for {count} clients.");
            return RedirectToAction(nameof(Index));
        });

    [HttpPost("{grantId:guid}/revoke")]
    public async Task<IActionResult> Revoke(Guid grantId, CancellationToken ct)
    {
        var me = Me;
        var grant = await Db.CoverGrants.SingleOrDefaultAsync(g => g.Id == grantId && g.GrantorClinicianId == me, ct);
        if (grant is null) return NotFound();
        return await ActAsync(RedirectToAction(nameof(Index)), () => covers.RevokeAsync(grant, new CoverActor(me, IsAdministrator: false), ct));
    }

    /// <param name="form">The refused form, shown again as typed; null for an empty one.</param>
    private async Task<CoverPage> PageAsync(CoverForm? form, CancellationToken ct)
    {
        var (me, now, zone) = (Me, calendar.UtcNow, await calendar.ZoneAsync(ct));
        // Beyond one's caseload the filters let through exactly the clients one covers now.
        var covered = await Db.Clients.Where(c => c.PrimaryClinicianId != me).OrderBy(c => c.FullName)
            .Select(c => new { c.Id, c.FullName, Clinician = Db.Users.Where(u => u.Id == c.PrimaryClinicianId).Select(u => u.DisplayName).First() })
            .ToListAsync(ct);
        var myCovers = await Db.CoverGrants.Where(g => g.CoveringClinicianId == me && g.RevokedAt == null && g.EndsAt > now).ToListAsync(ct);
        var covering = covered.Select(c => new CoveringRow(c.Id, c.FullName, c.Clinician,
            myCovers.Where(g => g.ClientId == c.Id && g.StateAt(now) == CoverState.Active).Select(g => (DateOnly?)g.EndsOn).Max())).ToList();

        var given = await (from g in Db.CoverGrants
                           where g.GrantorClinicianId == me
                           join c in Db.Clients on g.ClientId equals c.Id
                           orderby g.StartsOn descending, c.FullName
                           select new { Grant = g, c.FullName, Covering = Db.Users.Where(u => u.Id == g.CoveringClinicianId).Select(u => u.DisplayName).First() })
            .Take(100).ToListAsync(ct);
        var ids = given.Select(x => x.Grant.Id).ToList();
        var reads = await (from g in Db.CoverGrants
                           where ids.Contains(g.Id)
                           from a in Db.AuditEntries
                           where a.UserId == g.CoveringClinicianId && a.ClientId == g.ClientId && a.At >= g.StartsAt && a.At < (g.RevokedAt ?? g.EndsAt)
                           orderby a.Id descending
                           select new { GrantId = g.Id, Row = new CoverReadRow(a.At, a.Action, a.RecordType, a.RecordId) })
            .Take(ReadsShown * 5).ToListAsync(ct);
        var rows = given.Select(x => new GivenCoverRow(x.Grant.Id, x.Grant.ClientId, x.FullName, x.Covering, x.Grant.StartsOn, x.Grant.EndsOn,
            x.Grant.StateAt(now), x.Grant.RevokedAt, reads.Where(r => r.GrantId == x.Grant.Id).Select(r => r.Row).Take(ReadsShown).ToList())).ToList();

        return new CoverPage(covering, rows, await (form ?? new CoverForm()).WithChoicesAsync(Db, me, ct), zone);
    }
}
