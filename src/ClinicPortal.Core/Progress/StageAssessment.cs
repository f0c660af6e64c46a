using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Common;

namespace ClinicPortal.Core.Progress;

/// <summary>
/// Where a clinician judged a client to be on a given day, with a short note of the evidence.
/// Assessments are never edited: a later judgement is a new assessment, so the path keeps its history.
/// </summary>
public sealed class StageAssessment : IClinicalRecord
{
    public const int EvidenceMax = 500;

    public Guid Id { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid ModelId { get; private set; }
    public Guid StageId { get; private set; }
    public DateOnly AssessedOn { get; private set; }
    public string Evidence { get; private set; } = "";
    /// <summary>The session the assessment was made in, if any. No foreign key is mapped.</summary>
    public Guid? SessionId { get; private set; }
    public Guid? NoteId { get; private set; }
    public Guid RecordedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private StageAssessment() { }

    /// <param name="currentModel">The model the client follows now; the stage must be one of its stages.</param>
    public static StageAssessment Record(Client client, StageModel currentModel, Guid stageId, DateOnly? assessedOn, string? evidence,
        Guid? noteId, Guid? sessionId, Guid recordedById, DateOnly today, DateTimeOffset now)
    {
        client.EnsureEditable();
        if (currentModel.FindStage(stageId) is null)
            throw new DomainRuleException($"Choose one of the stages of the client's current model ({currentModel.Name}).");
        if (assessedOn is not { } date) throw new DomainRuleException("Choose the date of the assessment.");
        if (date > today) throw new DomainRuleException("The assessment date cannot be in the future.");
        if (date < client.IntakeDate)
            throw new DomainRuleException($"The assessment date cannot be before the client's intake date ({client.IntakeDate:d MMM yyyy}).");
        return new StageAssessment
        {
            Id = Guid.NewGuid(), ClientId = client.Id, ModelId = currentModel.Id, StageId = stageId, AssessedOn = date,
            Evidence = Guard.Required(evidence, "Evidence", EvidenceMax), NoteId = noteId, SessionId = sessionId,
            RecordedById = recordedById, CreatedAt = now,
        };
    }
}
