using ClinicPortal.Infrastructure.Auditing;

namespace ClinicPortal.Web.Areas.Admin.Audit;

public sealed record UserLabel(string Name, string? Email);

public sealed record AuditViewerPage(AuditFilterForm Query, IReadOnlyList<string> Errors, AuditLogPage? Page, IReadOnlyDictionary<Guid, UserLabel> Users,
    IReadOnlyList<(Guid Id, string Label)> StaffChoices, TimeZoneInfo Zone);
