using System.Linq.Expressions;
using ClinicPortal.Core.Measures;
using ClinicPortal.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.Measures;

/// <summary>One submitted questionnaire as a score: which instrument, when it was sent, its total, and whether it flagged safety.</summary>
public sealed record MeasureScore(Guid ResponseId, string InstrumentCode, DateTimeOffset CompletedAt, int Total, bool SafetyFlag)
{
    public Instrument Instrument => Instruments.Find(InstrumentCode)!;

    /// <summary>A sent response as a score; use with <see cref="Sent"/> (a page folding scores into a statement of its own reads them so).</summary>
    public static readonly Expression<Func<MeasureResponse, MeasureScore>> Projection =
        r => new MeasureScore(r.Id, r.InstrumentCode, r.SubmittedAt!.Value, r.Total!.Value, r.SafetyFlag);

    public static readonly Expression<Func<MeasureResponse, bool>> Sent = r => r.SubmittedAt != null && r.Total != null;
}

/// <summary>
/// A client's scored responses, oldest first, under the caller's data filters (so a clinician reads only clients in
/// scope, a client only their own). The progress page, the report and a treatment plan's "measure" goal read scores here.
/// </summary>
public sealed class MeasureScoresQuery(ClinicDbContext db)
{
    /// <param name="instrumentCode">One instrument's scores, or every instrument's when null.</param>
    /// <param name="until">Scores sent up to this moment (a report's period end), or all.</param>
    public Task<List<MeasureScore>> ScoresAsync(Guid clientId, string? instrumentCode = null, DateTimeOffset? until = null, CancellationToken ct = default) =>
        db.Set<MeasureResponse>().AsNoTracking()
            .Where(r => r.ClientId == clientId).Where(MeasureScore.Sent)
            .Where(r => instrumentCode == null || r.InstrumentCode == instrumentCode)
            .Where(r => until == null || r.SubmittedAt <= until)
            .OrderBy(r => r.SubmittedAt)
            .Select(MeasureScore.Projection)
            .ToListAsync(ct);
}
