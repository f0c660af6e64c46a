using ClinicPortal.Core.ContactSafety;

namespace ClinicPortal.Web.Areas.Clinician.ContactSafety;

/// <summary>The contact-safety badge beside a client's name (client header and caseload row: both read the level with the client).</summary>
public sealed record ContactSafetyBadge(Guid ClientId, ContactSafetyLevel Level);
