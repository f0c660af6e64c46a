using ClinicPortal.Core.TreatmentPlans;

namespace ClinicPortal.Infrastructure.TreatmentPlans;

/// <summary>
/// Stands in for the measures feature's scores until it is wired here: no questionnaire has been given to anyone, so a
/// measure goal is refused as "not given" and has no data.
/// </summary>
internal sealed class NoMeasureScores : IMeasureScores
{
    public Task<IReadOnlySet<string>> GivenAsync(Guid clientId, CancellationToken ct) => Task.FromResult<IReadOnlySet<string>>(new HashSet<string>());

    public Task<IReadOnlyList<MeasureScore>> TotalsAsync(Guid clientId, DateTimeOffset until, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<MeasureScore>>([]);
}
