using ClinicPortal.Core.BoundaryPlans;
using ClinicPortal.Core.SupportNetwork;
using ClinicPortal.Web.Areas.Clinician.Reconnecting;

namespace ClinicPortal.Web.Areas.Clinician.BoundaryPlans;

public sealed record BoundaryFormPage(Guid? BoundaryId, BoundaryForm Form)
{
    public bool IsNew => BoundaryId is null;
}

public sealed record LinkedPerson(Guid Id, string Name, SupportRole Role, bool IsCrisisContact);

public sealed record BoundaryListItem(Boundary Boundary, IReadOnlyList<LinkedPerson> People);

public sealed record BoundaryListPage(bool ReadOnly, DateOnly Today, IReadOnlyList<BoundaryListItem> Boundaries,
    IReadOnlyList<ContactLevelEvent> Events, TimeZoneInfo Zone);

public sealed record RevisionRow(Guid Id, int Number, DateTimeOffset At, string AuthorName, string Summary, ContactLevelChange Change, string? Note = null);

public sealed record BoundaryPage(bool ReadOnly, DateOnly Today, Boundary Boundary, IReadOnlyList<LinkedPerson> People,
    RevisionRow Latest, TimeZoneInfo Zone, ReconnectingView Reconnecting);

public sealed record HistoryPage(Boundary Boundary, IReadOnlyList<RevisionRow> Revisions, IReadOnlyList<ContactLevelEvent> Events,
    TimeZoneInfo Zone);

public sealed record ComparePage(Boundary Boundary, RevisionRow From, RevisionRow To, IReadOnlyList<RevisionRow> All,
    BoundaryComparison Comparison, TimeZoneInfo Zone, bool ChangesOnly);
