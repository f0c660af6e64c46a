using ClinicPortal.Core.Safety;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.ClientSpace.Safety;

/// <summary>The clinic's crisis lines (not about any client: everyone may read them).</summary>
public sealed class CrisisResourcesQuery(ClinicDbContext db)
{
    /// <summary>The active ones, in display order.</summary>
    public Task<List<CrisisResource>> ActiveAsync(CancellationToken ct) =>
        db.Set<CrisisResource>().AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.SortOrder).ThenBy(r => r.Name).ToListAsync(ct);
}
