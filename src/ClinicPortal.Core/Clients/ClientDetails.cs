namespace ClinicPortal.Core.Clients;

/// <summary>What a clinician types when creating or editing a client.</summary>
public sealed record ClientDetails(
    string? FullName,
    string? PreferredName,
    string? Pronouns,
    DateOnly? DateOfBirth,
    string? Email,
    string? Phone,
    string? TimeZoneId,
    DateOnly? IntakeDate,
    string? PresentingConcern);
