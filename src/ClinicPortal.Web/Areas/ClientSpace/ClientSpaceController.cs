using ClinicPortal.Core.Clinics;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using ClinicPortal.Web.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.ClientSpace;

/// <summary>The signed-in client's own record, as much of it as their pages need.</summary>
public sealed record OwnRecord(Guid ClientId, TimeZoneInfo Zone, bool IsReadOnly);

/// <summary>
/// Base for the client's own pages. Who the client is comes from the sign-in only, never from the form or
/// the address: <see cref="OwnRecordAsync"/> finds the record linked to the signed-in user, and the data layer
/// limits a client to their own rows besides. Controllers whose every page is about that record set
/// <see cref="RequiresOwnRecord"/>: it is loaded before the action runs (<see cref="Own"/>), or the answer is 404.
/// </summary>
[Area(AreaName)]
[Authorize(Roles = Core.Accounts.Roles.Client)]
public abstract class ClientSpaceController(ClinicDbContext db, ClinicCalendar calendar) : PortalController(db)
{
    public const string AreaName = "ClientSpace";

    private OwnRecord? _own;
    private bool _looked;

    protected ClinicCalendar Calendar => calendar;

    protected virtual bool RequiresOwnRecord => false;

    protected OwnRecord Own => _own ?? throw new InvalidOperationException("This controller does not require the client's own record.");

    public override async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (RequiresOwnRecord && await OwnRecordAsync(HttpContext.RequestAborted) is null)
        {
            context.Result = NotFound();
            return;
        }
        await next();
    }

    /// <summary>The signed-in client's record (time zone: their own, else the clinic's), or null if the sign-in has none.</summary>
    protected async Task<OwnRecord?> OwnRecordAsync(CancellationToken ct)
    {
        if (_looked) return _own;
        var userId = Me;
        var row = await Db.Clients.Where(c => c.UserId == userId)
            .Select(c => new { c.Id, c.TimeZoneId, c.Status }).SingleOrDefaultAsync(ct);
        _looked = true;
        return _own = row is null ? null
            : new OwnRecord(row.Id, ClinicTime.Zone(row.TimeZoneId, await calendar.ZoneAsync(ct)), row.Status == Core.Clients.ClientStatus.Discharged);
    }
}
