using ClinicPortal.Core.Auditing;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.Auditing;

/// <summary>What the audit viewer narrows by; every part is optional. Dates are UTC instants, <c>To</c> exclusive.</summary>
/// <param name="Disclosures">Only the rows that record a disclosure (a report handed to someone).</param>
public sealed record AuditFilter(Guid? UserId = null, Guid? ClientId = null, string? Action = null, DateTimeOffset? From = null, DateTimeOffset? To = null,
    bool Disclosures = false);

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
        if (f.Disclosures) rows = rows.Where(a => a.DisclosedTo != null);
        return rows;
    }

    /// <summary>
    /// The page older than <paramref name="olderThan"/>, or newer than <paramref name="newerThan"/>, or the
    /// newest page when neither is given.
    /// </summary>
    public static async Task<AuditLogPage> PageAsync(ClinicDbContext db, AuditFilter filter, long? olderThan, long? newerThan,
        int pageSize = DefaultPageSize, CancellationToken ct = default)
    {
        // A date range is a range on "at": with prepared statements PostgreSQL soon switches to a generic plan that
        // guesses its selectivity and walks the whole range through the (at) index. Planning each time with the real
        // dates lets it walk the primary key from the cursor instead (measured in bench/AuditPaging).
        var dated = (filter.From is not null || filter.To is not null) && db.Database.IsNpgsql() && db.Database.CurrentTransaction is null;
        await using var tx = dated ? await db.Database.BeginTransactionAsync(ct) : null;
        if (tx is not null) await db.Database.ExecuteSqlRawAsync("SET LOCAL plan_cache_mode = force_custom_plan", ct);
        var page = await ReadPageAsync(db.AuditEntries.AsNoTracking().Matching(filter), olderThan, newerThan, pageSize, ct)
            ?? await ReadPageAsync(db.AuditEntries.AsNoTracking().Matching(filter), null, null, pageSize, ct); // ran off the new end
        if (tx is not null) await tx.CommitAsync(ct);
        return page!;
    }

    private static async Task<AuditLogPage?> ReadPageAsync(IQueryable<AuditEntry> matching, long? olderThan, long? newerThan, int pageSize, CancellationToken ct)
    {
        if (newerThan is { } after && olderThan is null)
        {
            var ascending = await matching.Where(a => a.Id > after).OrderBy(a => a.Id).Take(pageSize + 1).ToListAsync(ct);
            if (ascending.Count == 0) return null;
            var page = ascending.Take(pageSize).Reverse().ToList();
            var oldest = page[^1].Id;
            var older = await matching.Where(a => a.Id < oldest).OrderByDescending(a => a.Id).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct) is not null;
            return new AuditLogPage(page, older ? oldest : null, ascending.Count > pageSize ? page[0].Id : null);
        }

        var query = olderThan is { } before ? matching.Where(a => a.Id < before) : matching;
        var rows = await query.OrderByDescending(a => a.Id).Take(pageSize + 1).ToListAsync(ct);
        var more = rows.Count > pageSize;
        rows = rows.Take(pageSize).ToList();
        var newest = rows.Count > 0 ? rows[0].Id : 0;
        var newer = olderThan is not null && rows.Count > 0
            && await matching.Where(a => a.Id > newest).OrderBy(a => a.Id).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct) is not null;
        return new AuditLogPage(rows, more ? rows[^1].Id : null, newer ? newest : null);
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
