namespace ClinicPortal.Web.Areas.Clinician.SupportNetwork;

/// <summary>The support-network card on the client overview: how many people in each role.</summary>
public sealed record SupportSummary(Guid ClientId, int Supportive, int CrisisContacts, int Mutual, int Risk, int Unknown, int Shared);
