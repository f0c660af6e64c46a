using ClinicPortal.Core.Cover;
using ClinicPortal.Web.Features.Cover;

namespace ClinicPortal.Web.Areas.Admin.Covers;

/// <param name="Covers">Covers running now or still to come, across the clinic: who covers whose client, and when.</param>
/// <param name="Clinicians">The active clinicians, to choose whose clients to give cover of.</param>
/// <param name="Grantor">The clinician chosen, with the form for their clients; null before one is chosen.</param>
public sealed record CoversPage(IReadOnlyList<ClinicCoverRow> Covers, IReadOnlyList<(Guid Id, string Name)> Clinicians, CoverGrantor? Grantor);

public sealed record CoverGrantor(Guid Id, string Name, CoverForm Form);

public sealed record ClinicCoverRow(Guid Id, string ClientName, string ClinicianName, string CoveringName, DateOnly StartsOn, DateOnly EndsOn, CoverState State);
