using ClinicPortal.Core.Cover;
using ClinicPortal.Web.Features.Cover;

namespace ClinicPortal.Web.Areas.Clinician.Cover;

/// <param name="Covering">The clients this clinician covers now (exactly those the data filters let them reach beyond their caseload).</param>
/// <param name="Given">Covers of this clinician's clients, with what the covering clinician read and did meanwhile.</param>
public sealed record CoverPage(IReadOnlyList<CoveringRow> Covering, IReadOnlyList<GivenCoverRow> Given, CoverForm Form, TimeZoneInfo Zone);

/// <param name="EndsOn">The last day of the cover now running (null in the instant it ends).</param>
public sealed record CoveringRow(Guid ClientId, string ClientName, string ClinicianName, DateOnly? EndsOn);

public sealed record GivenCoverRow(Guid Id, Guid ClientId, string ClientName, string CoveringName, DateOnly StartsOn, DateOnly EndsOn, CoverState State,
    DateTimeOffset? RevokedAt, IReadOnlyList<CoverReadRow> Reads);

/// <summary>One audit row of the covering clinician about the client while the cover ran: when, the verb and the kind of record.</summary>
public sealed record CoverReadRow(DateTimeOffset At, string Action, string RecordType, string? RecordId);
