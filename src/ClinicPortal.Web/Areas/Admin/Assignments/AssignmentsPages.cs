using ClinicPortal.Core.Clients;

namespace ClinicPortal.Web.Areas.Admin.Assignments;

public sealed record AssignmentRow(Guid Id, string FullName, ClientStatus Status, Guid ClinicianId, string ClinicianName);

public sealed record AssignmentsPage(IReadOnlyList<AssignmentRow> Clients, IReadOnlyList<(Guid Id, string Name)> Clinicians);

/// <summary>One past transfer as administrators see it: when and between whom; the reason is for the clinicians.</summary>
public sealed record TransferLine(DateTimeOffset At, string From, string To, string By);

public sealed record TransferPage(AssignmentRow Client, IReadOnlyList<(Guid Id, string Name)> Clinicians, IReadOnlyList<TransferLine> History,
    Guid? ClinicianId, string? Reason);
