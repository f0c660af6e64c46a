using ClinicPortal.Core.Auditing;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.Auditing;

/// <summary>What the audit viewer narrows by; every part is optional. Dates are UTC instants, <c>To</c> exclusive.</summary>
public sealed record AuditFilter(Guid? UserId = null, Guid? ClientId = null, string? Action = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

/// <summary>
/// One page of the audit log, newest first. <see cref="OlderThan"/> and <see cref="NewerThan"/> are the
/// cursors for the neighbouring pages (null when there is none).
/// </summary>
public sealed record AuditLogPage(IReadOnlyList<AuditEntry> Rows, long? OlderThan, long? NewerThan);

/// <summary>
/// Reads the audit log with keyset paging: each page continues from the id at the edge of the previous
/// one ("id &lt; cursor ORDER BY id DESC"), so page 5,000 costs what page 1 does — an index range scan
/// on the primary key or on (client_id, id), (user_id, id) or (action, id) when filtered — where OFFSET
/// paging would walk past every earlier row.
/// </summary>
public static class AuditLogQuery
{
    public const int DefaultPageSize = 50;

    public static IQueryable<AuditEntry> Matching(this IQueryable<AuditEntry> rows, AuditFilter f)
    {
        if (f.UserId is { } user) rows = rows.Where(a => a.UserId == user);
        if (f.ClientId is { } client) rows = rows.Where(a => a.ClientId == client);
        if (!string.IsNullOrEmpty(f.Action)) rows = rows.Where(a => a.Action == f.Action);
        if (f.From is { } from) rows = rows.Where(a => a.At >= from);
        if (f.To is { } to) rows = rows.Where(a => a.At < to);
        return rows;
    }

    /// <summary>
    /// The page older than <paramref name="olderThan"/>, or newer than <paramref name="newerThan"/>, or the
    /// newest page when neither is given.
    /// </summary>
    public static async Task<AuditLogPage> PageAsync(ClinicDbContext db, AuditFilter filter, long? olderThan, long? newerThan,
        int pageSize = DefaultPageSize, CancellationToken ct = default)
    {
        var matching = db.AuditEntries.AsNoTracking().Matching(filter);
        List<AuditEntry> rows;
        bool more;
        if (newerThan is { } after && olderThan is null)
        {
            rows = await matching.Where(a => a.Id > after).OrderBy(a => a.Id).Take(pageSize + 1).ToListAsync(ct);
            more = rows.Count > pageSize;
            rows = rows.Take(pageSize).Reverse().ToList();
            if (rows.Count == 0) return await PageAsync(db, filter, null, null, pageSize, ct); // ran off the new end
            var oldest = rows[^1].Id;
            var older = await matching.AnyAsync(a => a.Id < oldest, ct);
            return new AuditLogPage(rows, older ? rows[^1].Id : null, more ? rows[0].Id : null);
        }

        var query = olderThan is { } before ? matching.Where(a => a.Id < before) : matching;
        rows = await query.OrderByDescending(a => a.Id).Take(pageSize + 1).ToListAsync(ct);
        more = rows.Count > pageSize;
        rows = rows.Take(pageSize).ToList();
        var newest = rows.Count > 0 ? rows[0].Id : 0;
        var newer = olderThan is not null && rows.Count > 0 && await matching.AnyAsync(a => a.Id > newest, ct);
        return new AuditLogPage(rows, more ? rows[^1].Id : null, newer ? rows[0].Id : null);
    }

    /// <summary>
    /// The same page fetched with OFFSET: the baseline the keyset query is measured against (bench/AuditPaging).
    /// Not used by the app.
    /// </summary>
    public static Task<List<AuditEntry>> OffsetPageAsync(ClinicDbContext db, AuditFilter filter, int pageNumber, int pageSize = DefaultPageSize,
        CancellationToken ct = default) =>
        db.AuditEntries.AsNoTracking().Matching(filter).OrderByDescending(a => a.Id).Skip((pageNumber - 1) * pageSize).Take(pageSize).ToListAsync(ct);

    /// <summary>Every matching row, newest first, streamed (CSV export).</summary>
    public static IAsyncEnumerable<AuditEntry> StreamAsync(ClinicDbContext db, AuditFilter filter) =>
        db.AuditEntries.AsNoTracking().Matching(filter).OrderByDescending(a => a.Id).AsAsyncEnumerable();
}
