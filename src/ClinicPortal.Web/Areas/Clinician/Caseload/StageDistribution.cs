namespace ClinicPortal.Web.Areas.Clinician.Caseload;

public sealed record StageCount(string ModelName, Guid StageId, string StageName, int Position, int Clients);

/// <summary>How a clinician's clients in care (discharged left out) spread across stages, and the stage the list is filtered to.</summary>
public sealed record StageDistribution(IReadOnlyList<StageCount> Stages, int NotAssessed, Guid? Filter)
{
    public string? FilterName => Stages.FirstOrDefault(s => s.StageId == Filter)?.StageName;

    public int Max => Stages.Select(s => s.Clients).DefaultIfEmpty(0).Max();
}
