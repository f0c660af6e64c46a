using ClinicPortal.Core.Clients;
using ClinicPortal.Web.Areas.Clinician.Caseload;

namespace ClinicPortal.Web.Areas.Clinician.Progress;

public sealed record StageCount(string ModelName, Guid StageId, string StageName, int Position, int Clients);

/// <summary>
/// How a clinician's caseload spreads across stages (discharged clients left out), and the stage the list
/// is filtered to. Built from the caseload rows already loaded: no further query.
/// </summary>
public sealed record StageDistribution(IReadOnlyList<StageCount> Stages, int NotAssessed, Guid? Filter, DateOnly Today)
{
    public const string Key = "StageDistribution";

    public string? FilterName => Stages.FirstOrDefault(s => s.StageId == Filter)?.StageName;

    public int Max => Stages.Select(s => s.Clients).DefaultIfEmpty(0).Max();

    public static StageDistribution From(IEnumerable<CaseloadRow> rows, Guid? filter, DateOnly today)
    {
        var open = rows.Where(r => r.Status != ClientStatus.Discharged).ToList();
        var stages = open.Where(r => r.StageId is not null)
            .GroupBy(r => (r.StageModelName, StageId: r.StageId!.Value, r.StageName, r.StagePosition))
            .Select(g => new StageCount(g.Key.StageModelName, g.Key.StageId, g.Key.StageName ?? "", g.Key.StagePosition ?? 0, g.Count()))
            .OrderBy(s => s.ModelName).ThenBy(s => s.Position).ToList();
        return new StageDistribution(stages, open.Count(r => r.StageId is null), filter, today);
    }
}
