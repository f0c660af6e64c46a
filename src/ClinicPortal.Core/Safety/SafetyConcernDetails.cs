namespace ClinicPortal.Core.Safety;

/// <summary>What a clinician types when recording or updating a safety concern.</summary>
public sealed record SafetyConcernDetails(
    ConcernType? Type,
    string? OtherType,
    ConcernSeverity? Severity,
    ConcernStatus? Status,
    DateOnly? FirstNoticed,
    DateOnly? LastOccurrence,
    string? InvolvedPerson,
    string? Description,
    DateOnly? NextReviewDate,
    string? ResolutionNote,
    Guid? SupportPersonId = null,
    Guid? BoundaryId = null);
