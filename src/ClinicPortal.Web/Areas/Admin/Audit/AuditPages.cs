using System.Text;
using ClinicPortal.Core.Accounts;
using ClinicPortal.Core.Auditing;
using ClinicPortal.Infrastructure.Auditing;
using ClinicPortal.Infrastructure.Clinics;
using ClinicPortal.Infrastructure.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Web.Areas.Admin.Audit;

public sealed record UserLabel(string Name, string? Email);

public sealed record AuditViewerPage(AuditFilterForm Query, IReadOnlyList<string> Errors, AuditLogPage? Page, IReadOnlyDictionary<Guid, UserLabel> Users,
    IReadOnlyList<(Guid Id, string Label)> StaffChoices, TimeZoneInfo Zone);
