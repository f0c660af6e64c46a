using ClinicPortal.Core.ContactSafety;
using ClinicPortal.Infrastructure.ContactSafety;

namespace ClinicPortal.Web.Areas.Clinician.ContactSafety;

public sealed record ContactSafetyPage(bool ReadOnly, ContactSafetyLevel Level, ContactSafetyForm Form,
    DateTimeOffset? UpdatedAt, string? UpdatedBy, IReadOnlyList<HeldMessage> Held, TimeZoneInfo Zone);
