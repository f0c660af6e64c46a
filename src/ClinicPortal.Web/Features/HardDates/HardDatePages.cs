using System.Linq.Expressions;
using ClinicPortal.Core.HardDates;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Features.HardDates;

/// <summary>One hard date as both sides list it, with the next time it comes.</summary>
public sealed record HardDateRow(Guid Id, HardDateKind Kind, string? Label, DateOnly Date, bool Yearly, bool AddedByClient)
{
    public static readonly Expression<Func<HardDate, HardDateRow>> Projection = d => new HardDateRow(d.Id, d.Kind, d.Label, d.Date, d.Yearly, d.AddedByClient);

    public DateOnly? NextOn(DateOnly today) => HardDate.Next(Date, Yearly, today);
}

/// <summary>The list and the form to add one: the same on the clinician's and the client's page.</summary>
public sealed record HardDatesPage(IReadOnlyList<HardDateRow> Dates, HardDateForm Form, DateOnly Today, bool ReadOnly, bool ForClient)
{
    /// <summary>Soonest first; one-off dates that have passed last.</summary>
    public IEnumerable<HardDateRow> InOrder => Dates.OrderBy(d => d.NextOn(Today) ?? DateOnly.MaxValue).ThenBy(d => d.Date);

    public static async Task<List<HardDateRow>> OfAsync(ClinicDbContext db, Guid clientId, CancellationToken ct) =>
        await db.Set<HardDate>().AsNoTracking().Where(d => d.ClientId == clientId).Select(HardDateRow.Projection).ToListAsync(ct);
}
