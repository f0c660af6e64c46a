using ClinicPortal.Core.Clinics;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.ClientSpace;

/// <summary>The signed-in client's own record, as much of it as their pages need.</summary>
public sealed record Me(Guid ClientId, TimeZoneInfo Zone, bool IsReadOnly);

/// <summary>
/// Base for the client's own pages. Who the client is comes from the sign-in only, never from the form or
/// the address: <see cref="MeAsync"/> finds the record linked to the signed-in user, and the data layer
/// limits a client to their own rows besides.
/// </summary>
[Area("Client")]
[Authorize(Roles = Core.Accounts.Roles.Client)]
public abstract class ClientSpaceController(ClinicDbContext db, ClinicCalendar calendar) : Controller
{
    protected ClinicDbContext Db => db;
    protected ClinicCalendar Calendar => calendar;

    protected Guid UserId => HttpCurrentActor.UserIdOf(User) ?? throw new InvalidOperationException("No signed-in user");

    protected async Task<Me?> MeAsync(CancellationToken ct)
    {
        var userId = UserId;
        var me = await db.Clients.Where(c => c.UserId == userId)
            .Select(c => new { c.Id, c.TimeZoneId, c.Status }).SingleOrDefaultAsync(ct);
        if (me is null) return null;
        var zone = ClinicTime.Zone(me.TimeZoneId, await calendar.ZoneAsync(ct));
        return new Me(me.Id, zone, me.Status == Core.Clients.ClientStatus.Discharged);
    }

    protected void Flash(string message) => TempData["Flash"] = message;
}
