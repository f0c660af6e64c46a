using ClinicPortal.Core.Clients;
using ClinicPortal.Core.Safety;

namespace ClinicPortal.Web.Areas.Clinician.Alerts;

public sealed record AlertRow(
    Guid Id, Guid ClientId, string FullName, string? PreferredName, AlertKind Kind, ConcernSeverity Severity, Guid? ConcernId,
    ConcernType? ConcernType, string? OtherType, DateOnly? ReviewDate, DateTimeOffset RaisedAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy,
    AlertResponse? Response, string? ResponseNote)
{
    public string ClientName => Client.Display(FullName, PreferredName);
}

/// <summary>An alert passed on to this clinician as someone's backup: no client name, only whose client it is.</summary>
public sealed record EscalatedRow(Guid AlertId, Guid ClientId, AlertKind Kind, DateTimeOffset RaisedAt, DateTimeOffset? EscalatedAt, string PrimaryClinician);

public sealed record AlertsPage(IReadOnlyList<AlertRow> Open, IReadOnlyList<AlertRow> Recent, TimeZoneInfo Zone, IReadOnlyList<EscalatedRow> EscalatedToMe);
