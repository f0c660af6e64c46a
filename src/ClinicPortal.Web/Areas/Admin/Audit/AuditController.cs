using System.Text;
using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Admin.Audit;

/// <summary>
/// The audit log for administrators: who did what to which client id and record id, when and from which network (the
/// address with its last part hidden). It holds no clinical content to show, and names staff only: clients are ids. Keyset paging (<see cref="AuditLogQuery"/>) keeps every page as fast
/// as the first at a million rows; the CSV export is itself audited.
/// </summary>
[Route("admin/audit")]
public sealed class AuditController(ClinicDbContext db, ClinicCalendar calendar, AuditTrail audit, TimeProvider clock) : AdminController(db)
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AuditFilterForm query, CancellationToken ct)
    {
        var zone = await calendar.ZoneAsync(ct);
        var (filter, errors) = ModelState.IsValid ? query.Parse(zone) : (null, ["The page link is not valid."]);
        AuditLogPage? page = null;
        if (filter is not null) page = await AuditLogQuery.PageAsync(Db, filter, query.Older, query.Newer, AuditLogQuery.DefaultPageSize, ct);
        else Response.StatusCode = StatusCodes.Status400BadRequest;

        var ids = page?.Rows.Where(r => r.UserId is not null).Select(r => r.UserId!.Value).Distinct().ToList() ?? [];
        var users = await LabelsAsync(Staff().Where(u => ids.Contains(u.Id)), ct);
        var staff = (await LabelsAsync(Staff(), ct))
            .OrderBy(s => s.Value.Name).Select(s => (s.Key, $"{s.Value.Name} ({s.Value.Email})")).ToList();
        return View(new AuditViewerPage(query, errors, page, users, staff, zone));
    }

    /// <summary>Every row matching the filters, newest first, as CSV. The export is recorded before it starts.</summary>
    [HttpGet("export")]
    public async Task<IActionResult> Export([FromQuery] AuditFilterForm query, CancellationToken ct)
    {
        var (filter, errors) = ModelState.IsValid ? query.Parse(await calendar.ZoneAsync(ct)) : (null, ["The page link is not valid."]);
        if (filter is null) return BadRequest(string.Join(" ", errors));

        await audit.RecordAsync(AuditActions.Export, AuditRecords.AuditLog, null, filter.ClientId, ct);
        var users = await LabelsAsync(Staff(), ct);

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"audit-log-{clock.GetUtcNow():yyyyMMdd-HHmmss}.csv\"";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(false), bufferSize: 64 * 1024);
        await writer.WriteLineAsync("id,at_utc,user_id,user_name,user_email,role,client_id,action,record_type,record_id,ip_address,disclosed_to,recipient");
        await foreach (var a in AuditLogQuery.StreamAsync(Db, filter).WithCancellation(ct))
        {
            var who = a.UserId is { } u && users.TryGetValue(u, out var label) ? label : null;
            await writer.WriteLineAsync(string.Join(",",
                a.Id.ToString(), a.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"), a.UserId?.ToString(), Csv(who?.Name), Csv(who?.Email), Csv(a.Role),
                a.ClientId?.ToString(), Csv(a.Action), Csv(a.RecordType), Csv(a.RecordId),
                Csv(SignInDevice.MaskAddress(a.IpAddress)), Csv(a.DisclosedTo), Csv(a.Recipient)));
        }
        await writer.FlushAsync(ct);
        return new EmptyResult();
    }

    /// <summary>
    /// Clinicians and administrators: the only users named in the log. A client is their user id (and their rows' client id),
    /// never a name or an address.
    /// </summary>
    private IQueryable<Infrastructure.Identity.ApplicationUser> Staff() =>
        Db.Users.Where(u => Db.UserRoles.Any(ur => ur.UserId == u.Id && Db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.Admin || r.Name == Roles.Clinician))));

    private static async Task<Dictionary<Guid, UserLabel>> LabelsAsync(IQueryable<Infrastructure.Identity.ApplicationUser> users, CancellationToken ct) =>
        (await users.Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct))
        .ToDictionary(u => u.Id, u => new UserLabel(u.DisplayName, u.Email));

    /// <summary>A CSV field: quoted when needed, and never starting with = + - @ (spreadsheet formulas).</summary>
    public static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if ("=+-@\t\r".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
